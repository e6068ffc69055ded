package org.chunfeng.platform.spreadsheet;

import java.util.ArrayList;
import java.util.List;

/** Collects one row's cells as text, enforcing the column and cell-length limits as each cell arrives. */
final class RowBuilder {

	private final String fileName;
	private final SpreadsheetLimits limits;
	private final List<String> cells = new ArrayList<>();
	private int rowNumber;

	RowBuilder(String fileName, SpreadsheetLimits limits) {
		this.fileName = fileName;
		this.limits = limits;
	}

	void start(int rowNumber) {
		this.rowNumber = rowNumber;
		cells.clear();
	}

	int rowNumber() {
		return rowNumber;
	}

	/**
	 * @param column from 0
	 * @param raw    the cell's text as the file has it, or {@code null}
	 * @param name   the cell's name as the file gives it ({@code "C5"}), or {@code null} to derive it
	 */
	void cell(int column, String raw, String name) {
		String text = clean(raw);
		if (text.isEmpty()) {
			return;
		}
		if (column >= limits.maxColumns()) {
			throw new SpreadsheetException("spreadsheet.tooManyColumns", fileName, name(column, name),
					limits.maxColumns());
		}
		if (text.length() > limits.maxCellLength()) {
			throw tooLong(column, name);
		}
		while (cells.size() < column) {
			cells.add("");
		}
		if (column < cells.size()) {
			cells.set(column, text);
		}
		else {
			cells.add(text);
		}
	}

	SpreadsheetException tooLong(int column, String name) {
		return new SpreadsheetException("spreadsheet.cellTooLong", fileName, name(column, name),
				limits.maxCellLength());
	}

	/** The row, or {@code null} when every cell was blank. */
	SheetRow end() {
		return cells.isEmpty() ? null : new SheetRow(rowNumber, cells);
	}

	private String name(int column, String name) {
		if (name != null && !name.isBlank()) {
			// a hostile file may put anything in a cell reference
			return name.length() > 12 ? name.substring(0, 12) + "…" : name;
		}
		return Refusals.cellName(column, rowNumber);
	}

	/**
	 * Trims what people paste around values: whitespace including the ideographic space (U+3000), no-break spaces
	 * and zero-width characters.
	 */
	static String clean(String raw) {
		if (raw == null) {
			return "";
		}
		int start = 0;
		int end = raw.length();
		while (start < end && blank(raw.charAt(start))) {
			start++;
		}
		while (end > start && blank(raw.charAt(end - 1))) {
			end--;
		}
		return raw.substring(start, end);
	}

	private static boolean blank(char c) {
		return c <= ' ' || Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF';
	}
}
