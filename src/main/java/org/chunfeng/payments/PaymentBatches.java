package org.chunfeng.payments;

import java.util.Optional;

import org.chunfeng.reference.RegionCode;

/** Payment batches inside the caller's region scope. */
public interface PaymentBatches {

	/**
	 * Starts a batch of every due entitlement of {@code region} (and of {@code programId} if given): a cluster-safe
	 * background task fills it, and a crash resumes it. Every due entitlement lands in exactly one batch.
	 */
	PaymentBatch start(RegionCode region, Long programId);

	Optional<PaymentBatch> find(long batchId);
}
