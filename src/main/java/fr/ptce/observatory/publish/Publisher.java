package fr.ptce.observatory.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import fr.ptce.observatory.SoftwareVersion;
import fr.ptce.observatory.referential.Catalogue;
import fr.ptce.observatory.referential.GeoReferential;
import fr.ptce.observatory.referential.Registry;
import fr.ptce.observatory.warehouse.AtomicFiles;
import fr.ptce.observatory.warehouse.DataDirectory;
import fr.ptce.observatory.warehouse.Observation;
import fr.ptce.observatory.warehouse.TableReaders;
import fr.ptce.observatory.warehouse.Sha256;
import fr.ptce.observatory.warehouse.Tables;
import fr.ptce.observatory.warehouse.Timestamps;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes year Y into publications/YYYY/: the national report, one regional edition per region, the tables as
 * XLSX, the collection follow-up and manifest.json. Everything is written into a hidden folder
 * publications/.YYYY.tmp-* and renamed to publications/YYYY only when complete; an older publication of the year
 * is renamed away first and deleted after, so that a reader sees the old publication or the new one, whole.
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

	public Publisher(DataDirectory dir, Catalogue catalogue, GeoReferential geo, Registry registry,
			Templates templates, Clock clock) {
		this.dir = dir;
		this.catalogue = catalogue;
		this.geo = geo;
		this.registry = registry;
		this.templates = templates;
		this.clock = clock;
	}

	/** The template cache of a data directory: DATA_DIR/cache/reports. */
	public static Path templateCache(DataDirectory dir) {
		return dir.root().resolve("cache").resolve("reports");
	}

	/**
	 * @param asOf the as-of instant asked for, or null for the one the aggregates were computed as of
	 * @throws PublicationData.MissingAggregatesException when the year has no aggregates
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
		Path target = dir.publications(year);
		removeLeftovers(target);
		Path tmp = target.resolveSibling("." + year + ".tmp-" + UUID.randomUUID());
		try {
			Files.createDirectories(tmp);
			Edition national = content.national(data, provenance, fictional);
			List<Edition> editions = new ArrayList<>();
			editions.add(national);
			for (GeoReferential.Region region : geo.reportedRegions()) {
				editions.add(content.regional(data, region, provenance, fictional));
			}
			List<Observation> observations = TableReaders.readPartition(dir, Tables.OBSERVATIONS, year,
					f -> TableReaders.observations(f, year));
			List<CollectionFollowUp.Late> late = CollectionFollowUp.compute(year, effective, registry, catalogue,
					observations);
			long expected = registry.poles().stream().filter(p -> p.isExpected(year)).count();
			editions.add(CollectionFollowUp.edition(year, late, geo, expected, fictional, data));
			long start = System.nanoTime();
			renderAll(renderer, editions, edited, effective, version, tmp);
			LOG.info("{}: {} documents rendered in {} ms", year, editions.size(),
					(System.nanoTime() - start) / 1_000_000);
			XlsxTables.write(List.of(national), tmp.resolve("tableaux-" + year + ".xlsx"),
					fictional ? PublicationContent.FICTIONAL : null, effective);
			List<Path> files = writeManifest(tmp, year, provenance, generated);
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
	 * Renders the documents on as many threads as the machine has cores (two at most: the machine is shared);
	 * each document is a file of its own, so the result does not depend on the order.
	 */
	private static void renderAll(PdfRenderer renderer, List<Edition> editions, String edited, Instant asOf,
			String version, Path folder) {
		int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
		ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
			Thread t = new Thread(r, "publish-render");
			t.setDaemon(true);
			return t;
		});
		try {
			List<Future<?>> rendered = new ArrayList<>();
			for (Edition e : editions) {
				rendered.add(pool.submit(() -> renderer.render(e, edited, asOf, version,
						folder.resolve(e.fileName()))));
			}
			for (Future<?> f : rendered) {
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
	 * Whether year Y can be published as of the instant, before any work: its aggregates exist, and were computed
	 * as of that instant (the publication shows the aggregates as they are; it does not recompute them).
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

	/** The figures come from the bundled sample registry: every page says they are fictional. */
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

	private List<Path> writeManifest(Path folder, int year, PublicationContent.Provenance provenance,
			Instant generated) throws IOException {
		List<Path> files;
		try (Stream<Path> walk = Files.walk(folder)) {
			files = new ArrayList<>(walk.filter(Files::isRegularFile).sorted().toList());
		}
		List<Map<String, Object>> entries = new ArrayList<>();
		for (Path f : files) {
			Map<String, Object> e = new LinkedHashMap<>();
			e.put("path", folder.relativize(f).toString().replace('\\', '/'));
			e.put("sha256", Sha256.of(f));
			e.put("size", Files.size(f));
			entries.add(e);
		}
		Map<String, Object> manifest = new LinkedHashMap<>();
		manifest.put("year", year);
		manifest.put("as_of", Timestamps.format(provenance.asOf()));
		manifest.put("catalogue_sha256", provenance.catalogueSha256());
		manifest.put("registry_sha256", provenance.registrySha256());
		manifest.put("software_version", provenance.softwareVersion());
		manifest.put("generated_at", Timestamps.format(generated));
		manifest.put("files", entries);
		String json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build()
			.writeValueAsString(manifest);
		Path manifestFile = folder.resolve("manifest.json");
		Files.writeString(manifestFile, json + "\n");
		files.add(manifestFile);
		return files;
	}


	/** Hidden folders of the year left by a run that was killed while writing or swapping: never visible. */
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
			Files.move(target, old, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
		}
		Files.move(tmp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
		if (old != null) {
			AtomicFiles.deleteTree(old);
		}
	}

}
