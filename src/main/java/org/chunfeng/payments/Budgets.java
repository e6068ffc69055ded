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

	/** Every region's budget of a program. */
	List<Budget> ofProgram(long programId);
}
