package org.chunfeng.payments;

import java.util.List;

import org.chunfeng.reference.RegionCode;

/** Budgets per program and region: set by the programs' owner, drawn on by {@link Entitlements}. */
public interface Budgets {

	/**
	 * Sets the budget of a program in a region (creating it at the first call).
	 *
	 * @throws org.chunfeng.platform.RefusedException (code {@code payments.budget.belowCommitted}) if less than is
	 *         already committed
	 */
	Budget allot(long programId, RegionCode region, long budgetFen);

	/**
	 * Sets the budget of a program in a region and the purpose (用途) the bank files give for its payments, e.g. the
	 * program's name; {@code null} keeps the purpose stored (none: the bank files say "program &lt;id&gt;").
	 *
	 * @param purpose 1 to 60 characters, or {@code null}
	 * @see #allot(long, RegionCode, long)
	 */
	Budget allot(long programId, RegionCode region, long budgetFen, String purpose);

	/** The budget of a program in one region, if allotted. */
	java.util.Optional<Budget> find(long programId, RegionCode region);

	/** Every region's budget of a program. */
	List<Budget> ofProgram(long programId);
}
