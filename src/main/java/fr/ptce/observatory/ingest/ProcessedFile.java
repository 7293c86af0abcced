package fr.ptce.observatory.ingest;

/**
 * One inbox file once processed: its outcome (its receipt is staged) and the file as it
 * was when processed, so that publishing moves it only if it is still the same.
 */
public record ProcessedFile(SubmissionOutcome outcome, Manifest.Source source) {
}
