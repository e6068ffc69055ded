package org.chunfeng.payments;

import org.chunfeng.platform.RefusedException;

/** The budget has no room for the amount: the approval must not happen. */
public class BudgetExceededException extends RefusedException {

	private static final long serialVersionUID = 1L;

	/** @param remainingFen what is left of the budget */
	public BudgetExceededException(long amountFen, long remainingFen) {
		super("payments.budget.exceeded", amountFen, remainingFen);
	}
}
