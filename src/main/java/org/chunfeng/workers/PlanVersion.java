package org.chunfeng.workers;

import java.time.Instant;

/**
 * One entry of a worker's festival-plan history: the database appends one on every change.
 *
 * @param workerId   the record it was made on (a merged record's history is shown with its survivor's)
 * @param recordedBy the username of the account that made the change, or {@code system}
 */
public record PlanVersion(long workerId, int version, PlanDetails details, Instant recordedAt, String recordedBy) {
}
