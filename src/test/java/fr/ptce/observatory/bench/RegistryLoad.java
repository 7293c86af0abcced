package fr.ptce.observatory.bench;

import java.nio.file.Path;
import java.util.Locale;

import fr.ptce.observatory.referential.GeoReferential;
import fr.ptce.observatory.referential.Registry;

/**
 * Loads a registry once in a fresh JVM, as a command does (the geographic referential
 * first), and prints the time of {@link Registry#load} alone: {@code registry_ms=N}. Run
 * by {@link StartupBenchmark} in a JVM started as the jar starts its commands.
 */
public final class RegistryLoad {

	private RegistryLoad() {
	}

	public static void main(String[] args) {
		GeoReferential geo = GeoReferential.bundled();
		long start = System.nanoTime();
		Registry registry = Registry.load(Path.of(args[0]), geo);
		double ms = (System.nanoTime() - start) / 1e6;
		System.out.printf(Locale.ROOT, "registry_ms=%.1f poles=%d%n", ms, registry.size());
	}

}
