package org.chunfeng.fairs.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import org.chunfeng.fairs.FairDetails;
import org.chunfeng.fairs.FairMode;
import org.chunfeng.fairs.SeriesPlan;
import org.chunfeng.fairs.ThemeKind;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.reference.InvalidValueException;
import org.chunfeng.reference.RegionCode;

/** The bodies the fairs API takes. */
final class FairRequests {

	private FairRequests() {
	}

	/**
	 * A fair as planned or changed; times are the bureau's local time, e.g. {@code 2027-02-16T09:00}.
	 *
	 * @param region  the organising bureau's region (only when planning; the caller's own when left out)
	 * @param version the version read (only when changing)
	 */
	record FairRequest(String region, String title, FairMode mode, String venue, String address, Integer boothCapacity,
			Integer attendeeCapacity, LocalDateTime startsAt, LocalDateTime endsAt, ThemeKind theme, String themeCode,
			String organiser, String description, Integer version) {

		FairDetails details() {
			return new FairDetails(title, mode, venue, address, boothCapacity, attendeeCapacity, startsAt, endsAt,
					theme, themeCode, organiser, description);
		}
	}

	/**
	 * A series: the days and times, and what each of its fairs is.
	 *
	 * @param weekdays e.g. {@code ["TUESDAY", "FRIDAY"]}
	 */
	record SeriesRequest(String region, String title, Set<DayOfWeek> weekdays, LocalDate firstDay, LocalDate lastDay,
			LocalTime startTime, LocalTime endTime, FairMode mode, String venue, String address, Integer boothCapacity,
			Integer attendeeCapacity, ThemeKind theme, String themeCode, String organiser, String description) {

		SeriesPlan plan() {
			return new SeriesPlan(title, weekdays, firstDay, lastDay, startTime, endTime, new FairDetails(title, mode,
					venue, address, boothCapacity, attendeeCapacity, null, null, theme, themeCode, organiser,
					description));
		}
	}

	record ReasonRequest(String reason) {
	}

	/** A booth: for staff, the enterprise it is for; the postings shown there; the enterprise's wishes. */
	record BoothRequest(Long fairId, Long enterpriseId, List<Long> postingIds, String note) {
	}

	record PostingsRequest(List<Long> postingIds) {
	}

	/** A worker registered by a caseworker, or a fair a worker registers for. */
	record RegistrationRequest(Long fairId, Long workerId) {
	}

	/** A ticket code as typed or scanned. */
	record CheckInRequest(String code) {
	}

	/**
	 * An intention: the posting, and the worker by the ticket code (or, for staff, by the registry id); the booth is
	 * the posting's at this fair (staff) or the own (enterprise).
	 */
	record IntentionRequest(Long postingId, String code, Long workerId, String note) {
	}

	static RegionCode region(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return RegionCode.of(text);
		}
		catch (InvalidValueException ex) {
			throw new InvalidRequestException("region", ex.code(), ex.args());
		}
	}

	static long required(Long value, String field) {
		if (value == null) {
			throw new InvalidRequestException(field, "problem.field.required");
		}
		return value;
	}
}
