package org.chunfeng.identity.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.chunfeng.identity.Actor;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.platform.PageQuery;
import org.chunfeng.platform.Paged;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Search and export of the audit log (审计日志). The database shows only entries of the caller's region (row-level
 * security on {@code audit_log}); newest first, ties by id, so pages never overlap.
 */
@Service
class AuditSearch {

	/** At most this many rows go into one export (导出). */
	static final int EXPORT_LIMIT = 100_000;

	static final List<String> COLUMNS = List.of("occurredAt", "actor", "action", "recordType", "recordId", "region",
			"before", "after", "detail");

	private static final String SELECT = """
			select id, occurred_at, actor, action, record_type, record_id, region_code, before::text as before_json,
			    after::text as after_json, detail from audit_log""";

	private static final String WHERE = """
			 where (cast(:actor as text) is null or actor = :actor)
			   and (cast(:action as text) is null or action like :action || '%' escape '\\')
			   and (cast(:recordType as text) is null or record_type = :recordType)
			   and (cast(:from as timestamptz) is null or occurred_at >= :from)
			   and (cast(:to as timestamptz) is null or occurred_at < :to)""";

	private final JdbcClient jdbc;
	private final JdbcClient streaming;
	private final TransactionTemplate readOnly;
	private final JdbcAudit audit;
	private final MessageSource messages;
	private final Clock clock;

	AuditSearch(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions, JdbcAudit audit,
			MessageSource messages, Clock clock) {
		this.jdbc = jdbc;
		JdbcTemplate template = new JdbcTemplate(dataSource);
		// with a fetch size inside a transaction, PostgreSQL sends rows in batches instead of all at once
		template.setFetchSize(500);
		this.streaming = JdbcClient.create(template);
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
	}

	/** The filters of a search; blank means any. {@code to} is inclusive (the whole day). */
	record AuditFilter(String actor, String action, String recordType, LocalDate from, LocalDate to) {

		AuditFilter {
			actor = blankToNull(actor);
			action = blankToNull(action);
			recordType = blankToNull(recordType);
			if (from != null && to != null && to.isBefore(from)) {
				throw new InvalidRequestException("to", "audit.filter.toBeforeFrom");
			}
		}

		private static String blankToNull(String value) {
			return value == null || value.isBlank() ? null : value.strip();
		}
	}

	record AuditEntry(long id, OffsetDateTime occurredAt, String actor, String action, String recordType,
			String recordId, String regionCode, String before, String after, String detail) {
	}

	Paged<AuditEntry> search(AuditFilter filter, PageQuery page) {
		Map<String, Object> params = params(filter);
		long total = jdbc.sql("select count(*) from audit_log " + WHERE).params(params).query(Long.class).single();
		List<AuditEntry> items = jdbc.sql(SELECT + " " + WHERE + " order by occurred_at desc, id desc limit :limit offset :offset")
			.params(params).param("limit", page.size()).param("offset", page.offset()).query(AuditSearch::map).list();
		return new Paged<>(items, page.page(), page.size(), total);
	}

	/**
	 * Writes the matching entries as CSV (UTF-8 with a byte-order mark, so that Excel reads Chinese), header in the
	 * reader's language, at most {@value #EXPORT_LIMIT} rows, row by row. The export itself is audited first.
	 */
	void export(Actor admin, AuditFilter filter, Locale locale, Writer out) {
		audit.record(admin.username(), "audit.exported", "audit_log", null, admin.region().value(), null,
				describe(filter), null);
		try {
			out.write('\uFEFF');
			CSVPrinter csv = new CSVPrinter(out, CSVFormat.EXCEL);
			csv.printRecord(COLUMNS.stream().map(column -> messages.getMessage("audit.column." + column, null, locale))
				.toList());
			readOnly.executeWithoutResult(status -> streaming
				.sql(SELECT + " " + WHERE + " order by occurred_at desc, id desc limit " + EXPORT_LIMIT)
				.params(params(filter))
				.query((ResultSet rs) -> {
					AuditEntry entry = map(rs, 0);
					try {
						csv.printRecord(entry.occurredAt().atZoneSameInstant(clock.getZone()).toLocalDateTime(),
								entry.actor(), entry.action(), entry.recordType(), entry.recordId(), entry.regionCode(),
								entry.before(), entry.after(), entry.detail());
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				}));
			csv.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Map<String, Object> describe(AuditFilter filter) {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("actor", filter.actor());
		values.put("action", filter.action());
		values.put("recordType", filter.recordType());
		values.put("from", filter.from() == null ? null : filter.from().toString());
		values.put("to", filter.to() == null ? null : filter.to().toString());
		return values;
	}

	private Map<String, Object> params(AuditFilter filter) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("actor", filter.actor());
		params.put("action", filter.action() == null ? null
				: filter.action().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"));
		params.put("recordType", filter.recordType());
		params.put("from", filter.from() == null ? null : filter.from().atStartOfDay(clock.getZone()).toOffsetDateTime());
		params.put("to", filter.to() == null ? null
				: filter.to().plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime());
		return params;
	}

	private static AuditEntry map(ResultSet rs, int n) throws SQLException {
		return new AuditEntry(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class), rs.getString("actor"),
				rs.getString("action"), rs.getString("record_type"), rs.getString("record_id"),
				rs.getString("region_code"), rs.getString("before_json"), rs.getString("after_json"),
				rs.getString("detail"));
	}
}
