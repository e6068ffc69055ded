package org.chunfeng.platform.spreadsheet;

import java.io.BufferedInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The records of a {@code .csv} (RFC 4180: quoted fields may hold commas, quotes and line breaks). UTF-8 with or
 * without a byte-order mark; a file that is not valid UTF-8 is read as GB18030, the superset of the GBK that Excel on
 * Chinese Windows saves. Row numbers are record numbers, which is what Excel shows when it opens the file.
 */
final class CsvRows implements RowSource {

	private static final Charset GB18030 = Charset.forName("GB18030");

	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

	private final String fileName;
	private final CSVParser parser;
	private final Iterator<CSVRecord> records;
	private final RowBudget budget;
	private final RowBuilder row;

	private CsvRows(String fileName, SpreadsheetLimits limits, CSVParser parser, RowBudget budget) {
		this.fileName = fileName;
		this.parser = parser;
		this.records = parser.iterator();
		this.budget = budget;
		this.row = new RowBuilder(fileName, limits);
	}

	static CsvRows open(Path file, String fileName, SpreadsheetLimits limits) throws IOException {
		if (Files.size(file) > limits.maxUncompressedBytes()) {
			throw new SpreadsheetException("spreadsheet.tooLarge", fileName,
					Refusals.megabytes(limits.maxUncompressedBytes()));
		}
		InputStream in = new BufferedInputStream(Files.newInputStream(file));
		try {
			Charset charset = skipUtf8Bom(in) || isUtf8(file) ? StandardCharsets.UTF_8 : GB18030;
			CharsetDecoder strict = charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT);
			RowBudget budget = new RowBudget(new InputStreamReader(in, strict), fileName, limits);
			return new CsvRows(fileName, limits, FORMAT.parse(budget), budget);
		}
		catch (IOException | RuntimeException ex) {
			in.close();
			throw ex;
		}
	}

	@Override
	public SheetRow next() {
		try {
			while (true) {
				budget.startRow(parser.getRecordNumber() + 1);
				if (!records.hasNext()) {
					return null;
				}
				CSVRecord record = records.next();
				row.start((int) record.getRecordNumber());
				for (int i = 0; i < record.size(); i++) {
					row.cell(i, record.get(i), null);
				}
				SheetRow next = row.end();
				if (next != null) {
					return next;
				}
			}
		}
		catch (SpreadsheetException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			// commons-csv reports a broken quote or a read failure as an unchecked exception
			SpreadsheetException found = Refusals.find(ex);
			if (found != null) {
				throw found;
			}
			for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
				if (t instanceof CharacterCodingException) {
					SpreadsheetException notCsv = new SpreadsheetException("spreadsheet.notCsv", fileName);
					notCsv.initCause(ex);
					throw notCsv;
				}
			}
			throw Refusals.corrupt(fileName, ex);
		}
	}

	@Override
	public void close() {
		try {
			parser.close();
		}
		catch (IOException ex) {
			// reading is over
		}
	}

	/** Skips a UTF-8 byte-order mark, saying whether there was one. */
	private static boolean skipUtf8Bom(InputStream in) throws IOException {
		in.mark(3);
		byte[] head = in.readNBytes(3);
		if (head.length == 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
			return true;
		}
		in.reset();
		return false;
	}

	/** One streaming pass: is every byte sequence of the file valid UTF-8? */
	static boolean isUtf8(Path file) throws IOException {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
		CharBuffer chars = CharBuffer.allocate(64 * 1024);
		try (ReadableByteChannel channel = Files.newByteChannel(file)) {
			boolean end = false;
			while (!end) {
				end = channel.read(bytes) < 0;
				bytes.flip();
				CoderResult result;
				do {
					chars.clear();
					result = decoder.decode(bytes, chars, end);
				}
				while (result.isOverflow());
				if (result.isError()) {
					return false;
				}
				bytes.compact();
			}
			chars.clear();
			return !decoder.flush(chars).isError();
		}
	}

	/**
	 * Stops a record that grows past what a row within the limits can hold, before commons-csv has it all in
	 * memory: one quoted field could otherwise be the whole file. Counts what the parser's buffer reads, so the
	 * budget has a buffer's worth of slack either way.
	 */
	private static final class RowBudget extends FilterReader {

		private final String fileName;
		private final SpreadsheetLimits limits;
		private final long budget;
		private long used;
		private long rowNumber;

		RowBudget(Reader in, String fileName, SpreadsheetLimits limits) {
			super(in);
			this.fileName = fileName;
			this.limits = limits;
			// every cell fully quoted with doubled quotes, a separator each, blank cells past the limit, buffer slack
			this.budget = (long) (limits.maxColumns() + 1) * (2L * limits.maxCellLength() + 3) + 65_536;
		}

		void startRow(long rowNumber) {
			this.rowNumber = rowNumber;
			used = 0;
		}

		@Override
		public int read() throws IOException {
			int c = super.read();
			count(c < 0 ? 0 : 1);
			return c;
		}

		@Override
		public int read(char[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			count(Math.max(n, 0));
			return n;
		}

		private void count(int n) {
			used += n;
			if (used > budget) {
				throw new SpreadsheetException("spreadsheet.rowTooLong", fileName, rowNumber, limits.maxColumns(),
						limits.maxCellLength());
			}
		}
	}
}
