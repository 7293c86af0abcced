package fr.ptce.observatory.download;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * At most {@code perMinute} requests a minute per key (a token's id, or a signed link's
 * partner), as a token bucket: a full bucket holds a minute's worth, refilled
 * continuously, so a client may burst up to the limit and then goes at its average pace.
 * Keys are made only for credentials already found valid (an unknown token or a wrong
 * signature makes none), and at most {@code maxKeys} are kept, the least recently used
 * dropped first: the memory of the limiter does not grow with anything a client can make
 * numerous.
 */
public class RateLimiter {

	/** The answer for one request: allowed, or refused with the seconds to wait. */
	public record Decision(boolean allowed, long retryAfterSeconds) {
	}

	private static final class Bucket {

		double tokens;

		long updated;

	}

	private final int perMinute;

	private final LongSupplier nanoTime;

	private final Map<String, Bucket> buckets;

	public RateLimiter(int perMinute, int maxKeys, LongSupplier nanoTime) {
		this.perMinute = perMinute;
		this.nanoTime = nanoTime;
		this.buckets = new LinkedHashMap<>(64, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
				return size() > maxKeys;
			}

		};
	}

	public int perMinute() {
		return perMinute;
	}

	public synchronized Decision acquire(String key) {
		long now = nanoTime.getAsLong();
		Bucket b = buckets.get(key);
		if (b == null) {
			b = new Bucket();
			b.tokens = perMinute;
			b.updated = now;
			buckets.put(key, b);
		}
		double perNano = perMinute / 60e9;
		b.tokens = Math.min(perMinute, b.tokens + (now - b.updated) * perNano);
		b.updated = now;
		if (b.tokens >= 1) {
			b.tokens -= 1;
			return new Decision(true, 0);
		}
		long wait = (long) Math.ceil((1 - b.tokens) / perNano / 1e9);
		return new Decision(false, Math.max(1, wait));
	}

	synchronized int size() {
		return buckets.size();
	}

}
