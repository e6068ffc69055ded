package org.chunfeng.platform.spreadsheet;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import org.chunfeng.platform.spreadsheet.SpreadsheetWriter.DateCell;
import org.chunfeng.platform.spreadsheet.SpreadsheetWriter.NumberCell;

/** A value as the text a writer puts in a cell. */
final class CellText {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private CellText() {
	}

	static String of(Object value) {
		return switch (value) {
			case null -> "";
			case String text -> text;
			case NumberCell number -> number.value().toPlainString();
			case DateCell date -> date.value().toString();
			case BigDecimal decimal -> decimal.toPlainString();
			// Double.toString would write 1.3800138E10
			case Double d when Double.isFinite(d) -> BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
			case Float f when Float.isFinite(f) -> new BigDecimal(f.toString()).stripTrailingZeros().toPlainString();
			case LocalDate date -> date.toString();
			case LocalDateTime dateTime -> dateTime.format(DATE_TIME);
			case Boolean bool -> bool ? "TRUE" : "FALSE";
			case Enum<?> constant -> constant.name();
			default -> value.toString();
		};
	}

	/** Display width in Excel's units (a CJK character is two), for column widths. */
	static int width(String text) {
		int width = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			width += c >= 0x1100 && (c <= 0x115F || c >= 0x2E80 && c <= 0xA4CF || c >= 0xAC00 && c <= 0xD7A3
					|| c >= 0xF900 && c <= 0xFAFF || c >= 0xFE30 && c <= 0xFE4F || c >= 0xFF00 && c <= 0xFF60
					|| c >= 0xFFE0 && c <= 0xFFE6) ? 2 : 1;
		}
		return width;
	}
}
