package org.chunfeng.identity;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A personal value sealed by {@link PersonalData}: the id of the key it was sealed with and the AES-GCM output
 * ({@code nonce (12 bytes) ‖ ciphertext ‖ tag (16 bytes)}).
 *
 * <p>Stored in one {@code bytea} column as {@link #toBytes()}: one byte with the length of the key id, the key id in
 * ASCII, then the AES-GCM output. The key id travels with the data so that keys can rotate; it is also
 * authenticated (GCM associated data), so changing it makes {@link PersonalData#open} fail.
 *
 * @param keyId      lowercase letters and digits, 1 to 32 characters
 * @param ciphertext nonce, ciphertext and tag
 */
public record Sealed(String keyId, byte[] ciphertext) {

	/** Key ids survive environment-variable names and the lowercasing of Spring's relaxed binding unchanged. */
	public static final Pattern KEY_ID = Pattern.compile("[a-z0-9]{1,32}");

	/** GCM nonce length in bytes. */
	public static final int NONCE_BYTES = 12;

	/** GCM tag length in bytes. */
	public static final int TAG_BYTES = 16;

	public Sealed {
		Objects.requireNonNull(keyId, "keyId");
		Objects.requireNonNull(ciphertext, "ciphertext");
		if (!KEY_ID.matcher(keyId).matches()) {
			throw new PersonalDataException("Malformed key id in a sealed value");
		}
		if (ciphertext.length < NONCE_BYTES + TAG_BYTES) {
			throw new PersonalDataException("Sealed value is too short to be AES-GCM output");
		}
		ciphertext = ciphertext.clone();
	}

	/**
	 * Reads the stored form written by {@link #toBytes()}.
	 *
	 * @throws PersonalDataException if {@code stored} is not in that form
	 */
	public static Sealed fromBytes(byte[] stored) {
		Objects.requireNonNull(stored, "stored");
		if (stored.length < 1) {
			throw new PersonalDataException("Sealed value is empty");
		}
		int keyIdLength = stored[0] & 0xff;
		if (keyIdLength < 1 || keyIdLength > 32 || stored.length < 1 + keyIdLength) {
			throw new PersonalDataException("Sealed value has a malformed key id");
		}
		String keyId = new String(stored, 1, keyIdLength, StandardCharsets.US_ASCII);
		return new Sealed(keyId, Arrays.copyOfRange(stored, 1 + keyIdLength, stored.length));
	}

	/** The stored form: key-id length (1 byte), key id (ASCII), AES-GCM output. */
	public byte[] toBytes() {
		byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
		byte[] stored = new byte[1 + id.length + ciphertext.length];
		stored[0] = (byte) id.length;
		System.arraycopy(id, 0, stored, 1, id.length);
		System.arraycopy(ciphertext, 0, stored, 1 + id.length, ciphertext.length);
		return stored;
	}

	/** A copy: the record stays immutable. */
	@Override
	public byte[] ciphertext() {
		return ciphertext.clone();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Sealed that && keyId.equals(that.keyId) && Arrays.equals(ciphertext, that.ciphertext);
	}

	@Override
	public int hashCode() {
		return 31 * keyId.hashCode() + Arrays.hashCode(ciphertext);
	}

	@Override
	public String toString() {
		return "Sealed[keyId=" + keyId + ", " + ciphertext.length + " bytes]";
	}
}
