package org.chunfeng.reference.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.chunfeng.reference.ImportResult;
import org.chunfeng.reference.ImportResult.RowError;
import org.chunfeng.reference.Occupations;
import org.chunfeng.reference.OccupationsImported;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcOccupations extends JdbcClassification implements Occupations {

	/** The full official table has about 2,200 codes; anything far larger is not an occupation table. */
	static final int MAX_ROWS = 10_000;

	private final ApplicationEventPublisher events;

	JdbcOccupations(JdbcClient jdbc, ApplicationEventPublisher events) {
		super(jdbc, "occupation", OccupationRow.LEVELS);
		this.events = events;
	}

	@Override
	public String edition() {
		return jdbc.sql("select edition from occupation group by edition order by count(*) desc, edition desc limit 1")
			.query(String.class).optional().orElse("");
	}

	@Override
	@Transactional
	public ImportResult importCsv(InputStream csv, String edition) {
		List<OccupationRow> rows = new ArrayList<>();
		List<RowError> errors = new ArrayList<>();
		String label = edition == null || edition.isBlank() ? "" : edition.strip();
		if (label.isEmpty() || label.length() > 40) {
			errors.add(new RowError(0, "edition", "reference.import.edition"));
			return new ImportResult(0, 0, errors);
		}
		try {
			CodeTableCsv.read(csv, MAX_ROWS, (line, record) -> OccupationRow.parse(line, record, label, errors)
				.ifPresent(rows::add), errors);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Set<String> known = new HashSet<>(jdbc.sql("select code from occupation").query(String.class).list());
		Set<String> inFile = new HashSet<>();
		rows.sort(Comparator.comparingInt(OccupationRow::depth).thenComparing(OccupationRow::code));
		for (OccupationRow row : rows) {
			if (!inFile.add(row.code())) {
				errors.add(new RowError(row.line(), "code", "reference.import.duplicate", row.code()));
			}
			if (row.parent() != null && !known.contains(row.parent()) && !inFile.contains(row.parent())) {
				errors.add(new RowError(row.line(), "parent_code", "reference.import.parentMissing", row.parent()));
			}
		}
		if (!errors.isEmpty()) {
			errors.sort(Comparator.comparingLong(RowError::line));
			return new ImportResult(rows.size() + countRefused(errors), 0, errors);
		}
		for (OccupationRow row : rows) {
			jdbc.sql("""
					insert into occupation (code, name_zh, name_en, level, parent_code, edition)
					values (:code, :nameZh, :nameEn, :level, :parent, :edition)
					on conflict (code) do update set name_zh = excluded.name_zh,
					    name_en = coalesce(excluded.name_en, occupation.name_en), level = excluded.level,
					    parent_code = excluded.parent_code, edition = excluded.edition""")
				.param("code", row.code()).param("nameZh", row.nameZh()).param("nameEn", row.nameEn())
				.param("level", row.level()).param("parent", row.parent()).param("edition", row.edition())
				.update();
		}
		events.publishEvent(new OccupationsImported(label, rows.size()));
		return new ImportResult(rows.size(), rows.size(), List.of());
	}

	private static int countRefused(List<RowError> errors) {
		return (int) errors.stream().filter(e -> e.line() > 0).map(RowError::line).distinct().count();
	}
}
