package org.chunfeng.platform.spreadsheet;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.io.output.CloseShieldOutputStream;

/**
 * {@code .csv} in UTF-8 with a byte-order mark (without it Excel takes the file for the local ANSI code page and
 * garbles Chinese). Text that Excel would run as a formula ({@code =}, {@code +}, {@code -}, {@code @} first, the
 * "CSV injection" of exported user input) gets a leading apostrophe, except plain signed numbers.
 */
final class CsvWriter implements SpreadsheetWriter {

	private static final Pattern SIGNED_NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");

	private final OutputStream out;
	private CSVPrinter printer;

	CsvWriter(OutputStream out) {
		this.out = out;
	}

	@Override
	public SpreadsheetWriter header(List<String> titles) throws IOException {
		return row(titles);
	}

	@Override
	public SpreadsheetWriter row(List<?> values) throws IOException {
		CSVPrinter csv = printer();
		for (Object value : values) {
			csv.print(neutral(CellText.of(value)));
		}
		csv.println();
		return this;
	}

	@Override
	public SpreadsheetWriter extraSheet(String name, List<List<String>> rows) {
		return this;
	}

	@Override
	public void close() throws IOException {
		// closes the shield only: flushes, leaves the caller's stream open
		printer().close(true);
	}

	private CSVPrinter printer() throws IOException {
		if (printer == null) {
			OutputStream shielded = CloseShieldOutputStream.wrap(out);
			shielded.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
			printer = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(shielded, StandardCharsets.UTF_8)),
					CSVFormat.RFC4180);
		}
		return printer;
	}

	static String neutral(String text) {
		if (text.length() > 1 && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !SIGNED_NUMBER.matcher(text).matches()) {
			return "'" + text;
		}
		return text;
	}
}
