package org.chunfeng.workers;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.chunfeng.reference.RegionCode;
import org.chunfeng.reference.ResidentIdNumber.Sex;

/**
 * A registered worker as the registry shows it: personal numbers only masked. Revealing one in full is a separate,
 * audited operation ({@link Workers#reveal}).
 *
 * @param idNumberMasked    e.g. {@code 341221********123X}
 * @param hukouRegion       户籍地: the address code of the ID number, possibly of an abolished division
 * @param mobileMasked      e.g. {@code 138****8000}, or {@code null}
 * @param bankName          the bank of the subsidy account, or {@code null}
 * @param bankAccountMasked e.g. {@code 6228********1234}, or {@code null}
 * @param consentAt         when the worker agreed to the use of the data, or {@code null}
 * @param planVersion       how many plans the worker has had; the history keeps each
 * @param mergedInto        the record this one was merged into, or {@code null}; a merged record is read-only
 * @param version           optimistic-locking version: an update names the version it was based on
 */
public record Worker(long id, String idNumberMasked, LocalDate birthDate, Sex sex, RegionCode hukouRegion,
		String mobileMasked, String bankName, String bankAccountMasked, WorkerProfile profile, Instant consentAt,
		PlanDetails plan, int planVersion, RegistrationSource source, Long mergedInto, Instant createdAt,
		Instant updatedAt, int version) {

	public String name() {
		return profile.name();
	}

	public RegionCode residence() {
		return profile.residence();
	}

	public EmploymentStatus status() {
		return profile.status();
	}

	public Long employerId() {
		return profile.employerId();
	}

	public List<String> occupations() {
		return profile.occupations();
	}

	public Set<KeyGroup> keyGroups() {
		return profile.keyGroups();
	}

	/** The plan itself, without its details. */
	public FestivalPlan festivalPlan() {
		return plan.plan();
	}

	public boolean merged() {
		return mergedInto != null;
	}

	/** Age in whole years on a day. */
	public int age(LocalDate on) {
		return java.time.Period.between(birthDate, on).getYears();
	}
}
