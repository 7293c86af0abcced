package fr.ptce.observatory.schedule.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import fr.ptce.observatory.warehouse.Sha256;

/**
 * The staff's two tokens, known only by their SHA-256
 * ({@code observatory.api.token-sha256}: full access;
 * {@code observatory.api.read-token-sha256}: read only), compared in constant time. One
 * place says what a token is worth, for the operator API's filter and for the console's
 * sign-in alike.
 */
public final class OperatorTokens {

	/**
	 * What a staff token may do: {@code FULL} reads and acts, {@code READ} reads only
	 * (GET, HEAD, no action).
	 */
	public enum Access {

		FULL, READ;

		public boolean mayAct() {
			return this == FULL;
		}

	}

	private final byte[] fullDigest;

	private final byte[] readDigest;

	public OperatorTokens(String fullSha256, String readSha256) {
		this.fullDigest = parse(fullSha256, "observatory.api.token-sha256");
		this.readDigest = parse(readSha256, "observatory.api.read-token-sha256");
	}

	private static byte[] parse(String hex, String property) {
		if (hex == null || hex.isBlank()) {
			return null;
		}
		String h = hex.trim().toLowerCase(Locale.ROOT);
		if (!h.matches("[0-9a-f]{64}")) {
			throw new IllegalArgumentException(property + " must be the SHA-256 of the token in hex (64 characters),"
					+ " e.g. printf %s \"$TOKEN\" | sha256sum");
		}
		return HexFormat.of().parseHex(h);
	}

	public static String sha256(String token) {
		return Sha256.of(token.getBytes(StandardCharsets.UTF_8));
	}

	public boolean noneConfigured() {
		return fullDigest == null && readDigest == null;
	}

	/**
	 * The access the token gives, or empty for no token, an unknown one, or none
	 * configured.
	 */
	public Optional<Access> check(String token) {
		byte[] given = token == null || token.isEmpty() ? null : HexFormat.of().parseHex(sha256(token));
		// both digests are always compared, so that timing says nothing of which one
		// matched
		boolean full = matches(fullDigest, given);
		boolean read = matches(readDigest, given);
		return full ? Optional.of(Access.FULL) : read ? Optional.of(Access.READ) : Optional.empty();
	}

	private static boolean matches(byte[] expected, byte[] given) {
		byte[] candidate = given == null ? new byte[32] : given;
		boolean equal = MessageDigest.isEqual(expected == null ? new byte[32] : expected, candidate);
		return expected != null && given != null && equal;
	}

}
