package org.chunfeng.jobs;

import java.time.LocalDate;
import java.util.Set;

import org.chunfeng.reference.RegionCode;

/** One posting found on the job board, with what a seeker reads in the list. */
public record JobHit(long postingId, String title, String enterpriseName, String occupationCode,
		RegionCode workplaceRegion, String workplaceName, int wageMin, int wageMax, int remaining, JobKind kind,
		Set<Shift> shifts, boolean meals, boolean housing, boolean throughFestival, KeyGroupAccess access,
		LocalDate endDate) {
}
