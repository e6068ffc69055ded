package org.chunfeng.platform.spreadsheet;

/** The rows of one file's first sheet, in file order, blank rows left out. */
interface RowSource extends AutoCloseable {

	/** The next non-blank row, or {@code null} at the end. */
	SheetRow next();

	@Override
	void close();
}
