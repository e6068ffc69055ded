package org.chunfeng.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import javax.crypto.spec.SecretKeySpec;

import org.chunfeng.identity.PersonalData;
import org.chunfeng.identity.PersonalDataException;
import org.chunfeng.identity.Sealed;
import org.junit.jupiter.api.Test;

/** Sealing (AES-256-GCM) and blind indexes (HMAC-SHA256), without Spring. */
class PersonalDataTests {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final byte[] k1 = key();
	private final byte[] k2 = key();
	private final byte[] index = key();

	private final PersonalData data = personalData(Map.of("k1", k1), "k1", index);

	@Test
	void sealedValuesOpenToTheOriginal() {
		for (String value : List.of("341221199001011234", "13800138000", "", "王秀英", "X", "😀 emoji and 中文")) {
			Sealed sealed = data.seal(value);
			assertThat(sealed.keyId()).isEqualTo("k1");
			assertThat(data.open(sealed)).isEqualTo(value);
			assertThat(data.open(Sealed.fromBytes(sealed.toBytes()))).isEqualTo(value);
		}
	}

	@Test
	void randomValuesSurviveTheStoredForm() {
		Random random = new Random(42);
		for (int i = 0; i < 500; i++) {
			StringBuilder value = new StringBuilder();
			int length = random.nextInt(40);
			for (int j = 0; j < length; j++) {
				// any BMP character outside the surrogate range, so the string is well-formed UTF-16
				char c;
				do {
					c = (char) random.nextInt(0xFFFF);
				}
				while (Character.isSurrogate(c));
				value.append(c);
			}
			Sealed stored = Sealed.fromBytes(data.seal(value.toString()).toBytes());
			assertThat(data.open(stored)).isEqualTo(value.toString());
		}
	}

	@Test
	void theSameValueSealsDifferentlyEveryTime() {
		Set<String> ciphertexts = new HashSet<>();
		for (int i = 0; i < 100; i++) {
			ciphertexts.add(Base64.getEncoder().encodeToString(data.seal("341221199001011234").ciphertext()));
		}
		assertThat(ciphertexts).hasSize(100);
	}

	@Test
	void theCiphertextDoesNotContainThePlaintext() {
		byte[] stored = data.seal("341221199001011234").toBytes();
		assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("1990");
		// nonce + ciphertext + tag, plus the key-id header
		assertThat(stored).hasSize(1 + 2 + 12 + 18 + 16);
	}

	@Test
	void everyAlteredByteIsDetected() {
		byte[] stored = data.seal("13800138000").toBytes();
		for (int i = 3; i < stored.length; i++) {
			for (int bit = 0; bit < 8; bit++) {
				byte[] altered = stored.clone();
				altered[i] ^= (byte) (1 << bit);
				Sealed sealed = Sealed.fromBytes(altered);
				assertThatThrownBy(() -> data.open(sealed)).isInstanceOf(PersonalDataException.class)
					.hasMessageContaining("failed authentication");
			}
		}
	}

	@Test
	void truncatedOrSwappedValuesAreDetected() {
		Sealed sealed = data.seal("13800138000");
		byte[] bytes = sealed.ciphertext();
		Sealed truncated = new Sealed("k1", java.util.Arrays.copyOf(bytes, bytes.length - 1));
		assertThatThrownBy(() -> data.open(truncated)).isInstanceOf(PersonalDataException.class);
		assertThatThrownBy(() -> Sealed.fromBytes(new byte[] { 2, 'k', '1', 1, 2, 3 }))
			.isInstanceOf(PersonalDataException.class);
		assertThatThrownBy(() -> Sealed.fromBytes(new byte[] { 0 })).isInstanceOf(PersonalDataException.class);
		assertThatThrownBy(() -> Sealed.fromBytes(new byte[] { 40, 'k' })).isInstanceOf(PersonalDataException.class);
	}

	@Test
	void aValueRelabelledWithAnotherKeyIdDoesNotOpen() {
		// both keys configured: the key id is authenticated, so moving a value to another id fails
		PersonalData both = personalData(Map.of("k1", k1, "k2", k2), "k1", index);
		Sealed sealed = both.seal("13800138000");
		assertThatThrownBy(() -> both.open(new Sealed("k2", sealed.ciphertext())))
			.isInstanceOf(PersonalDataException.class);
	}

	@Test
	void valuesSealedWithAnOldKeyStillOpenAfterRotation() {
		List<Sealed> old = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			old.add(data.seal("value " + i));
		}
		PersonalData rotated = personalData(Map.of("k1", k1, "k2", k2), "k2", index);
		Sealed fresh = rotated.seal("new value");
		assertThat(fresh.keyId()).isEqualTo("k2");
		for (int i = 0; i < 10; i++) {
			assertThat(rotated.open(old.get(i))).isEqualTo("value " + i);
		}
		assertThat(rotated.open(fresh)).isEqualTo("new value");
		// the index key is not rotated: lookups keep working across the rotation
		assertThat(rotated.blindIndex(PersonalData.RESIDENT_ID_NUMBER, "x"))
			.isEqualTo(data.blindIndex(PersonalData.RESIDENT_ID_NUMBER, "x"));
	}

	@Test
	void aValueWhoseKeyIsNoLongerConfiguredFailsLoudly() {
		Sealed sealed = data.seal("13800138000");
		PersonalData withoutK1 = personalData(Map.of("k2", k2), "k2", index);
		assertThatThrownBy(() -> withoutK1.open(sealed)).isInstanceOf(PersonalDataException.class)
			.hasMessageContaining("k1")
			.hasMessageContaining("not configured");
		// same id, different key material: authentication fails
		PersonalData otherK1 = personalData(Map.of("k1", k2), "k1", index);
		assertThatThrownBy(() -> otherK1.open(sealed)).isInstanceOf(PersonalDataException.class);
	}

	@Test
	void blindIndexesAreDeterministicAndSeparatedByPurpose() {
		byte[] id = data.blindIndex(PersonalData.RESIDENT_ID_NUMBER, "13800138000");
		assertThat(id).hasSize(32);
		assertThat(data.blindIndex(PersonalData.RESIDENT_ID_NUMBER, "13800138000")).isEqualTo(id);
		assertThat(personalData(Map.of("k2", k2), "k2", index).blindIndex(PersonalData.RESIDENT_ID_NUMBER,
				"13800138000")).as("independent of the sealing keys").isEqualTo(id);
		assertThat(data.blindIndex(PersonalData.MOBILE_NUMBER, "13800138000")).isNotEqualTo(id);
		assertThat(data.blindIndex(PersonalData.RESIDENT_ID_NUMBER, "13800138001")).isNotEqualTo(id);
		assertThat(personalData(Map.of("k1", k1), "k1", key()).blindIndex(PersonalData.RESIDENT_ID_NUMBER,
				"13800138000")).as("another index key").isNotEqualTo(id);
		// no ambiguity between purpose and value: ("a-b", "c") and ("a", "b-c") differ
		assertThat(data.blindIndex("a-b", "c")).isNotEqualTo(data.blindIndex("a", "b-c"));
	}

	@Test
	void blindIndexesOfManyValuesDoNotCollide() {
		Random random = new Random(7);
		Set<String> indexes = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			String value = Long.toString(random.nextLong());
			indexes.add(value + "|" + Base64.getEncoder()
				.encodeToString(data.blindIndex(PersonalData.MOBILE_NUMBER, value)));
		}
		assertThat(indexes.stream().map(s -> s.substring(s.indexOf('|'))).distinct().count())
			.isEqualTo(indexes.size());
	}

	@Test
	void purposesAreChecked() {
		assertThatThrownBy(() -> data.blindIndex("Resident ID", "x")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> data.blindIndex("", "x")).isInstanceOf(IllegalArgumentException.class);
	}

	static byte[] key() {
		byte[] key = new byte[32];
		RANDOM.nextBytes(key);
		return key;
	}

	static PersonalData personalData(Map<String, byte[]> keys, String current, byte[] indexKey) {
		Map<String, javax.crypto.SecretKey> sealing = new java.util.TreeMap<>();
		keys.forEach((id, key) -> sealing.put(id, new SecretKeySpec(key, "AES")));
		return new AesGcmPersonalData(new KeyRing(sealing, current, new SecretKeySpec(indexKey, "HmacSHA256"), "test"));
	}
}
