package org.chunfeng.reference;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;

/**
 * A citizen identity number (公民身份号码) as defined by GB 11643-1999: 6-digit address code
 * (地址码), 8-digit birth date (出生日期码), 3-digit sequence (顺序码) whose last digit is odd for
 * men and even for women, and an ISO 7064 MOD 11-2 check character (校验码, a digit or X).
 *
 * <p>Only the 18-character form is accepted; 15-digit first-generation numbers are rejected.
 * The address code is checked structurally (see {@link RegionCode}) because a person keeps the
 * number issued under a division that may since have been abolished.
 *
 * <p>The value is normalised: surrounding whitespace removed, a lowercase {@code x} upper-cased.
 * {@link #toString()} is {@link #masked()} so that the full number does not end up in logs;
 * use {@link #value()} where the full number is genuinely needed.
 *
 * @param value the 18 normalised characters
 */
public record ResidentIdNumber(String value) {

	static final String BLANK = "value.residentId.blank";
	static final String LENGTH = "value.residentId.length";
	static final String CHARACTERS = "value.residentId.characters";
	static final String REGION = "value.residentId.region";
	static final String BIRTH_DATE = "value.residentId.birthDate";
	static final String FUTURE_BIRTH_DATE = "value.residentId.futureBirthDate";
	static final String CHECK_DIGIT = "value.residentId.checkDigit";

	/** Business dates are Beijing time, whatever the server's zone. */
	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
	private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1900, 1, 1);
	private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
	private static final String CHECK_CHARS = "10X98765432";

	/** Sex (性别) as encoded by the parity of the 17th digit. */
	public enum Sex {
		/** 男: odd 17th digit. */
		MALE,
		/** 女: even 17th digit. */
		FEMALE
	}

	/**
	 * Normalises and validates; a birth date after today (Beijing time) is rejected.
	 *
	 * @throws InvalidValueException with one of the {@code value.residentId.*} codes
	 */
	public ResidentIdNumber {
		if (value == null || value.isBlank()) {
			throw new InvalidValueException(BLANK, "Resident ID number is required");
		}
		// Only x has a lowercase form worth accepting; it is printed as X on the card.
		value = value.strip().replace('x', 'X');
		int length = value.codePointCount(0, value.length());
		if (length != 18) {
			throw new InvalidValueException(LENGTH,
					"Resident ID number must have 18 characters, but has {0}", length);
		}
		for (int i = 0; i < 17; i++) {
			if (!isAsciiDigit(value.charAt(i))) {
				throw charactersError();
			}
		}
		char last = value.charAt(17);
		if (!isAsciiDigit(last) && last != 'X') {
			throw charactersError();
		}
		String addressCode = value.substring(0, 6);
		if (RegionCode.violation(addressCode) != null) {
			throw new InvalidValueException(REGION,
					"Resident ID number starts with {0}, which is not a valid region code", addressCode);
		}
		LocalDate birth = birthDateOrNull(value);
		if (birth == null || birth.isBefore(EARLIEST_BIRTH)) {
			throw new InvalidValueException(BIRTH_DATE,
					"Resident ID number contains {0}, which is not a valid birth date", value.substring(6, 14));
		}
		char expected = expectedCheckChar(value);
		if (last != expected) {
			throw new InvalidValueException(CHECK_DIGIT,
					"Resident ID number has a wrong check character: expected {0}", String.valueOf(expected));
		}
		// Checked last: a mistyped number is better reported as such than as a future birth date.
		requireNotAfter(birth, LocalDate.now(CHINA));
	}

	/**
	 * Parses a resident ID number, judging "future birth date" against today in Beijing.
	 *
	 * @throws InvalidValueException with one of the {@code value.residentId.*} codes
	 */
	public static ResidentIdNumber parse(String raw) {
		return new ResidentIdNumber(raw);
	}

	/**
	 * Parses a resident ID number, judging "future birth date" against the given day. Meant for
	 * tests and for back-dated checks; the constructor still rejects a birth date after the real
	 * today, so {@code today} can only narrow what is accepted.
	 */
	public static ResidentIdNumber parse(String raw, LocalDate today) {
		ResidentIdNumber id = new ResidentIdNumber(raw);
		requireNotAfter(id.birthDate(), today);
		return id;
	}

	/** The birth date (出生日期) encoded in digits 7-14. */
	public LocalDate birthDate() {
		return birthDateOrNull(value);
	}

	/** The sex (性别) encoded by the parity of the 17th digit. */
	public Sex sex() {
		return (value.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
	}

	/** The address code (地址码): where the number was first issued, possibly an abolished division. */
	public RegionCode origin() {
		return new RegionCode(value.substring(0, 6));
	}

	/**
	 * Age in completed years (周岁) on the given day. Someone born on 29 February becomes a year
	 * older on 1 March in common years.
	 *
	 * @throws IllegalArgumentException if {@code day} is before the birth date
	 */
	public int ageOn(LocalDate day) {
		LocalDate birth = birthDate();
		if (day.isBefore(birth)) {
			throw new IllegalArgumentException("Day " + day + " is before the birth date");
		}
		return Period.between(birth, day).getYears();
	}

	/** Address code, eight asterisks, last four characters: {@code 320505********1234}. */
	public String masked() {
		return value.substring(0, 6) + "********" + value.substring(14);
	}

	/** The masked form, so that logging an ID never leaks the full number. */
	@Override
	public String toString() {
		return masked();
	}

	private static InvalidValueException charactersError() {
		return new InvalidValueException(CHARACTERS,
				"Resident ID number must be 17 digits followed by a digit or X");
	}

	private static void requireNotAfter(LocalDate birth, LocalDate today) {
		if (birth.isAfter(today)) {
			throw new InvalidValueException(FUTURE_BIRTH_DATE,
					"Resident ID number contains the birth date {0}, which is in the future", birth.toString());
		}
	}

	private static LocalDate birthDateOrNull(String v) {
		try {
			return LocalDate.of(Integer.parseInt(v, 6, 10, 10),
					Integer.parseInt(v, 10, 12, 10), Integer.parseInt(v, 12, 14, 10));
		} catch (DateTimeException e) {
			return null;
		}
	}

	/**
	 * The number made of 17 digits (address code, birth date, sequence) and their check character: synthetic
	 * populations (benchmarks, demo data) are generated with it.
	 */
	public static ResidentIdNumber completing(String first17) {
		if (first17 == null || !first17.matches("[0-9]{17}")) {
			throw new IllegalArgumentException("17 digits expected");
		}
		return parse(first17 + expectedCheckChar(first17));
	}

	/** ISO 7064 MOD 11-2 over the first 17 digits. */
	private static char expectedCheckChar(String v) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (v.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK_CHARS.charAt(sum % 11);
	}

	private static boolean isAsciiDigit(char c) {
		return c >= '0' && c <= '9';
	}
}
