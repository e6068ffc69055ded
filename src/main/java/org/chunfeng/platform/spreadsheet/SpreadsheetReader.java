package org.chunfeng.platform.spreadsheet;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Streams the first sheet of an uploaded {@code .xlsx} or {@code .csv}, one row at a time, in memory bounded by
 * {@link SpreadsheetLimits}:
 *
 * <pre>{@code
 * try (SpreadsheetReader sheet = SpreadsheetReader.open(upload, "名单.xlsx", SpreadsheetLimits.DEFAULT)) {
 *     List<String> columns = sheet.header().map(SheetRow::cells).orElse(List.of());
 *     sheet.rows().forEach(row -> ...);
 * }
 * }</pre>
 *
 * The format is decided by the content, and the name must agree with it. Cells read as the text a user sees: numbers
 * without a spurious {@code .0} or exponent, dates as {@code yyyy-MM-dd}, booleans as {@code TRUE}/{@code FALSE},
 * formulas as their cached result, everything trimmed. Whatever is wrong with the file (another format, damage, a zip
 * bomb, XML entities, a limit passed) is thrown as a {@link SpreadsheetException}, from {@code open} or while rows
 * are read.
 */
public final class SpreadsheetReader implements Closeable {

	private static final byte[] ZIP = { 'P', 'K', 3, 4 };

	private static final byte[] EMPTY_ZIP = { 'P', 'K', 5, 6 };

	/** Compound File Binary: {@code .xls} and the other Office 97-2003 formats. */
	private static final byte[] OLE2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
			(byte) 0xE1 };

	private static final int SNIFF_BYTES = 8192;

	private final RowSource source;
	private final SpreadsheetFormat format;
	private final String fileName;
	private final int maxRows;
	private final SheetRow header;
	private int dataRows;
	private boolean streamed;

	private SpreadsheetReader(RowSource source, SpreadsheetFormat format, String fileName, int maxRows) {
		this.source = source;
		this.format = format;
		this.fileName = fileName;
		this.maxRows = maxRows;
		this.header = source.next();
	}

	/**
	 * Opens {@code file} and reads up to its header row.
	 *
	 * @param file     the upload, saved to a local file (an {@code .xlsx} needs random access)
	 * @param fileName the name the user gave it, for the format check and for messages
	 * @throws SpreadsheetException when the file is not a readable spreadsheet within the limits
	 * @throws IOException          when the local file cannot be read at all
	 */
	public static SpreadsheetReader open(Path file, String fileName, SpreadsheetLimits limits) throws IOException {
		String name = fileName == null || fileName.isBlank() ? file.getFileName().toString() : fileName.strip();
		SpreadsheetFormat format = detect(file, name);
		RowSource source = format == SpreadsheetFormat.XLSX ? XlsxRows.open(file, name, limits)
				: CsvRows.open(file, name, limits);
		try {
			return new SpreadsheetReader(source, format, name, limits.maxRows());
		}
		catch (RuntimeException ex) {
			source.close();
			throw ex;
		}
	}

	/** {@link #open(Path, String, SpreadsheetLimits)} within {@link SpreadsheetLimits#DEFAULT}. */
	public static SpreadsheetReader open(Path file, String fileName) throws IOException {
		return open(file, fileName, SpreadsheetLimits.DEFAULT);
	}

	public SpreadsheetFormat format() {
		return format;
	}

	/** The first non-blank row, empty when the sheet has none. */
	public Optional<SheetRow> header() {
		return Optional.ofNullable(header);
	}

	/**
	 * The non-blank rows after the header, read as the stream is consumed; once only.
	 *
	 * @throws SpreadsheetException while streaming, at the first row past a limit or the first damage found
	 */
	public Stream<SheetRow> rows() {
		if (streamed) {
			throw new IllegalStateException("The rows of " + fileName + " can be streamed once");
		}
		streamed = true;
		Iterator<SheetRow> iterator = new Iterator<>() {

			private SheetRow next;
			private boolean fetched;

			@Override
			public boolean hasNext() {
				if (!fetched) {
					next = header == null ? null : advance();
					fetched = true;
				}
				return next != null;
			}

			@Override
			public SheetRow next() {
				if (!hasNext()) {
					throw new NoSuchElementException();
				}
				fetched = false;
				return next;
			}
		};
		return StreamSupport.stream(
				Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED | Spliterator.NONNULL), false);
	}

	private SheetRow advance() {
		SheetRow row = source.next();
		if (row != null && ++dataRows > maxRows) {
			throw new SpreadsheetException("spreadsheet.tooManyRows", fileName, maxRows, row.rowNumber());
		}
		return row;
	}

	@Override
	public void close() {
		source.close();
	}

	/** The format by content; the name must say the same. */
	private static SpreadsheetFormat detect(Path file, String name) throws IOException {
		byte[] head;
		try (InputStream in = Files.newInputStream(file)) {
			head = in.readNBytes(SNIFF_BYTES);
		}
		String lower = name.toLowerCase(Locale.ROOT);
		if (startsWith(head, OLE2)) {
			throw new SpreadsheetException("spreadsheet.xls", name);
		}
		if (!lower.endsWith(".xlsx") && !lower.endsWith(".csv")) {
			throw new SpreadsheetException(lower.endsWith(".xls") ? "spreadsheet.xls" : "spreadsheet.name", name);
		}
		boolean zip = startsWith(head, ZIP) || startsWith(head, EMPTY_ZIP);
		if (lower.endsWith(".xlsx")) {
			if (!zip) {
				throw new SpreadsheetException("spreadsheet.notXlsx", name);
			}
			return SpreadsheetFormat.XLSX;
		}
		if (zip || !text(head)) {
			throw new SpreadsheetException("spreadsheet.notCsv", name);
		}
		return SpreadsheetFormat.CSV;
	}

	private static boolean startsWith(byte[] bytes, byte[] prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (bytes[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	/** No control characters but tab, line breaks, form feed and escape: images, archives, UTF-16 all have some. */
	private static boolean text(byte[] head) {
		for (byte b : head) {
			if (b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1B) {
				return false;
			}
		}
		return true;
	}
}
