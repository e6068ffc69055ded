package org.chunfeng.reference.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.chunfeng.reference.ImportResult.RowError;

/**
 * Streams a code-table CSV (UTF-8, optional BOM, header row with English or Chinese column names), row by row, up
 * to a row limit.
 */
final class CodeTableCsv {

	/** Chinese headers an official might use, mapped to the column names. */
	private static final Map<String, String> HEADER_ALIASES = Map.of("代码", "code", "编码", "code", "名称", "name_zh",
			"中文名称", "name_zh", "英文名称", "name_en", "层级", "level", "级别", "level", "上级代码", "parent_code");

	private CodeTableCsv() {
	}

	/** A row with its columns by canonical name; missing columns read as empty. */
	record Record(Map<String, String> values) {

		String get(String column) {
			return values.getOrDefault(column, "");
		}
	}

	interface RowHandler {

		void row(long line, Record record);
	}

	/** Reads a table whose rows have at least a {@code code} and a {@code name_zh} column. */
	static void read(InputStream input, int maxRows, RowHandler handler, List<RowError> errors) throws IOException {
		read(input, maxRows, List.of("code", "name_zh"), handler, errors);
	}

	static void read(InputStream input, int maxRows, List<String> required, RowHandler handler, List<RowError> errors)
			throws IOException {
		Reader reader = new InputStreamReader(BOMInputStream.builder().setInputStream(input).get(), StandardCharsets.UTF_8);
		CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
			.setTrim(true).setAllowMissingColumnNames(true).get();
		try (CSVParser parser = CSVParser.parse(reader, format)) {
			Map<String, String> columns = new HashMap<>();
			for (String header : parser.getHeaderNames()) {
				String name = header.strip();
				columns.put(header, HEADER_ALIASES.getOrDefault(name, name.toLowerCase(Locale.ROOT)));
			}
			if (!columns.values().containsAll(required)) {
				errors.add(new RowError(1, "code", "reference.import.header"));
				return;
			}
			int rows = 0;
			for (CSVRecord record : parser) {
				if (++rows > maxRows) {
					errors.add(new RowError(parser.getCurrentLineNumber(), null, "reference.import.tooManyRows", maxRows));
					return;
				}
				Map<String, String> values = new HashMap<>();
				record.toMap().forEach((header, value) -> {
					if (header != null && columns.containsKey(header)) {
						values.put(columns.get(header), value == null ? "" : value.strip());
					}
				});
				// line numbers as a spreadsheet shows them: the header is line 1
				handler.row(record.getRecordNumber() + 1, new Record(values));
			}
		}
		catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException ex) {
			errors.add(new RowError(0, null, "reference.import.malformed", ex.getMessage()));
		}
	}
}
