package org.chunfeng.platform.spreadsheet;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Writes one table as {@code .xlsx} or {@code .csv}, streaming: rows go out as they come, so memory stays flat
 * however many there are.
 *
 * <pre>{@code
 * try (SpreadsheetWriter out = SpreadsheetWriter.xlsx(response, "工人名单")) {
 *     out.header(List.of("姓名", "身份证号", "月工资"));
 *     out.row(List.of("张三", "11010519491231002X", SpreadsheetWriter.number(new BigDecimal("5200"))));
 * }
 * }</pre>
 *
 * Every value is written as text unless wrapped by {@link #number} or {@link #date}: identity numbers, credit codes
 * and mobile numbers must never turn into numbers in Excel. In an {@code .xlsx} the header row is bold on a light
 * fill and frozen, and each column is formatted as text, so what people type into a downloaded template stays text
 * too. A {@code .csv} is UTF-8 with a byte-order mark, so Excel opens Chinese correctly. {@link #close()} finishes
 * the file but leaves the stream open.
 */
public sealed interface SpreadsheetWriter extends Closeable permits XlsxWriter, CsvWriter {

	/** An {@code .xlsx} whose (first) sheet has the given name, shortened to Excel's 31 characters if need be. */
	static SpreadsheetWriter xlsx(OutputStream out, String sheetName) {
		return new XlsxWriter(out, sheetName);
	}

	/** A {@code .csv} in UTF-8 with a byte-order mark, lines ending in CRLF (RFC 4180). */
	static SpreadsheetWriter csv(OutputStream out) {
		return new CsvWriter(out);
	}

	static SpreadsheetWriter of(SpreadsheetFormat format, OutputStream out, String sheetName) {
		return format == SpreadsheetFormat.XLSX ? xlsx(out, sheetName) : csv(out);
	}

	/** A cell written as an Excel number, for true quantities (amounts, counts) only. */
	static NumberCell number(Number value) {
		Objects.requireNonNull(value, "value");
		BigDecimal decimal = value instanceof BigDecimal big ? big : new BigDecimal(value.toString());
		// no exponent in the file: 1E+3 would be read back as text by some tools
		return new NumberCell(decimal.scale() < 0 ? decimal.setScale(0) : decimal);
	}

	/** A cell written as an Excel date shown {@code yyyy-mm-dd} (in a {@code .csv}: the ISO text). */
	static DateCell date(LocalDate value) {
		return new DateCell(Objects.requireNonNull(value, "value"));
	}

	/** The header row; before any other row. */
	SpreadsheetWriter header(List<String> titles) throws IOException;

	/**
	 * The next row. Values are written as text ({@code null} as empty, dates as {@code yyyy-MM-dd}, numbers in plain
	 * notation) unless they are a {@link NumberCell} or a {@link DateCell}.
	 */
	SpreadsheetWriter row(List<?> values) throws IOException;

	/**
	 * A further sheet of text, e.g. "说明" explaining a template, placed after the table so readers still find the
	 * table first. Ignored by a {@code .csv}, which has one table only.
	 */
	SpreadsheetWriter extraSheet(String name, List<List<String>> rows);

	/** Finishes the file (and the extra sheets); the stream stays open. */
	@Override
	void close() throws IOException;

	record NumberCell(BigDecimal value) {
	}

	record DateCell(LocalDate value) {
	}
}
