package org.chunfeng.training;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.chunfeng.platform.InvalidFieldsException;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.reference.RegionCode;

/**
 * What the bureau lists in the training catalogue (培训项目信息).
 *
 * @param provider        the training institution (培训机构)
 * @param occupationCode  the occupation trained for, e.g. 6-31-01-03 (电工)
 * @param skills          skills taught (培训内容), free words
 * @param venueRegion     the county where it is taught (required offline)
 * @param venue           the venue's address, or an online course's platform (required offline)
 * @param places          places (招生人数): enrolments never exceed them
 * @param subsidyEligible in the subsidy catalogue (纳入职业培训补贴目录)
 * @param subsidyFen      the catalogue rate per completion in fen, only when eligible (may be left open)
 */
public record ProjectDetails(String provider, String title, String occupationCode, List<String> skills,
		String description, Delivery delivery, RegionCode venueRegion, String venue, LocalDate startDate,
		LocalDate endDate, Integer places, boolean subsidyEligible, Long subsidyFen) {

	public static final int MAX_PLACES = 10_000;

	/** 100,000 yuan per completion: far above any catalogue rate. */
	public static final long MAX_SUBSIDY_FEN = 10_000_000L;

	public ProjectDetails {
		provider = trimmed(provider);
		title = trimmed(title);
		occupationCode = trimmed(occupationCode);
		skills = skills == null ? List.of()
				: skills.stream().filter(java.util.Objects::nonNull).map(String::strip).filter(s -> !s.isEmpty())
					.distinct().toList();
		description = description == null ? "" : description.strip();
		venue = trimmed(venue);
	}

	/**
	 * Checks every rule a project keeps on its own.
	 *
	 * @return this
	 * @throws InvalidFieldsException naming every field that breaks one
	 */
	public ProjectDetails check() {
		List<InvalidRequestException> problems = new ArrayList<>();
		text(problems, "provider", provider, 100);
		text(problems, "title", title, 80);
		if (occupationCode == null) {
			problems.add(new InvalidRequestException("occupationCode", "problem.field.required"));
		}
		if (skills.size() > 20 || skills.stream().anyMatch(skill -> skill.length() > 20)) {
			problems.add(new InvalidRequestException("skills", "training.skills.tooMany", 20, 20));
		}
		if (description.length() > 2000) {
			problems.add(new InvalidRequestException("description", "training.field.tooLong", 2000));
		}
		if (delivery == null) {
			problems.add(new InvalidRequestException("delivery", "problem.field.required"));
		}
		if (delivery == Delivery.OFFLINE && venueRegion == null) {
			problems.add(new InvalidRequestException("venueRegion", "training.venue.offline"));
		}
		if (delivery == Delivery.OFFLINE && venue == null) {
			problems.add(new InvalidRequestException("venue", "training.venue.offline"));
		}
		if (venue != null && venue.length() > 200) {
			problems.add(new InvalidRequestException("venue", "training.field.tooLong", 200));
		}
		if (startDate == null) {
			problems.add(new InvalidRequestException("startDate", "problem.field.required"));
		}
		if (endDate == null) {
			problems.add(new InvalidRequestException("endDate", "problem.field.required"));
		}
		else if (startDate != null && endDate.isBefore(startDate)) {
			problems.add(new InvalidRequestException("endDate", "training.dates.order"));
		}
		else if (startDate != null && endDate.isAfter(startDate.plusDays(730))) {
			problems.add(new InvalidRequestException("endDate", "training.dates.tooLong", 730));
		}
		if (places == null) {
			problems.add(new InvalidRequestException("places", "problem.field.required"));
		}
		else if (places < 1 || places > MAX_PLACES) {
			problems.add(new InvalidRequestException("places", "training.places.range", MAX_PLACES));
		}
		if (subsidyFen != null && !subsidyEligible) {
			problems.add(new InvalidRequestException("subsidyFen", "training.subsidy.notEligible"));
		}
		else if (subsidyFen != null && (subsidyFen < 1 || subsidyFen > MAX_SUBSIDY_FEN)) {
			problems.add(new InvalidRequestException("subsidyFen", "training.subsidy.range", MAX_SUBSIDY_FEN / 100));
		}
		if (!problems.isEmpty()) {
			throw new InvalidFieldsException(problems);
		}
		return this;
	}

	private static void text(List<InvalidRequestException> problems, String field, String value, int max) {
		if (value == null) {
			problems.add(new InvalidRequestException(field, "problem.field.required"));
		}
		else if (value.length() > max) {
			problems.add(new InvalidRequestException(field, "training.field.tooLong", max));
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
