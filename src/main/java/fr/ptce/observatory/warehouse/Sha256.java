package fr.ptce.observatory.warehouse;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 in lower-case hex: the submission id of a file, the version of the catalogue
 * and the registry, the fingerprint of each published file in a manifest.
 */
public final class Sha256 {

	private Sha256() {
	}

	public static MessageDigest digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("the JVM has no SHA-256", ex);
		}
	}

	public static String of(byte[] bytes) {
		return HexFormat.of().formatHex(digest().digest(bytes));
	}

	public static String of(Path file) throws IOException {
		try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), digest())) {
			in.transferTo(OutputStream.nullOutputStream());
			return HexFormat.of().formatHex(in.getMessageDigest().digest());
		}
	}

}
