package org.chunfeng.fairs;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.chunfeng.platform.InvalidFieldsException;
import org.chunfeng.platform.InvalidRequestException;

/**
 * What the bureau plans for a fair (招聘会信息). Times are the bureau's local time (China Standard Time).
 *
 * @param venue            场馆, offline fairs only
 * @param address          the venue's address, offline fairs only
 * @param boothCapacity    展位数: required offline (the venue's booths), optional online (then unlimited)
 * @param attendeeCapacity 入场人数上限, optional: registrations never exceed it
 * @param themeCode        the industry code (GB/T 4754) or occupation code of a themed fair, else {@code null}
 * @param organiser        主办单位: the code of the bureau itself ({@value #BUREAU}) or of a partner agency
 */
public record FairDetails(String title, FairMode mode, String venue, String address, Integer boothCapacity,
		Integer attendeeCapacity, LocalDateTime startsAt, LocalDateTime endsAt, ThemeKind theme, String themeCode,
		String organiser, String description) {

	/** The organiser code of the bureau itself (人力资源和社会保障局). */
	public static final String BUREAU = "HRSS";

	public static final int MAX_BOOTHS = 10_000;

	public static final int MAX_ATTENDEES = 1_000_000;

	/** A fair lasts at most this long (a fair of several days is one fair; a longer run is a series). */
	public static final Duration MAX_LENGTH = Duration.ofDays(14);

	public FairDetails {
		title = trimmed(title);
		mode = mode == null ? FairMode.OFFLINE : mode;
		theme = theme == null ? ThemeKind.GENERAL : theme;
		themeCode = theme == ThemeKind.GENERAL ? null : trimmed(themeCode);
		if (themeCode != null && theme == ThemeKind.INDUSTRY) {
			themeCode = themeCode.toUpperCase(java.util.Locale.ROOT);
		}
		organiser = trimmed(organiser) == null ? BUREAU : organiser.strip();
		description = description == null ? "" : description.strip();
		if (mode == FairMode.ONLINE) {
			venue = null;
			address = null;
		}
		else {
			venue = trimmed(venue);
			address = trimmed(address);
		}
	}

	/** The same fair at other times (a series' fair on one of its days). */
	public FairDetails at(LocalDateTime starts, LocalDateTime ends) {
		return new FairDetails(title, mode, venue, address, boothCapacity, attendeeCapacity, starts, ends, theme,
				themeCode, organiser, description);
	}

	/**
	 * Checks every rule a fair keeps on its own (codes are checked against the tables by the store).
	 *
	 * @return this
	 * @throws InvalidFieldsException naming every field that breaks one
	 */
	public FairDetails check() {
		List<InvalidRequestException> problems = new ArrayList<>();
		checkInto(problems, true);
		if (!problems.isEmpty()) {
			throw new InvalidFieldsException(problems);
		}
		return this;
	}

	/** Adds the problems of this fair to {@code problems}; the times only if {@code times}. */
	void checkInto(List<InvalidRequestException> problems, boolean times) {
		if (title == null) {
			problems.add(new InvalidRequestException("title", "problem.field.required"));
		}
		else if (title.length() > 80) {
			problems.add(new InvalidRequestException("title", "fair.field.tooLong", 80));
		}
		if (mode == FairMode.OFFLINE) {
			if (venue == null) {
				problems.add(new InvalidRequestException("venue", "fair.venue.required"));
			}
			else if (venue.length() > 100) {
				problems.add(new InvalidRequestException("venue", "fair.field.tooLong", 100));
			}
			if (address == null) {
				problems.add(new InvalidRequestException("address", "fair.venue.required"));
			}
			else if (address.length() > 200) {
				problems.add(new InvalidRequestException("address", "fair.field.tooLong", 200));
			}
			if (boothCapacity == null) {
				problems.add(new InvalidRequestException("boothCapacity", "fair.boothCapacity.required"));
			}
		}
		if (boothCapacity != null && (boothCapacity < 1 || boothCapacity > MAX_BOOTHS)) {
			problems.add(new InvalidRequestException("boothCapacity", "fair.capacity.range", MAX_BOOTHS));
		}
		if (attendeeCapacity != null && (attendeeCapacity < 1 || attendeeCapacity > MAX_ATTENDEES)) {
			problems.add(new InvalidRequestException("attendeeCapacity", "fair.capacity.range", MAX_ATTENDEES));
		}
		if (times) {
			if (startsAt == null) {
				problems.add(new InvalidRequestException("startsAt", "problem.field.required"));
			}
			if (endsAt == null) {
				problems.add(new InvalidRequestException("endsAt", "problem.field.required"));
			}
			else if (startsAt != null && !endsAt.isAfter(startsAt)) {
				problems.add(new InvalidRequestException("endsAt", "fair.times.order"));
			}
			else if (startsAt != null && Duration.between(startsAt, endsAt).compareTo(MAX_LENGTH) > 0) {
				problems.add(new InvalidRequestException("endsAt", "fair.times.tooLong", MAX_LENGTH.toDays()));
			}
		}
		if (theme != ThemeKind.GENERAL && themeCode == null) {
			problems.add(new InvalidRequestException("themeCode", "fair.themeCode.required"));
		}
		if (description.length() > 2000) {
			problems.add(new InvalidRequestException("description", "fair.field.tooLong", 2000));
		}
	}

	static String trimmed(String value) {
		if (value == null) {
			return null;
		}
		String stripped = value.strip();
		return stripped.isEmpty() ? null : stripped;
	}
}
