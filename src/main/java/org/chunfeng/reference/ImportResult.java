package org.chunfeng.reference;

import java.util.List;

/**
 * What an import did: rows read, rows written, and the rows it refused (nothing is written when any row is bad).
 */
public record ImportResult(int rowsRead, int rowsWritten, List<RowError> errors) {

	public boolean succeeded() {
		return errors.isEmpty();
	}

	/** A refused row: its line number in the file, the column, and why (a message key with arguments). */
	public record RowError(long line, String column, String messageCode, Object... messageArgs) {
	}
}
