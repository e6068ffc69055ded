package org.chunfeng.workers.internal;

import java.util.List;
import java.util.Locale;

import org.chunfeng.identity.Accounts;
import org.chunfeng.identity.Actor;
import org.chunfeng.identity.PhoneVerifications;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.identity.Role;
import org.chunfeng.identity.VerificationPurpose;
import org.chunfeng.platform.InvalidFieldsException;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.reference.InvalidValueException;
import org.chunfeng.reference.MobileNumber;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.reference.Regions;
import org.chunfeng.reference.ResidentIdNumber;
import org.chunfeng.workers.NewWorker;
import org.chunfeng.workers.PlanDetails;
import org.chunfeng.workers.PlanVersion;
import org.chunfeng.workers.RegistrationSource;
import org.chunfeng.workers.Worker;
import org.chunfeng.workers.WorkerProfile;
import org.chunfeng.workers.Workers;
import org.chunfeng.workers.EmploymentStatus;
import org.chunfeng.workers.FestivalPlan;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A worker's own doings: registering on a phone (mobile number verified by SMS, then a password and the basic
 * record), and keeping the own profile and festival plan. A worker acts on the own record only, whatever region it
 * now lies in, so these run over the whole installation but always for the signed-in worker's record id.
 */
@Service
class SelfService {

	private final Workers workers;
	private final Accounts accounts;
	private final PhoneVerifications verifications;
	private final Regions regions;
	private final TransactionTemplate transactions;

	SelfService(Workers workers, Accounts accounts, PhoneVerifications verifications, Regions regions,
			TransactionTemplate transactions) {
		this.workers = workers;
		this.accounts = accounts;
		this.verifications = verifications;
		this.regions = regions;
		this.transactions = transactions;
	}

	/** What a person types to register. */
	record Registration(String mobile, String code, String password, String name, String idNumber,
			String residence, FestivalPlan plan, boolean consent) {
	}

	/** The outcome: the record, and the (masked) mobile number that signs in. */
	record Registered(long workerId, String mobileMasked) {
	}

	void sendCode(String mobile, Locale locale) {
		MobileNumber number = mobile(mobile);
		verifications.send(number, VerificationPurpose.REGISTRATION, locale);
	}

	/**
	 * Registers a worker and the account in one transaction; the SMS code is spent only if both succeed. A person
	 * a caseworker registered before gets the account on the existing record, but only when the verified mobile
	 * number is the one on that record: an ID number alone proves nothing.
	 */
	Registered register(Registration form) {
		List<InvalidRequestException> problems = new java.util.ArrayList<>();
		MobileNumber mobile = check(problems, "mobile", () -> mobile(form.mobile()));
		ResidentIdNumber id = check(problems, "idNumber", () -> {
			if (form.idNumber() == null || form.idNumber().isBlank()) {
				throw new InvalidRequestException("idNumber", "problem.field.required");
			}
			return ResidentIdNumber.parse(form.idNumber().strip());
		});
		RegionCode residence = check(problems, "residence", () -> {
			if (form.residence() == null || form.residence().isBlank()) {
				throw new InvalidRequestException("residence", "problem.field.required");
			}
			RegionCode code = RegionCode.of(form.residence().strip());
			if (code.level() != RegionCode.Level.COUNTY || regions.find(code).isEmpty()) {
				throw new InvalidRequestException("residence", "worker.residence.unknown");
			}
			return code;
		});
		if (!form.consent()) {
			problems.add(new InvalidRequestException("consent", "register.consent.required"));
		}
		if (form.code() == null || form.code().isBlank()) {
			problems.add(new InvalidRequestException("code", "problem.field.required"));
		}
		WorkerProfile profile = residence == null ? null
				: check(problems, "name", () -> WorkerProfile.basic(form.name(), residence, EmploymentStatus.SEEKING)
					.withConsent(true));
		PlanDetails plan = PlanDetails.of(form.plan() == null ? FestivalPlan.UNDECIDED : form.plan());
		if (!problems.isEmpty()) {
			throw new InvalidFieldsException(problems);
		}
		// the scope must be set before the transaction takes its connection
		return RegionScope.asSystem(() -> transactions.execute(status -> {
			verifications.verify(mobile, VerificationPurpose.REGISTRATION, form.code().strip());
			Worker worker = workers.findByIdNumber(id).orElse(null);
			if (worker != null) {
				boolean sameMobile = workers.findByMobile(mobile).stream().anyMatch(w -> w.id() == worker.id());
				if (!sameMobile || worker.merged()) {
					throw new InvalidRequestException("idNumber", "register.idNumber.registered");
				}
			}
			Worker record = worker != null ? worker
					: RegionScope.within(residence, () -> workers.register(new NewWorker(id, profile, mobile, null,
							plan, RegistrationSource.SELF_REGISTERED)));
			accounts.createWorkerAccount(record.id(), record.residence(), record.name(), mobile, form.password());
			return new Registered(record.id(), mobile.masked());
		}));
	}

	/** The signed-in worker's record (the kept one, if it was merged). */
	Worker mine() {
		long id = myId();
		return RegionScope.asSystem(() -> {
			Worker worker = workers.find(id).orElseThrow(() -> new AccessDeniedException("no record"));
			return worker.merged() ? workers.find(worker.mergedInto()).orElseThrow() : worker;
		});
	}

	List<PlanVersion> myPlans() {
		Worker mine = mine();
		return RegionScope.asSystem(() -> workers.planHistory(mine.id()));
	}

	/**
	 * Saves what a worker may change of the own record: where and how they live and work, wishes, bank account,
	 * consent and the festival plan. Name, key groups and employer are the bureau's to record.
	 */
	Worker update(WorkerDraft draft) {
		Worker mine = mine();
		if (draft.version() == null) {
			throw new InvalidRequestException("version", "problem.field.required");
		}
		WorkerProfile p = mine.profile();
		// the employer waiting is the bureau's record too: kept while the worker still plans to come back
		WorkerDraft.PlanDraft typed = draft.plan() == null ? new WorkerDraft.PlanDraft(null, null, null, null, null, null)
				: draft.plan();
		Long waiting = typed.plan() == FestivalPlan.GOING_HOME_RETURNING ? mine.plan().waitingEmployerId() : null;
		WorkerDraft.PlanDraft plan = new WorkerDraft.PlanDraft(typed.plan(), typed.leaveDate(), typed.returnDate(),
				typed.homeRegion(), waiting, typed.note());
		WorkerDraft allowed = new WorkerDraft(null, p.name(), null, draft.residence(), draft.address(),
				draft.status() == EmploymentStatus.EMPLOYED ? p.employerId() : null, draft.status(), draft.occupations(),
				draft.skills(), draft.education(), draft.expectedWage(), draft.preferredIndustries(),
				draft.preferredRegions(), p.keyGroups(), draft.consent(), draft.bankName(), draft.bankAccount(), plan,
				draft.version());
		WorkerDraft.Checked checked = allowed.check(false);
		return RegionScope.asSystem(() -> workers.update(mine.id(), draft.version(), checked.profile(), checked.plan(),
				null, checked.bank()));
	}

	private static long myId() {
		Actor actor = RegionScope.currentActor().filter(a -> a.role() == Role.WORKER && a.worker() != null)
			.orElseThrow(() -> new AccessDeniedException("workers only"));
		return actor.worker();
	}

	private static MobileNumber mobile(String text) {
		if (text == null || text.isBlank()) {
			throw new InvalidRequestException("mobile", "problem.field.required");
		}
		try {
			return MobileNumber.of(text.strip());
		}
		catch (InvalidValueException ex) {
			throw new InvalidRequestException("mobile", ex.code(), ex.args());
		}
	}

	private static <T> T check(List<InvalidRequestException> problems, String field,
			java.util.function.Supplier<T> parse) {
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
}
