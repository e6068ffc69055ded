package org.chunfeng.workers;

import java.time.LocalDate;

import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.reference.RegionCode;

/**
 * A worker's Spring Festival plan (春节去留意向) in detail. The details that do not fit the plan are refused rather
 * than dropped, so that nobody believes they were kept.
 *
 * @param plan              what the worker intends
 * @param leaveDate         返乡日期, only when going home
 * @param returnDate        返岗日期, only when going home and coming back; not before the leave date
 * @param homeRegion        返乡目的地 (a county code), only when going home; may be an abolished code, as in ID numbers
 * @param waitingEmployerId 返岗单位: the enterprise waiting for the worker, only when coming back
 * @param note              up to 200 characters
 */
public record PlanDetails(FestivalPlan plan, LocalDate leaveDate, LocalDate returnDate, RegionCode homeRegion,
		Long waitingEmployerId, String note) {

	public static final int MAX_NOTE = 200;

	public PlanDetails {
		if (plan == null) {
			throw new InvalidRequestException("plan", "problem.field.required");
		}
		boolean goingHome = plan == FestivalPlan.GOING_HOME_RETURNING || plan == FestivalPlan.GOING_HOME_NOT_RETURNING;
		if (!goingHome && leaveDate != null) {
			throw new InvalidRequestException("leaveDate", "worker.plan.onlyWhenGoingHome");
		}
		if (!goingHome && homeRegion != null) {
			throw new InvalidRequestException("homeRegion", "worker.plan.onlyWhenGoingHome");
		}
		if (plan != FestivalPlan.GOING_HOME_RETURNING && returnDate != null) {
			throw new InvalidRequestException("returnDate", "worker.plan.onlyWhenReturning");
		}
		if (plan != FestivalPlan.GOING_HOME_RETURNING && waitingEmployerId != null) {
			throw new InvalidRequestException("waitingEmployerId", "worker.plan.onlyWhenReturning");
		}
		if (leaveDate != null && returnDate != null && returnDate.isBefore(leaveDate)) {
			throw new InvalidRequestException("returnDate", "worker.plan.returnBeforeLeave");
		}
		note = note == null || note.isBlank() ? null : note.strip();
		if (note != null && note.length() > MAX_NOTE) {
			throw new InvalidRequestException("note", "worker.plan.note.length", MAX_NOTE);
		}
	}

	/** Just the plan, without details. */
	public static PlanDetails of(FestivalPlan plan) {
		return new PlanDetails(plan, null, null, null, null, null);
	}
}
