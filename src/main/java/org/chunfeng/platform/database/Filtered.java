package org.chunfeng.platform.database;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;

import org.chunfeng.platform.PageQuery;
import org.chunfeng.platform.Paged;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A list filter as SQL: its {@code where} clauses joined by {@code and}, with their parameters, and the two ways a
 * registry reads it: one page with the total, or every row streamed through a cursor (exports).
 *
 * @param where  the condition, never empty (at least {@code true})
 * @param params one per {@code ?}, in order
 */
public record Filtered(String where, List<Object> params) {

	/** Rows fetched per round trip when streaming: memory stays flat however many rows match. */
	private static final int FETCH_SIZE = 500;

	public Filtered {
		params = List.copyOf(params);
	}

	/** The conjunction of the clauses. */
	public static Filtered of(List<String> clauses, List<Object> params) {
		return new Filtered(clauses.isEmpty() ? "true" : String.join(" and ", clauses), params);
	}

	/**
	 * One page and the total count.
	 *
	 * @param select  {@code select <columns> from <table>}
	 * @param orderBy a deterministic order, e.g. {@code name, id}
	 */
	public <T> Paged<T> page(JdbcClient jdbc, String select, String table, String orderBy, PageQuery page,
			RowMapper<T> mapper) {
		long total = jdbc.sql("select count(*) from " + table + " where " + where).params(params)
			.query(Long.class)
			.single();
		List<Object> all = new ArrayList<>(params);
		all.add(page.size());
		all.add(page.offset());
		List<T> items = jdbc.sql(select + " where " + where + " order by " + orderBy + " limit ? offset ?")
			.params(all)
			.query(mapper)
			.list();
		return new Paged<>(items, page.page(), page.size(), total);
	}

	/** Every matching row, streamed; call it inside a transaction, or PostgreSQL sends all rows at once. */
	public void stream(JdbcTemplate template, String select, String orderBy, RowCallbackHandler handler) {
		template.query(connection -> {
			PreparedStatement ps = connection.prepareStatement(select + " where " + where + " order by " + orderBy);
			ps.setFetchSize(FETCH_SIZE);
			for (int i = 0; i < params.size(); i++) {
				ps.setObject(i + 1, params.get(i));
			}
			return ps;
		}, handler);
	}
}
