package org.chunfeng.fairs;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.chunfeng.platform.InvalidFieldsException;
import org.chunfeng.platform.InvalidRequestException;

/**
 * A recurring series of fairs (系列招聘会), e.g. "every Tuesday and Friday, 9:00 to 12:00, from 10 February until 31
 * March": the days it falls on become fairs of their own, each like {@code fair} at those times.
 *
 * @param title    the series' name; each fair takes it too, and may be renamed on its own
 * @param weekdays the days of the week it is held
 * @param firstDay the first day that may hold a fair
 * @param lastDay  the last day that may hold one (inclusive)
 * @param fair     what every fair of the series is (its times are the series' times on each day)
 */
public record SeriesPlan(String title, Set<DayOfWeek> weekdays, LocalDate firstDay, LocalDate lastDay,
		LocalTime startTime, LocalTime endTime, FairDetails fair) {

	/** A series generates at most this many fairs: a longer campaign is planned as several series. */
	public static final int MAX_FAIRS = 100;

	public SeriesPlan {
		title = FairDetails.trimmed(title);
		weekdays = weekdays == null || weekdays.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(weekdays));
		fair = fair == null ? new FairDetails(title, null, null, null, null, null, null, null, null, null, null, null)
				: fair;
	}

	/** The days of the series, in order. */
	public List<LocalDate> days() {
		List<LocalDate> days = new ArrayList<>();
		if (firstDay == null || lastDay == null || weekdays.isEmpty()) {
			return days;
		}
		for (LocalDate day = firstDay; !day.isAfter(lastDay) && days.size() <= MAX_FAIRS; day = day.plusDays(1)) {
			if (weekdays.contains(day.getDayOfWeek())) {
				days.add(day);
			}
		}
		return days;
	}

	/** The fair of one day. */
	public FairDetails fairOn(LocalDate day) {
		return new FairDetails(title, fair.mode(), fair.venue(), fair.address(), fair.boothCapacity(),
				fair.attendeeCapacity(), day.atTime(startTime), day.atTime(endTime), fair.theme(), fair.themeCode(),
				fair.organiser(), fair.description());
	}

	/**
	 * Checks the series and the fair it repeats.
	 *
	 * @return the days it generates
	 * @throws InvalidFieldsException naming every field that breaks a rule
	 */
	public List<LocalDate> check() {
		List<InvalidRequestException> problems = new ArrayList<>();
		if (title == null) {
			problems.add(new InvalidRequestException("title", "problem.field.required"));
		}
		if (weekdays.isEmpty()) {
			problems.add(new InvalidRequestException("weekdays", "fair.series.weekdays.required"));
		}
		if (firstDay == null) {
			problems.add(new InvalidRequestException("firstDay", "problem.field.required"));
		}
		if (lastDay == null) {
			problems.add(new InvalidRequestException("lastDay", "problem.field.required"));
		}
		else if (firstDay != null && lastDay.isBefore(firstDay)) {
			problems.add(new InvalidRequestException("lastDay", "fair.series.days.order"));
		}
		else if (firstDay != null && lastDay.isAfter(firstDay.plusYears(1))) {
			problems.add(new InvalidRequestException("lastDay", "fair.series.days.tooLong"));
		}
		if (startTime == null) {
			problems.add(new InvalidRequestException("startTime", "problem.field.required"));
		}
		if (endTime == null) {
			problems.add(new InvalidRequestException("endTime", "problem.field.required"));
		}
		else if (startTime != null && !endTime.isAfter(startTime)) {
			problems.add(new InvalidRequestException("endTime", "fair.times.order"));
		}
		new FairDetails(title, fair.mode(), fair.venue(), fair.address(), fair.boothCapacity(), fair.attendeeCapacity(),
				null, null, fair.theme(), fair.themeCode(), fair.organiser(), fair.description()).checkInto(problems, false);
		List<LocalDate> days = days();
		if (problems.stream().noneMatch(p -> List.of("weekdays", "firstDay", "lastDay").contains(p.field()))) {
			if (days.isEmpty()) {
				problems.add(new InvalidRequestException("weekdays", "fair.series.none"));
			}
			else if (days.size() > MAX_FAIRS) {
				problems.add(new InvalidRequestException("lastDay", "fair.series.tooMany", MAX_FAIRS));
			}
		}
		if (!problems.isEmpty()) {
			// one message per field is enough: the title's is given once
			List<InvalidRequestException> distinct = new ArrayList<>();
			problems.forEach(p -> {
				if (distinct.stream().noneMatch(d -> d.field().equals(p.field()) && d.code().equals(p.code()))) {
					distinct.add(p);
				}
			});
			throw new InvalidFieldsException(distinct);
		}
		return days;
	}
}
