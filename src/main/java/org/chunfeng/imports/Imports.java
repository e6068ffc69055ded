package org.chunfeng.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

import org.chunfeng.platform.PageQuery;
import org.chunfeng.platform.Paged;
import org.chunfeng.platform.spreadsheet.SpreadsheetFormat;

/** Bulk imports as background jobs, inside the caller's region. */
public interface Imports {

	/**
	 * Saves the upload (at most {@link #MAX_BYTES}) and starts a job that reads it in the background as the
	 * current user.
	 *
	 * @throws org.chunfeng.platform.InvalidRequestException if the file is too large or empty
	 */
	ImportJob start(ImportKind kind, ImportMode mode, String fileName, InputStream content) throws IOException;

	Optional<ImportJob> find(long id);

	/** The jobs of the caller's region, newest first. */
	Paged<ImportJob> recent(PageQuery page);

	/** The bad rows as a workbook: the template's columns with the row as it was, then row, field and message. */
	void writeErrors(long jobId, OutputStream out) throws IOException;

	/** An empty file with the columns (and, for xlsx, a sheet explaining them). */
	void writeTemplate(ImportKind kind, SpreadsheetFormat format, OutputStream out) throws IOException;

	long MAX_BYTES = 50L * 1024 * 1024;
}
