package org.chunfeng.payments;

import org.chunfeng.reference.RegionCode;

/**
 * The money a program may commit in a region (预算).
 *
 * @param committedFen granted to entitlements (paid or not); never more than {@code budgetFen}
 * @param paidFen      of which paid
 */
public record Budget(long programId, RegionCode region, long budgetFen, long committedFen, long paidFen) {

	public long remainingFen() {
		return budgetFen - committedFen;
	}
}
