package fr.ptce.observatory.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import fr.ptce.observatory.ObservatoryProperties;
import fr.ptce.observatory.SoftwareVersion;
import fr.ptce.observatory.referential.Catalogue;
import fr.ptce.observatory.referential.GeoReferential;
import fr.ptce.observatory.referential.Registry;
import fr.ptce.observatory.warehouse.AtomicFiles;
import fr.ptce.observatory.warehouse.DataDirectory;
import fr.ptce.observatory.warehouse.MissingAggregatesException;
import fr.ptce.observatory.warehouse.Observation;
import fr.ptce.observatory.warehouse.TableReaders;
import fr.ptce.observatory.warehouse.Tables;
import fr.ptce.observatory.warehouse.Timestamps;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes year Y into publications/YYYY/: the national report, one regional edition per
 * region, the tables as XLSX and manifest.json, and in interne/ the collection follow-up
 * with a manifest of its own (the public manifest does not list it, so that the public
 * files can be distributed by their manifest alone). Everything is written into a hidden
 * folder publications/.YYYY.tmp-* and renamed to publications/YYYY only when complete; an
 * older publication of the year is renamed away first and deleted after, so that a reader
 * sees the old publication or the new one, whole.
 */
public final class Publisher {

	/** What a publication run produced. */
	public record Result(Path folder, Path nationalPdf, List<Path> files) {
	}

	private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);

	private final DataDirectory dir;

	private final Catalogue catalogue;

	private final GeoReferential geo;

	private final Registry registry;

	private final Templates templates;

	private final Clock clock;

	/** The days told in documents are those of the observatory's calendar. */
	private final ZoneId zone;

	public Publisher(DataDirectory dir, Catalogue catalogue, GeoReferential geo, Registry registry, Templates templates,
			Clock clock) {
		this(dir, catalogue, geo, registry, templates, clock, ZoneId.of(ObservatoryProperties.DEFAULT_ZONE));
	}

	public Publisher(DataDirectory dir, Catalogue catalogue, GeoReferential geo, Registry registry, Templates templates,
			Clock clock, ZoneId zone) {
		this.dir = dir;
		this.catalogue = catalogue;
		this.geo = geo;
		this.registry = registry;
		this.templates = templates;
		this.clock = clock;
		this.zone = zone;
	}

	/** The template cache of a data directory: DATA_DIR/cache/reports. */
	public static Path templateCache(DataDirectory dir) {
		return dir.root().resolve("cache").resolve("reports");
	}

	/**
	 * @param asOf the as-of instant asked for, or null for the one the aggregates were
	 * computed as of
	 * @throws MissingAggregatesException when the year has no aggregates
	 * @throws IllegalArgumentException when asOf differs from the aggregates' own
	 */
	public Result publish(int year, Instant asOf) {
		check(year, asOf);
		PublicationData data = PublicationData.load(dir, year);
		Instant recorded = data.asOf();
		Instant effective = asOf != null ? asOf : recorded != null ? recorded : clock.instant();
		String catalogueSha = orElse(data.metadata("observatory.catalogue_sha256"), catalogue.sha256());
		String registrySha = orElse(data.metadata("observatory.registry_sha256"), registry.sha256());
		String version = SoftwareVersion.get();
		PublicationContent.Provenance provenance = new PublicationContent.Provenance(effective, catalogueSha,
				registrySha, version);
		boolean fictional = isSample(registrySha);
		Instant generated = clock.instant();
		String edited = FrenchFormat.date(generated);

		PublicationContent content = new PublicationContent(catalogue, geo);
		PdfRenderer renderer = new PdfRenderer(templates);
		// the template is read before the threads start, so that they do not both read it
		templates.get(PdfRenderer.TEMPLATE);
		Path target = dir.publications(year);
		removeLeftovers(target);
		Path tmp = target.resolveSibling("." + year + ".tmp-" + UUID.randomUUID());
		try {
			Files.createDirectories(tmp);
			long start = System.nanoTime();
			Edition national = content.national(data, provenance, fictional);
			// the national report and the workbook first, the longest tasks, so that
			// neither is left to run alone at the end; the follow-up reads the
			// observations on its own thread too
			List<Runnable> tasks = new ArrayList<>();
			tasks.add(() -> renderer.render(national, edited, effective, version, tmp.resolve(national.fileName())));
			tasks.add(() -> XlsxTables.write(dir, data, content, geo, provenance,
					fictional ? PublicationContent.FICTIONAL : null, tmp.resolve("tableaux-" + year + ".xlsx")));
			tasks.add(() -> {
				Edition followUp = followUp(year, effective, fictional, data);
				renderer.render(followUp, edited, effective, version, tmp.resolve(followUp.fileName()));
			});
			for (GeoReferential.Region region : geo.reportedRegions()) {
				tasks.add(() -> {
					Edition e = content.regional(data, region, provenance, fictional);
					renderer.render(e, edited, effective, version, tmp.resolve(e.fileName()));
				});
			}
			runAll(tasks);
			LOG.info("{}: {} documents and the workbook written in {} ms", year, tasks.size() - 1,
					(System.nanoTime() - start) / 1_000_000);
			// the internal documents first: the public manifest lists the public files
			// only
			Path internal = tmp.resolve(CollectionFollowUp.INTERNAL);
			List<Path> files = new ArrayList<>(PublicationManifest.write(internal, PublicationManifest.INTERNAL, year,
					provenance, generated, null));
			files.addAll(
					PublicationManifest.write(tmp, PublicationManifest.PUBLIC, year, provenance, generated, internal));
			swapIn(tmp, target);
			List<Path> published = files.stream().map(f -> target.resolve(tmp.relativize(f))).toList();
			return new Result(target, target.resolve(national.fileName()), published);
		}
		catch (IOException ex) {
			AtomicFiles.deleteTree(tmp);
			throw new UncheckedIOException("cannot write the publication of " + year + ": " + ex.getMessage(), ex);
		}
		catch (RuntimeException ex) {
			AtomicFiles.deleteTree(tmp);
			throw ex;
		}
	}

	/**
	 * The collection follow-up, for the analysts: from the observations, as of the
	 * publication's instant.
	 */
	private Edition followUp(int year, Instant asOf, boolean fictional, PublicationData data) {
		List<Observation> observations = TableReaders.readPartition(dir, Tables.OBSERVATIONS, year,
				f -> TableReaders.observations(f, year));
		List<CollectionFollowUp.Late> late = CollectionFollowUp.compute(year, asOf, registry, catalogue, observations,
				LastSubmissions.read(dir, asOf, zone));
		long expected = registry.poles().stream().filter(p -> p.isExpected(year)).count();
		return CollectionFollowUp.edition(year, late, geo, expected, fictional, data, zone);
	}

	/**
	 * Runs the tasks (documents, workbook) on as many threads as the machine has cores
	 * (two at most: the machine is shared); each writes a file of its own, so the result
	 * does not depend on the order.
	 */
	private static void runAll(List<Runnable> tasks) {
		int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
		ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
			Thread t = new Thread(r, "publish-render");
			t.setDaemon(true);
			return t;
		});
		try {
			List<Future<?>> done = new ArrayList<>();
			for (Runnable task : tasks) {
				done.add(pool.submit(task));
			}
			for (Future<?> f : done) {
				f.get();
			}
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause().getMessage(), ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while rendering the publication", ex);
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * Whether year Y can be published as of the instant, before any work: its aggregates
	 * exist, and were computed as of that instant (the publication shows the aggregates
	 * as they are; it does not recompute them).
	 * @throws IllegalArgumentException with what to run first
	 */
	public void check(int year, Instant asOf) {
		Instant recorded = PublicationData.recordedAsOf(dir, year);
		if (asOf != null && recorded != null && !Timestamps.micros(asOf).equals(Timestamps.micros(recorded))) {
			throw new IllegalArgumentException("the aggregates of " + year + " were computed as of "
					+ Timestamps.format(recorded) + ", not " + Timestamps.format(asOf) + ": run 'aggregate --year "
					+ year + " --as-of " + Timestamps.format(asOf) + "' first");
		}
	}

	/**
	 * The figures come from the bundled sample registry: every page says they are
	 * fictional.
	 */
	boolean isSample(String registrySha) {
		try {
			return Registry.bundled(geo).sha256().equals(registrySha) || registry.source().contains("data-samples");
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static String orElse(String value, String fallback) {
		return value == null || value.isBlank() ? fallback : value;
	}

	/**
	 * Hidden folders of the year left by a run that was killed while writing or swapping:
	 * never visible.
	 */
	private static void removeLeftovers(Path target) {
		Path parent = target.getParent();
		if (!Files.isDirectory(parent)) {
			return;
		}
		String prefix = "." + target.getFileName();
		try (Stream<Path> list = Files.list(parent)) {
			list.filter(p -> {
				String n = p.getFileName().toString();
				return n.startsWith(prefix + ".tmp-") || n.startsWith(prefix + ".old-");
			}).forEach(AtomicFiles::deleteTree);
		}
		catch (IOException ex) {
			// left for the next run: hidden folders are not part of any publication
		}
	}

	/** Rename the old publication away, the new one in, then delete the old one. */
	private static void swapIn(Path tmp, Path target) throws IOException {
		Path old = null;
		if (Files.exists(target)) {
			old = target.resolveSibling("." + target.getFileName() + ".old-" + UUID.randomUUID());
			Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
		}
		Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
		if (old != null) {
			AtomicFiles.deleteTree(old);
		}
	}

}
