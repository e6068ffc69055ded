package org.chunfeng.fairs;

import java.time.Instant;

import org.chunfeng.jobs.ApplicationStatus;

/**
 * An intention recorded at a booth (求职意向): a worker and one of the booth's postings. It stands on the worker's
 * application to the posting; {@code outcome} follows that application up to the hire.
 *
 * @param registrationId the worker's registration for the fair when identified by its ticket, else {@code null}
 */
public record Intention(long id, long fairId, long boothId, long postingId, long workerId, String workerName,
		Long registrationId, long applicationId, ApplicationStatus outcome, String note, String recordedBy,
		Instant recordedAt) {
}
