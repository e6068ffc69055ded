package org.chunfeng.subsidies.internal.automatic;

import java.time.Instant;

import org.chunfeng.reference.RegionCode;

/**
 * One automatic refund run (免申即享批次) of a program, with its progress: every assessed enterprise is eligible or
 * not for one main reason, and every eligible one was granted, already entitled (by this program or another for the
 * same enterprise and year) or left out because the budget had no room.
 *
 * @param region            the program's region: the enterprises assessed, the budget drawn on
 * @param assessedYear      policy year − 1: its premiums are refunded, its layoffs counted
 * @param grantedFen        the sum granted
 * @param dispatchExcluded  labour-dispatch firms left to apply (not eligible on the automatic route)
 * @param evidenceMissing   without the evidence of both years
 * @param layoffsAboveLimit laid off more than the limits allow
 * @param otherNotEligible  size class unknown, no premiums
 * @param batchId           the payment batch it started, or {@code null} (nothing new to pay, or not yet)
 * @param message           why it failed, or why no batch was started (a message code), else {@code null}
 * @param lastEnterpriseId  the last enterprise of the last committed chunk: a resumed run goes on after it
 */
public record RefundRun(long id, long programId, RegionCode region, int policyYear, int assessedYear,
		RefundRunStatus status, long assessed, long eligible, long granted, long grantedFen, long alreadyEntitled,
		long overBudget, long dispatchExcluded, long evidenceMissing, long layoffsAboveLimit, long otherNotEligible,
		Long batchId, String message, String startedBy, Instant createdAt, Instant startedAt, Instant progressAt,
		Instant finishedAt, long lastEnterpriseId) {

	public boolean finished() {
		return status.finished();
	}

	public long notEligible() {
		return assessed - eligible;
	}
}
