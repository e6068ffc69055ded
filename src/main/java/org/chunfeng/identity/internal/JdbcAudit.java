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
	private final JsonMapper json;

	JdbcAudit(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
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
