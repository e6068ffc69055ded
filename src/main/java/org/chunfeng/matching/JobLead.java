package org.chunfeng.matching;

import java.time.Instant;
import java.util.List;

/**
 * One of the "3 jobs" of a worker's 131 record (3个岗位信息): a recommendation given, by the nightly run or by a
 * caseworker, kept until the next one.
 *
 * @param runId   the nightly run that gave it, or {@code null}
 * @param givenBy the caseworker who gave it, or {@code null}
 */
public record JobLead(int rank, long postingId, String title, String enterpriseName, int score, List<Reason> reasons,
		Long runId, String givenBy, Instant givenAt) {

	public JobLead {
		reasons = List.copyOf(reasons);
	}
}
