package org.chunfeng.workers.internal;

import org.chunfeng.enterprises.EnterprisesMerged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When two enterprise records are merged, the workers employed by (or returning to) the duplicate follow the kept
 * record, in the merge's own transaction and whatever district they live in, so that no worker points at a
 * read-only record (a trigger also sends later links to the kept record).
 */
@Component
class EmployerMerges {

	private final JdbcClient jdbc;

	EmployerMerges(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@EventListener
	void on(EnterprisesMerged merged) {
		// over every region: a worker of another district may work for the merged enterprise
		jdbc.sql("select worker_employers_merged(?, ?)").params(merged.duplicateId(), merged.keptId())
			.query(Integer.class)
			.single();
	}
}
