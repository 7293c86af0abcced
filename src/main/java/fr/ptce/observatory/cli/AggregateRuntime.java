package fr.ptce.observatory.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import fr.ptce.observatory.Futures;
import fr.ptce.observatory.aggregate.AggregateEngine;
import fr.ptce.observatory.aggregate.AggregateJobConfiguration;
import fr.ptce.observatory.launch.ProcessMarker;
import fr.ptce.observatory.launch.StandaloneBatch;
import fr.ptce.observatory.referential.Catalogue;
import fr.ptce.observatory.referential.GeoReferential;
import fr.ptce.observatory.referential.ReferentialConfiguration;
import fr.ptce.observatory.referential.Registry;
import fr.ptce.observatory.warehouse.DataDirectory;

import org.h2.jdbcx.JdbcConnectionPool;

import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What `aggregate` runs its job with: the beans of a started Spring application or, with
 * the default embedded database and nothing that could move it (as for `status`), the
 * same objects made without Spring (docs/startup.md): the engine, the job repository and
 * operator, and the job, built by the job's configuration class.
 */
record AggregateRuntime(AggregateEngine engine, DataDirectory dataDirectory, Clock clock, JobRepository repository,
		JobOperator operator, Job job, Runnable closing) implements AutoCloseable {

	/** The beans of a started application, which is closed with this. */
	static AggregateRuntime of(ConfigurableApplicationContext context) {
		return new AggregateRuntime(context.getBean(AggregateEngine.class), context.getBean(DataDirectory.class),
				context.getBean(Clock.class), context.getBean(JobRepository.class), context.getBean(JobOperator.class),
				context.getBean(AggregateJobConfiguration.JOB, Job.class), context::close);
	}

	/**
	 * Without Spring, when {@link DirectDatabase#applies} and the schema is current or
	 * the database new (created as {@code ApplicationContexts} would); empty when Spring
	 * must start (a schema behind, which Flyway migrates).
	 */
	static Optional<AggregateRuntime> standalone(GlobalOptions global) throws SQLException {
		if (!DirectDatabase.applies(global)) {
			return Optional.empty();
		}
		CommandLogging.apply();
		Path root = global.dataDir().toAbsolutePath().normalize();
		DataDirectory dir = ReferentialConfiguration.dataDirectory(root);
		// the referential is read on the other core while the database opens: each takes
		// a tenth of the command
		CompletableFuture<AggregateEngine> engine = Futures.onNewThread("referential", () -> engine(global, dir));
		Optional<JdbcConnectionPool> pool;
		try {
			pool = currentDatabase(root);
		}
		catch (SQLException | RuntimeException ex) {
			// a bad registry is said first, as when Spring starts
			Futures.join(engine);
			throw ex;
		}
		if (pool.isEmpty()) {
			Futures.join(engine);
			return Optional.empty();
		}
		try {
			StandaloneBatch batch = new StandaloneBatch(pool.get());
			AggregateEngine ready = Futures.join(engine);
			Job job = AggregateJobConfiguration.standaloneJob(batch.repository(), batch.transactionManager(), ready);
			ProcessMarker.mark((AbstractJob) job, batch::repository);
			// CommandApplication's clock
			return Optional.of(new AggregateRuntime(ready, dir, Clock.systemUTC(), batch.repository(), batch.operator(),
					job, pool.get()::dispose));
		}
		catch (RuntimeException ex) {
			pool.get().dispose();
			throw ex;
		}
	}

	/**
	 * The database as application.yml's data source opens it (same URL and user), its
	 * schema created when new; empty when the schema is behind (Flyway migrates it). A
	 * pool, as Spring's: the job repository and the step's transactions each take a
	 * connection.
	 */
	private static Optional<JdbcConnectionPool> currentDatabase(Path root) throws SQLException {
		Optional<Connection> current = DirectDatabase.openCurrent(root);
		if (current.isEmpty()) {
			return Optional.empty();
		}
		try (Connection first = current.get()) {
			JdbcConnectionPool pool = JdbcConnectionPool.create(DirectDatabase.url(root), "sa", "");
			// one connection kept open in the pool: closing the first one must not close
			// the database, which the pool would open again
			pool.getConnection().close();
			return Optional.of(pool);
		}
	}

	/**
	 * The engine on the referential and registry, as the Spring beans make them; a
	 * partners file given is checked as every command does (ApplicationContexts).
	 */
	private static AggregateEngine engine(GlobalOptions global, DataDirectory dir) {
		GeoReferential geo = GeoReferential.bundled();
		Registry registry = ReferentialConfiguration.registry(global.registryProperty(), geo);
		global.checkGivenPartners();
		Catalogue catalogue = Catalogue.bundled();
		return AggregateJobConfiguration.standaloneEngine(registry, catalogue, geo, dir,
				ReferentialConfiguration.provenanceOf(catalogue, registry));
	}

	@Override
	public void close() {
		closing.run();
	}

}
