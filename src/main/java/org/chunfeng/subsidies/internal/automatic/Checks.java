package org.chunfeng.subsidies.internal.automatic;

import org.chunfeng.identity.RegionScope;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The bench's own checks, straight in SQL over the payments module's tables, over every region. */
final class Checks {

	private Checks() {
	}

	/** Enterprises holding two refund entitlements for the same assessed year, whichever programs. */
	static long enterpriseYearsEntitledTwice(JdbcClient jdbc) {
		return RegionScope.asSystem(() -> jdbc.sql("""
				select count(*) from (
				    select e.payee_id, e.period from entitlement e
				    join subsidy_program p on p.id = e.program_id
				    where e.payee_kind = 'ENTERPRISE' and p.kind = 'JOB_STABILIZING_REFUND'
				    group by e.payee_id, e.period having count(*) > 1) twice""").query(Long.class).single());
	}

	/** Entitlements with more than one payment (attempt) in any batch. */
	static long entitlementsInTwoPayments(JdbcClient jdbc) {
		return RegionScope.asSystem(() -> jdbc.sql("""
				select count(*) from (
				    select entitlement_id from payment group by entitlement_id having count(*) > 1) twice""")
			.query(Long.class).single());
	}

	/** Payments of a program's entitlements. */
	static long payments(JdbcClient jdbc, long programId) {
		return RegionScope.asSystem(() -> jdbc.sql("""
				select count(*) from payment p join entitlement e on e.id = p.entitlement_id where e.program_id = ?""")
			.param(programId).query(Long.class).single());
	}
}
