package org.chunfeng.identity;

/**
 * Protection of personal numbers at rest (个人信息加密存储): resident ID numbers and mobile numbers are stored
 * sealed, and found or kept unique through a blind index.
 *
 * <p><b>Sealing</b> is AES-256-GCM with a random 96-bit nonce under the current key; the result names its key, so
 * keys can be rotated: configure a new key, make it current, and values sealed under older keys still open as long
 * as those keys stay configured. One key should not seal more than about 2<sup>32</sup> values (the bound for random
 * GCM nonces); rotate well before that.
 *
 * <p>A <b>blind index</b> is HMAC-SHA256 under a separate index key, with the purpose as domain separation: the same
 * number gives the same index for the same purpose, so a unique index or an equality lookup works on it, while the
 * index of an ID number cannot be compared with that of a mobile number. The index key cannot be rotated without
 * recomputing every stored index.
 *
 * <p>Keys come from {@code chunfeng.personal-data.*} (environment {@code CHUNFENG_PERSONAL_DATA_...}); on the
 * embedded database they are generated on first start and kept in {@code ${chunfeng.data-dir}/personal-data.keys}.
 */
public interface PersonalData {

	/** Blind-index purpose for resident identity numbers (公民身份号码), normalised as {@code ResidentIdNumber#value()}. */
	String RESIDENT_ID_NUMBER = "resident-id-number";

	/** Blind-index purpose for mobile numbers (手机号码), normalised as {@code MobileNumber#value()}: 11 bare digits. */
	String MOBILE_NUMBER = "mobile-number";

	/**
	 * Encrypts under the current key.
	 *
	 * @param plaintext the value to protect, not null
	 */
	Sealed seal(String plaintext);

	/**
	 * Decrypts a sealed value.
	 *
	 * @throws PersonalDataException if the value was altered, or its key is not configured
	 */
	String open(Sealed sealed);

	/**
	 * The blind index of a normalised value: 32 bytes, equal for equal values and purposes.
	 *
	 * @param purpose         what kind of value this is, e.g. {@link #RESIDENT_ID_NUMBER}: lowercase letters, digits
	 *                        and dashes
	 * @param normalisedValue the value in its one canonical form, so that equal values index equally
	 */
	byte[] blindIndex(String purpose, String normalisedValue);
}
