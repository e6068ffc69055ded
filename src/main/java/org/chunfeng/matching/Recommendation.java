package org.chunfeng.matching;

import java.util.List;

/**
 * An open posting recommended to a worker (推荐岗位), with its score and why.
 *
 * @param score   the match score (the weights are in {@code docs/matching.md})
 * @param reasons the explanation, most important first
 */
public record Recommendation(long postingId, String title, String enterpriseName, String workplaceRegion,
		String workplaceName, int wageMin, int wageMax, boolean meals, boolean housing, int score,
		List<Reason> reasons) {

	public Recommendation {
		reasons = List.copyOf(reasons);
	}
}
