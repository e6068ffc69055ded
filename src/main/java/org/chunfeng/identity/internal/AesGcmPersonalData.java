package org.chunfeng.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.chunfeng.identity.PersonalData;
import org.chunfeng.identity.PersonalDataException;
import org.chunfeng.identity.Sealed;
import org.springframework.stereotype.Service;

/**
 * AES-256-GCM sealing and HMAC-SHA256 blind indexes from the JDK's own providers. {@link Cipher} and {@link Mac}
 * are not thread-safe, so each call takes fresh instances (cheap next to the crypto itself).
 */
@Service
class AesGcmPersonalData implements PersonalData {

	private static final String CIPHER = "AES/GCM/NoPadding";
	private static final String HMAC = "HmacSHA256";
	private static final Pattern PURPOSE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
	/** Authenticated with every value: binds the format version and the key id to the ciphertext. */
	private static final String AAD_PREFIX = "chunfeng-personal-data-v1:";
	/** Derives one index key per purpose, so indexes of different purposes never coincide. */
	private static final String PURPOSE_LABEL = "chunfeng-blind-index-v1:";

	private final KeyRing keys;
	private final SecureRandom random = new SecureRandom();
	private final Map<String, SecretKey> purposeKeys = new ConcurrentHashMap<>();

	AesGcmPersonalData(KeyRing keys) {
		this.keys = keys;
	}

	@Override
	public Sealed seal(String plaintext) {
		Objects.requireNonNull(plaintext, "plaintext");
		byte[] nonce = new byte[Sealed.NONCE_BYTES];
		random.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance(CIPHER);
			cipher.init(Cipher.ENCRYPT_MODE, keys.currentKey(), new GCMParameterSpec(Sealed.TAG_BYTES * 8, nonce));
			cipher.updateAAD(aad(keys.currentKeyId()));
			byte[] plain = plaintext.getBytes(StandardCharsets.UTF_8);
			byte[] output = new byte[Sealed.NONCE_BYTES + cipher.getOutputSize(plain.length)];
			System.arraycopy(nonce, 0, output, 0, Sealed.NONCE_BYTES);
			cipher.doFinal(plain, 0, plain.length, output, Sealed.NONCE_BYTES);
			return new Sealed(keys.currentKeyId(), output);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
	}

	@Override
	public String open(Sealed sealed) {
		Objects.requireNonNull(sealed, "sealed");
		SecretKey key = keys.sealingKeys().get(sealed.keyId());
		if (key == null) {
			throw new PersonalDataException("Sealed with key " + sealed.keyId()
					+ ", which is not configured (chunfeng.personal-data.keys." + sealed.keyId() + ")");
		}
		byte[] data = sealed.ciphertext();
		try {
			Cipher cipher = Cipher.getInstance(CIPHER);
			cipher.init(Cipher.DECRYPT_MODE, key,
					new GCMParameterSpec(Sealed.TAG_BYTES * 8, data, 0, Sealed.NONCE_BYTES));
			cipher.updateAAD(aad(sealed.keyId()));
			byte[] plain = cipher.doFinal(data, Sealed.NONCE_BYTES, data.length - Sealed.NONCE_BYTES);
			return new String(plain, StandardCharsets.UTF_8);
		}
		catch (AEADBadTagException ex) {
			throw new PersonalDataException("Sealed value failed authentication: it was altered or sealed with a"
					+ " different key " + sealed.keyId(), ex);
		}
		catch (GeneralSecurityException ex) {
			throw new PersonalDataException("Sealed value cannot be opened", ex);
		}
	}

	@Override
	public byte[] blindIndex(String purpose, String normalisedValue) {
		Objects.requireNonNull(purpose, "purpose");
		Objects.requireNonNull(normalisedValue, "normalisedValue");
		if (!PURPOSE.matcher(purpose).matches()) {
			throw new IllegalArgumentException("A blind-index purpose is lowercase letters, digits and dashes: " + purpose);
		}
		SecretKey purposeKey = purposeKeys.computeIfAbsent(purpose,
				p -> new SecretKeySpec(hmac(keys.indexKey(), PURPOSE_LABEL + p), HMAC));
		return hmac(purposeKey, normalisedValue);
	}

	private static byte[] hmac(SecretKey key, String value) {
		try {
			Mac mac = Mac.getInstance(HMAC);
			mac.init(key);
			return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

	private static byte[] aad(String keyId) {
		return (AAD_PREFIX + keyId).getBytes(StandardCharsets.US_ASCII);
	}

	@Override
	public String toString() {
		return "AesGcmPersonalData[" + keys + "]";
	}
}
