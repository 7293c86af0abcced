package fr.ptce.observatory.download;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for request targets that Java's HttpClient would refuse
 * or normalise (raw backslashes, NUL bytes, "..", over-long targets): the target goes on
 * the wire byte for byte.
 */
final class RawHttp {

	record Answer(int status, Map<String, String> headers, String body) {

		String header(String name) {
			return headers.get(name.toLowerCase(Locale.ROOT));
		}

	}

	private RawHttp() {
	}

	static Answer send(int port, String method, String target, Map<String, String> headers) throws IOException {
		return sendBody(port, method, target, headers, "");
	}

	static Answer sendBody(int port, String method, String target, Map<String, String> headers, String body)
			throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(20_000);
			StringBuilder request = new StringBuilder(
					method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n");
			headers.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
			request.append("\r\n").append(body);
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			return read(socket.getInputStream());
		}
	}

	private static Answer read(InputStream in) throws IOException {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		in.transferTo(all);
		String text = all.toString(StandardCharsets.ISO_8859_1);
		int end = text.indexOf("\r\n\r\n");
		String head = end < 0 ? text : text.substring(0, end);
		String body = end < 0 ? "" : text.substring(end + 4);
		String[] lines = head.split("\r\n");
		int status = lines.length > 0 && lines[0].startsWith("HTTP/") ? Integer.parseInt(lines[0].split(" ")[1]) : -1;
		Map<String, String> h = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			if (colon > 0) {
				h.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
						lines[i].substring(colon + 1).strip());
			}
		}
		if ("chunked".equalsIgnoreCase(h.get("transfer-encoding"))) {
			body = dechunk(body);
		}
		return new Answer(status, h, body);
	}

	private static String dechunk(String body) {
		StringBuilder out = new StringBuilder();
		int i = 0;
		while (i < body.length()) {
			int nl = body.indexOf("\r\n", i);
			if (nl < 0) {
				break;
			}
			int size = Integer.parseInt(body.substring(i, nl).split(";")[0].strip(), 16);
			if (size == 0) {
				break;
			}
			out.append(body, nl + 2, nl + 2 + size);
			i = nl + 2 + size + 2;
		}
		return out.toString();
	}

}
