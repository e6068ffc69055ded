package org.chunfeng.jobs;

import java.time.Instant;
import java.time.LocalDate;

import org.chunfeng.reference.RegionCode;

/**
 * A job posting (招聘岗位) as stored.
 *
 * @param region     the posting enterprise's region: the bureau there reviews it
 * @param hired      places taken by hires; never more than {@code details.headcount()}
 * @param reviewNote the reason given when the bureau returned it
 */
public record JobPosting(long id, long enterpriseId, String enterpriseName, RegionCode region, PostingDetails details,
		int hired, PostingStatus status, String reviewNote, String reviewedBy, Instant reviewedAt,
		Instant publishedAt, Instant closedAt, String postedBy, Instant createdAt, Instant updatedAt, int version) {

	public int remaining() {
		return details.headcount() - hired;
	}

	/** Takes applications on {@code today}: published, places left, not past its end date. */
	public boolean open(LocalDate today) {
		return status == PostingStatus.PUBLISHED && remaining() > 0 && !details.endDate().isBefore(today);
	}

	/** Whether only key groups may apply on {@code today}. */
	public boolean keyGroupsOnly(LocalDate today) {
		return switch (details.access()) {
			case OPEN -> false;
			case KEY_GROUPS_ONLY -> true;
			case KEY_GROUPS_FIRST -> !today.isAfter(details.priorityUntil());
		};
	}
}
