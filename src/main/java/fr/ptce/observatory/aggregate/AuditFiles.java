package fr.ptce.observatory.aggregate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.ptce.observatory.referential.Levels;
import fr.ptce.observatory.warehouse.AuditSummary;
import fr.ptce.observatory.warehouse.DataDirectory;
import fr.ptce.observatory.warehouse.InternalTables;
import fr.ptce.observatory.warehouse.Provenance;
import fr.ptce.observatory.warehouse.WithheldFigure;

/**
 * Writes what the confidentiality rules of a year withheld beyond primary and secondary
 * suppression, for the observatory's staff (warehouse/confidentiality_audit and
 * warehouse/withheld_figures): per indicator, the audit's counts; per figure, the rule
 * that withheld it and the pole an audit suppression protects.
 */
final class AuditFiles {

	private AuditFiles() {
	}

	static void write(DataDirectory dataDirectory, int year, YearCells cells, Provenance stamped) {
		List<WithheldFigure> withheld = new ArrayList<>();
		Map<String, Integer> constantWithheld = new HashMap<>();
		for (Cell cell : cells.cells) {
			if (cell.constantSampleWithheld && cell.isPublished()) {
				withheld.add(new WithheldFigure(cell.indicator, cell.level, cell.area, WithheldFigure.CONSTANT_SAMPLE,
						null, null));
				constantWithheld.merge(cell.indicator, 1, Integer::sum);
			}
		}
		List<AuditSummary> summaries = new ArrayList<>();
		for (ConfidentialityAudit.Result audit : cells.audits) {
			for (ConfidentialityAudit.Suppression s : audit.suppressions()) {
				withheld.add(new WithheldFigure(audit.indicator(), s.level(), s.area(), WithheldFigure.AUDIT, s.round(),
						s.poleId()));
			}
			summaries.add(new AuditSummary(audit.indicator(), audit.protectedRespondents(), audit.polesAudited(),
					audit.polesExposed(), audit.suppressions().size(),
					constantWithheld.getOrDefault(audit.indicator(), 0), audit.linearPrograms()));
		}
		// the ratios are not audited (0 audited), but their constant samples are withheld
		// the same way
		for (Cell cell : cells.cells) {
			if (cell.ratio && Levels.NATIONAL.equals(cell.level)) {
				summaries.add(new AuditSummary(cell.indicator, cell.nProtected, 0, 0, 0,
						constantWithheld.getOrDefault(cell.indicator, 0), 0));
			}
		}
		summaries.sort(Comparator.comparing(AuditSummary::indicator));
		withheld.sort(Comparator.comparing(WithheldFigure::indicator)
			.thenComparing(WithheldFigure::level)
			.thenComparing(WithheldFigure::area)
			.thenComparing(WithheldFigure::rule));
		InternalTables.AUDIT.writeFile(
				dataDirectory.partition(InternalTables.CONFIDENTIALITY_AUDIT, year).resolve(AggregateEngine.PART),
				stamped, summaries);
		InternalTables.WITHHELD.writeFile(
				dataDirectory.partition(InternalTables.WITHHELD_FIGURES, year).resolve(AggregateEngine.PART), stamped,
				withheld);
	}

}
