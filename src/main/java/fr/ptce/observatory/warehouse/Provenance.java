package fr.ptce.observatory.warehouse;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every published artefact records (methodology section 6, interfaces.md): the
 * instant its data was taken "as of", the catalogue and registry versions and the
 * software version. Written as Parquet key-value metadata.
 */
public record Provenance(Instant asOf, String catalogueSha256, String registrySha256, String softwareVersion) {

	/** Version of the Parquet layouts of interfaces.md; raised when a column changes. */
	public static final String SCHEMA_VERSION = "1";

	public Map<String, String> keyValueMetadata() {
		Map<String, String> kv = new LinkedHashMap<>();
		kv.put("observatory.schema_version", SCHEMA_VERSION);
		kv.put("observatory.as_of", Timestamps.format(asOf));
		kv.put("observatory.catalogue_sha256", catalogueSha256);
		kv.put("observatory.registry_sha256", registrySha256);
		kv.put("observatory.software_version", softwareVersion);
		return kv;
	}

	public Provenance withAsOf(Instant instant) {
		return new Provenance(instant, catalogueSha256, registrySha256, softwareVersion);
	}

}
