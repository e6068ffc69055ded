package org.chunfeng.subsidies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.chunfeng.support.SubsidyFixtures.CITY;
import static org.chunfeng.support.SubsidyFixtures.HUQIU;
import static org.chunfeng.support.SubsidyFixtures.WUZHONG;
import static org.chunfeng.support.SubsidyFixtures.enterpriseUser;
import static org.chunfeng.support.SubsidyFixtures.reviewer;
import static org.chunfeng.support.SubsidyFixtures.workerUser;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.chunfeng.enterprises.Enterprise;
import org.chunfeng.enterprises.Enterprises;
import org.chunfeng.enterprises.EvidenceSource;
import org.chunfeng.enterprises.InsuranceYear;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.identity.Role;
import org.chunfeng.payments.BudgetExceededException;
import org.chunfeng.payments.Budgets;
import org.chunfeng.payments.Entitlement;
import org.chunfeng.payments.Entitlements;
import org.chunfeng.platform.ConflictException;
import org.chunfeng.platform.InvalidFieldsException;
import org.chunfeng.platform.NotFoundException;
import org.chunfeng.platform.RefusedException;
import org.chunfeng.reference.Money;
import org.chunfeng.subsidies.rules.Beneficiary;
import org.chunfeng.support.SubsidyFixtures;
import org.chunfeng.subsidies.rules.LivingSubsidyParameters;
import org.chunfeng.subsidies.rules.PegBase;
import org.chunfeng.subsidies.rules.ProgramKind;
import org.chunfeng.subsidies.rules.StayPutParameters;
import org.chunfeng.subsidies.rules.Templates;
import org.chunfeng.subsidies.rules.WorkForTrainingCase;
import org.chunfeng.subsidies.rules.WorkForTrainingParameters;
import org.chunfeng.workers.EmploymentStatus;
import org.chunfeng.workers.FestivalPlan;
import org.chunfeng.workers.Worker;
import org.chunfeng.workers.Workers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Applications and their review, attacked: each kind's path from the facts and the registries to the entitlement,
 * the case frozen at submission, return and resubmission, final rejection, two reviewers at once, a budget without
 * room, the region scope and the levels of review, and the database's guard attacked with SQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class SubsidyApplicationsTests {

	static final List<ReviewLevel> COUNTY_CITY = List.of(ReviewLevel.COUNTY, ReviewLevel.CITY);

	@Autowired
	SubsidyApplications applications;

	@Autowired
	SubsidyPrograms programs;

	@Autowired
	Enterprises enterprises;

	@Autowired
	Workers workers;

	@Autowired
	Entitlements entitlements;

	@Autowired
	Budgets budgets;

	@Autowired
	MessageSource messages;

	@Autowired
	org.chunfeng.training.Trainings trainings;

	@Autowired
	JdbcClient jdbc;

	SubsidyProgram workForTraining(long budgetFen) {
		return SubsidyFixtures.openProgram(programs, ProgramKind.WORK_FOR_TRAINING, Beneficiary.ENTERPRISE,
				Templates.WORK_FOR_TRAINING_2021.parameters(), budgetFen, COUNTY_CITY);
	}

	Worker trainee(Enterprise employer) {
		return SubsidyFixtures.worker(workers, HUQIU, employer.id(), EmploymentStatus.EMPLOYED,
				FestivalPlan.STAYING_PUT);
	}

	static CaseFacts trainees(Object... idAndMonths) {
		List<CaseFacts.Person> people = new ArrayList<>();
		for (int i = 0; i < idAndMonths.length; i += 2) {
			people.add(new CaseFacts.Person((Long) idAndMonths[i], null, (Integer) idAndMonths[i + 1]));
		}
		return new CaseFacts(people, null, null, null, null, null, "测试");
	}

	SubsidyApplication approveAll(SubsidyApplication application) {
		SubsidyApplication county = reviewer(HUQIU,
				() -> applications.decide(application.id(), 1, application.version(), Decision.APPROVE, null));
		assertThat(county.status()).isEqualTo(ApplicationStatus.IN_REVIEW);
		assertThat(county.waitingLevel()).isEqualTo(ReviewLevel.CITY);
		return reviewer(CITY, () -> applications.decide(application.id(), 2, county.version(), Decision.APPROVE, "同意"));
	}

	List<Entitlement> entitlementsOf(SubsidyApplication application) {
		return RegionScope.asSystem(() -> entitlements.bySource("application:" + application.id()));
	}

	@Test
	void theApplicantSeesTheRulesAssessmentLineByLineBeforeSubmitting() {
		SubsidyProgram program = workForTraining(100_000_000L);
		Enterprise enterprise = SubsidyFixtures.enterprise(enterprises, HUQIU, 50);
		Worker a = trainee(enterprise);
		Worker b = trainee(enterprise);
		CasePreview preview = enterpriseUser(enterprise,
				() -> applications.preview(program.id(), Applicant.enterprise(enterprise.id()),
						trainees(a.id(), 3, b.id(), 8)));
		assertThat(preview.applicantName()).isEqualTo(enterprise.name());
		assertThat(preview.assessment().eligible()).isTrue();
		// 3 months + at most 6 of 8, 500 yuan each
		assertThat(preview.assessment().amountFen()).isEqualTo(9 * 50_000L);
		assertThat(preview.assessment().codes()).containsExactly("subsidy.reason.wft.rate", "subsidy.reason.wft.trainee",
				"subsidy.reason.wft.capped", "subsidy.reason.total");
		for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
			preview.assessment().reasons().forEach(reason -> assertThat(
					messages.getMessage(reason.code(), reason.args().toArray(), locale)).doesNotContain("{"));
		}
		assertThat(messages.getMessage("subsidy.reason.wft.trainee", preview.assessment().reasons().get(1).args()
			.toArray(), Locale.SIMPLIFIED_CHINESE)).contains(a.name()).contains("1,500");
		// nothing was stored
		assertThat(jdbc.sql("select count(*) from subsidy_application where program_id = ?").param(program.id())
			.query(Long.class).single()).isZero();
	}

	@Test
	void workForTrainingGoesFromTheEnterpriseThroughCountyAndCityToOneEntitlementAndCountsMonthsPaidBefore() {
		SubsidyProgram program = workForTraining(100_000_000L);
		Enterprise enterprise = SubsidyFixtures.enterprise(enterprises, HUQIU, 50);
		Worker a = trainee(enterprise);
		Worker b = trainee(enterprise);
		SubsidyApplication submitted = enterpriseUser(enterprise, () -> applications.submit(program.id(),
				Applicant.enterprise(enterprise.id()), trainees(a.id(), 2, b.id(), 4)));
		assertThat(submitted.status()).isEqualTo(ApplicationStatus.SUBMITTED);
		assertThat(submitted.steps()).isEqualTo(COUNTY_CITY);
		assertThat(submitted.waitingLevel()).isEqualTo(ReviewLevel.COUNTY);
		assertThat(submitted.assessment().amountFen()).isEqualTo(6 * 50_000L);
		SubsidyApplication approved = approveAll(submitted);
		assertThat(approved.status()).isEqualTo(ApplicationStatus.APPROVED);
		assertThat(approved.approvedFen()).isEqualTo(6 * 50_000L);
		List<Entitlement> granted = entitlementsOf(approved);
		assertThat(granted).singleElement().satisfies(e -> {
			assertThat(e.amountFen()).isEqualTo(6 * 50_000L);
			assertThat(e.programId()).isEqualTo(program.id());
			assertThat(e.period()).isEqualTo("application-" + approved.id());
			assertThat(e.payee().id()).isEqualTo(enterprise.id());
		});
		assertThat(reviewer(CITY, () -> applications.history(approved.id()))).extracting(ApplicationDecision::decision)
			.containsExactly("APPROVE", "APPROVE");
		// the next claim for the same trainee under another program knows the 4 months paid: 2 left of 6
		SubsidyProgram another = workForTraining(100_000_000L);
		SubsidyApplication next = enterpriseUser(enterprise, () -> applications.submit(another.id(),
				Applicant.enterprise(enterprise.id()), trainees(b.id(), 5)));
		WorkForTrainingCase frozen = (WorkForTrainingCase) next.frozenCase();
		assertThat(frozen.trainees()).singleElement().satisfies(t -> assertThat(t.monthsPaidBefore()).isEqualTo(4));
		assertThat(next.assessment().amountFen()).isEqualTo(2 * 50_000L);
		SubsidyApplication second = approveAll(next);
		assertThat(second.approvedFen()).isEqualTo(2 * 50_000L);
	}

	@Test
	void theCaseIsFrozenAtSubmissionSoALaterRegistryEditDoesNotChangeTheApprovedRefund() {
		SubsidyProgram program = SubsidyFixtures.openProgram(programs, ProgramKind.JOB_STABILIZING_REFUND,
				Beneficiary.ENTERPRISE, Templates.REFUND_2021.parameters(), 100_000_000L, COUNTY_CITY);
		Enterprise enterprise = SubsidyFixtures.enterprise(enterprises, HUQIU, 25);
		RegionScope.asSystem(() -> {
			enterprises.recordInsurance(enterprise.id(), new InsuranceYear(2025, 25, Money.ofFen(9_000_000L),
					EvidenceSource.IMPORT, null));
			return enterprises.recordInsurance(enterprise.id(), new InsuranceYear(2026, 24, Money.ofFen(10_000_000L),
					EvidenceSource.IMPORT, null));
		});
		SubsidyApplication submitted = enterpriseUser(enterprise,
				() -> applications.submit(program.id(), Applicant.enterprise(enterprise.id()), CaseFacts.none()));
		assertThat(submitted.assessment().eligible()).isTrue();
		// a small enterprise gets 60% of the premiums of 2026
		assertThat(submitted.assessment().amountFen()).isEqualTo(6_000_000L);
		// the registry changes after submission: the evidence of 2026 is replaced with doubled premiums
		RegionScope.asSystem(() -> enterprises.recordInsurance(enterprise.id(), new InsuranceYear(2026, 24,
				Money.ofFen(20_000_000L), EvidenceSource.IMPORT, null)));
		SubsidyApplication approved = approveAll(submitted);
		assertThat(approved.approvedFen()).isEqualTo(6_000_000L);
		assertThat(entitlementsOf(approved)).singleElement().satisfies(e -> {
			assertThat(e.amountFen()).isEqualTo(6_000_000L);
			assertThat(e.period()).isEqualTo("2026");
		});
		// the same refund year once only: a second application is approved by nobody
		SubsidyApplication again = enterpriseUser(enterprise,
				() -> applications.submit(program.id(), Applicant.enterprise(enterprise.id()), CaseFacts.none()));
		SubsidyApplication county = reviewer(HUQIU,
				() -> applications.decide(again.id(), 1, again.version(), Decision.APPROVE, null));
		assertThatThrownBy(() -> reviewer(CITY,
				() -> applications.decide(again.id(), 2, county.version(), Decision.APPROVE, null)))
			.isInstanceOf(RefusedException.class);
		assertThat(reviewer(CITY, () -> applications.find(again.id())).orElseThrow().status())
			.isEqualTo(ApplicationStatus.IN_REVIEW);
	}

	@Test
	void aReturnedApplicationIsEditedResubmittedAndStartsAgainAtTheFirstStep() {
		SubsidyProgram program = workForTraining(100_000_000L);
		Enterprise enterprise = SubsidyFixtures.enterprise(enterprises, HUQIU, 50);
		Worker a = trainee(enterprise);
		SubsidyApplication submitted = enterpriseUser(enterprise, () -> applications.submit(program.id(),
				Applicant.enterprise(enterprise.id()), trainees(a.id(), 6)));
		SubsidyApplication county = reviewer(HUQIU,
				() -> applications.decide(submitted.id(), 1, submitted.version(), Decision.APPROVE, null));
		assertThatThrownBy(() -> reviewer(CITY,
				() -> applications.decide(submitted.id(), 2, county.version(), Decision.RETURN, " ")))
			.isInstanceOf(org.chunfeng.platform.InvalidRequestException.class);
		SubsidyApplication returned = reviewer(CITY,
				() -> applications.decide(submitted.id(), 2, county.version(), Decision.RETURN, "请补充劳动合同，月数按实际"));
		assertThat(returned.status()).isEqualTo(ApplicationStatus.RETURNED);
		assertThat(returned.reason()).isEqualTo("请补充劳动合同，月数按实际");
		// only the applicant (or a caseworker) resubmits, and only with the version read
		assertThatThrownBy(() -> enterpriseUser(enterprise,
				() -> applications.resubmit(submitted.id(), county.version(), trainees(a.id(), 3))))
			.isInstanceOf(ConflictException.class);
		SubsidyApplication resubmitted = enterpriseUser(enterprise,
				() -> applications.resubmit(submitted.id(), returned.version(), trainees(a.id(), 3)));
		assertThat(resubmitted.status()).isEqualTo(ApplicationStatus.SUBMITTED);
		assertThat(resubmitted.step()).isEqualTo(1);
		assertThat(resubmitted.rounds()).isEqualTo(2);
		assertThat(resubmitted.assessment().amountFen()).isEqualTo(3 * 50_000L);
		SubsidyApplication approved = approveAll(resubmitted);
		assertThat(approved.approvedFen()).isEqualTo(3 * 50_000L);
		assertThat(reviewer(CITY, () -> applications.history(approved.id())))
			.extracting(ApplicationDecision::decision, ApplicationDecision::round)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("APPROVE", 1),
					org.assertj.core.groups.Tuple.tuple("RETURN", 1),
					org.assertj.core.groups.Tuple.tuple("RESUBMIT", 2),
					org.assertj.core.groups.Tuple.tuple("APPROVE", 2),
					org.assertj.core.groups.Tuple.tuple("APPROVE", 2));
	}

	@Test
	void aRejectionIsFinal() {
		SubsidyProgram program = workForTraining(100_000_000L);
		Enterprise enterprise = SubsidyFixtures.enterprise(enterprises, HUQIU, 50);
		Worker a = trainee(enterprise);
		SubsidyApplication submitted = enterpriseUser(enterprise, () -> applications.submit(program.id(),
				Applicant.enterprise(enterprise.id()), trainees(a.id(), 2)));
		SubsidyApplication rejected = reviewer(HUQIU,
				() -> applications.decide(submitted.id(), 1, submitted.version(), Decision.REJECT, "非本单位职工"));
		assertThat(rejected.status()).isEqualTo(ApplicationStatus.REJECTED);
		assertThat(rejected.decidedAt()).isNotNull();
		assertThatThrownBy(() -> reviewer(HUQIU,
				() -> applications.decide(submitted.id(), 1, rejected.version(), Decision.APPROVE, null)))
			.isInstanceOf(RefusedException.class);
		assertThatThrownBy(() -> enterpriseUser(enterprise,
				() -> applications.resubmit(submitted.id(), rejected.version(), trainees(a.id(), 1))))
			.isInstanceOf(RefusedException.class);
		assertThat(entitlementsOf(rejected)).isEmpty();
	}

	@Test
	void twoCityReviewersApprovingTheSameStepAtOnceMakeOneDecisionAndOneEntitlement() throws Exception {
		SubsidyProgram program = workForTraining(100_000_000L);
		Enterprise enterprise = SubsidyFixtures.enterprise(enterprises, HUQIU, 50);
		Worker a = trainee(enterprise);
		SubsidyApplication submitted = enterpriseUser(enterprise, () -> applications.submit(program.id(),
				Applicant.enterprise(enterprise.id()), trainees(a.id(), 4)));
		SubsidyApplication county = reviewer(HUQIU,
				() -> applications.decide(submitted.id(), 1, submitted.version(), Decision.APPROVE, null));
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<Object>> outcomes = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				outcomes.add(pool.submit(() -> {
					start.await();
					try {
						return reviewer(CITY, () -> applications.decide(submitted.id(), 2, county.version(),
								Decision.APPROVE, null));
					}
					catch (RuntimeException ex) {
						return ex;
					}
				}));
			}
			start.countDown();
			List<Object> results = new ArrayList<>();
			for (Future<Object> outcome : outcomes) {
				results.add(outcome.get(60, TimeUnit.SECONDS));
			}
			assertThat(results).filteredOn(SubsidyApplication.class::isInstance).hasSize(1);
			assertThat(results).filteredOn(r -> !(r instanceof SubsidyApplication))
				.singleElement().isInstanceOfAny(ConflictException.class, RefusedException.class);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(entitlementsOf(submitted)).singleElement()
			.satisfies(e -> assertThat(e.amountFen()).isEqualTo(4 * 50_000L));
		assertThat(jdbc.sql("select count(*) from subsidy_decision where application_id = ? and step = 2")
			.param(submitted.id()).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void anApprovalPastTheBudgetIsRefusedAndTheApplicationStaysInReview() {
		SubsidyProgram program = workForTraining(150_000L);
		Enterprise enterprise = SubsidyFixtures.enterprise(enterprises, HUQIU, 50);
		Worker a = trainee(enterprise);
		Worker b = trainee(enterprise);
		SubsidyApplication first = enterpriseUser(enterprise, () -> applications.submit(program.id(),
				Applicant.enterprise(enterprise.id()), trainees(a.id(), 2)));
		assertThat(approveAll(first).approvedFen()).isEqualTo(100_000L);
		SubsidyApplication second = enterpriseUser(enterprise, () -> applications.submit(program.id(),
				Applicant.enterprise(enterprise.id()), trainees(b.id(), 2)));
		SubsidyApplication county = reviewer(HUQIU,
				() -> applications.decide(second.id(), 1, second.version(), Decision.APPROVE, null));
		assertThatThrownBy(() -> reviewer(CITY,
				() -> applications.decide(second.id(), 2, county.version(), Decision.APPROVE, null)))
			.isInstanceOf(BudgetExceededException.class);
		SubsidyApplication after = reviewer(CITY, () -> applications.find(second.id())).orElseThrow();
		assertThat(after.status()).isEqualTo(ApplicationStatus.IN_REVIEW);
		assertThat(after.version()).isEqualTo(county.version());
		assertThat(after.approvedFen()).isNull();
		assertThat(entitlementsOf(second)).isEmpty();
		assertThat(reviewer(CITY, () -> applications.history(second.id()))).hasSize(1);
		assertThat(jdbc.sql("select count(*) from subsidy_granted_unit where application_id = ?").param(second.id())
			.query(Long.class).single()).isZero();
		// the budget shows what the first approval committed
		assertThat(RegionScope.asSystem(() -> budgets.ofProgram(program.id()))).singleElement().satisfies(budget -> {
			assertThat(budget.budgetFen()).isEqualTo(150_000L);
			assertThat(budget.committedFen()).isEqualTo(100_000L);
		});
	}

	@Test
	void anOpenProgramsBudgetFollowsItsChangesAndCannotFallBelowWhatIsCommitted() {
		SubsidyProgram program = workForTraining(1_000_000L);
		Enterprise enterprise = SubsidyFixtures.enterprise(enterprises, HUQIU, 50);
		Worker a = trainee(enterprise);
		SubsidyApplication first = enterpriseUser(enterprise, () -> applications.submit(program.id(),
				Applicant.enterprise(enterprise.id()), trainees(a.id(), 6)));
		approveAll(first);
		SubsidyProgram raised = SubsidyFixtures.as(Role.ADMINISTRATOR, CITY, null, null,
				() -> programs.revise(program.id(), program.version(),
						SubsidyProgramsTests.withBudget(program, 2_000_000L)));
		assertThat(RegionScope.asSystem(() -> budgets.ofProgram(program.id()))).singleElement()
			.satisfies(budget -> assertThat(budget.budgetFen()).isEqualTo(2_000_000L));
		assertThatThrownBy(() -> SubsidyFixtures.as(Role.ADMINISTRATOR, CITY, null, null,
				() -> programs.revise(program.id(), raised.version(), SubsidyProgramsTests.withBudget(program, 200_000L))))
			.isInstanceOfSatisfying(RefusedException.class,
					ex -> assertThat(ex.messageCode()).isEqualTo("payments.budget.belowCommitted"));
		assertThat(RegionScope.asSystem(() -> programs.find(program.id())).orElseThrow().details().budgetFen())
			.isEqualTo(2_000_000L);
	}

	@Test
	void reviewersTakeOnlyTheStepsOfTheirLevelAndSeeOnlyTheirRegion() {
		SubsidyProgram program = workForTraining(100_000_000L);
		Enterprise enterprise = SubsidyFixtures.enterprise(enterprises, HUQIU, 50);
		Worker a = trainee(enterprise);
		SubsidyApplication submitted = enterpriseUser(enterprise, () -> applications.submit(program.id(),
				Applicant.enterprise(enterprise.id()), trainees(a.id(), 2)));
		// another county's reviewer neither sees nor decides it
		assertThat(reviewer(WUZHONG, () -> applications.find(submitted.id()))).isEmpty();
		assertThat(reviewer(WUZHONG, () -> applications.search(
				new ApplicationQuery(null, null, null, program.id(), false), org.chunfeng.platform.PageQuery.of(0, 50))
			.items())).isEmpty();
		assertThatThrownBy(() -> reviewer(WUZHONG,
				() -> applications.decide(submitted.id(), 1, submitted.version(), Decision.APPROVE, null)))
			.isInstanceOf(NotFoundException.class);
		// the city's reviewer sees it but the county's step is not the city's
		assertThatThrownBy(() -> reviewer(CITY,
				() -> applications.decide(submitted.id(), 1, submitted.version(), Decision.APPROVE, null)))
			.isInstanceOf(RefusedException.class);
		// the county's reviewer finds it waiting; the city's does not, yet
		assertThat(reviewer(HUQIU, () -> applications.search(new ApplicationQuery(null, null, null, program.id(), true),
				org.chunfeng.platform.PageQuery.of(0, 50)).items())).extracting(SubsidyApplication::id)
			.containsExactly(submitted.id());
		assertThat(reviewer(CITY, () -> applications.search(new ApplicationQuery(null, null, null, program.id(), true),
				org.chunfeng.platform.PageQuery.of(0, 50)).items())).isEmpty();
		// another enterprise of the same district does not see it; a caseworker does not decide
		Enterprise other = SubsidyFixtures.enterprise(enterprises, HUQIU, 10);
		assertThat(enterpriseUser(other, () -> applications.find(submitted.id()))).isEmpty();
		assertThatThrownBy(() -> SubsidyFixtures.as(Role.CASEWORKER, HUQIU, null, null,
				() -> applications.decide(submitted.id(), 1, submitted.version(), Decision.APPROVE, null)))
			.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
		// an enterprise applies only for itself
		assertThatThrownBy(() -> enterpriseUser(other, () -> applications.submit(program.id(),
				Applicant.enterprise(enterprise.id()), trainees(a.id(), 1))))
			.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
	}

	@Test
	void aCaseworkerAppliesOnBehalfOfAnApplicantOfItsDistrictOnly() {
		SubsidyProgram program = workForTraining(100_000_000L);
		Enterprise enterprise = SubsidyFixtures.enterprise(enterprises, HUQIU, 50);
		Worker a = trainee(enterprise);
		SubsidyApplication submitted = SubsidyFixtures.as(Role.CASEWORKER, HUQIU, null, null,
				() -> applications.submit(program.id(), Applicant.enterprise(enterprise.id()), trainees(a.id(), 2)));
		assertThat(submitted.applicantName()).isEqualTo(enterprise.name());
		assertThat(submitted.submittedBy()).startsWith("test-caseworker");
		// the enterprise sees it as its own
		assertThat(enterpriseUser(enterprise, () -> applications.find(submitted.id()))).isPresent();
		// another district's caseworker cannot apply for it
		assertThatThrownBy(() -> SubsidyFixtures.as(Role.CASEWORKER, WUZHONG, null, null,
				() -> applications.submit(program.id(), Applicant.enterprise(enterprise.id()), trainees(a.id(), 2))))
			.isInstanceOf(NotFoundException.class);
		// a worker program is not for an enterprise, nor an enterprise program for a worker
		assertThatThrownBy(() -> workerUser(a,
				() -> applications.submit(program.id(), Applicant.worker(a.id()), trainees(a.id(), 2))))
			.isInstanceOf(RefusedException.class);
	}

	@Test
	void livingSubsidiesAreOnePerPersonAndMonthAcrossBothKinds() {
		LivingSubsidyParameters living = new LivingSubsidyParameters(PegBase.SUBSISTENCE_ALLOWANCE, 100_000L, 10_000, 3,
				12, true);
		SubsidyProgram temporary = SubsidyFixtures.openProgram(programs, ProgramKind.TEMPORARY_LIVING_SUBSIDY,
				Beneficiary.WORKER, living, 100_000_000L, List.of(ReviewLevel.COUNTY));
		Worker worker = SubsidyFixtures.worker(workers, HUQIU, null, EmploymentStatus.UNEMPLOYED_REGISTERED,
				FestivalPlan.STAYING_PUT);
		CaseFacts months = new CaseFacts(null, null, List.of(YearMonth.of(2027, 2), YearMonth.of(2027, 3)), 6, false,
				null, null);
		SubsidyApplication submitted = workerUser(worker,
				() -> applications.submit(temporary.id(), Applicant.worker(worker.id()), months));
		assertThat(submitted.assessment().eligible()).as(submitted.assessment().codes().toString()).isTrue();
		assertThat(submitted.assessment().amountFen()).isEqualTo(200_000L);
		SubsidyApplication approved = reviewer(HUQIU,
				() -> applications.decide(submitted.id(), 1, submitted.version(), Decision.APPROVE, null));
		assertThat(approved.status()).isEqualTo(ApplicationStatus.APPROVED);
		assertThat(entitlementsOf(approved)).singleElement()
			.satisfies(e -> assertThat(e.period()).isEqualTo("2027-02..2027-03"));
		// the unemployment subsidy for March again: refused at submission, naming the month
		LivingSubsidyParameters benefit = new LivingSubsidyParameters(PegBase.UNEMPLOYMENT_BENEFIT, 150_000L, 8_000, 6,
				null, false);
		SubsidyProgram unemployment = SubsidyFixtures.openProgram(programs, ProgramKind.UNEMPLOYMENT_SUBSIDY,
				Beneficiary.WORKER, benefit, 100_000_000L, List.of(ReviewLevel.COUNTY));
		assertThatThrownBy(() -> workerUser(worker, () -> applications.submit(unemployment.id(),
				Applicant.worker(worker.id()), new CaseFacts(null, null, List.of(YearMonth.of(2027, 3)), 6, false, null,
						null))))
			.isInstanceOfSatisfying(InvalidFieldsException.class, ex -> assertThat(ex.problems())
				.extracting(org.chunfeng.platform.InvalidRequestException::code)
				.contains("subsidy.application.months.granted"));
	}

	@Test
	void aWorkerAppliesForTheTrainingSubsidyOfACompletedReferralOnce() {
		SubsidyProgram program = SubsidyFixtures.openProgram(programs, ProgramKind.TRAINING_SUBSIDY, Beneficiary.WORKER,
				Templates.TRAINING_SUBSIDY_2021.parameters(), 100_000_000L, COUNTY_CITY);
		Worker worker = SubsidyFixtures.worker(workers, HUQIU, null, EmploymentStatus.SEEKING, FestivalPlan.STAYING_PUT);
		java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
		org.chunfeng.training.TrainingReferral completed = SubsidyFixtures.as(Role.CASEWORKER, HUQIU, null, null, () -> {
			org.chunfeng.training.TrainingProject project = trainings.create(HUQIU, new org.chunfeng.training.ProjectDetails(
					"虎丘职业培训学校", SubsidyFixtures.unique("电工培训"), "6-31-01-03", List.of("低压电工"), "",
					org.chunfeng.training.Delivery.OFFLINE, HUQIU, "金山路 8 号", today.minusDays(2), today.plusDays(30), 20, true,
					120_000L));
			org.chunfeng.training.TrainingReferral referred = trainings.refer(project.id(), worker.id(), null);
			org.chunfeng.training.TrainingReferral enrolled = trainings.enrol(referred.id(), referred.version());
			return trainings.complete(enrolled.id(), enrolled.version(), "CERT-1");
		});
		CaseFacts facts = new CaseFacts(null, completed.id(), null, null, null, null, null);
		SubsidyApplication submitted = workerUser(worker,
				() -> applications.submit(program.id(), Applicant.worker(worker.id()), facts));
		assertThat(submitted.assessment().eligible()).isTrue();
		assertThat(submitted.assessment().amountFen()).isEqualTo(120_000L);
		SubsidyApplication approved = approveAll(submitted);
		assertThat(entitlementsOf(approved)).singleElement()
			.satisfies(e -> assertThat(e.period()).isEqualTo("training-" + completed.id()));
		// the same completion again: approved by nobody (one claim per referral)
		SubsidyApplication again = workerUser(worker,
				() -> applications.submit(program.id(), Applicant.worker(worker.id()), facts));
		SubsidyApplication county = reviewer(HUQIU,
				() -> applications.decide(again.id(), 1, again.version(), Decision.APPROVE, null));
		assertThatThrownBy(() -> reviewer(CITY,
				() -> applications.decide(again.id(), 2, county.version(), Decision.APPROVE, null)))
			.isInstanceOf(org.chunfeng.payments.AlreadyEntitledException.class);
		// another worker cannot claim somebody else's referral
		Worker other = SubsidyFixtures.worker(workers, HUQIU, null, EmploymentStatus.SEEKING, FestivalPlan.STAYING_PUT);
		assertThatThrownBy(() -> workerUser(other,
				() -> applications.submit(program.id(), Applicant.worker(other.id()), facts)))
			.isInstanceOf(InvalidFieldsException.class);
	}

	@Test
	void anEnterpriseListsTheWorkersWhoStayedPut() {
		StayPutParameters parameters = (StayPutParameters) Templates.STAY_PUT_2021_TIANJIN.parameters();
		SubsidyProgram program = SubsidyFixtures.openProgram(programs, ProgramKind.STAY_PUT_SUBSIDY,
				Beneficiary.ENTERPRISE, parameters, 100_000_000L, COUNTY_CITY);
		Enterprise enterprise = SubsidyFixtures.enterprise(enterprises, HUQIU, 50);
		Worker stayed = trainee(enterprise);
		Worker went = SubsidyFixtures.worker(workers, HUQIU, enterprise.id(), EmploymentStatus.EMPLOYED,
				FestivalPlan.GOING_HOME_RETURNING);
		CaseFacts facts = new CaseFacts(null, null, null, null, null, List.of(
				new CaseFacts.Stayer(stayed.id(), null, 20, null), new CaseFacts.Stayer(went.id(), null, 20, null)),
				null);
		SubsidyApplication submitted = enterpriseUser(enterprise,
				() -> applications.submit(program.id(), Applicant.enterprise(enterprise.id()), facts));
		assertThat(submitted.assessment().amountFen()).isEqualTo(parameters.perWorkerFen());
		assertThat(submitted.assessment().codes()).contains("subsidy.reason.stayPut.notConfirmed");
		SubsidyApplication approved = approveAll(submitted);
		assertThat(entitlementsOf(approved)).singleElement()
			.satisfies(e -> assertThat(e.amountFen()).isEqualTo(parameters.perWorkerFen()));
	}

	@Test
	void theDatabaseRefusesMovesTheStateDoesNotAllow() {
		SubsidyProgram program = workForTraining(100_000_000L);
		Enterprise enterprise = SubsidyFixtures.enterprise(enterprises, HUQIU, 50);
		Worker a = trainee(enterprise);
		SubsidyApplication submitted = enterpriseUser(enterprise, () -> applications.submit(program.id(),
				Applicant.enterprise(enterprise.id()), trainees(a.id(), 2)));
		long id = submitted.id();
		List<String> attacks = List.of(
				// straight to approved, skipping the city
				"update subsidy_application set status = 'APPROVED', approved_fen = 100000, decided_at = now(), version = version + 1 where id = " + id,
				// the frozen case edited while in review
				"update subsidy_application set case_data = '{\"trainees\": []}', version = version + 1 where id = " + id,
				// another applicant
				"update subsidy_application set enterprise_id = enterprise_id + 1, version = version + 1 where id = " + id,
				// the version kept
				"update subsidy_application set status = 'IN_REVIEW', step = 2 where id = " + id,
				// gone
				"delete from subsidy_application where id = " + id,
				// born approved
				"insert into subsidy_application (program_id, kind, applicant_kind, enterprise_id, applicant_name, region_code, status, steps, facts, case_data, assessment, eligible, amount_fen, approved_fen, decided_at, submitted_by) "
						+ "select program_id, kind, applicant_kind, enterprise_id, applicant_name, region_code, 'APPROVED', steps, facts, case_data, assessment, eligible, amount_fen, 1, now(), 'sql' from subsidy_application where id = " + id);
		for (String attack : attacks) {
			assertThatThrownBy(() -> RegionScope.asSystem(() -> jdbc.sql(attack).update())).as(attack)
				.isInstanceOf(DataAccessException.class);
		}
		SubsidyApplication approved = approveAll(submitted);
		List<String> afterwards = List.of(
				"update subsidy_application set status = 'RETURNED', reason = 'x', version = version + 1 where id = " + id,
				"update subsidy_application set approved_fen = approved_fen * 2, version = version + 1 where id = " + id,
				"update subsidy_decision set decision = 'REJECT', reason = 'x' where application_id = " + id,
				"delete from subsidy_decision where application_id = " + id,
				"update subsidy_granted_unit set quantity = 1 where application_id = " + id,
				// an open program keeps its review steps
				"update subsidy_program set review_steps = '[\"CITY\"]' where id = " + program.id());
		for (String attack : afterwards) {
			assertThatThrownBy(() -> RegionScope.asSystem(() -> jdbc.sql(attack).update())).as(attack)
				.isInstanceOf(DataAccessException.class);
		}
		assertThat(reviewer(CITY, () -> applications.find(id)).orElseThrow()).satisfies(after -> {
			assertThat(after.status()).isEqualTo(ApplicationStatus.APPROVED);
			assertThat(after.approvedFen()).isEqualTo(approved.approvedFen());
		});
	}
}
