package org.chunfeng.platform.spreadsheet;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Building and recognising the {@link SpreadsheetException}s of this package. */
final class Refusals {

	private Refusals() {
	}

	/** Anything a parser could not make sense of: the user sees "damaged", the log keeps the cause. */
	static SpreadsheetException corrupt(String fileName, Throwable cause) {
		SpreadsheetException ex = new SpreadsheetException("spreadsheet.corrupt", fileName);
		ex.initCause(cause);
		return ex;
	}

	/** The refusal somewhere in {@code thrown}'s causes, or {@code null}: parsers wrap what a stream throws. */
	static SpreadsheetException find(Throwable thrown) {
		for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof SpreadsheetException ex) {
				return ex;
			}
			if (t instanceof BoundedZip.Refused refused) {
				return refused.refusal();
			}
		}
		return null;
	}

	/** Bytes as megabytes with at most one decimal, for messages. */
	static BigDecimal megabytes(long bytes) {
		return BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1024 * 1024), 1, RoundingMode.HALF_UP)
			.stripTrailingZeros();
	}

	/** A cell's name as Excel shows it, e.g. {@code AB12}; {@code column} from 0. */
	static String cellName(int column, int rowNumber) {
		StringBuilder letters = new StringBuilder();
		for (int c = column + 1; c > 0; c = (c - 1) / 26) {
			letters.insert(0, (char) ('A' + (c - 1) % 26));
		}
		return letters.append(rowNumber).toString();
	}
}
