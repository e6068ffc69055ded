package org.chunfeng.training;

import java.time.Instant;

import org.chunfeng.reference.RegionCode;

/**
 * A worker's referral to a training project (培训推荐), with the project's main facts for the worker's list.
 *
 * @param region             the worker's residence when referred: the bureau there follows the referral
 * @param workerName         copied from the worker's record when referred
 * @param workerMobileMasked likewise, masked
 * @param note               the referring caseworker's word
 * @param outcomeNote        the latest word on it (why declined or dropped out)
 * @param certificateNo      the completion certificate's number, if the provider issued one
 */
public record TrainingReferral(long id, long projectId, String projectTitle, String provider, Delivery delivery,
		String venue, java.time.LocalDate startDate, java.time.LocalDate endDate, long workerId, RegionCode region,
		String workerName, String workerMobileMasked, ReferralStatus status, String note, String outcomeNote,
		String certificateNo, String referredBy, Instant referredAt, Instant enrolledAt, Instant completedAt,
		Instant endedAt, Instant updatedAt, int version) {
}
