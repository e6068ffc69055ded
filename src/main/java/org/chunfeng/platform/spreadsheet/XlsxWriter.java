package org.chunfeng.platform.spreadsheet;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * {@code .xlsx} through fastexcel: rows are flushed to the zip every {@value #FLUSH_ROWS}, and text goes in as inline
 * strings rather than a shared-strings table, which would hold every distinct value until the end.
 */
final class XlsxWriter implements SpreadsheetWriter {

	private static final int FLUSH_ROWS = 1_000;

	private static final int EXCEL_ROWS = 1_048_576;

	private static final int EXCEL_COLUMNS = 16_384;

	private static final String TEXT = "@";

	private static final String GENERAL = "General";

	private static final String DATE = "yyyy-mm-dd";

	private static final String HEADER_FILL = "DDEBF7";

	private final Workbook workbook;
	private final Worksheet sheet;
	/** Widest text per column among the rows before the first flush, which is when column widths are written. */
	private final List<Integer> widths = new ArrayList<>();
	private final Map<String, List<List<String>>> extraSheets = new LinkedHashMap<>();
	private int nextRow;
	private boolean flushed;
	private boolean closed;

	XlsxWriter(OutputStream out, String sheetName) {
		this.workbook = new Workbook(out, "Chunfeng", "1.0");
		this.sheet = workbook.newWorksheet(sheetName == null || sheetName.isBlank() ? "Sheet1" : sheetName);
	}

	@Override
	public SpreadsheetWriter header(List<String> titles) throws IOException {
		if (nextRow > 0) {
			throw new IllegalStateException("The header must be the first row");
		}
		checkColumns(titles.size());
		for (int c = 0; c < titles.size(); c++) {
			text(0, c, CellText.of(titles.get(c)));
			// the column's own format is what cells typed later into a template get
			sheet.style(c).format(TEXT).set();
		}
		if (!titles.isEmpty()) {
			sheet.range(0, 0, 0, titles.size() - 1).style().bold().fillColor(HEADER_FILL).format(TEXT).set();
		}
		sheet.freezePane(0, 1);
		nextRow = 1;
		return this;
	}

	@Override
	public SpreadsheetWriter row(List<?> values) throws IOException {
		if (nextRow >= EXCEL_ROWS) {
			throw new IllegalStateException("An Excel sheet holds at most " + EXCEL_ROWS + " rows");
		}
		checkColumns(values.size());
		int r = nextRow++;
		if (!values.isEmpty()) {
			for (int c = 0; c < values.size(); c++) {
				Object value = values.get(c);
				if (!(value instanceof NumberCell) && !(value instanceof DateCell)) {
					text(r, c, CellText.of(value));
				}
			}
			// one style for the row, then the few cells that are not text
			sheet.range(r, 0, r, values.size() - 1).style().format(TEXT).set();
			for (int c = 0; c < values.size(); c++) {
				switch (values.get(c)) {
					case NumberCell number -> {
						sheet.value(r, c, number.value());
						sheet.style(r, c).format(GENERAL).set();
					}
					case DateCell date -> {
						sheet.value(r, c, date.value());
						sheet.style(r, c).format(DATE).set();
						measure(c, DATE);
					}
					case null, default -> {
						// text, written above
					}
				}
			}
		}
		if (nextRow % FLUSH_ROWS == 0) {
			flush();
		}
		return this;
	}

	@Override
	public SpreadsheetWriter extraSheet(String name, List<List<String>> rows) {
		if (closed) {
			throw new IllegalStateException("The workbook is finished");
		}
		extraSheets.put(name, rows.stream().map(List::copyOf).toList());
		return this;
	}

	@Override
	public void close() throws IOException {
		if (closed) {
			return;
		}
		closed = true;
		if (!flushed) {
			applyWidths();
		}
		sheet.finish();
		for (Map.Entry<String, List<List<String>>> extra : extraSheets.entrySet()) {
			writeExtra(extra.getKey(), extra.getValue());
		}
		workbook.finish();
	}

	private void text(int r, int c, String text) {
		if (!text.isEmpty()) {
			sheet.inlineString(r, c, text);
			measure(c, text);
		}
	}

	private void measure(int c, String text) {
		if (flushed) {
			return;
		}
		while (widths.size() <= c) {
			widths.add(0);
		}
		widths.set(c, Math.max(widths.get(c), CellText.width(text)));
	}

	private void flush() throws IOException {
		if (!flushed) {
			applyWidths();
			flushed = true;
		}
		sheet.flush();
	}

	private void applyWidths() {
		for (int c = 0; c < widths.size(); c++) {
			sheet.width(c, Math.clamp(widths.get(c) + 2, 8, 50));
		}
	}

	private void writeExtra(String name, List<List<String>> rows) throws IOException {
		Worksheet extra = workbook.newWorksheet(name == null || name.isBlank() ? "Sheet" : name);
		List<Integer> extraWidths = new ArrayList<>();
		for (int r = 0; r < rows.size() && r < EXCEL_ROWS; r++) {
			List<String> row = rows.get(r);
			for (int c = 0; c < row.size() && c < EXCEL_COLUMNS; c++) {
				String text = CellText.of(row.get(c));
				if (!text.isEmpty()) {
					extra.inlineString(r, c, text);
					extra.style(r, c).format(TEXT).wrapText(true).verticalAlignment("top").set();
					while (extraWidths.size() <= c) {
						extraWidths.add(0);
					}
					extraWidths.set(c, Math.max(extraWidths.get(c), CellText.width(text)));
				}
			}
		}
		for (int c = 0; c < extraWidths.size(); c++) {
			extra.width(c, Math.clamp(extraWidths.get(c) + 2, 10, 100));
		}
		extra.finish();
	}

	private static void checkColumns(int count) {
		if (count > EXCEL_COLUMNS) {
			throw new IllegalArgumentException("An Excel sheet holds at most " + EXCEL_COLUMNS + " columns");
		}
	}
}
