package fr.ptce.observatory.schedule;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ConfigurableApplicationContext;

import sun.misc.Signal;

/**
 * SIGTERM and SIGINT close the application (stopping running jobs at a chunk boundary
 * through {@link JobRuns}) before the JVM's shutdown hooks run, so that the order is:
 * stop accepting runs, ask the running ones to stop, wait until the job repository says
 * STOPPED, then close the database (with the connection pool: the embedded H2 is opened
 * with DB_CLOSE_ON_EXIT=FALSE, so that its own shutdown hook does not close it under the
 * runs). {@link #awaitEnd} keeps the main thread of {@code serve} from ending the JVM
 * while this is under way.
 */
public final class GracefulTermination {

	private static final Logger log = LoggerFactory.getLogger(GracefulTermination.class);

	private static volatile int signalled;

	/**
	 * Released once the close started by a signal has ended (runs stopped, database
	 * closed).
	 */
	private static final CountDownLatch ended = new CountDownLatch(1);

	private GracefulTermination() {
	}

	/**
	 * 128 + the signal's number once SIGTERM or SIGINT was received (the shell's
	 * convention), 0 before.
	 */
	public static int exitStatus() {
		return signalled == 0 ? 0 : 128 + signalled;
	}

	/**
	 * Once the context began closing: when a signal closes it, waits until that close has
	 * ended. The close begins (ContextClosedEvent) long before it ends; ending the JVM in
	 * between would run the shutdown hooks under the runs.
	 */
	public static void awaitEnd() throws InterruptedException {
		if (signalled != 0) {
			ended.await();
		}
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
						ended.countDown();
						System.exit(128 + signal.getNumber());
					}
				});
			}
			catch (IllegalArgumentException ex) {
				// a signal this platform does not have (or reserved by the JVM): Spring's
				// shutdown hook remains
				log.debug("cannot handle SIG{}: {}", name, ex.getMessage());
			}
		}
	}

}
