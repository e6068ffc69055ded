package org.chunfeng.payments;

import java.time.Instant;

import org.chunfeng.reference.RegionCode;

/**
 * An entitlement (应发待遇): an approved amount owed to one payee under one program for one period.
 *
 * @param attempts      payment attempts made so far (a reissue after a failure is a new attempt)
 * @param failureReason the bank's reason for the last failed attempt, else {@code null}
 */
public record Entitlement(long id, long programId, RegionCode budgetRegion, Payee payee, String payeeName,
		RegionCode payeeRegion, String period, long amountFen, String source, EntitlementStatus status,
		int attempts, String failureReason, Instant grantedAt, Instant paidAt) {
}
