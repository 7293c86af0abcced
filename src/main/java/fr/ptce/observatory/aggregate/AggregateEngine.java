package fr.ptce.observatory.aggregate;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Consumer;

import fr.ptce.observatory.referential.Catalogue;
import fr.ptce.observatory.referential.GeoReferential;
import fr.ptce.observatory.referential.Indicator;
import fr.ptce.observatory.referential.Pole;
import fr.ptce.observatory.referential.Registry;
import fr.ptce.observatory.warehouse.AggregateCell;
import fr.ptce.observatory.warehouse.DataDirectory;
import fr.ptce.observatory.warehouse.ParquetScan;
import fr.ptce.observatory.warehouse.PoleValue;
import fr.ptce.observatory.warehouse.Provenance;
import fr.ptce.observatory.warehouse.Tables;
import fr.ptce.observatory.warehouse.Timestamps;
import fr.ptce.observatory.warehouse.Trend;

import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * The aggregate computation for a range of years, as of an instant: each year of the
 * range and the nine before it (yoy, ma3 and trends need them, and a year's output must
 * not depend on what ran before) is loaded into Arrow vectors, annualised and aggregated,
 * several years at a time on worker threads; the years are then completed in ascending
 * order with what needs earlier years, and the partitions of the range are written.
 */
public final class AggregateEngine {

	/** Name of the one file of each partition, replaced by an atomic rename. */
	public static final String PART = "part-0.parquet";

	private final Registry registry;

	private final Catalogue catalogue;

	private final GeoReferential geo;

	private final DataDirectory dataDirectory;

	private final Provenance provenance;

	private final int threads;

	private final List<String> codes;

	public AggregateEngine(Registry registry, Catalogue catalogue, GeoReferential geo, DataDirectory dataDirectory,
			Provenance provenance, int threads) {
		this.registry = registry;
		this.catalogue = catalogue;
		this.geo = geo;
		this.dataDirectory = dataDirectory;
		this.provenance = provenance;
		this.threads = Math.max(1, threads);
		List<String> list = new ArrayList<>(catalogue.indicators().stream().map(Indicator::code).toList());
		Ratio.ALL.forEach(r -> list.add(r.code()));
		this.codes = List.copyOf(list);
	}

	/**
	 * Time spent in each phase over the years of a run, in nanoseconds (summed over
	 * worker threads).
	 */
	private final AtomicLongArray phases = new AtomicLongArray(5);

	private static final String[] PHASES = { "load", "values", "cells", "write pole values", "complete and write" };

	/** What one year of the range produced. */
	public record YearSummary(int year, long observations, int poleValues, int cells, int publishedCells,
			int auditSuppressions) {
	}

	/**
	 * Runs the range and writes pole_values, aggregates and trends for each of its years.
	 */
	public List<YearSummary> run(int from, int to, Instant asOf, Consumer<String> progress) {
		if (from > to) {
			throw new IllegalArgumentException("from " + from + " is after to " + to);
		}
		long asOfMicros = Timestamps.toMicros(asOf);
		Provenance stamped = provenance.withAsOf(asOf);
		boolean[] isProtected = new boolean[registry.size()];
		registry.poles().forEach(pole -> isProtected[pole.index()] = !pole.openData());
		History history = new History(isProtected);
		List<YearSummary> summaries = new ArrayList<>();
		int first = from - History.TREND_YEARS + 1;
		ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
			Thread t = new Thread(r, "aggregate-year");
			t.setDaemon(true);
			return t;
		});
		try (BufferAllocator allocator = new RootAllocator()) {
			Deque<Future<Computed>> pending = new ArrayDeque<>();
			int next = first;
			// a bounded look-ahead: at most threads + 1 years in memory besides the
			// history
			while (next <= to && pending.size() <= threads) {
				int year = next++;
				pending.add(pool.submit(() -> computeYear(year, from, asOfMicros, allocator, stamped)));
			}
			while (!pending.isEmpty()) {
				Computed computed = get(pending.poll());
				if (next <= to) {
					int year = next++;
					pending.add(pool.submit(() -> computeYear(year, from, asOfMicros, allocator, stamped)));
				}
				long t0 = System.nanoTime();
				history.complete(computed.cells, computed.values);
				if (computed.values.year >= from) {
					List<Trend> trends = history.trends(computed.cells);
					YearSummary summary = write(computed, trends, stamped);
					summaries.add(summary);
					progress.accept("aggregated " + summary.year() + ": " + summary.observations() + " observations, "
							+ summary.poleValues() + " pole values, " + summary.cells() + " cells ("
							+ summary.publishedCells() + " published; " + summary.auditSuppressions()
							+ " suppressed by the confidentiality audit)");
				}
				history.add(computed.cells, computed.values);
				phases.addAndGet(4, System.nanoTime() - t0);
			}
		}
		finally {
			pool.shutdownNow();
		}
		StringBuilder timing = new StringBuilder("time by phase (summed over threads):");
		for (int i = 0; i < PHASES.length; i++) {
			timing.append(String.format(" %s %.2f s;", PHASES[i], phases.getAndSet(i, 0) / 1e9));
		}
		progress.accept(timing.toString());
		return summaries;
	}

	private record Computed(YearValues values, YearCells cells, int poleValues) {
	}

	private static Computed get(Future<Computed> future) {
		try {
			return future.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	/**
	 * One year on a worker thread: load its observations into Arrow vectors, annualise,
	 * aggregate with confidentiality, and write its pole values when it is in the range
	 * (they need no other year).
	 */
	private Computed computeYear(int year, int from, long asOfMicros, BufferAllocator root, Provenance stamped) {
		long t0 = System.nanoTime();
		List<Path> files = ParquetScan.files(dataDirectory.partition(Tables.OBSERVATIONS, year));
		YearValues values;
		if (files.isEmpty()) {
			values = YearValues.compute(year, null, registry, catalogue);
		}
		else {
			try (BufferAllocator allocator = root.newChildAllocator("year-" + year, 0, Long.MAX_VALUE);
					ObservationColumns columns = ObservationColumns.load(allocator, files, asOfMicros, registry,
							catalogue)) {
				long t1 = System.nanoTime();
				phases.addAndGet(0, t1 - t0);
				t0 = t1;
				values = YearValues.compute(year, columns, registry, catalogue);
			}
		}
		long t1 = System.nanoTime();
		phases.addAndGet(1, t1 - t0);
		YearCells cells = YearCells.compute(values, registry, geo, codes);
		long t2 = System.nanoTime();
		phases.addAndGet(2, t2 - t1);
		int written = 0;
		if (year >= from) {
			List<PoleValue> poleValues = poleValues(values);
			Tables.POLE_VALUE.writeFile(dataDirectory.partition(Tables.POLE_VALUES, year).resolve(PART), stamped,
					poleValues);
			written = poleValues.size();
			phases.addAndGet(3, System.nanoTime() - t2);
		}
		return new Computed(values, cells, written);
	}

	private YearSummary write(Computed computed, List<Trend> trends, Provenance stamped) {
		int year = computed.values.year;
		List<AggregateCell> rows = new ArrayList<>(computed.cells.cells.size());
		computed.cells.cells.forEach(c -> rows.add(c.toRow()));
		Comparator<AggregateCell> cellOrder = Comparator.comparing(AggregateCell::indicator)
			.thenComparing(AggregateCell::level)
			.thenComparing(AggregateCell::area);
		rows.sort(cellOrder);
		List<Trend> sortedTrends = new ArrayList<>(trends);
		sortedTrends
			.sort(Comparator.comparing(Trend::indicator).thenComparing(Trend::level).thenComparing(Trend::area));
		Tables.AGGREGATE.writeFile(dataDirectory.partition(Tables.AGGREGATES, year).resolve(PART), stamped, rows);
		Tables.TREND.writeFile(dataDirectory.partition(Tables.TRENDS, year).resolve(PART), stamped, sortedTrends);
		AuditFiles.write(dataDirectory, year, computed.cells, stamped);
		int published = (int) rows.stream().filter(r -> "F".equals(r.confStatus())).count();
		int audited = computed.cells.audits.stream().mapToInt(a -> a.suppressions().size()).sum();
		return new YearSummary(year, computed.values.observations, computed.poleValues, rows.size(), published,
				audited);
	}

	/** The pole values of a year, sorted by (pole_id, indicator). */
	List<PoleValue> poleValues(YearValues values) {
		List<Pole> poles = new ArrayList<>(registry.poles());
		poles.sort(Comparator.comparing(Pole::id));
		Integer[] order = new Integer[codes.size()];
		for (int i = 0; i < order.length; i++) {
			order[i] = i;
		}
		Arrays.sort(order, Comparator.comparing(codes::get));
		List<PoleValue> rows = new ArrayList<>();
		for (Pole pole : poles) {
			int p = pole.index();
			for (int i : order) {
				int k = p * values.nIndicators + i;
				if (!Double.isNaN(values.value[k])) {
					rows.add(new PoleValue(pole.id(), codes.get(i), values.value[k], values.imputed[k],
							values.nQuarters[k]));
				}
			}
		}
		return rows;
	}

	/**
	 * Years of the range where no pole is expected and nothing was ever observed: asking
	 * for them is a usage error rather than an empty publication.
	 */
	public List<Integer> yearsWithoutData(int from, int to) {
		List<Integer> empty = new ArrayList<>();
		for (int year = from; year <= to; year++) {
			int y = year;
			boolean expected = registry.poles().stream().anyMatch(p -> p.isExpected(y));
			boolean observed = !ParquetScan.files(dataDirectory.partition(Tables.OBSERVATIONS, year)).isEmpty();
			if (!expected && !observed) {
				empty.add(year);
			}
		}
		return empty;
	}

	public List<String> indicatorCodes() {
		return codes;
	}

}
