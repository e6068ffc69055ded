package org.chunfeng.jobs;

import java.time.Instant;

/**
 * A worker's application to a posting (求职申请).
 *
 * @param applicantName         copied from the worker's record when applying
 * @param applicantMobileMasked likewise, masked
 * @param message               what the applicant wrote
 * @param note                  the enterprise's latest word to the applicant (interview time, reason)
 */
public record JobApplication(long id, long postingId, String postingTitle, long enterpriseId, String enterpriseName,
		long workerId, String applicantName, String applicantMobileMasked, ApplicationChannel channel,
		ApplicationStatus status, String message, String note, String appliedBy, Instant createdAt, Instant updatedAt,
		int version) {
}
