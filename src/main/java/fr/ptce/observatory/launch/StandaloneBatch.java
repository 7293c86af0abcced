package fr.ptce.observatory.launch;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.JobRegistry;
import org.springframework.batch.core.configuration.support.JdbcDefaultBatchConfiguration;
import org.springframework.batch.core.configuration.support.MapJobRegistry;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

import io.micrometer.observation.ObservationRegistry;

/**
 * Spring Batch's job repository, operator and transaction manager on a database, without
 * an application context: what a command that runs one job needs (docs/startup.md). Made
 * by Spring Batch's own {@link JdbcDefaultBatchConfiguration}, whose defaults Spring
 * Boot's batch auto-configuration keeps when nothing overrides them (no table prefix,
 * isolation level, serializer or converter of our own): both write the same rows.
 */
public final class StandaloneBatch {

	private final PlatformTransactionManager transactionManager;

	private final JobRepository repository;

	private final JobOperator operator;

	public StandaloneBatch(DataSource dataSource) {
		this.transactionManager = new JdbcTransactionManager(dataSource);
		Defaults defaults = new Defaults(dataSource, transactionManager);
		this.repository = defaults.jobRepository();
		this.operator = defaults.jobOperator(repository);
	}

	public PlatformTransactionManager transactionManager() {
		return transactionManager;
	}

	public JobRepository repository() {
		return repository;
	}

	public JobOperator operator() {
		return operator;
	}

	/**
	 * What the configuration would otherwise look up in an application context: the
	 * database, its transactions, an empty job registry (jobs are given to the operator,
	 * never looked up by name) and no observation.
	 */
	private static final class Defaults extends JdbcDefaultBatchConfiguration {

		private final DataSource dataSource;

		private final PlatformTransactionManager transactionManager;

		Defaults(DataSource dataSource, PlatformTransactionManager transactionManager) {
			this.dataSource = dataSource;
			this.transactionManager = transactionManager;
		}

		@Override
		protected DataSource getDataSource() {
			return dataSource;
		}

		@Override
		protected PlatformTransactionManager getTransactionManager() {
			return transactionManager;
		}

		@Override
		protected JobRegistry getJobRegistry() {
			return new MapJobRegistry();
		}

		@Override
		protected ObservationRegistry getObservationRegistry() {
			return ObservationRegistry.NOOP;
		}

	}

}
