package org.chunfeng.jobs;

import java.time.LocalDate;
import java.util.List;

/**
 * A published posting still open on a day, as a recommender needs it: what it asks and offers, not who reviewed it.
 *
 * @param industryCode    the enterprise's GB/T 4754 code copied when posted, or {@code null}
 * @param keyGroupsOnly   only key-group workers may apply that day (reserved, or open to them first)
 * @param remaining       places not yet hired
 */
public record OpenPosting(long id, String enterpriseName, String industryCode, String title, String occupationCode,
		List<String> skills, String workplaceRegion, int wageMin, int wageMax, LocalDate startDate, LocalDate endDate,
		boolean meals, boolean housing, boolean throughFestival, boolean keyGroupsOnly, int remaining) {

	public OpenPosting {
		skills = List.copyOf(skills);
	}
}
