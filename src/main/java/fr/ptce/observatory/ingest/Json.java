package fr.ptce.observatory.ingest;

import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapper of receipts and run manifests, built on first use: building one takes a
 * fifth of a second of a cold JVM, which an ingest spends on a side thread at its start
 * (see {@link IngestRun}).
 */
final class Json {

	static final JsonMapper MAPPER = JsonMapper.builder().build();

	private Json() {
	}

}
