package org.chunfeng.identity.internal;

import java.util.Map;
import java.util.Objects;

import javax.crypto.SecretKey;

/**
 * The personal-data keys in use: the sealing keys by id (AES-256), which of them seals new values, and the separate
 * blind-index key (HMAC-SHA256).
 *
 * @param source where the keys came from, for the start-up log (never the keys themselves)
 */
record KeyRing(Map<String, SecretKey> sealingKeys, String currentKeyId, SecretKey indexKey, String source) {

	KeyRing {
		sealingKeys = Map.copyOf(sealingKeys);
		Objects.requireNonNull(indexKey, "indexKey");
		if (!sealingKeys.containsKey(currentKeyId)) {
			throw new IllegalArgumentException("The current key " + currentKeyId + " is not among the sealing keys");
		}
	}

	SecretKey currentKey() {
		return sealingKeys.get(currentKeyId);
	}

	@Override
	public String toString() {
		return "KeyRing[current=" + currentKeyId + ", keys=" + sealingKeys.keySet() + ", source=" + source + "]";
	}
}
