package org.chunfeng.platform.spreadsheet;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.model.StylesTable;

/**
 * Numeric cells as the text a user means: dates (by their cell format) as ISO {@code yyyy-MM-dd}, with the time
 * when there is one; other numbers as plain decimals rounded to the 15 significant digits Excel keeps, so
 * {@code 1.3800138E10} reads {@code 13800138000} and {@code 0.30000000000000004} reads {@code 0.3}. Display
 * formats (thousands separators, percent, currency) are not applied: an import wants the value.
 */
final class ExcelText extends DataFormatter {

	/** Excel's last date, 9999-12-31. */
	private static final double MAX_DATE = 2_958_466;

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

	private final boolean date1904;

	ExcelText(boolean date1904) {
		this.date1904 = date1904;
	}

	@Override
	public String formatRawCellContents(double value, int formatIndex, String formatString, boolean ignored) {
		if (!Double.isFinite(value)) {
			return Double.toString(value);
		}
		if (value >= 0 && value < MAX_DATE && DateUtil.isADateFormat(formatIndex, formatString)) {
			LocalDateTime time = DateUtil.getLocalDateTime(value, date1904, true);
			if (time != null) {
				if (time.toLocalTime().equals(LocalTime.MIDNIGHT)) {
					return time.toLocalDate().toString();
				}
				return value < 1 ? time.format(TIME) : time.format(DATE_TIME);
			}
		}
		BigDecimal number = new BigDecimal(value).round(new MathContext(15));
		return number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
	}

	/**
	 * The styles of a workbook, knowing the number formats that Chinese Excel writes by id only (27-36 and 50-58 are
	 * built in for East Asian locales, so files carry no definition and POI has none): without them dates typed in
	 * Chinese Excel would read as day numbers.
	 */
	static final class Styles extends StylesTable {

		private static final String YEAR_MONTH = "yyyy\"年\"m\"月\"";
		private static final String MONTH_DAY = "m\"月\"d\"日\"";
		private static final String DATE = "yyyy\"年\"m\"月\"d\"日\"";
		private static final String TIME_HM = "h\"时\"mm\"分\"";
		private static final String TIME_HMS = "h\"时\"mm\"分\"ss\"秒\"";
		private static final String AMPM_HM = "上午/下午h\"时\"mm\"分\"";
		private static final String AMPM_HMS = "上午/下午h\"时\"mm\"分\"ss\"秒\"";

		private static final Map<Integer, String> EAST_ASIAN = Map.ofEntries(Map.entry(27, YEAR_MONTH),
				Map.entry(28, MONTH_DAY), Map.entry(29, MONTH_DAY), Map.entry(30, "m-d-yy"), Map.entry(31, DATE),
				Map.entry(32, TIME_HM), Map.entry(33, TIME_HMS), Map.entry(34, AMPM_HM), Map.entry(35, AMPM_HMS),
				Map.entry(36, YEAR_MONTH), Map.entry(50, YEAR_MONTH), Map.entry(51, MONTH_DAY),
				Map.entry(52, YEAR_MONTH), Map.entry(53, MONTH_DAY), Map.entry(54, MONTH_DAY), Map.entry(55, AMPM_HM),
				Map.entry(56, AMPM_HMS), Map.entry(57, YEAR_MONTH), Map.entry(58, MONTH_DAY));

		/** A workbook without a styles part: every cell has the default (General) format. */
		Styles() {
		}

		Styles(InputStream in) throws IOException {
			super(in);
		}

		@Override
		public String getNumberFormatAt(short id) {
			String defined = super.getNumberFormatAt(id);
			return defined != null ? defined : EAST_ASIAN.get((int) id);
		}
	}
}
