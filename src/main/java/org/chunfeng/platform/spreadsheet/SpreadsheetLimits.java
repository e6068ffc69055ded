package org.chunfeng.platform.spreadsheet;

/**
 * What an uploaded spreadsheet may contain; going over any of these refuses the file with a message naming the limit.
 *
 * @param maxRows               data rows after the header row
 * @param maxColumns            columns that hold a value (A is 1)
 * @param maxCellLength         characters in one cell, after trimming
 * @param maxZipEntries         entries in an {@code .xlsx} zip (POI refuses more than 1,000 on its own)
 * @param maxUncompressedBytes  bytes a whole file may unpack to (for a {@code .csv}: its size)
 * @param maxCompressionRatio   how many times its compressed size one zip entry may unpack to
 * @param maxSharedStringsBytes unpacked size of the shared-strings part, which is held in memory while reading
 * @param maxMetadataBytes      unpacked size of every other part read whole (workbook, styles, relationships)
 */
public record SpreadsheetLimits(int maxRows, int maxColumns, int maxCellLength, int maxZipEntries,
		long maxUncompressedBytes, int maxCompressionRatio, long maxSharedStringsBytes, long maxMetadataBytes) {

	private static final long MB = 1024 * 1024;

	/** 100,000 rows of 100 columns of 1,000 characters, 500 MB unpacked, 100:1 per zip entry. */
	public static final SpreadsheetLimits DEFAULT = new SpreadsheetLimits(100_000, 100, 1_000, 1_000, 500 * MB, 100,
			100 * MB, 20 * MB);

	public SpreadsheetLimits {
		if (maxRows < 1 || maxColumns < 1 || maxColumns > 16_384 || maxCellLength < 1 || maxZipEntries < 1
				|| maxUncompressedBytes < 1 || maxCompressionRatio < 1 || maxSharedStringsBytes < 1
				|| maxMetadataBytes < 1) {
			throw new IllegalArgumentException("Spreadsheet limits must be positive (and at most 16384 columns)");
		}
	}

	public SpreadsheetLimits withMaxRows(int value) {
		return new SpreadsheetLimits(value, maxColumns, maxCellLength, maxZipEntries, maxUncompressedBytes,
				maxCompressionRatio, maxSharedStringsBytes, maxMetadataBytes);
	}

	public SpreadsheetLimits withMaxColumns(int value) {
		return new SpreadsheetLimits(maxRows, value, maxCellLength, maxZipEntries, maxUncompressedBytes,
				maxCompressionRatio, maxSharedStringsBytes, maxMetadataBytes);
	}

	public SpreadsheetLimits withMaxCellLength(int value) {
		return new SpreadsheetLimits(maxRows, maxColumns, value, maxZipEntries, maxUncompressedBytes,
				maxCompressionRatio, maxSharedStringsBytes, maxMetadataBytes);
	}

	public SpreadsheetLimits withMaxZipEntries(int value) {
		return new SpreadsheetLimits(maxRows, maxColumns, maxCellLength, value, maxUncompressedBytes,
				maxCompressionRatio, maxSharedStringsBytes, maxMetadataBytes);
	}

	public SpreadsheetLimits withMaxUncompressedBytes(long value) {
		return new SpreadsheetLimits(maxRows, maxColumns, maxCellLength, maxZipEntries, value, maxCompressionRatio,
				maxSharedStringsBytes, maxMetadataBytes);
	}

	public SpreadsheetLimits withMaxCompressionRatio(int value) {
		return new SpreadsheetLimits(maxRows, maxColumns, maxCellLength, maxZipEntries, maxUncompressedBytes, value,
				maxSharedStringsBytes, maxMetadataBytes);
	}

	public SpreadsheetLimits withMaxSharedStringsBytes(long value) {
		return new SpreadsheetLimits(maxRows, maxColumns, maxCellLength, maxZipEntries, maxUncompressedBytes,
				maxCompressionRatio, value, maxMetadataBytes);
	}

	public SpreadsheetLimits withMaxMetadataBytes(long value) {
		return new SpreadsheetLimits(maxRows, maxColumns, maxCellLength, maxZipEntries, maxUncompressedBytes,
				maxCompressionRatio, maxSharedStringsBytes, value);
	}

	/**
	 * How many characters one cell may hold in the file before trimming, counting a formula's text (Excel allows
	 * 8,192): beyond it the reader stops collecting text at once rather than after the whole cell is in memory.
	 */
	int rawCellBudget() {
		return 2 * maxCellLength + 8_192;
	}
}
