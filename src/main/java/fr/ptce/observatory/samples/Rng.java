package fr.ptce.observatory.samples;

import java.util.List;

/**
 * A seeded pseudo-random source whose sequence is fixed by its definition, SplitMix64
 * (the algorithm of {@link java.util.SplittableRandom}), written out here with its own
 * bounded and Gaussian draws and {@link StrictMath}, so that the same seed gives the same
 * samples on any JDK version and any machine: the committed samples are checked byte for
 * byte against what the generator writes.
 */
final class Rng {

	private static final long GOLDEN = 0x9E3779B97F4A7C15L;

	private long state;

	Rng(long seed) {
		this.state = seed;
	}

	/**
	 * An independent stream for one purpose ("registry", "pole"...) and one index,
	 * derived from the seed.
	 */
	static Rng of(long seed, String purpose, long index) {
		long salt = 0xcbf29ce484222325L;
		for (int i = 0; i < purpose.length(); i++) {
			salt = (salt ^ purpose.charAt(i)) * 0x100000001b3L;
		}
		return new Rng(mix(mix(seed ^ salt) + (index + 1) * GOLDEN));
	}

	private static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

	long nextLong() {
		state += GOLDEN;
		return mix(state);
	}

	/** Uniform in [0, 1). */
	double nextDouble() {
		return (nextLong() >>> 11) * 0x1.0p-53;
	}

	/** Uniform in [0, bound). */
	int nextInt(int bound) {
		if (bound <= 0) {
			throw new IllegalArgumentException("bound must be positive");
		}
		return (int) (((nextLong() >>> 32) * bound) >>> 32);
	}

	/** Uniform in [low, high], both included. */
	int between(int low, int high) {
		return low + nextInt(high - low + 1);
	}

	double uniform(double low, double high) {
		return low + (high - low) * nextDouble();
	}

	boolean chance(double probability) {
		return nextDouble() < probability;
	}

	/** Standard normal (Box-Muller). */
	double gaussian() {
		double u1 = 1.0 - nextDouble();
		double u2 = nextDouble();
		return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
	}

	double gaussian(double mean, double sd) {
		return mean + sd * gaussian();
	}

	<T> T pick(List<T> items) {
		return items.get(nextInt(items.size()));
	}

	<T> T pick(T[] items) {
		return items[nextInt(items.length)];
	}

	/** An index drawn with probability proportional to its weight. */
	int weighted(double[] weights) {
		double total = 0;
		for (double w : weights) {
			total += w;
		}
		double x = nextDouble() * total;
		for (int i = 0; i < weights.length; i++) {
			x -= weights[i];
			if (x < 0) {
				return i;
			}
		}
		return weights.length - 1;
	}

	/** Fisher-Yates, in place. */
	<T> void shuffle(List<T> items) {
		for (int i = items.size() - 1; i > 0; i--) {
			int j = nextInt(i + 1);
			T t = items.get(i);
			items.set(i, items.get(j));
			items.set(j, t);
		}
	}

}
