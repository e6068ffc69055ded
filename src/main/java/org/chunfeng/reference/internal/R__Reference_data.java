package org.chunfeng.reference.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;

import org.chunfeng.reference.ImportResult.RowError;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Loads the reference tables from {@code db/reference/*.csv} (sources and licences in {@code SOURCES.md} there).
 * Repeatable: Flyway runs it again whenever a data file changes (the checksum covers the files), and it only adds
 * or updates rows, so codes that disappear from a new edition stay valid for old records.
 */
@Component
class R__Reference_data extends BaseJavaMigration {

	private static final String DIR = "db/reference/";

	static final String OCCUPATION_EDITION = "职业分类大典 2022";

	@Override
	public Integer getChecksum() {
		CRC32 crc = new CRC32();
		for (String file : List.of("regions.csv", "industries.csv", "occupations.csv")) {
			try (InputStream in = new ClassPathResource(DIR + file).getInputStream()) {
				crc.update(in.readAllBytes());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return (int) crc.getValue();
	}

	@Override
	public void migrate(Context context) throws Exception {
		Connection connection = context.getConnection();
		load(connection, "regions.csv", """
				insert into region (code, name, level, parent_code) values (?, ?, ?, ?)
				on conflict (code) do update set name = excluded.name, level = excluded.level,
				    parent_code = excluded.parent_code""", List.of("PROVINCE", "PREFECTURE", "COUNTY"), false);
		load(connection, "industries.csv", """
				insert into industry (code, name_zh, name_en, level, parent_code) values (?, ?, ?, ?, ?)
				on conflict (code) do update set name_zh = excluded.name_zh, name_en = excluded.name_en,
				    level = excluded.level, parent_code = excluded.parent_code""",
				List.of("SECTION", "DIVISION", "GROUP", "CLASS"), true);
		load(connection, "occupations.csv", """
				insert into occupation (code, name_zh, name_en, level, parent_code, edition) values (?, ?, ?, ?, ?, '"""
				+ OCCUPATION_EDITION + """
				')
				on conflict (code) do update set name_zh = excluded.name_zh, name_en = excluded.name_en,
				    level = excluded.level, parent_code = excluded.parent_code, edition = excluded.edition""",
				OccupationRow.LEVELS, true);
	}

	private static void load(Connection connection, String file, String upsert, List<String> levels, boolean bilingual)
			throws IOException, SQLException {
		List<CodeTableCsv.Record> records = new ArrayList<>();
		List<RowError> errors = new ArrayList<>();
		try (InputStream in = new ClassPathResource(DIR + file).getInputStream()) {
			CodeTableCsv.read(in, Integer.MAX_VALUE, List.of("code", bilingual ? "name_zh" : "name", "level"),
					(line, record) -> records.add(record), errors);
		}
		if (!errors.isEmpty()) {
			throw new IllegalStateException(file + " is not a valid code table: " + errors);
		}
		// parents before children, so the foreign key holds row by row
		records.sort(Comparator.comparingInt((CodeTableCsv.Record r) -> levels.indexOf(level(r)))
			.thenComparing(r -> r.get("code")));
		try (PreparedStatement statement = connection.prepareStatement(upsert)) {
			for (CodeTableCsv.Record record : records) {
				int column = 1;
				statement.setString(column++, record.get("code"));
				statement.setString(column++, bilingual ? record.get("name_zh") : record.get("name"));
				if (bilingual) {
					statement.setString(column++, record.get("name_en").isEmpty() ? null : record.get("name_en"));
				}
				statement.setString(column++, level(record));
				statement.setString(column, record.get("parent_code").isEmpty() ? null : record.get("parent_code"));
				statement.addBatch();
			}
			statement.executeBatch();
		}
	}

	private static String level(CodeTableCsv.Record record) {
		return record.get("level").toUpperCase(Locale.ROOT);
	}
}
