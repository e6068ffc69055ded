package org.chunfeng.platform.spreadsheet;

/** The two formats read and written. */
public enum SpreadsheetFormat {

	XLSX(".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),

	CSV(".csv", "text/csv;charset=UTF-8");

	private final String extension;
	private final String contentType;

	SpreadsheetFormat(String extension, String contentType) {
		this.extension = extension;
		this.contentType = contentType;
	}

	/** The file name extension with its dot, e.g. {@code ".xlsx"}. */
	public String extension() {
		return extension;
	}

	/** The media type for a download. */
	public String contentType() {
		return contentType;
	}
}
