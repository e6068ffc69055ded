package org.chunfeng.jobs;

import org.chunfeng.reference.RegionCode;

/**
 * Filters of the postings list that bureau staff and enterprise users manage (not the public board).
 *
 * @param enterpriseId only this enterprise's postings (always set for an enterprise user)
 * @param text         part of the title
 */
public record PostingQuery(Long enterpriseId, RegionCode region, PostingStatus status, JobKind kind, String text) {

	public static PostingQuery all() {
		return new PostingQuery(null, null, null, null, null);
	}
}
