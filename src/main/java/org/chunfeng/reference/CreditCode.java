package org.chunfeng.reference;

import java.util.Locale;
import java.util.Optional;

/**
 * A unified social credit code (统一社会信用代码) as defined by GB 32100-2015, the 18-character
 * identifier of employers and other organisations:
 * <ol>
 *   <li>registration authority (登记管理部门代码), e.g. {@code 9} market regulation;</li>
 *   <li>organisation type (机构类别代码), e.g. {@code 1} enterprise, {@code 2} individual business;</li>
 *   <li>3-8: region of the registration authority (登记管理机关行政区划码, GB/T 2260), or
 *       {@code 100000} for national registration;</li>
 *   <li>9-17: organisation code (主体标识码/组织机构代码, GB 11714) with its own check character;</li>
 *   <li>18: check character (校验码), ISO 7064-style MOD 31 with weights 3<sup>i-1</sup> mod 31.</li>
 * </ol>
 * The alphabet is the digits and the capital letters without I, O, S, V and Z.
 *
 * <p>The value is normalised: surrounding whitespace removed, letters upper-cased.
 *
 * @param value the 18 normalised characters
 */
public record CreditCode(String value) {

	static final String BLANK = "value.creditCode.blank";
	static final String LENGTH = "value.creditCode.length";
	static final String CHARACTERS = "value.creditCode.characters";
	static final String REGION = "value.creditCode.region";
	static final String ORGANISATION_CODE = "value.creditCode.organisationCode";
	static final String CHECK_CHAR = "value.creditCode.checkChar";

	private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
	private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
	private static final int[] ORGANISATION_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};
	/**
	 * GB 32100: national registration authorities use 100000, which is not a GB/T 2260
	 * code (e.g. national associations registered with the Ministry of Civil Affairs, 511000005...).
	 */
	private static final String NATIONAL = "100000";

	/**
	 * Normalises and validates.
	 *
	 * @throws InvalidValueException with one of the {@code value.creditCode.*} codes
	 */
	public CreditCode {
		if (value == null || value.isBlank()) {
			throw new InvalidValueException(BLANK, "Unified social credit code is required");
		}
		value = value.strip().toUpperCase(Locale.ROOT);
		int length = value.codePointCount(0, value.length());
		if (length != 18) {
			throw new InvalidValueException(LENGTH,
					"Unified social credit code must have 18 characters, but has {0}", length);
		}
		for (int i = 0; i < 18; i++) {
			char c = value.charAt(i);
			if (ALPHABET.indexOf(c) < 0) {
				throw new InvalidValueException(CHARACTERS,
						"Unified social credit code contains {1} at position {0}; only digits and capital letters"
								+ " other than I, O, S, V and Z are allowed",
						i + 1, String.valueOf(c));
			}
		}
		String region = value.substring(2, 8);
		if (!region.equals(NATIONAL) && RegionCode.violation(region) != null) {
			throw new InvalidValueException(REGION,
					"Unified social credit code contains {0} at positions 3-8, which is not a valid region code",
					region);
		}
		String organisationCode = value.substring(8, 17);
		if (organisationCode.charAt(8) != expectedOrganisationCheckChar(organisationCode)) {
			throw new InvalidValueException(ORGANISATION_CODE,
					"Unified social credit code contains {0} at positions 9-17, which is not a valid organisation code",
					organisationCode);
		}
		char expected = expectedCheckChar(value);
		if (value.charAt(17) != expected) {
			throw new InvalidValueException(CHECK_CHAR,
					"Unified social credit code has a wrong check character: expected {0}", String.valueOf(expected));
		}
	}

	/** Parses a credit code, ignoring surrounding whitespace and letter case. */
	public static CreditCode of(String raw) {
		return new CreditCode(raw);
	}

	/** First character: the registration authority (登记管理部门), e.g. {@code 9} for market regulation. */
	public char registeringAuthority() {
		return value.charAt(0);
	}

	/** Second character: the organisation type (机构类别) within that authority, e.g. {@code 1} enterprise. */
	public char organisationType() {
		return value.charAt(1);
	}

	/**
	 * The region of the registration authority (登记管理机关行政区划), or empty for a national
	 * registration ({@code 100000}), which has no GB/T 2260 region.
	 */
	public Optional<RegionCode> region() {
		return isNationalRegistration() ? Optional.empty() : Optional.of(new RegionCode(value.substring(2, 8)));
	}

	/** Whether the organisation was registered by a national authority (region part {@code 100000}). */
	public boolean isNationalRegistration() {
		return value.startsWith(NATIONAL, 2);
	}

	/**
	 * The embedded 9-character organisation code (组织机构代码), conventionally displayed as
	 * {@code XXXXXXXX-X}.
	 */
	public String organisationCode() {
		return value.substring(8, 17);
	}

	@Override
	public String toString() {
		return value;
	}

	/** GB 11714: weights over the first 8 characters valued 0-9, A=10 ... Z=35. */
	private static char expectedOrganisationCheckChar(String organisationCode) {
		int sum = 0;
		for (int i = 0; i < 8; i++) {
			sum += Character.digit(organisationCode.charAt(i), 36) * ORGANISATION_WEIGHTS[i];
		}
		int check = 11 - sum % 11;
		return switch (check) {
			case 10 -> 'X';
			case 11 -> '0';
			default -> (char) ('0' + check);
		};
	}

	/** GB 32100 MOD 31 over the first 17 characters, valued by their index in the alphabet. */
	private static char expectedCheckChar(String v) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += ALPHABET.indexOf(v.charAt(i)) * WEIGHTS[i];
		}
		return ALPHABET.charAt((31 - sum % 31) % 31);
	}
}
