package org.chunfeng.subsidies.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.chunfeng.reference.Money;

/** Exact arithmetic and formatting of amounts (fen) and rates (basis points, 1/100 of a percent). */
public final class Figures {

	public static final int WHOLE_BP = 10_000;

	private Figures() {
	}

	/** {@code fen × bp / 10000}, rounded half-up to the fen (四舍五入). */
	public static long share(long fen, int bp) {
		return Money.ofFen(fen).multiply(BigDecimal.valueOf(bp, 4)).fen();
	}

	/** e.g. 1,000.00 */
	public static String yuan(long fen) {
		return Money.ofFen(fen).format();
	}

	/** A rate in basis points as a percentage without the sign: 550 → 5.5, 6000 → 60. */
	public static String percent(int bp) {
		return BigDecimal.valueOf(bp, 2).stripTrailingZeros().toPlainString();
	}

	/** {@code part ÷ whole} as a percentage with at most two decimals: 4 of 25 → 16. */
	public static String percent(long part, long whole) {
		if (whole == 0) {
			return "0";
		}
		return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
			.divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
	}

	/** Whether {@code part ÷ whole ≤ bp / 10000}, exactly (no rounding). */
	public static boolean atMost(long part, long whole, int bp) {
		return Math.multiplyExact(part, (long) WHOLE_BP) <= Math.multiplyExact(whole, (long) bp);
	}
}
