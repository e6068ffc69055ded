package org.chunfeng.subsidies.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.chunfeng.enterprises.Enterprise;
import org.chunfeng.enterprises.Enterprises;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.platform.InvalidFieldsException;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.platform.NotFoundException;
import org.chunfeng.reference.InvalidValueException;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.reference.ResidentIdNumber;
import org.chunfeng.subsidies.Applicant;
import org.chunfeng.subsidies.CaseFacts;
import org.chunfeng.subsidies.SubsidyProgram;
import org.chunfeng.subsidies.rules.AssessmentCase;
import org.chunfeng.subsidies.rules.Beneficiary;
import org.chunfeng.subsidies.rules.LivingSubsidyCase;
import org.chunfeng.subsidies.rules.ProgramKind;
import org.chunfeng.subsidies.rules.RefundCase;
import org.chunfeng.subsidies.rules.Route;
import org.chunfeng.subsidies.rules.StayPutCase;
import org.chunfeng.subsidies.rules.StayPutCase.StayingWorker;
import org.chunfeng.subsidies.rules.TrainingSubsidyCase;
import org.chunfeng.subsidies.rules.WorkForTrainingCase;
import org.chunfeng.subsidies.rules.WorkForTrainingCase.Trainee;
import org.chunfeng.training.ReferralStatus;
import org.chunfeng.training.TrainingProject;
import org.chunfeng.training.TrainingReferral;
import org.chunfeng.training.Trainings;
import org.chunfeng.workers.EmploymentStatus;
import org.chunfeng.workers.FestivalPlan;
import org.chunfeng.workers.Worker;
import org.chunfeng.workers.Workers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds the case of an application from the facts the applicant states and the registries: who the trainees and
 * stayers are, the enterprise's size class and insurance evidence, the completed referral, the worker's status, and
 * what was granted before under any program. The result is an immutable record, frozen with the application.
 *
 * <p>Workers named by an enterprise (trainees, stayers) may live in another district, and what was granted before
 * may have been granted by another district's bureau: those look-ups run over the whole installation, in a
 * transaction of their own, and only the name and the counts enter the case.
 */
@Component
class CaseBuilder {

	static final int MAX_PEOPLE = 500;

	private final Workers workers;
	private final Enterprises enterprises;
	private final Trainings trainings;
	private final JdbcClient jdbc;
	private final TransactionTemplate systemReads;
	private final Clock clock;

	CaseBuilder(Workers workers, Enterprises enterprises, Trainings trainings, JdbcClient jdbc,
			PlatformTransactionManager transactions, Clock clock) {
		this.workers = workers;
		this.enterprises = enterprises;
		this.trainings = trainings;
		this.jdbc = jdbc;
		this.clock = clock;
		this.systemReads = new TransactionTemplate(transactions);
		this.systemReads.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.systemReads.setReadOnly(true);
	}

	/** The applicant's name and region as the registry has them (inside the caller's scope). */
	record ApplicantRecord(Applicant applicant, String name, RegionCode region, Enterprise enterprise, Worker worker) {
	}

	ApplicantRecord applicant(Applicant applicant) {
		if (applicant.kind() == Beneficiary.ENTERPRISE) {
			Enterprise e = enterprises.find(applicant.id())
				.filter(found -> !found.merged())
				.orElseThrow(() -> new NotFoundException("kind.enterprise", String.valueOf(applicant.id())));
			return new ApplicantRecord(applicant, e.name(), e.region(), e, null);
		}
		Worker w = workers.find(applicant.id())
			.filter(found -> !found.merged())
			.orElseThrow(() -> new NotFoundException("kind.worker", String.valueOf(applicant.id())));
		return new ApplicantRecord(applicant, w.name(), w.residence(), null, w);
	}

	/**
	 * The case of {@code facts} under {@code program}.
	 *
	 * @throws InvalidFieldsException naming each fact that cannot be used
	 */
	AssessmentCase build(SubsidyProgram program, ApplicantRecord who, CaseFacts facts) {
		List<InvalidRequestException> problems = new ArrayList<>();
		AssessmentCase built = switch (program.kind()) {
			case WORK_FOR_TRAINING -> workForTraining(facts, problems);
			case JOB_STABILIZING_REFUND -> refund(program, who);
			case TRAINING_SUBSIDY -> trainingSubsidy(who, facts, problems);
			case TEMPORARY_LIVING_SUBSIDY, UNEMPLOYMENT_SUBSIDY -> living(program.kind(), who, facts, problems);
			case STAY_PUT_SUBSIDY -> stayPut(program, who, facts, problems);
		};
		if (!problems.isEmpty()) {
			throw new InvalidFieldsException(problems);
		}
		return built;
	}

	private WorkForTrainingCase workForTraining(CaseFacts facts, List<InvalidRequestException> problems) {
		if (facts.trainees().isEmpty()) {
			problems.add(new InvalidRequestException("trainees", "subsidy.application.trainees.required"));
			return null;
		}
		if (facts.trainees().size() > MAX_PEOPLE) {
			problems.add(new InvalidRequestException("trainees", "subsidy.application.tooMany", MAX_PEOPLE));
			return null;
		}
		List<Trainee> trainees = new ArrayList<>();
		for (int i = 0; i < facts.trainees().size(); i++) {
			CaseFacts.Person p = facts.trainees().get(i);
			String field = "trainees[" + i + "]";
			Optional<Worker> worker = person(field, p.workerId(), p.idNumber(), problems);
			if (p.months() == null || p.months() < 1 || p.months() > 12) {
				problems.add(new InvalidRequestException(field + ".months", "subsidy.application.months.range", 1, 12));
			}
			if (worker.isPresent() && p.months() != null && p.months() >= 1 && p.months() <= 12) {
				Worker w = worker.get();
				int paidBefore = asSystem(() -> jdbc.sql("""
						select coalesce(sum(quantity), 0) from subsidy_granted_unit
						where worker_id = ? and kind = 'WORK_FOR_TRAINING' and unit = 'months'""")
					.param(w.id()).query(Integer.class).single());
				boolean allowanceBefore = asSystem(() -> jdbc.sql("""
						select exists (select 1 from subsidy_granted_unit
						               where worker_id = ? and kind = 'WORK_FOR_TRAINING' and unit = 'allowance')""")
					.param(w.id()).query(Boolean.class).single());
				trainees.add(new Trainee(key(w), w.name(), p.months(), paidBefore, allowanceBefore));
			}
		}
		return new WorkForTrainingCase(trainees);
	}

	private RefundCase refund(SubsidyProgram program, ApplicantRecord who) {
		Enterprise e = who.enterprise();
		return RefundCase.forPolicyYear(program.details().policyYear(), e.sizeClass(), e.labourDispatch(),
				Route.APPLICATION, enterprises.insurance(e.id()));
	}

	private TrainingSubsidyCase trainingSubsidy(ApplicantRecord who, CaseFacts facts,
			List<InvalidRequestException> problems) {
		if (facts.referralId() == null) {
			problems.add(new InvalidRequestException("referralId", "problem.field.required"));
			return null;
		}
		Optional<TrainingReferral> referral = trainings.findReferral(facts.referralId())
			.filter(r -> who.worker() != null && r.workerId() == who.worker().id());
		if (referral.isEmpty()) {
			problems.add(new InvalidRequestException("referralId", "subsidy.application.referral.unknown"));
			return null;
		}
		TrainingReferral r = referral.get();
		TrainingProject project = trainings.find(r.projectId())
			.orElseThrow(() -> new NotFoundException("kind.trainingProject", String.valueOf(r.projectId())));
		int year = LocalDate.now(clock).getYear();
		int paidThisYear = asSystem(() -> jdbc.sql("""
				select count(*) from subsidy_granted_unit
				where worker_id = ? and kind = 'TRAINING_SUBSIDY' and extract(year from granted_at) = ?""")
			.params(who.worker().id(), year).query(Integer.class).single());
		return new TrainingSubsidyCase(r.projectTitle(), r.status() == ReferralStatus.COMPLETED,
				project.details().subsidyEligible(), project.details().subsidyFen(), paidThisYear);
	}

	private LivingSubsidyCase living(ProgramKind kind, ApplicantRecord who, CaseFacts facts,
			List<InvalidRequestException> problems) {
		Worker w = who.worker();
		if (facts.months().isEmpty()) {
			problems.add(new InvalidRequestException("months", "subsidy.application.months.required"));
		}
		if (facts.months().size() > 24) {
			problems.add(new InvalidRequestException("months", "subsidy.application.tooMany", 24));
		}
		if (facts.coverMonths() == null) {
			problems.add(new InvalidRequestException("coverMonths", "problem.field.required"));
		}
		else if (facts.coverMonths() < 0 || facts.coverMonths() > 600) {
			problems.add(new InvalidRequestException("coverMonths", "subsidy.application.months.range", 0, 600));
		}
		if (!problems.isEmpty()) {
			return null;
		}
		// one person, one living subsidy per month, whichever of the two kinds
		Set<String> granted = new HashSet<>(asSystem(() -> jdbc.sql("""
				select unit from subsidy_granted_unit
				where worker_id = ? and kind in ('TEMPORARY_LIVING_SUBSIDY', 'UNEMPLOYMENT_SUBSIDY')""")
			.param(w.id()).query(String.class).list()));
		for (YearMonth month : facts.months()) {
			if (granted.contains(month.toString())) {
				problems.add(new InvalidRequestException("months", "subsidy.application.months.granted", month));
			}
		}
		int paidBefore = asSystem(() -> jdbc.sql("""
				select count(*) from subsidy_granted_unit where worker_id = ? and kind = ?""")
			.params(w.id(), kind.name()).query(Integer.class).single());
		return new LivingSubsidyCase(w.status() == EmploymentStatus.UNEMPLOYED_REGISTERED, migrant(w),
				facts.coverMonths(), Boolean.TRUE.equals(facts.receivingBenefit()), facts.months(), paidBefore);
	}

	private StayPutCase stayPut(SubsidyProgram program, ApplicantRecord who, CaseFacts facts,
			List<InvalidRequestException> problems) {
		List<StayingWorker> staying = new ArrayList<>();
		if (who.worker() != null) {
			// the worker applies for itself: its own record, the days it states
			CaseFacts.Stayer own = facts.stayers().isEmpty() ? new CaseFacts.Stayer(null, null, null, null)
					: facts.stayers().getFirst();
			Integer days = own.stayDays();
			if (days == null || days < 0 || days > 366) {
				problems.add(new InvalidRequestException("stayers[0].stayDays", "subsidy.application.days.range", 0, 366));
				return null;
			}
			Worker w = who.worker();
			staying.add(new StayingWorker(key(w), w.name(), migrant(w),
					w.festivalPlan() == FestivalPlan.STAYING_PUT && w.employerId() != null, days,
					Set.copyOf(own.dutyDays())));
			return new StayPutCase(staying, 0);
		}
		if (facts.stayers().isEmpty()) {
			problems.add(new InvalidRequestException("stayers", "subsidy.application.stayers.required"));
			return null;
		}
		if (facts.stayers().size() > MAX_PEOPLE) {
			problems.add(new InvalidRequestException("stayers", "subsidy.application.tooMany", MAX_PEOPLE));
			return null;
		}
		long enterpriseId = who.enterprise().id();
		for (int i = 0; i < facts.stayers().size(); i++) {
			CaseFacts.Stayer s = facts.stayers().get(i);
			String field = "stayers[" + i + "]";
			Optional<Worker> worker = person(field, s.workerId(), s.idNumber(), problems);
			if (s.stayDays() == null || s.stayDays() < 0 || s.stayDays() > 366) {
				problems.add(new InvalidRequestException(field + ".stayDays", "subsidy.application.days.range", 0, 366));
				continue;
			}
			worker.ifPresent(w -> staying.add(new StayingWorker(key(w), w.name(), migrant(w),
					w.festivalPlan() == FestivalPlan.STAYING_PUT && Long.valueOf(enterpriseId).equals(w.employerId()),
					s.stayDays(), Set.copyOf(s.dutyDays()))));
		}
		long grantedBefore = asSystem(() -> jdbc.sql("""
				select coalesce(sum(amount_fen), 0) from subsidy_granted_unit
				where enterprise_id = ? and program_id = ? and kind = 'STAY_PUT_SUBSIDY'""")
			.params(enterpriseId, program.id()).query(Long.class).single());
		return new StayPutCase(staying, grantedBefore);
	}

	/** A worker named by registry id or resident ID number, looked up over the whole installation. */
	private Optional<Worker> person(String field, Long workerId, String idNumber, List<InvalidRequestException> problems) {
		Optional<Worker> found;
		if (workerId != null) {
			found = asSystem(() -> workers.find(workerId));
		}
		else if (idNumber != null && !idNumber.isBlank()) {
			ResidentIdNumber parsed;
			try {
				parsed = ResidentIdNumber.parse(idNumber.strip());
			}
			catch (InvalidValueException ex) {
				problems.add(new InvalidRequestException(field + ".idNumber", ex.messageCode(), ex.messageArgs()));
				return Optional.empty();
			}
			found = asSystem(() -> workers.findByIdNumber(parsed));
		}
		else {
			problems.add(new InvalidRequestException(field + ".idNumber", "problem.field.required"));
			return Optional.empty();
		}
		found = found.map(w -> w.merged() ? asSystem(() -> workers.find(w.mergedInto())).orElse(w) : w);
		if (found.isEmpty()) {
			problems.add(new InvalidRequestException(field + ".idNumber", "subsidy.application.worker.unknown"));
		}
		return found;
	}

	/** A migrant worker (外来务工人员): registered (户籍) outside the city where the worker lives. */
	static boolean migrant(Worker w) {
		RegionCode hukou = w.hukouRegion();
		RegionCode residence = w.residence();
		return hukou != null && residence != null && !hukou.value().substring(0, 4).equals(residence.value().substring(0, 4));
	}

	/** How claim keys and cases name a worker: {@code W17}. */
	static String key(Worker w) {
		return "W" + w.id();
	}

	private <T> T asSystem(Supplier<T> read) {
		return RegionScope.asSystem(() -> systemReads.execute(status -> read.get()));
	}
}
