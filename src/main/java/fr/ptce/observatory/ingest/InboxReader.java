package fr.ptce.observatory.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * The files waiting in an inbox, in name order (hidden files, such as a copy in progress,
 * are left): the items of the ingest step. The inbox is listed when the step opens;
 * nothing of the position is saved, because a file leaves the inbox only when the run
 * that processed it is published, so a run that did not finish finds all its files there
 * again. (Not final: it is a step-scoped bean, behind a proxy.)
 */
public class InboxReader implements ItemStreamReader<Path> {

	private final Path inbox;

	private List<Path> files = List.of();

	private Iterator<Path> next = files.iterator();

	private boolean read;

	private boolean opened;

	public InboxReader(Path inbox) {
		this.inbox = inbox;
	}

	/** The files waiting in an inbox, in name order. */
	public static List<Path> inboxFiles(Path inbox) {
		if (!Files.isDirectory(inbox)) {
			return List.of();
		}
		try (Stream<Path> list = Files.list(inbox)) {
			return list.filter(Files::isRegularFile)
				.filter(p -> !p.getFileName().toString().startsWith("."))
				.sorted(Comparator.comparing(p -> p.getFileName().toString()))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot list the inbox " + inbox + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public void open(ExecutionContext context) {
		files = inboxFiles(inbox);
		next = files.iterator();
		read = false;
		opened = true;
	}

	/** How many files the inbox holds, as listed when the step opened. */
	public int size() {
		// the step opens its run (which logs this) before its reader: list the inbox then
		return opened ? files.size() : inboxFiles(inbox).size();
	}

	public Path inbox() {
		return inbox;
	}

	@Override
	public Path read() {
		if (next.hasNext()) {
			return next.next();
		}
		read = true;
		return null;
	}

	/** Whether every file was handed out (the reader returned null). */
	public boolean isRead() {
		return read;
	}

}
