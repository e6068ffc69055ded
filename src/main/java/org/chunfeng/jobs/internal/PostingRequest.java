package org.chunfeng.jobs.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.chunfeng.jobs.JobKind;
import org.chunfeng.jobs.KeyGroupAccess;
import org.chunfeng.jobs.PostingDetails;
import org.chunfeng.jobs.Shift;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.reference.InvalidValueException;
import org.chunfeng.reference.RegionCode;

/**
 * A posting as the API takes it: wages in whole yuan a month, dates as {@code yyyy-MM-dd}.
 *
 * @param enterpriseId for bureau staff posting on an enterprise's behalf; ignored for an enterprise user
 * @param version      when revising: the version read
 */
record PostingRequest(Long enterpriseId, Integer version, String title, String occupationCode, String description,
		List<String> skills, String workplaceRegion, String workplaceAddress, Integer wageMin, Integer wageMax,
		Integer headcount, LocalDate startDate, LocalDate endDate, Set<Shift> shifts, Boolean meals, Boolean housing,
		Boolean throughFestival, JobKind kind, KeyGroupAccess access, LocalDate priorityUntil) {

	PostingDetails details() {
		RegionCode region = null;
		if (workplaceRegion != null && !workplaceRegion.isBlank()) {
			try {
				region = RegionCode.of(workplaceRegion.strip());
			}
			catch (InvalidValueException ex) {
				throw new InvalidRequestException("workplaceRegion", ex.messageCode(), ex.messageArgs());
			}
		}
		return new PostingDetails(title, occupationCode, description, skills, region, workplaceAddress, wageMin,
				wageMax, headcount, startDate, endDate, shifts, Boolean.TRUE.equals(meals),
				Boolean.TRUE.equals(housing), Boolean.TRUE.equals(throughFestival), kind, access, priorityUntil)
			.check();
	}
}
