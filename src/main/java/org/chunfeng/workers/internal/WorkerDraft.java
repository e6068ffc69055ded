package org.chunfeng.workers.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.chunfeng.platform.InvalidFieldsException;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.reference.InvalidValueException;
import org.chunfeng.reference.MobileNumber;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.reference.ResidentIdNumber;
import org.chunfeng.workers.BankAccount;
import org.chunfeng.workers.Education;
import org.chunfeng.workers.EmploymentStatus;
import org.chunfeng.workers.FestivalPlan;
import org.chunfeng.workers.KeyGroup;
import org.chunfeng.workers.PlanDetails;
import org.chunfeng.workers.Worker;
import org.chunfeng.workers.WorkerProfile;

/**
 * A worker's record as a form or an API client sends it: plain texts, checked all at once so that every bad field
 * is reported together. Personal numbers left empty on an edit keep the stored ones.
 *
 * @param version the version the user saw (edits only)
 */
record WorkerDraft(String idNumber, String name, String mobile, String residence, String address, Long employerId,
		EmploymentStatus status, List<String> occupations, List<String> skills, Education education,
		Integer expectedWage, List<String> preferredIndustries, List<String> preferredRegions, Set<KeyGroup> keyGroups,
		Boolean consent, String bankName, String bankAccount, PlanDraft plan, Integer version) {

	/** The festival plan part. */
	record PlanDraft(FestivalPlan plan, String leaveDate, String returnDate, String homeRegion, Long waitingEmployerId,
			String note) {
	}

	/** The checked parts of a draft. */
	record Checked(ResidentIdNumber idNumber, WorkerProfile profile, PlanDetails plan, MobileNumber mobile,
			BankAccount bank) {
	}

	/** An empty form, or one filled from a stored record (personal numbers left empty: they stay unless retyped). */
	static WorkerDraft of(Worker w) {
		WorkerProfile p = w.profile();
		PlanDetails plan = w.plan();
		return new WorkerDraft(null, p.name(), null, p.residence().value(), p.address(), p.employerId(), p.status(),
				p.occupations(), p.skills(), p.education(), p.expectedWage(), p.preferredIndustries(),
				p.preferredRegions().stream().map(RegionCode::value).toList(), p.keyGroups(), p.consent(),
				w.bankName(), null,
				new PlanDraft(plan.plan(), text(plan.leaveDate()), text(plan.returnDate()),
						plan.homeRegion() == null ? null : plan.homeRegion().value(), plan.waitingEmployerId(),
						plan.note()),
				w.version());
	}

	static WorkerDraft empty() {
		return new WorkerDraft(null, null, null, null, null, null, EmploymentStatus.SEEKING, List.of(), List.of(), null,
				null, List.of(), List.of(), Set.of(), false, null, null,
				new PlanDraft(FestivalPlan.UNDECIDED, null, null, null, null, null), null);
	}

	/** The same input, based on another version (after a conflict, so that a second save overwrites knowingly). */
	WorkerDraft withVersion(int newVersion) {
		return new WorkerDraft(idNumber, name, mobile, residence, address, employerId, status, occupations, skills,
				education, expectedWage, preferredIndustries, preferredRegions, keyGroups, consent, bankName,
				bankAccount, plan, newVersion);
	}

	private static String text(LocalDate date) {
		return date == null ? null : date.toString();
	}

	/**
	 * Checks everything.
	 *
	 * @param creating whether this registers a new record (the ID number is required then, and ignored on edits)
	 * @throws InvalidFieldsException naming every bad field
	 */
	Checked check(boolean creating) {
		List<InvalidRequestException> problems = new ArrayList<>();
		ResidentIdNumber id = creating ? field(problems, "idNumber", () -> {
			if (blank(idNumber)) {
				throw new InvalidRequestException("idNumber", "problem.field.required");
			}
			return ResidentIdNumber.parse(idNumber.strip());
		}) : null;
		MobileNumber mobileNumber = blank(mobile) ? null : field(problems, "mobile", () -> MobileNumber.of(mobile.strip()));
		RegionCode residenceCode = blank(residence) ? null : field(problems, "residence", () -> RegionCode.of(residence.strip()));
		List<RegionCode> regions = new ArrayList<>();
		for (String region : preferredRegions == null ? List.<String>of() : preferredRegions) {
			if (!blank(region)) {
				RegionCode code = field(problems, "preferredRegions", () -> RegionCode.of(region.strip()));
				if (code != null) {
					regions.add(code);
				}
			}
		}
		BankAccount bank = blank(bankAccount) ? null : field(problems, "bankAccount", () -> new BankAccount(bankName, bankAccount));
		PlanDraft p = plan == null ? new PlanDraft(null, null, null, null, null, null) : plan;
		LocalDate leave = date(problems, "leaveDate", p.leaveDate());
		LocalDate back = date(problems, "returnDate", p.returnDate());
		RegionCode home = blank(p.homeRegion()) ? null : field(problems, "homeRegion", () -> RegionCode.of(p.homeRegion().strip()));
		WorkerProfile profile = field(problems, "profile", () -> new WorkerProfile(name, residenceCode, address,
				employerId, status, occupations, skills, education, expectedWage, preferredIndustries, regions,
				keyGroups == null ? EnumSet.noneOf(KeyGroup.class) : keyGroups, Boolean.TRUE.equals(consent)));
		PlanDetails details = field(problems, "plan", () -> new PlanDetails(p.plan(), leave, back, home,
				p.waitingEmployerId(), p.note()));
		if (!problems.isEmpty()) {
			throw new InvalidFieldsException(problems);
		}
		return new Checked(id, profile, details, mobileNumber, bank);
	}

	private static LocalDate date(List<InvalidRequestException> problems, String field, String text) {
		if (blank(text)) {
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

	private static <T> T field(List<InvalidRequestException> problems, String field, Supplier<T> parse) {
		try {
			return parse.get();
		}
		catch (InvalidRequestException ex) {
			problems.add(ex);
		}
		catch (InvalidValueException ex) {
			problems.add(new InvalidRequestException(field, ex.code(), ex.args()));
		}
		return null;
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}
}
