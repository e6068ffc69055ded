package org.chunfeng.matching;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A run of recommendations for every active seeker (nightly or started by an administrator), with its figures
 * against the unconstrained top-3 of the same seekers: how many got 3 (and at least 1), postings used, the most
 * seekers one posting went to, and the Gini coefficient of recommendations over postings.
 */
public record RecommendationRun(long id, String trigger, String status, BigDecimal alpha, String requestedBy,
		Instant startedAt, Instant finishedAt, Integer postings, Integer seekers, int done, Integer withThree,
		Integer withAny, Integer unconstrainedWithThree, Integer postingsUsed, Integer unconstrainedPostingsUsed,
		Integer maxPerPosting, Integer unconstrainedMaxPerPosting, BigDecimal gini, BigDecimal unconstrainedGini,
		String failure) {

	public boolean running() {
		return "RUNNING".equals(status);
	}

	/** Percent done, 0–100. */
	public int progress() {
		return seekers == null || seekers == 0 ? (running() ? 0 : 100) : (int) Math.min(100, done * 100L / seekers);
	}
}
