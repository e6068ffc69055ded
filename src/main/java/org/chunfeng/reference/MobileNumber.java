package org.chunfeng.reference;

/**
 * A mainland China mobile phone number (手机号码): 11 digits, {@code 1[3-9]} followed by nine digits.
 *
 * <p>Input as people write it is accepted: spaces and dashes ({@code 138 0013 8000},
 * {@code 138-0013-8000}) and a country prefix {@code +86}, {@code 0086} or {@code 86}. The value
 * is the bare 11 digits. {@link #toString()} is {@link #masked()} so that the full number does
 * not end up in logs.
 *
 * @param value the 11 normalised digits
 */
public record MobileNumber(String value) {

	static final String BLANK = "value.mobile.blank";
	static final String FORMAT = "value.mobile.format";

	/**
	 * Normalises and validates.
	 *
	 * @throws InvalidValueException with code {@code value.mobile.blank} or {@code value.mobile.format}
	 */
	public MobileNumber {
		if (value == null || value.isBlank()) {
			throw new InvalidValueException(BLANK, "Mobile number is required");
		}
		value = normalise(value);
		if (!isMobile(value)) {
			throw new InvalidValueException(FORMAT,
					"Mobile number must be 11 digits starting with 13 to 19, optionally preceded by +86");
		}
	}

	/** Parses a mobile number written with spaces, dashes or a +86 / 0086 / 86 prefix. */
	public static MobileNumber of(String raw) {
		return new MobileNumber(raw);
	}

	/** First three and last four digits: {@code 138****8000}. */
	public String masked() {
		return value.substring(0, 3) + "****" + value.substring(7);
	}

	/** The masked form, so that logging a number never leaks it in full. */
	@Override
	public String toString() {
		return masked();
	}

	private static String normalise(String raw) {
		StringBuilder sb = new StringBuilder(raw.length());
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			// Separators only; anything else is kept so that it fails the format check visibly.
			if (c != '-' && !Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
				sb.append(c);
			}
		}
		String s = sb.toString();
		if (s.startsWith("+86")) {
			return s.substring(3);
		}
		if (s.startsWith("0086")) {
			return s.substring(4);
		}
		// A bare 86 only counts as a prefix when 11 digits follow: no mobile number starts with 86.
		if (s.startsWith("86") && s.length() == 13) {
			return s.substring(2);
		}
		return s;
	}

	private static boolean isMobile(String s) {
		if (s.length() != 11 || s.charAt(0) != '1' || s.charAt(1) < '3' || s.charAt(1) > '9') {
			return false;
		}
		for (int i = 2; i < 11; i++) {
			if (s.charAt(i) < '0' || s.charAt(i) > '9') {
				return false;
			}
		}
		return true;
	}
}
