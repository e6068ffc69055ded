package org.chunfeng.imports;

import java.time.Instant;

/**
 * An import and how far it got.
 *
 * @param totalRows     data rows read so far (all of them once finished)
 * @param processedRows rows checked (and written, where valid)
 * @param errorRows     rows with at least one error
 * @param message       why the whole file was refused, or {@code null}
 */
public record ImportJob(long id, ImportKind kind, ImportMode mode, ImportStatus status, String fileName,
		String createdBy, int totalRows, int processedRows, int added, int updated, int unchanged, int errorRows,
		String message, Instant createdAt, Instant finishedAt) {

	/** Percent done, for the progress bar; 100 once finished. */
	@com.fasterxml.jackson.annotation.JsonProperty
	public int percent() {
		if (status.finished()) {
			return 100;
		}
		return totalRows == 0 ? 0 : Math.min(99, (int) (100L * processedRows / totalRows));
	}
}
