package fr.ptce.observatory.ingest;

import java.time.Instant;
import java.time.LocalDate;

import fr.ptce.observatory.referential.Catalogue;
import fr.ptce.observatory.referential.Registry;
import fr.ptce.observatory.warehouse.ObservationCodes;
import fr.ptce.observatory.warehouse.Provenance;

/**
 * What every file of a run is processed with: the referential, the key space and the
 * buffers sized by it, the dictionaries of the observation files, the run's instant and
 * settings.
 *
 * @param ingestedAt the run's instant, in microseconds as stored; the ingested_at of all
 * its rows
 * @param directBytes the size from which a file takes the direct path (see
 * {@link IngestRun#DIRECT_BYTES})
 * @param rowGroupRows the rows of a row group of the observation files
 */
record RunContext(Registry registry, Catalogue catalogue, KeySpace keys, SubmissionValidation.Buffers buffers,
		ObservationCodes codes, Provenance provenance, Instant ingestedAt, LocalDate ingestionDay,
		double quarantineThreshold, SubmissionLedger ledger, long directBytes, int rowGroupRows) {
}
