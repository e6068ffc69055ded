package org.chunfeng.payments;

import java.time.Instant;

import org.chunfeng.reference.RegionCode;

/**
 * A payment batch (发放批次) as finance sees it.
 *
 * @param programId   the program it pays, or {@code null} for every program in the region
 * @param payments    payment attempts in it so far (while building: the progress)
 * @param totalFen    their sum
 * @param paid        answered paid by the bank
 * @param failed      answered failed by the bank
 */
public record PaymentBatch(long id, RegionCode region, Long programId, BatchStatus status, long payments,
		long totalFen, long paid, long paidFen, long failed, long failedFen, String createdBy, Instant createdAt,
		Instant builtAt, Instant sentAt, Instant reconciledAt) {
}
