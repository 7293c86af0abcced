package fr.ptce.observatory.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import fr.ptce.observatory.SoftwareVersion;
import fr.ptce.observatory.extract.ExtractTables.IndicatorRow;
import fr.ptce.observatory.extract.ExtractTables.YearCell;
import fr.ptce.observatory.partners.Partner;
import fr.ptce.observatory.partners.Partners;
import fr.ptce.observatory.referential.Catalogue;
import fr.ptce.observatory.referential.Pole;
import fr.ptce.observatory.referential.Registry;
import fr.ptce.observatory.warehouse.AggregateCell;
import fr.ptce.observatory.warehouse.AtomicFiles;
import fr.ptce.observatory.warehouse.DataDirectory;
import fr.ptce.observatory.warehouse.ProcessLock;
import fr.ptce.observatory.warehouse.PoleValue;
import fr.ptce.observatory.warehouse.Provenance;
import fr.ptce.observatory.warehouse.Trend;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Builds the extracts of year Y (extracts.md) into
 * {@code extracts/PARTNER/YYYY/VERSION/}: each partner's files are written into a hidden
 * folder beside that place and renamed into it whole, so that an extract appears complete
 * or not at all. A version already in place is not written again (its data is the same:
 * the version is the as-of instant of the aggregates it was made from). The warehouse is
 * read once for all the partners.
 */
public final class ExtractBuilder {

	/** What became of one partner's extract. */
	public record Outcome(String partner, int year, String version, Path folder, boolean written,
			Map<String, Long> rows) {
	}

	/** The outcomes of a run and the rows it read from the warehouse. */
	public record Result(List<Outcome> outcomes, long rowsRead) {

		public long rowsWritten() {
			return outcomes.stream().flatMap(o -> o.rows().values().stream()).mapToLong(Long::longValue).sum();
		}

	}

	private static final Logger LOG = LoggerFactory.getLogger(ExtractBuilder.class);

	private final DataDirectory dir;

	private final Registry registry;

	private final Catalogue catalogue;

	private final Partners partners;

	private final Clock clock;

	private final Consumer<ExtractPublished> published;

	private final int threads;

	/**
	 * @param published told of each new version once it is in place (the e-mail to the
	 * partner's contact)
	 */
	public ExtractBuilder(DataDirectory dir, Registry registry, Catalogue catalogue, Partners partners, Clock clock,
			ApplicationEventPublisher events) {
		this(dir, registry, catalogue, partners, clock, events::publishEvent,
				Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors())));
	}

	ExtractBuilder(DataDirectory dir, Registry registry, Catalogue catalogue, Partners partners, Clock clock,
			Consumer<ExtractPublished> published, int threads) {
		this.dir = dir;
		this.registry = registry;
		this.catalogue = catalogue;
		this.partners = partners;
		this.clock = clock;
		this.published = published;
		this.threads = threads;
	}

	/**
	 * Whether the extracts of year Y can be built, before any work.
	 * @param partner a partner code, or null for every partner
	 * @throws IllegalArgumentException with what to give or run instead (a usage error)
	 */
	public void check(int year, String partner) {
		selected(partner);
		WarehouseWindow.open(dir, year);
	}

	public Result build(int year, String partner) {
		// one build of a year at a time, across processes: a second run would delete the
		// first
		// one's drafts as leftovers; it waits, then finds the versions in place
		try (ProcessLock lock = ProcessLock.acquire(dir.root().resolve("locks").resolve("extract-" + year + ".lock"))) {
			return buildLocked(year, partner);
		}
	}

	/**
	 * With the year's lock held: the leftovers removed below are a dead run's, never a
	 * live one's drafts.
	 */
	private Result buildLocked(int year, String partner) {
		List<Partner> chosen = selected(partner);
		WarehouseWindow window = WarehouseWindow.open(dir, year);
		String version = ExtractVersion.of(window.asOf());
		List<Outcome> outcomes = new ArrayList<>();
		List<PartnerDraft> drafts = new ArrayList<>();
		try {
			for (Partner p : chosen) {
				Path target = target(p.code(), year, version);
				removeLeftovers(target.getParent());
				if (Files.isDirectory(target)) {
					outcomes.add(new Outcome(p.code(), year, version, target, false, Map.of()));
					continue;
				}
				Path tmp = target.resolveSibling("." + version + ".tmp-" + UUID.randomUUID());
				drafts.add(new PartnerDraft(p, tmp, metadata(window, p, version), visiblePoles(p)));
			}
			long read = drafts.isEmpty() ? 0 : write(window, version, drafts);
			for (PartnerDraft d : drafts) {
				outcomes.add(place(d, year, version));
			}
			drafts.clear();
			// in the order of the partners file
			outcomes.sort(Comparator.comparingInt(o -> indexOf(chosen, o.partner())));
			return new Result(outcomes, read);
		}
		finally {
			drafts.forEach(PartnerDraft::close);
		}
	}

	private static int indexOf(List<Partner> partners, String code) {
		for (int i = 0; i < partners.size(); i++) {
			if (partners.get(i).code().equals(code)) {
				return i;
			}
		}
		return partners.size();
	}

	/** Where the version of a partner's extract of a year lives. */
	public Path target(String partner, int year, String version) {
		return dir.extracts(partner).resolve(Integer.toString(year)).resolve(version);
	}

	private List<Partner> selected(String code) {
		if (code == null || code.isBlank()) {
			return partners.all();
		}
		Partner p = partners.find(code.strip());
		if (p == null) {
			throw new IllegalArgumentException("unknown partner '" + code + "' (partners file " + partners.source()
					+ ": " + partners.all().stream().map(Partner::code).collect(Collectors.joining(", ")) + ")");
		}
		return List.of(p);
	}

	/**
	 * extracts.md: members of one of the partner's networks that agreed to share their
	 * figures.
	 */
	private Set<String> visiblePoles(Partner partner) {
		return registry.poles().stream().filter(partner::maySee).map(Pole::id).collect(Collectors.toSet());
	}

	/**
	 * interfaces.md's provenance of the figures (year Y's aggregates), plus the extract's
	 * partner and version.
	 */
	private static Map<String, String> metadata(WarehouseWindow window, Partner partner, String version) {
		Provenance provenance = new Provenance(window.asOf(), window.metadata("observatory.catalogue_sha256"),
				window.metadata("observatory.registry_sha256"), SoftwareVersion.get());
		Map<String, String> kv = new LinkedHashMap<>(provenance.keyValueMetadata());
		kv.replaceAll((k, v) -> v == null ? "" : v);
		kv.put("observatory.partner", partner.code());
		kv.put("observatory.extract_version", version);
		return kv;
	}

	/** Writes every draft's files; returns the rows read from the warehouse. */
	private long write(WarehouseWindow window, String version, List<PartnerDraft> drafts) {
		List<YearCell> cells = window.aggregates();
		checkConfidentialCells(cells);
		List<Trend> trends = window.trends();
		Tasks tasks = new Tasks(new Parallel(threads));
		try {
			startTables(tasks, drafts, cells, trends);
			long values = chainPoleValues(tasks, drafts, window);
			for (PartnerDraft d : drafts) {
				tasks.then(d, () -> {
					d.finish();
					writeDataPackage(d, window, version);
				});
			}
			Parallel.await(tasks.all());
			return cells.size() + trends.size() + values;
		}
		catch (RuntimeException ex) {
			// no writer may still be at work when the drafts are deleted
			Parallel.settle(tasks.all());
			throw ex;
		}
		finally {
			tasks.parallel.close();
		}
	}

	/**
	 * The tasks of a run: the shared tables' and, per partner, a chain run in order (a
	 * draft is touched by one thread at a time).
	 */
	private static final class Tasks {

		final Parallel parallel;

		final List<CompletableFuture<Void>> shared = new ArrayList<>();

		final Map<PartnerDraft, CompletableFuture<Void>> chains = new LinkedHashMap<>();

		Tasks(Parallel parallel) {
			this.parallel = parallel;
		}

		void then(PartnerDraft d, Runnable work) {
			chains.put(d, parallel.after(List.of(chains.get(d)), work));
		}

		List<CompletableFuture<Void>> all() {
			List<CompletableFuture<Void>> all = new ArrayList<>(shared);
			all.addAll(chains.values());
			return all;
		}

	}

	/**
	 * The rows that do not depend on the partner are encoded once, into the first draft,
	 * and copied to the others; each partner's own poles are written meanwhile.
	 */
	private void startTables(Tasks tasks, List<PartnerDraft> drafts, List<YearCell> cells, List<Trend> trends) {
		List<IndicatorRow> indicators = IndicatorRows.of(catalogue);
		Map<String, String> units = IndicatorRows.units(indicators);
		PartnerDraft first = drafts.get(0);
		tasks.shared.add(tasks.parallel.run(() -> {
			first.parquet(ExtractTables.AGGREGATES, cells);
			first.parquet(ExtractTables.TRENDS, trends);
			first.parquet(ExtractTables.INDICATORS, indicators);
		}));
		tasks.shared.add(tasks.parallel.run(() -> {
			first.csv(ExtractTables.AGGREGATES, cells);
			first.csv(ExtractTables.TRENDS, trends);
			first.csv(ExtractTables.INDICATORS, indicators);
			writeSdmx(first.folder(), cells, units);
		}));
		for (PartnerDraft d : drafts) {
			CompletableFuture<Void> poles = tasks.parallel.run(() -> {
				List<Pole> visible = registry.poles().stream().filter(d.partner()::maySee).toList();
				d.parquet(ExtractTables.POLES, visible);
				d.csv(ExtractTables.POLES, visible);
			});
			// every partner's files need the shared ones: the first's own, the others'
			// copied from it
			List<CompletableFuture<Void>> before = new ArrayList<>(tasks.shared);
			before.add(poles);
			tasks.chains.put(d, tasks.parallel.after(before, () -> {
				if (d != first) {
					copyShared(first, d);
				}
			}));
		}
	}

	/**
	 * Reads the pole values year after year on this thread while the writers work, two
	 * years ahead at most (memory holds three years, not ten), and encodes each year's
	 * CSV lines once for every partner; returns the rows read.
	 */
	private static long chainPoleValues(Tasks tasks, List<PartnerDraft> drafts, WarehouseWindow window) {
		long read = 0;
		PoleAudiences audiences = new PoleAudiences(drafts.stream().map(PartnerDraft::visiblePoles).toList());
		List<CompletableFuture<Void>> years = new ArrayList<>();
		for (int y : window.years()) {
			if (years.size() >= 2) {
				Parallel.await(List.of(years.get(years.size() - 2)));
			}
			List<PoleValue> values = window.poleValues(y);
			read += values.size();
			CsvLines lines = CsvLines.of(y, values, audiences);
			for (int p = 0; p < drafts.size(); p++) {
				PartnerDraft d = drafts.get(p);
				boolean[] sees = audiences.seenBy(p);
				tasks.then(d, () -> d.poleValues(y, values, lines, sees));
			}
			years.add(CompletableFuture.allOf(tasks.chains.values().toArray(CompletableFuture[]::new)));
		}
		return read;
	}

	private static void copyShared(PartnerDraft first, PartnerDraft d) {
		d.copyFrom(first, List.of(ExtractTables.AGGREGATES.csvFile(), ExtractTables.TRENDS.csvFile(),
				ExtractTables.INDICATORS.csvFile(), SdmxCsv.FILE));
		for (ExtractTable<?> table : List.of(ExtractTables.AGGREGATES, ExtractTables.TRENDS,
				ExtractTables.INDICATORS)) {
			d.parquetFrom(first, table);
		}
	}

	private void writeDataPackage(PartnerDraft d, WarehouseWindow window, String version) {
		try {
			DataPackage.write(d.folder(), new DataPackage.Header(d.partner(), window.year(), version, clock.instant(),
					window, SoftwareVersion.get()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(
					"cannot write the datapackage of " + d.partner().code() + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * methodology section 4: a cell that is not F has every measure but its counts null.
	 * The warehouse guarantees it; an extract leaves the observatory, so it checks again
	 * and refuses rather than let a hidden figure out.
	 */
	static void checkConfidentialCells(List<YearCell> cells) {
		for (YearCell yc : cells) {
			AggregateCell c = yc.cell();
			if (!"F".equals(c.confStatus()) && (c.total() != null || c.mean() != null || c.median() != null
					|| c.p25() != null || c.p75() != null || c.density() != null || c.yoyPct() != null
					|| c.yoyConstantPct() != null || c.ma3() != null)) {
				throw new IllegalStateException("the aggregates of " + yc.year() + " hold a measure in the "
						+ "confidential cell " + c.indicator() + "/" + c.level() + "/" + c.area() + " (status "
						+ c.confStatus() + "): no extract is written; run 'aggregate --year " + yc.year() + "' again");
			}
		}
	}

	private static void writeSdmx(Path folder, List<YearCell> cells, Map<String, String> units) {
		try (Writer out = Files.newBufferedWriter(folder.resolve(SdmxCsv.FILE), StandardCharsets.UTF_8)) {
			SdmxCsv.write(out, cells, units);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write " + SdmxCsv.FILE + ": " + ex.getMessage(), ex);
		}
	}

	/** Renames a finished draft into place, and tells the contact. */
	private Outcome place(PartnerDraft d, int year, String version) {
		Path target = target(d.partner().code(), year, version);
		try {
			Files.move(d.folder(), target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (FileAlreadyExistsException | DirectoryNotEmptyException ex) {
			// another run placed the same version meanwhile: the same data, kept as it is
			AtomicFiles.deleteTree(d.folder());
			return new Outcome(d.partner().code(), year, version, target, false, Map.of());
		}
		catch (IOException ex) {
			AtomicFiles.deleteTree(d.folder());
			throw new UncheckedIOException(
					"cannot move the extract of " + d.partner().code() + " into " + target + ": " + ex.getMessage(),
					ex);
		}
		LOG.info("extract {} {} of {}: {} rows in {}", year, version, d.partner().code(), d.totalRows(), target);
		Partner p = d.partner();
		published.accept(new ExtractPublished(p.code(), p.name(), p.contact(), year, version, target));
		return new Outcome(p.code(), year, version, target, true, Map.copyOf(d.rows()));
	}

	/**
	 * Hidden folders left by a run that died while writing: never visible, deleted before
	 * writing again.
	 */
	private static void removeLeftovers(Path yearFolder) {
		if (!Files.isDirectory(yearFolder)) {
			return;
		}
		try (var list = Files.list(yearFolder)) {
			list.filter(p -> p.getFileName().toString().startsWith(".") && p.getFileName().toString().contains(".tmp-"))
				.forEach(AtomicFiles::deleteTree);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot list " + yearFolder + ": " + ex.getMessage(), ex);
		}
	}

}
