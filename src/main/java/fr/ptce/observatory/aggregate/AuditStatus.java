package fr.ptce.observatory.aggregate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import fr.ptce.observatory.warehouse.AuditSummary;
import fr.ptce.observatory.warehouse.DataDirectory;
import fr.ptce.observatory.warehouse.InternalTables;
import fr.ptce.observatory.warehouse.TableReaders;

/**
 * One line per aggregated year on what the confidentiality rules withheld beyond primary
 * and secondary suppression, for `status` (the staff's view; the details are in
 * warehouse/confidentiality_audit and warehouse/withheld_figures, and in the internal
 * follow-up of the publication).
 */
public final class AuditStatus {

	private AuditStatus() {
	}

	public static List<String> lines(DataDirectory dir) {
		List<String> lines = new ArrayList<>();
		for (int year : years(dir.table(InternalTables.CONFIDENTIALITY_AUDIT))) {
			List<AuditSummary> audit = TableReaders.readPartition(dir, InternalTables.CONFIDENTIALITY_AUDIT, year,
					TableReaders::auditSummaries);
			int audited = audit.stream().mapToInt(AuditSummary::polesAudited).max().orElse(0);
			int exposed = audit.stream().mapToInt(AuditSummary::polesExposed).sum();
			int suppressed = audit.stream().mapToInt(AuditSummary::cellsSuppressed).sum();
			int withheld = audit.stream().mapToInt(AuditSummary::constantSamplesWithheld).sum();
			long indicators = audit.stream().filter(a -> a.polesExposed() > 0).count();
			lines.add(String.format("%d  up to %d protected poles audited per indicator; %d pole values exposed before "
					+ "suppression in %d indicator(s), %d cells suppressed by the audit; %d constant-sample changes withheld",
					year, audited, exposed, indicators, suppressed, withheld));
		}
		return lines;
	}

	private static List<Integer> years(Path table) {
		if (!Files.isDirectory(table)) {
			return List.of();
		}
		try (Stream<Path> partitions = Files.list(table)) {
			return partitions.map(p -> p.getFileName().toString())
				.filter(n -> n.matches("year=\\d{4}"))
				.map(n -> Integer.parseInt(n.substring(5)))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
