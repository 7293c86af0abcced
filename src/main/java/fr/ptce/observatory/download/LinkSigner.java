package fr.ptce.observatory.download;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import fr.ptce.observatory.warehouse.AtomicFiles;

/**
 * Signed links (extracts.md): {@code sig} is the HMAC-SHA256, under the server's link
 * secret, of the partner, year, version, path and expiry, so that a link names exactly
 * one file for a bounded time and cannot be moved to another file, partner or time. The
 * secret is {@code observatory.partners.link-secret}, or one generated once into
 * {@code DATA_DIR/secrets/link-secret}, readable by the owner only, kept across restarts
 * so that links given out stay valid when the server restarts.
 */
public class LinkSigner {

	public static final Duration VALIDITY = Duration.ofHours(1);

	private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

	private static final Set<PosixFilePermission> OWNER_FOLDER = PosixFilePermissions.fromString("rwx------");

	private final byte[] key;

	public LinkSigner(byte[] key) {
		if (key.length < 16) {
			throw new IllegalArgumentException("observatory.partners.link-secret must be at least 16 characters");
		}
		this.key = key.clone();
	}

	/**
	 * The configured secret if any, else the one of {@code secrets/link-secret},
	 * generated the first time.
	 */
	public static LinkSigner create(String configured, Path secretsFolder) {
		if (configured != null && !configured.isBlank()) {
			return new LinkSigner(configured.getBytes(StandardCharsets.UTF_8));
		}
		try {
			return new LinkSigner(
					Base64.getUrlDecoder().decode(secretFile(secretsFolder.resolve("link-secret")).strip()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(
					"cannot read or create the link secret in " + secretsFolder + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Reads the secret file, or creates it (owner-only from its first byte: written
	 * aside, then renamed).
	 */
	static String secretFile(Path file) throws IOException {
		Path folder = file.getParent();
		if (!Files.isDirectory(folder)) {
			Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(OWNER_FOLDER));
		}
		Files.setPosixFilePermissions(folder, OWNER_FOLDER);
		if (!Files.exists(file)) {
			byte[] secret = new byte[32];
			new SecureRandom().nextBytes(secret);
			Path tmp = AtomicFiles.temporarySibling(file);
			Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_FILE));
			Files.writeString(tmp, Base64.getUrlEncoder().withoutPadding().encodeToString(secret) + "\n");
			try {
				// no REPLACE_EXISTING: if another process created it meanwhile, its
				// secret is the one kept
				Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (FileAlreadyExistsException ex) {
				AtomicFiles.deleteQuietly(tmp);
			}
			finally {
				AtomicFiles.deleteQuietly(tmp);
			}
		}
		Files.setPosixFilePermissions(file, OWNER_FILE);
		return Files.readString(file);
	}

	public String sign(String partner, String year, String version, String path, long expires) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			String message = partner + "\n" + year + "\n" + version + "\n" + path + "\n" + expires;
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("the JVM has no HmacSHA256", ex);
		}
	}

	/**
	 * True if the signature is this server's for these values and the link has not
	 * expired.
	 */
	public boolean verify(String partner, String year, String version, String path, String expires, String sig,
			Instant now) {
		if (expires == null || sig == null || !expires.matches("[0-9]{1,12}") || sig.length() > 100) {
			return false;
		}
		long e = Long.parseLong(expires);
		byte[] expected = sign(partner, year, version, path, e).getBytes(StandardCharsets.US_ASCII);
		boolean equal = MessageDigest.isEqual(expected, sig.getBytes(StandardCharsets.US_ASCII));
		return equal && now.getEpochSecond() < e;
	}

	public long expiry(Instant now) {
		return now.plus(VALIDITY).getEpochSecond();
	}

}
