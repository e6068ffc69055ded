package org.chunfeng.jobs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.chunfeng.platform.InvalidFieldsException;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.reference.RegionCode;

/**
 * What an enterprise posts (岗位信息): the job, where, what it pays, how many places and for how long, and for whom.
 *
 * @param occupationCode   a code of the occupation classification, e.g. 6-29-02-01
 * @param workplaceRegion  the county (or any region) where the work is
 * @param wageMin          monthly wage, whole yuan, lower end of the range
 * @param wageMax          monthly wage, whole yuan, upper end (equal to {@code wageMin} for a fixed wage)
 * @param headcount        places (招聘人数): hires never exceed it
 * @param throughFestival  the job runs through the Spring Festival (春节在岗)
 * @param priorityUntil    for {@link KeyGroupAccess#KEY_GROUPS_FIRST}: the last day only key groups may apply
 */
public record PostingDetails(String title, String occupationCode, String description, List<String> skills,
		RegionCode workplaceRegion, String workplaceAddress, Integer wageMin, Integer wageMax, Integer headcount,
		LocalDate startDate, LocalDate endDate, Set<Shift> shifts, boolean meals, boolean housing,
		boolean throughFestival, JobKind kind, KeyGroupAccess access, LocalDate priorityUntil) {

	public static final int MAX_WAGE = 1_000_000;

	public static final int MAX_HEADCOUNT = 100_000;

	public PostingDetails {
		title = trimmed(title);
		occupationCode = trimmed(occupationCode);
		description = description == null ? "" : description.strip();
		skills = skills == null ? List.of()
				: skills.stream().map(String::strip).filter(skill -> !skill.isEmpty()).distinct().toList();
		workplaceAddress = trimmed(workplaceAddress);
		shifts = shifts == null ? Set.of() : Set.copyOf(shifts);
		access = access == null ? KeyGroupAccess.OPEN : access;
		if (access != KeyGroupAccess.KEY_GROUPS_FIRST) {
			priorityUntil = null;
		}
	}

	/**
	 * Checks every rule a posting keeps on its own.
	 *
	 * @return this
	 * @throws InvalidFieldsException naming every field that breaks one
	 */
	public PostingDetails check() {
		List<InvalidRequestException> problems = new ArrayList<>();
		if (title == null) {
			problems.add(new InvalidRequestException("title", "problem.field.required"));
		}
		else if (title.length() > 60) {
			problems.add(new InvalidRequestException("title", "posting.field.tooLong", 60));
		}
		if (occupationCode == null) {
			problems.add(new InvalidRequestException("occupationCode", "problem.field.required"));
		}
		if (description.length() > 4000) {
			problems.add(new InvalidRequestException("description", "posting.field.tooLong", 4000));
		}
		if (skills.size() > 20 || skills.stream().anyMatch(skill -> skill.length() > 20)) {
			problems.add(new InvalidRequestException("skills", "posting.skills.tooMany", 20, 20));
		}
		if (workplaceRegion == null) {
			problems.add(new InvalidRequestException("workplaceRegion", "problem.field.required"));
		}
		if (workplaceAddress != null && workplaceAddress.length() > 200) {
			problems.add(new InvalidRequestException("workplaceAddress", "posting.field.tooLong", 200));
		}
		wage(problems, "wageMin", wageMin);
		wage(problems, "wageMax", wageMax);
		if (wageMin != null && wageMax != null && wageMax < wageMin) {
			problems.add(new InvalidRequestException("wageMax", "posting.wage.order"));
		}
		if (headcount == null) {
			problems.add(new InvalidRequestException("headcount", "problem.field.required"));
		}
		else if (headcount < 1 || headcount > MAX_HEADCOUNT) {
			problems.add(new InvalidRequestException("headcount", "posting.headcount.range", MAX_HEADCOUNT));
		}
		if (startDate == null) {
			problems.add(new InvalidRequestException("startDate", "problem.field.required"));
		}
		if (endDate == null) {
			problems.add(new InvalidRequestException("endDate", "problem.field.required"));
		}
		else if (startDate != null && endDate.isBefore(startDate)) {
			problems.add(new InvalidRequestException("endDate", "posting.dates.order"));
		}
		if (kind == null) {
			problems.add(new InvalidRequestException("kind", "problem.field.required"));
		}
		if (access == KeyGroupAccess.KEY_GROUPS_FIRST && priorityUntil == null) {
			problems.add(new InvalidRequestException("priorityUntil", "posting.priorityUntil.required"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidFieldsException(problems);
		}
		return this;
	}

	private static void wage(List<InvalidRequestException> problems, String field, Integer wage) {
		if (wage == null) {
			problems.add(new InvalidRequestException(field, "problem.field.required"));
		}
		else if (wage < 0 || wage > MAX_WAGE) {
			problems.add(new InvalidRequestException(field, "posting.wage.range", MAX_WAGE));
		}
	}

	private static String trimmed(String value) {
		if (value == null) {
			return null;
		}
		String stripped = value.strip();
		return stripped.isEmpty() ? null : stripped;
	}
}
