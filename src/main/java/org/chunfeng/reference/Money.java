package org.chunfeng.reference;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An exact amount of renminbi (人民币金额) held as a whole number of fen (分, 0.01 yuan).
 *
 * <p>Integer fen rather than {@code BigDecimal} or {@code double}: every wage, subsidy and fee
 * the bureau handles is a whole number of fen, sums are exact, and overflow is detected by
 * {@code Math.*Exact}, which throws {@link ArithmeticException}. Negative amounts are allowed
 * (refunds, corrections); {@link #isNegative()} lets callers forbid them where they make no sense.
 *
 * @param fen the amount in fen
 */
public record Money(long fen) implements Comparable<Money> {

	static final String BLANK = "value.money.blank";
	static final String FORMAT = "value.money.format";
	static final String SCALE = "value.money.scale";
	static final String RANGE = "value.money.range";

	/** 零元. */
	public static final Money ZERO = new Money(0);

	/** Long.MAX_VALUE fen has 17 integer yuan digits; anything longer overflows without parsing. */
	private static final int MAX_YUAN_DIGITS = 17;

	/** An amount given in fen. */
	public static Money ofFen(long fen) {
		return new Money(fen);
	}

	/**
	 * Parses an amount in yuan (元) as people write it: {@code 1234}, {@code 1234.5},
	 * {@code 1,234.56}, {@code ¥1,234.56} (also full-width {@code ￥}), optionally negative
	 * ({@code -12.50}). Thousands separators, if used, must group by three. At most two decimals
	 * are accepted: a third would silently lose precision.
	 *
	 * @throws InvalidValueException with one of the {@code value.money.*} codes
	 */
	public static Money parse(String yuan) {
		if (yuan == null || yuan.isBlank()) {
			throw new InvalidValueException(BLANK, "Amount is required");
		}
		String s = yuan.strip();
		boolean negative = false;
		if (s.startsWith("-")) {
			negative = true;
			s = s.substring(1);
		}
		if (s.startsWith("¥") || s.startsWith("￥")) {
			s = s.substring(1);
		}
		if (!negative && s.startsWith("-")) {
			// "¥-12.50" as well as "-¥12.50"
			negative = true;
			s = s.substring(1);
		}
		int dot = s.indexOf('.');
		String integerPart = dot < 0 ? s : s.substring(0, dot);
		String fraction = dot < 0 ? "" : s.substring(dot + 1);
		String digits = ungroup(integerPart);
		if (digits == null || (dot >= 0 && (fraction.isEmpty() || !allAsciiDigits(fraction)))) {
			throw formatError();
		}
		if (fraction.length() > 2) {
			throw new InvalidValueException(SCALE,
					"Amount may have at most 2 decimal places, but has {0}", fraction.length());
		}
		String stripped = stripLeadingZeros(digits);
		if (stripped.length() > MAX_YUAN_DIGITS) {
			throw rangeError();
		}
		BigDecimal amount = new BigDecimal((negative ? "-" : "") + stripped + "." + (fraction + "00").substring(0, 2));
		try {
			return new Money(amount.movePointRight(2).longValueExact());
		} catch (ArithmeticException e) {
			throw rangeError();
		}
	}

	/** @throws ArithmeticException on overflow */
	public Money plus(Money other) {
		return new Money(Math.addExact(fen, other.fen));
	}

	/** @throws ArithmeticException on overflow */
	public Money minus(Money other) {
		return new Money(Math.subtractExact(fen, other.fen));
	}

	/** This amount times a whole number, e.g. a daily allowance times days. @throws ArithmeticException on overflow */
	public Money times(long factor) {
		return new Money(Math.multiplyExact(fen, factor));
	}

	/**
	 * This amount times a rate (e.g. a contribution rate of {@code 0.08}), rounded half-up to the
	 * fen: 0.5 fen and more rounds away from zero, as in Chinese financial practice (四舍五入).
	 *
	 * @throws ArithmeticException if the result does not fit
	 */
	public Money multiply(BigDecimal rate) {
		return new Money(BigDecimal.valueOf(fen).multiply(rate).setScale(0, RoundingMode.HALF_UP).longValueExact());
	}

	/** The smaller of the two amounts, e.g. to cap a subsidy. */
	public Money min(Money other) {
		return compareTo(other) <= 0 ? this : other;
	}

	/** The larger of the two amounts. */
	public Money max(Money other) {
		return compareTo(other) >= 0 ? this : other;
	}

	public boolean isNegative() {
		return fen < 0;
	}

	public boolean isZero() {
		return fen == 0;
	}

	@Override
	public int compareTo(Money other) {
		return Long.compare(fen, other.fen);
	}

	/** The amount in yuan with scale 2, e.g. {@code 1234.56}. */
	public BigDecimal toYuan() {
		return BigDecimal.valueOf(fen, 2);
	}

	/** Plain yuan with two decimals, {@code 1234.56}: the form for forms, CSV and APIs. */
	@Override
	public String toString() {
		return toYuan().toPlainString();
	}

	/** Yuan with thousands separators, {@code 1,234.56}: the form for display. */
	public String format() {
		String plain = toYuan().abs().toPlainString();
		int dot = plain.length() - 3;
		StringBuilder sb = new StringBuilder(plain.length() + plain.length() / 3 + 1);
		if (fen < 0) {
			sb.append('-');
		}
		for (int i = 0; i < dot; i++) {
			// Not DecimalFormat: it is locale-sensitive and not thread-safe.
			if (i > 0 && (dot - i) % 3 == 0) {
				sb.append(',');
			}
			sb.append(plain.charAt(i));
		}
		return sb.append(plain, dot, plain.length()).toString();
	}

	/** The integer digits without separators, or null if the grouping is malformed. */
	private static String ungroup(String integerPart) {
		if (integerPart.isEmpty()) {
			return null;
		}
		if (integerPart.indexOf(',') < 0) {
			return allAsciiDigits(integerPart) ? integerPart : null;
		}
		String[] groups = integerPart.split(",", -1);
		if (groups[0].isEmpty() || groups[0].length() > 3 || !allAsciiDigits(groups[0])) {
			return null;
		}
		for (int i = 1; i < groups.length; i++) {
			if (groups[i].length() != 3 || !allAsciiDigits(groups[i])) {
				return null;
			}
		}
		return String.join("", groups);
	}

	private static boolean allAsciiDigits(String s) {
		for (int i = 0; i < s.length(); i++) {
			if (s.charAt(i) < '0' || s.charAt(i) > '9') {
				return false;
			}
		}
		return true;
	}

	private static String stripLeadingZeros(String digits) {
		int i = 0;
		while (i < digits.length() - 1 && digits.charAt(i) == '0') {
			i++;
		}
		return digits.substring(i);
	}

	private static InvalidValueException formatError() {
		return new InvalidValueException(FORMAT, "Amount must be a number of yuan such as 1234.56 or 1,234.56");
	}

	private static InvalidValueException rangeError() {
		return new InvalidValueException(RANGE, "Amount is too large");
	}
}
