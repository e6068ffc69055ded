package org.chunfeng.jobs.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.chunfeng.jobs.JobKind;
import org.chunfeng.jobs.JobPosting;
import org.chunfeng.jobs.KeyGroupAccess;
import org.chunfeng.jobs.PostingDetails;
import org.chunfeng.jobs.Shift;
import org.chunfeng.platform.InvalidFieldsException;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.reference.InvalidValueException;
import org.chunfeng.reference.RegionCode;
import org.springframework.util.MultiValueMap;

/**
 * The posting form as typed: kept as text, so a field that cannot be read is named and everything else stays in the
 * form. Also the body of the API's create and revise requests.
 */
record PostingForm(Long enterpriseId, String creditCode, Integer version, String title, String occupationCode,
		String description, String skills, String workplaceRegion, String workplaceAddress, String wageMin,
		String wageMax, String headcount, String startDate, String endDate, Set<Shift> shifts, boolean meals,
		boolean housing, boolean throughFestival, String kind, String access, String priorityUntil) {

	static PostingForm empty(LocalDate today) {
		return new PostingForm(null, null, null, null, null, null, null, null, null, null, null, "1",
				today.toString(), today.plusMonths(2).toString(), Set.of(Shift.DAY), false, false, false,
				JobKind.REGULAR.name(), KeyGroupAccess.OPEN.name(), null);
	}

	static PostingForm of(JobPosting posting) {
		PostingDetails d = posting.details();
		return new PostingForm(posting.enterpriseId(), null, posting.version(), d.title(), d.occupationCode(),
				d.description(), String.join("，", d.skills()), d.workplaceRegion().value(), d.workplaceAddress(),
				String.valueOf(d.wageMin()), String.valueOf(d.wageMax()), String.valueOf(d.headcount()),
				d.startDate().toString(), d.endDate().toString(), d.shifts(), d.meals(), d.housing(),
				d.throughFestival(), d.kind().name(), d.access().name(),
				d.priorityUntil() == null ? null : d.priorityUntil().toString());
	}

	static PostingForm of(MultiValueMap<String, String> params) {
		Set<Shift> shifts = EnumSet.noneOf(Shift.class);
		for (String shift : params.getOrDefault("shifts", List.of())) {
			Arrays.stream(Shift.values()).filter(s -> s.name().equals(shift)).forEach(shifts::add);
		}
		return new PostingForm(number(params.getFirst("enterpriseId")), params.getFirst("creditCode"),
				number(params.getFirst("version")) == null ? null : number(params.getFirst("version")).intValue(),
				params.getFirst("title"), params.getFirst("occupationCode"), params.getFirst("description"),
				params.getFirst("skills"), params.getFirst("workplaceRegion"), params.getFirst("workplaceAddress"),
				params.getFirst("wageMin"), params.getFirst("wageMax"), params.getFirst("headcount"),
				params.getFirst("startDate"), params.getFirst("endDate"), shifts, params.containsKey("meals"),
				params.containsKey("housing"), params.containsKey("throughFestival"), params.getFirst("kind"),
				params.getFirst("access"), params.getFirst("priorityUntil"));
	}

	private static Long number(String text) {
		try {
			return text == null || text.isBlank() ? null : Long.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/**
	 * The details, checked.
	 *
	 * @throws InvalidFieldsException naming every field that cannot be read or breaks a rule
	 */
	PostingDetails details() {
		List<InvalidRequestException> problems = new ArrayList<>();
		RegionCode region = null;
		if (workplaceRegion != null && !workplaceRegion.isBlank()) {
			try {
				region = RegionCode.of(workplaceRegion.strip());
			}
			catch (InvalidValueException ex) {
				problems.add(new InvalidRequestException("workplaceRegion", ex.messageCode(), ex.messageArgs()));
			}
		}
		Integer min = whole(problems, "wageMin", wageMin);
		Integer max = whole(problems, "wageMax", wageMax);
		Integer places = whole(problems, "headcount", headcount);
		LocalDate start = date(problems, "startDate", startDate);
		LocalDate end = date(problems, "endDate", endDate);
		LocalDate priority = date(problems, "priorityUntil", priorityUntil);
		JobKind jobKind = choice(problems, "kind", kind, JobKind.class);
		KeyGroupAccess keyGroupAccess = choice(problems, "access", access, KeyGroupAccess.class);
		List<String> skillList = skills == null ? List.of() : Arrays.asList(skills.split("[,，、;；\\s]+"));
		PostingDetails details = new PostingDetails(title, occupationCode, description, skillList, region,
				workplaceAddress, min, max, places, start, end, shifts, meals, housing, throughFestival, jobKind,
				keyGroupAccess, priority);
		try {
			details.check();
		}
		catch (InvalidFieldsException ex) {
			// a field that could not be read is reported once, as unreadable, not also as missing
			ex.problems().stream()
				.filter(p -> problems.stream().noneMatch(q -> q.field().equals(p.field())))
				.forEach(problems::add);
		}
		if (!problems.isEmpty()) {
			throw new InvalidFieldsException(problems);
		}
		return details;
	}

	private static Integer whole(List<InvalidRequestException> problems, String field, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(text.strip().replace(",", ""));
		}
		catch (NumberFormatException ex) {
			problems.add(new InvalidRequestException(field, "problem.field.number"));
			return null;
		}
	}

	private static LocalDate date(List<InvalidRequestException> problems, String field, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			problems.add(new InvalidRequestException(field, "problem.field.date"));
			return null;
		}
	}

	private static <E extends Enum<E>> E choice(List<InvalidRequestException> problems, String field, String text,
			Class<E> type) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, text.strip());
		}
		catch (IllegalArgumentException ex) {
			problems.add(new InvalidRequestException(field, "problem.field.typeValue", text));
			return null;
		}
	}

	PostingForm withVersion(int newVersion) {
		return new PostingForm(enterpriseId, creditCode, newVersion, title, occupationCode, description, skills,
				workplaceRegion, workplaceAddress, wageMin, wageMax, headcount, startDate, endDate, shifts, meals,
				housing, throughFestival, kind, access, priorityUntil);
	}
}
