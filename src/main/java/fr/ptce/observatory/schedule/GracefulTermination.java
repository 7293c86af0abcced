package fr.ptce.observatory.schedule;

import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ConfigurableApplicationContext;

import sun.misc.Signal;

/**
 * SIGTERM and SIGINT close the application (stopping running jobs at a chunk boundary through {@link JobRuns})
 * before the JVM's shutdown hooks run. Spring's own shutdown hook would do the same, but it runs alongside the
 * others, among which H2's closes the embedded database at once (H2 2.4 refuses DB_CLOSE_ON_EXIT=FALSE together
 * with AUTO_SERVER): the runs could then not record that they stopped. Handling the signal first keeps the database
 * open until the runs are STOPPED, on H2 as on PostgreSQL.
 */
public final class GracefulTermination {

	private static final Logger log = LoggerFactory.getLogger(GracefulTermination.class);

	private static volatile int signalled;

	private GracefulTermination() {
	}

	/** 128 + the signal's number once SIGTERM or SIGINT was received (the shell's convention), 0 before. */
	public static int exitStatus() {
		return signalled == 0 ? 0 : 128 + signalled;
	}

	public static void install(ConfigurableApplicationContext context) {
		AtomicBoolean done = new AtomicBoolean();
		for (String name : new String[] { "TERM", "INT" }) {
			try {
				Signal.handle(new Signal(name), signal -> {
					if (!done.compareAndSet(false, true)) {
						return;
					}
					signalled = signal.getNumber();
					log.info("SIG{} received: stopping running jobs at a chunk boundary, then ending", name);
					try {
						context.close();
					}
					finally {
						System.exit(128 + signal.getNumber());
					}
				});
			}
			catch (IllegalArgumentException ex) {
				// a signal this platform does not have (or reserved by the JVM): Spring's shutdown hook remains
				log.debug("cannot handle SIG{}: {}", name, ex.getMessage());
			}
		}
	}

}
