package fr.ptce.observatory.download;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.LinkOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import fr.ptce.observatory.download.ExtractStore.ExtractFile;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * One file of an extract as an HTTP answer (RFC 9110): validators (strong ETag = the
 * SHA-256, Last-Modified), conditional requests (If-None-Match, If-Modified-Since,
 * If-Range), a single byte range (206, 416), HEAD, and the body streamed from the file
 * through one 64 KB buffer per download, so that memory does not grow with the size of
 * files or the number of downloads.
 */
final class FileResponder {

	private static final int BUFFER = 64 * 1024;

	private FileResponder() {
	}

	/** Answers the request with the file; returns the number of body bytes sent. */
	static long answer(HttpServletRequest request, HttpServletResponse response, ExtractFile file, String downloadName)
			throws IOException {
		String etag = "\"" + file.sha256() + "\"";
		Instant modified = file.lastModified().truncatedTo(ChronoUnit.SECONDS);
		response.setHeader("ETag", etag);
		response.setDateHeader("Last-Modified", modified.toEpochMilli());
		response.setHeader("Cache-Control", "private");
		response.setHeader("Accept-Ranges", "bytes");
		if (notModified(request, file.sha256(), modified)) {
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			return 0;
		}
		response.setHeader("Content-Type", file.mediaType());
		response.setHeader("Content-Disposition", "attachment; filename=\"" + downloadName + "\"");
		ByteRange range = rangeOf(request, file, etag, modified);
		if (range.kind() == ByteRange.Kind.UNSATISFIABLE) {
			response.setStatus(416);
			response.setHeader("Content-Range", range.contentRange(file.bytes()));
			response.setContentLengthLong(0);
			return 0;
		}
		if (range.kind() == ByteRange.Kind.PARTIAL) {
			response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
			response.setHeader("Content-Range", range.contentRange(file.bytes()));
		}
		else {
			response.setStatus(HttpServletResponse.SC_OK);
		}
		response.setContentLengthLong(range.length());
		if ("HEAD".equals(request.getMethod()) || range.length() == 0) {
			return 0;
		}
		return stream(file, range.first(), range.length(), response.getOutputStream());
	}

	/**
	 * If-None-Match (weak comparison, RFC 9110 13.1.2) or, without it, If-Modified-Since.
	 */
	private static boolean notModified(HttpServletRequest request, String sha256, Instant modified) {
		String inm = request.getHeader("If-None-Match");
		if (inm != null) {
			for (String tag : inm.split(",")) {
				String t = tag.strip();
				if (t.startsWith("W/")) {
					t = t.substring(2);
				}
				if (t.equals("*") || t.equals("\"" + sha256 + "\"")) {
					return true;
				}
			}
			return false;
		}
		Instant since = date(request.getHeader("If-Modified-Since"));
		return since != null && !modified.isAfter(since);
	}

	/**
	 * The range to send: If-Range (a strong ETag or the exact Last-Modified) must still
	 * hold, else the whole file.
	 */
	private static ByteRange rangeOf(HttpServletRequest request, ExtractFile file, String etag, Instant modified) {
		String header = request.getHeader("Range");
		String ifRange = request.getHeader("If-Range");
		if (header != null && ifRange != null) {
			String v = ifRange.strip();
			boolean holds = v.startsWith("\"") ? v.equals(etag) : modified.equals(date(v));
			if (!holds) {
				return ByteRange.whole(file.bytes());
			}
		}
		return ByteRange.parse(header, file.bytes());
	}

	private static Instant date(String header) {
		if (header == null) {
			return null;
		}
		try {
			return ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
				.withZoneSameInstant(ZoneOffset.UTC)
				.toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/**
	 * Copies [first, first + length) of the file to the response. Opened without
	 * following a link, so that a link swapped in after the file was listed is not
	 * followed. A client that goes away ends the copy (IOException).
	 */
	private static long stream(ExtractFile file, long first, long length, OutputStream out) throws IOException {
		long sent = 0;
		try (FileChannel channel = FileChannel.open(file.file(), StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
			byte[] buffer = new byte[BUFFER];
			ByteBuffer bb = ByteBuffer.wrap(buffer);
			long position = first;
			while (sent < length) {
				bb.clear();
				bb.limit((int) Math.min(BUFFER, length - sent));
				int n = channel.read(bb, position);
				if (n < 0) {
					throw new IOException(file.path() + " is shorter than listed");
				}
				out.write(buffer, 0, n);
				position += n;
				sent += n;
			}
			out.flush();
		}
		catch (IOException ex) {
			throw new PartialSend(sent, ex);
		}
		return sent;
	}

	/**
	 * A copy ended early (most often the client closed the connection): what was sent is
	 * still audited.
	 */
	static final class PartialSend extends IOException {

		final long sent;

		PartialSend(long sent, IOException cause) {
			super(cause.getMessage(), cause);
			this.sent = sent;
		}

	}

}
