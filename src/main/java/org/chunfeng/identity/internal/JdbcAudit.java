package org.chunfeng.identity.internal;

import org.chunfeng.identity.Audit;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.reference.RegionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;

@Service
class JdbcAudit implements Audit {

	static final String UNKNOWN_REGION = "000000";

	private final JdbcClient jdbc;
	private final org.springframework.jdbc.core.JdbcTemplate template;
	private final JsonMapper json;

	JdbcAudit(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate template, JsonMapper json) {
		this.jdbc = jdbc;
		this.template = template;
		this.json = json;
	}

	@Override
	public void recordAll(String action, String recordType, java.util.List<Entry> entries) {
		String actor = RegionScope.currentActor().map(a -> a.username()).orElse("system");
		template.batchUpdate("""
				insert into audit_log (actor, action, record_type, record_id, region_code, after)
				values (?, ?, ?, ?, ?, cast(? as jsonb))""", entries, 1000, (ps, entry) -> {
			ps.setString(1, actor);
			ps.setString(2, action);
			ps.setString(3, recordType);
			ps.setString(4, entry.recordId());
			ps.setString(5, entry.region().value());
			ps.setString(6, toJson(entry.after()));
		});
	}

	@Override
	public void record(String action, String recordType, String recordId, RegionCode region, Object before,
			Object after) {
		record(RegionScope.currentActor().map(a -> a.username()).orElse("system"), action, recordType, recordId,
				region.value(), before, after, null);
	}

	/**
	 * @param region a GB/T 2260 code, or {@link #UNKNOWN_REGION} for an event tied to no account (a sign-in attempt
	 *               with an unknown name), which only the installation-wide view shows
	 */
	void record(String actor, String action, String recordType, String recordId, String region, Object before,
			Object after, String detail) {
		jdbc.sql("""
				insert into audit_log (actor, action, record_type, record_id, region_code, before, after, detail)
				values (?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?)""")
			.params(actor, action, recordType, recordId, region, toJson(before), toJson(after), detail)
			.update();
	}

	private String toJson(Object value) {
		return value == null ? null : json.writeValueAsString(value);
	}
}
