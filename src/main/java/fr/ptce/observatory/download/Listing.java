package fr.ptce.observatory.download;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.ptce.observatory.download.ExtractStore.Extract;
import fr.ptce.observatory.download.ExtractStore.ExtractFile;
import jakarta.servlet.http.HttpServletRequest;

import tools.jackson.databind.json.JsonMapper;

/**
 * GET /partners/v1/extracts: the partner's extracts, latest first, each file with its
 * size, SHA-256, its URL (with a token) and a signed URL valid one hour (without). URLs
 * start with the scheme, host and port the request came with, so that they work from
 * where the partner is (behind a reverse proxy, with
 * {@code server.forward-headers-strategy=native}, those the proxy was asked for).
 */
final class Listing {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final ExtractStore store;

	private final LinkSigner signer;

	Listing(ExtractStore store, LinkSigner signer) {
		this.store = store;
		this.signer = signer;
	}

	String render(String partner, HttpServletRequest request, Instant now) {
		String base = base(request);
		long expires = signer.expiry(now);
		List<Map<String, Object>> extracts = new ArrayList<>();
		for (Extract e : store.list(partner)) {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("year", e.year());
			m.put("version", e.version());
			m.put("as_of", e.asOf().toString());
			m.put("created", e.created().toString());
			List<Map<String, Object>> files = new ArrayList<>();
			for (ExtractFile f : e.files()) {
				String year = Integer.toString(e.year());
				Map<String, Object> fm = new LinkedHashMap<>();
				fm.put("path", f.path());
				fm.put("bytes", f.bytes());
				fm.put("sha256", f.sha256());
				fm.put("url", base + DownloadPath.PREFIX + "/extracts/" + year + "/" + e.version() + "/" + f.path());
				fm.put("signed_url",
						base + DownloadPath.PREFIX + "/dl/" + partner + "/" + year + "/" + e.version() + "/" + f.path()
								+ "?expires=" + expires + "&sig="
								+ signer.sign(partner, year, e.version(), f.path(), expires));
				files.add(fm);
			}
			m.put("files", files);
			extracts.add(m);
		}
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("partner", partner);
		answer.put("extracts", extracts);
		return json.writeValueAsString(answer);
	}

	private static String base(HttpServletRequest request) {
		String scheme = request.getScheme();
		int port = request.getServerPort();
		boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
		return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
	}

}
