package org.chunfeng.workers.internal;

import org.chunfeng.enterprises.EnterprisesMerged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When two enterprise records are merged, the workers employed by (or returning to) the duplicate follow the kept
 * record, in the merge's own transaction, so that no worker points at a read-only record.
 */
@Component
class EmployerMerges {

	private final JdbcClient jdbc;

	EmployerMerges(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void on(EnterprisesMerged merged) {
		jdbc.sql("""
				update worker set
				    employer_id = case when employer_id = :duplicate then :kept else employer_id end,
				    plan_waiting_employer_id = case when plan_waiting_employer_id = :duplicate then :kept
				                                    else plan_waiting_employer_id end,
				    version = version + 1, updated_at = now()
				where employer_id = :duplicate or plan_waiting_employer_id = :duplicate""")
			.param("duplicate", merged.duplicateId())
			.param("kept", merged.keptId())
			.update();
	}
}
