package fr.ptce.observatory.download;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps the download audit to its retention
 * ({@code observatory.partners.audit-retention}, a year by default; 0 keeps everything):
 * the table grows with the traffic, about 200 bytes a request, and a year of it is what
 * an operator needs to answer a partner's question about its downloads. Runs in
 * {@code serve} at start and then once a day, on a thread of its own so that a slow
 * delete never holds a request.
 */
final class AuditRetention implements SmartLifecycle {

	private static final Logger LOG = LoggerFactory.getLogger(AuditRetention.class);

	static final Duration EVERY = Duration.ofDays(1);

	private final DownloadAudit audit;

	private final Duration retention;

	private final Clock clock;

	private ScheduledExecutorService timer;

	AuditRetention(DownloadAudit audit, Duration retention, Clock clock) {
		if (retention.isNegative()) {
			throw new IllegalArgumentException(
					"observatory.partners.audit-retention must not be negative: " + retention);
		}
		this.audit = audit;
		this.retention = retention;
		this.clock = clock;
	}

	/** Deletes what is older than the retention; returns how many records went. */
	int pruneNow() {
		if (retention.isZero()) {
			return 0;
		}
		int deleted = audit.prune(clock.instant().minus(retention));
		if (deleted > 0) {
			LOG.info("download audit: {} records older than {} days deleted", deleted, retention.toDays());
		}
		return deleted;
	}

	@Override
	public synchronized void start() {
		timer = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread t = new Thread(r, "audit-retention");
			t.setDaemon(true);
			return t;
		});
		timer.scheduleWithFixedDelay(this::pruneQuietly, 0, EVERY.toSeconds(), TimeUnit.SECONDS);
	}

	private void pruneQuietly() {
		try {
			pruneNow();
		}
		catch (RuntimeException ex) {
			// the next day tries again; the service goes on meanwhile
			LOG.warn("download audit: cannot delete old records: {}", ex.getMessage());
		}
	}

	@Override
	public synchronized void stop() {
		if (timer != null) {
			timer.shutdownNow();
			timer = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return timer != null;
	}

}
