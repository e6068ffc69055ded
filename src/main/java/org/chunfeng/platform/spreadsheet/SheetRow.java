package org.chunfeng.platform.spreadsheet;

import java.util.List;

/**
 * One non-blank row: its number as Excel shows it (from 1) and its cells as text, trimmed, without trailing empty
 * cells; a missing cell reads as {@code ""}.
 */
public record SheetRow(int rowNumber, List<String> cells) {

	public SheetRow {
		cells = List.copyOf(cells);
	}

	/** The cell in column {@code index} (0 = A), {@code ""} when the row is shorter. */
	public String cell(int index) {
		return index < cells.size() ? cells.get(index) : "";
	}
}
