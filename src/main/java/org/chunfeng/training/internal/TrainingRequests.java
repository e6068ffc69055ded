package org.chunfeng.training.internal;

import java.time.LocalDate;
import java.util.List;

import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.reference.InvalidValueException;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.training.Delivery;
import org.chunfeng.training.ProjectDetails;
import org.chunfeng.training.ReferralStatus;

/** The bodies the training API takes. */
final class TrainingRequests {

	private TrainingRequests() {
	}

	/**
	 * A project as listed or changed; dates as {@code yyyy-MM-dd}, the subsidy in fen.
	 *
	 * @param region  the organising bureau's region (only when listing; the caller's own when left out)
	 * @param version the version read (only when changing)
	 */
	record ProjectRequest(String region, Integer version, String provider, String title, String occupationCode,
			List<String> skills, String description, Delivery delivery, String venueRegion, String venue,
			LocalDate startDate, LocalDate endDate, Integer places, Boolean subsidyEligible, Long subsidyFen) {

		ProjectDetails details() {
			return new ProjectDetails(provider, title, occupationCode, skills, description, delivery,
					TrainingRequests.region("venueRegion", venueRegion), venue, startDate, endDate, places,
					Boolean.TRUE.equals(subsidyEligible), subsidyFen).check();
		}

		RegionCode organiser() {
			return TrainingRequests.region("region", region);
		}
	}

	static RegionCode region(String field, String code) {
		if (code == null || code.isBlank()) {
			return null;
		}
		try {
			return RegionCode.of(code.strip());
		}
		catch (InvalidValueException ex) {
			throw new InvalidRequestException(field, ex.messageCode(), ex.messageArgs());
		}
	}

	record VersionRequest(Integer version) {
	}

	record CancelRequest(Integer version, String reason) {
	}

	record ReferRequest(Long workerId, String note) {
	}

	/**
	 * A referral moved on.
	 *
	 * @param note          why declined or dropped out
	 * @param certificateNo with a completion, if the provider issued a certificate
	 */
	record MoveRequest(Integer version, ReferralStatus status, String note, String certificateNo) {
	}

	static int required(Integer version) {
		if (version == null) {
			throw new InvalidRequestException("version", "problem.field.required");
		}
		return version;
	}
}
