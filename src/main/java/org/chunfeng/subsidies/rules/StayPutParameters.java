package org.chunfeng.subsidies.rules;

import java.time.LocalDate;
import java.util.Optional;

/**
 * One-off stay-put subsidy (留岗补贴 / 留工补贴): an amount per worker from outside who stayed for the festival
 * (festival plan and the employer's confirmation), paid to the worker or to the employer; optionally capped per
 * enterprise, only for workers who stayed a minimum of days, only for enterprises keeping a minimum of outside
 * workers, and topped up per day on duty in a window of festival days.
 *
 * @param perWorkerFen        the amount per worker who stayed
 * @param payee               paid to the worker (Hangzhou 2021) or to the employer (Tianjin, Xiangcheng, Liyang)
 * @param capPerEnterpriseFen the most one enterprise gets over all its claims ({@code null}: no cap)
 * @param minStayDays         a worker counts only after this many days' stay ({@code null}: any stay)
 * @param minOutsideWorkers   an enterprise qualifies only keeping at least this many outside workers ({@code null}:
 *                            any number); for programs paid to the employer
 * @param dailyDutyFen        the top-up per worker and day on duty within the window ({@code null}: none)
 * @param dutyFrom            first day of the duty window
 * @param dutyTo              last day of the duty window (inclusive)
 */
public record StayPutParameters(Long perWorkerFen, Beneficiary payee, Long capPerEnterpriseFen, Integer minStayDays,
		Integer minOutsideWorkers, Long dailyDutyFen, LocalDate dutyFrom, LocalDate dutyTo) implements ProgramParameters {

	@Override
	public void check() {
		Checks checks = new Checks();
		checks.amount("perWorkerFen", perWorkerFen, 1, Checks.PER_PERSON_MAX_FEN, true);
		checks.required("payee", payee);
		checks.amount("capPerEnterpriseFen", capPerEnterpriseFen, 1, Checks.TOTAL_MAX_FEN, false);
		checks.count("minStayDays", minStayDays, 1, 366, false);
		checks.count("minOutsideWorkers", minOutsideWorkers, 1, 100_000, false);
		if (minOutsideWorkers != null && payee == Beneficiary.WORKER) {
			checks.problem("minOutsideWorkers", "subsidy.param.stayPut.employerOnly");
		}
		checks.amount("dailyDutyFen", dailyDutyFen, 1, Checks.PER_PERSON_MAX_FEN, false);
		if (dailyDutyFen != null || dutyFrom != null || dutyTo != null) {
			checks.required("dailyDutyFen", dailyDutyFen);
			checks.required("dutyFrom", dutyFrom);
			if (checks.required("dutyTo", dutyTo) && dutyFrom != null) {
				if (dutyTo.isBefore(dutyFrom)) {
					checks.problem("dutyTo", "subsidy.param.stayPut.dutyOrder");
				}
				else if (dutyTo.isAfter(dutyFrom.plusDays(365))) {
					checks.problem("dutyTo", "subsidy.param.stayPut.dutyTooLong");
				}
			}
		}
		checks.done();
	}

	@Override
	public ProgramParameters shifted(int years) {
		return new StayPutParameters(perWorkerFen, payee, capPerEnterpriseFen, minStayDays, minOutsideWorkers,
				dailyDutyFen, dutyFrom == null ? null : dutyFrom.plusYears(years),
				dutyTo == null ? null : dutyTo.plusYears(years));
	}

	@Override
	public Optional<Beneficiary> paying() {
		return Optional.ofNullable(payee);
	}

	/** Whether a day on duty earns the top-up. */
	public boolean inDutyWindow(LocalDate day) {
		return dailyDutyFen != null && !day.isBefore(dutyFrom) && !day.isAfter(dutyTo);
	}
}
