package org.chunfeng.reference.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chunfeng.platform.PageQuery;
import org.chunfeng.platform.Paged;
import org.chunfeng.reference.Classification;
import org.chunfeng.reference.ClassificationEntry;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Industries and occupations share one shape: a table of code, names, level and parent code. */
abstract class JdbcClassification implements Classification {

	private static final String COLUMNS = "code, name_zh, name_en, level, parent_code";

	protected final JdbcClient jdbc;
	private final String table;
	private final List<String> levels;

	JdbcClassification(JdbcClient jdbc, String table, List<String> levels) {
		this.jdbc = jdbc;
		this.table = table;
		this.levels = levels;
	}

	@Override
	public List<String> levels() {
		return levels;
	}

	@Override
	public Optional<ClassificationEntry> find(String code) {
		return jdbc.sql("select " + COLUMNS + " from " + table + " where code = ?").param(code).query(this::map)
			.optional();
	}

	@Override
	public List<ClassificationEntry> children(String parent) {
		if (parent == null) {
			return jdbc.sql("select " + COLUMNS + " from " + table + " where parent_code is null order by code")
				.query(this::map).list();
		}
		return jdbc.sql("select " + COLUMNS + " from " + table + " where parent_code = ? order by code").param(parent)
			.query(this::map).list();
	}

	@Override
	public List<ClassificationEntry> path(String code) {
		List<ClassificationEntry> path = new ArrayList<>();
		Optional<ClassificationEntry> entry = find(code);
		while (entry.isPresent()) {
			path.addFirst(entry.get());
			entry = entry.get().parent() == null ? Optional.empty() : find(entry.get().parent());
		}
		return path;
	}

	@Override
	public Paged<ClassificationEntry> search(String text, String level, PageQuery page) {
		StringBuilder where = new StringBuilder(" where true");
		Map<String, Object> params = new HashMap<>();
		if (text != null && !text.isBlank()) {
			String literal = Sql.likeLiteral(text.strip());
			where.append(" and (code like :prefix escape '\\' or name_zh like :contains escape '\\'"
					+ " or name_en ilike :contains escape '\\')");
			params.put("prefix", literal + "%");
			params.put("contains", "%" + literal + "%");
		}
		if (level != null) {
			where.append(" and level = :level");
			params.put("level", level);
		}
		long total = jdbc.sql("select count(*) from " + table + where).params(params).query(Long.class).single();
		List<ClassificationEntry> items = jdbc
			.sql("select " + COLUMNS + " from " + table + where + " order by code limit :limit offset :offset")
			.params(params).param("limit", page.size()).param("offset", page.offset()).query(this::map).list();
		return new Paged<>(items, page.page(), page.size(), total);
	}

	@Override
	public Map<String, Long> countByLevel() {
		Map<String, Long> counts = new LinkedHashMap<>();
		levels.forEach(level -> counts.put(level, 0L));
		jdbc.sql("select level, count(*) from " + table + " group by level")
			.query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
		return counts;
	}

	private ClassificationEntry map(ResultSet rs, int row) throws SQLException {
		return new ClassificationEntry(rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"),
				rs.getString("level"), rs.getString("parent_code"));
	}
}
