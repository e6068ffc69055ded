package org.chunfeng.workers;

import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.reference.MobileNumber;
import org.chunfeng.reference.ResidentIdNumber;

/**
 * A worker to register. Birth date, sex and hukou region (户籍地) are read from the ID number, never typed twice.
 *
 * @param idNumber 公民身份号码: one worker per number
 * @param profile  the rest of the record
 * @param mobile   手机号码, optional
 * @param bank     the account for subsidies, optional
 * @param plan     春节去留意向
 * @param source   登记来源
 */
public record NewWorker(ResidentIdNumber idNumber, WorkerProfile profile, MobileNumber mobile, BankAccount bank,
		PlanDetails plan, RegistrationSource source) {

	public NewWorker {
		required("idNumber", idNumber);
		required("profile", profile);
		required("plan", plan);
		required("source", source);
	}

	public String name() {
		return profile.name();
	}

	public org.chunfeng.reference.RegionCode residence() {
		return profile.residence();
	}

	public EmploymentStatus status() {
		return profile.status();
	}

	public java.util.Set<KeyGroup> keyGroups() {
		return profile.keyGroups();
	}

	private static void required(String field, Object value) {
		if (value == null) {
			throw new InvalidRequestException(field, "problem.field.required");
		}
	}

	/**
	 * The same worker with another employer (and status {@code EMPLOYED}); when the worker goes home and comes
	 * back, that employer is the one waiting.
	 */
	public NewWorker withEmployer(long employer) {
		PlanDetails waiting = plan.plan() == FestivalPlan.GOING_HOME_RETURNING && plan.waitingEmployerId() == null
				? new PlanDetails(plan.plan(), plan.leaveDate(), plan.returnDate(), plan.homeRegion(), employer,
						plan.note())
				: plan;
		return new NewWorker(idNumber, profile.withEmployer(employer), mobile, bank, waiting, source);
	}
}
