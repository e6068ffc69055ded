package org.chunfeng.matching.internal.engine;

import java.time.LocalDate;
import java.util.List;

/**
 * What the engine knows of an open posting on the day of a run.
 *
 * @param id              the posting's id
 * @param occupation      its occupation code
 * @param skills          the skills it asks for
 * @param workplace       the workplace region code (any level)
 * @param wageMax         the top of its monthly wage range, yuan
 * @param industryPath    the enterprise's industry code and its ancestors (e.g. C, 13, 131, 1310); empty if unknown
 * @param reserved        reserved for key groups on that day (only key-group workers may apply)
 * @param throughFestival 春节期间在岗
 * @param startDate       when the work starts
 * @param remaining       places not yet hired
 */
public record PostingFacts(long id, String occupation, List<String> skills, String workplace, int wageMax,
		List<String> industryPath, boolean reserved, boolean throughFestival, LocalDate startDate, int remaining) {

	public PostingFacts {
		skills = skills.stream().distinct().toList();
		industryPath = List.copyOf(industryPath);
	}
}
