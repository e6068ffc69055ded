package org.chunfeng.payments;

import java.util.concurrent.atomic.AtomicLong;

import org.chunfeng.identity.RegionScope;
import org.chunfeng.reference.RegionCode;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Programs (straight in SQL: payments does not depend on subsidies) and payees for the payments tests. */
public final class PaymentsFixtures {

	public static final RegionCode CITY = RegionCode.of("320500");
	public static final RegionCode HUQIU = RegionCode.of("320505");
	public static final RegionCode WUZHONG = RegionCode.of("320506");

	/** Payee ids unique in the shared test database: no test sees another's. */
	private static final AtomicLong PAYEES = new AtomicLong(System.nanoTime() % 1_000_000_000L * 1_000);

	private PaymentsFixtures() {
	}

	public static long payeeId() {
		return PAYEES.incrementAndGet();
	}

	public static String unique(String name) {
		return name + " " + Long.toString(System.nanoTime() % 1_000_000_000_000L, 36);
	}

	/**
	 * A draft program of the city, as the subsidies module would store it: with the parameters of a shipped template
	 * of its kind (the subsidies pages and API read them; an empty object would break their lists for every test
	 * after this one in the shared database).
	 */
	public static long program(JdbcClient jdbc, String beneficiary) {
		String kind = beneficiary.equals("WORKER") ? "TEMPORARY_LIVING_SUBSIDY" : "JOB_STABILIZING_REFUND";
		return RegionScope.asSystem(() -> jdbc.sql("""
				insert into subsidy_program (region_code, kind, beneficiary, name, policy_year, open_date, close_date,
				    parameters, created_by)
				values ('320500', ?, ?, ?, 2027, date '2027-01-01', date '2027-12-31',
				    (select parameters from subsidy_program where kind = ? and template_key is not null
				     order by id limit 1), 'test')
				returning id""")
			.params(kind, beneficiary, unique("payments test"), kind)
			.query(Long.class)
			.single());
	}
}
