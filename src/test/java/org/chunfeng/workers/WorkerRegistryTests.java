package org.chunfeng.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.chunfeng.enterprises.Enterprise;
import org.chunfeng.enterprises.Enterprises;
import org.chunfeng.enterprises.NewEnterprise;
import org.chunfeng.identity.Accounts;
import org.chunfeng.identity.Actor;
import org.chunfeng.identity.NewAccount;
import org.chunfeng.identity.PersonalData;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.identity.Role;
import org.chunfeng.platform.ConflictException;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.platform.NotFoundException;
import org.chunfeng.platform.PageQuery;
import org.chunfeng.platform.Paged;
import org.chunfeng.platform.UpsertCounts;
import org.chunfeng.reference.MobileNumber;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.reference.ResidentIdNumber;
import org.chunfeng.support.TestPeople;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Attacks on the rules of the worker registry (optimistic locking, festival-plan history, imports, search, merges,
 * codes and the database's own constraints), on the shared test database: every test makes its own records and
 * counts only those.
 */
@SpringBootTest(webEnvironment = WebEnvironment.NONE)
class WorkerRegistryTests {

	/** 苏州市虎丘区. */
	private static final RegionCode HUQIU = RegionCode.of("320505");

	/** 苏州市吴中区. */
	private static final RegionCode WUZHONG = RegionCode.of("320506");

	/** 苏州市. */
	private static final RegionCode SUZHOU = RegionCode.of("320500");

	/** 安徽省临泉县: a home region of the festival plan. */
	private static final RegionCode LINQUAN = RegionCode.of("341221");

	private static final AtomicInteger NAMES = new AtomicInteger();

	/** Run-unique part of names, so that name searches only meet this run's records. */
	private static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36);

	private static final int ROUNDS = 10;

	@Autowired
	Workers workers;

	@Autowired
	Enterprises enterprises;

	@Autowired
	PersonalData personalData;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	Accounts accounts;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	// ---------------------------------------------------------------- optimistic locking

	@Test
	void aStaleUpdateIsRefusedWithTheCurrentVersionAndTheFirstWritersDataStay() {
		Worker registered = workers.register(seeker(HUQIU));
		int v = registered.version();

		Worker first = within(HUQIU, () -> workers.update(registered.id(), v,
				registered.profile().withOccupations(List.of("6-29-01-03")), PlanDetails.of(FestivalPlan.STAYING_PUT),
				null, null));
		assertThat(first.version()).isEqualTo(v + 1);
		assertThat(first.occupations()).containsExactly("6-29-01-03");

		assertThatThrownBy(() -> within(HUQIU, () -> workers.update(registered.id(), v,
				renamed(registered.profile(), "覆盖者"), PlanDetails.of(FestivalPlan.GOING_HOME_NOT_RETURNING), null,
				null)))
			.isInstanceOfSatisfying(ConflictException.class, ex -> {
				assertThat(ex.currentVersion()).isEqualTo(v + 1);
				assertThat(ex.key()).isEqualTo(String.valueOf(registered.id()));
			});

		Worker now = workers.find(registered.id()).orElseThrow();
		assertThat(now).isEqualTo(first);
		assertThat(now.name()).isEqualTo(registered.name());
		assertThat(now.festivalPlan()).isEqualTo(FestivalPlan.STAYING_PUT);
		assertThat(workers.planHistory(registered.id())).extracting(p -> p.details().plan())
			.containsExactly(FestivalPlan.STAYING_PUT, FestivalPlan.UNDECIDED);
	}

	@Test
	void twoConcurrentUpdatesFromTheSameVersionLetExactlyOneThrough() throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < ROUNDS; round++) {
				Worker registered = workers.register(seeker(HUQIU));
				int v = registered.version();
				List<Callable<Worker>> updates = new ArrayList<>();
				for (String name : List.of("甲方" + round, "乙方" + round)) {
					updates.add(() -> within(HUQIU, () -> workers.update(registered.id(), v,
							renamed(registered.profile(), name), registered.plan(), null, null)));
				}
				List<Outcome<Worker>> outcomes = race(threads, updates);

				List<Worker> succeeded = outcomes.stream().filter(Outcome::succeeded).map(Outcome::value).toList();
				assertThat(succeeded).as("round %d", round).hasSize(1);
				assertThat(outcomes).filteredOn(o -> !o.succeeded()).singleElement()
					.satisfies(o -> assertThat(o.failure()).isInstanceOfSatisfying(ConflictException.class,
							ex -> assertThat(ex.currentVersion()).isEqualTo(v + 1)));
				Worker stored = workers.find(registered.id()).orElseThrow();
				assertThat(stored.version()).isEqualTo(v + 1);
				assertThat(stored.name()).isEqualTo(succeeded.getFirst().name());
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void anUpdateMayNeitherReachNorMoveARecordOutsideTheCallersRegion() {
		Worker huqiu = workers.register(seeker(HUQIU));
		Worker wuzhong = workers.register(seeker(WUZHONG));

		assertThatThrownBy(() -> within(HUQIU, () -> workers.update(wuzhong.id(), wuzhong.version(),
				renamed(wuzhong.profile(), "越权"), wuzhong.plan(), null, null)))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> within(HUQIU, () -> workers.update(huqiu.id(), huqiu.version(),
				huqiu.profile().withResidence(WUZHONG), huqiu.plan(), null, null)))
			.isInstanceOfSatisfying(InvalidRequestException.class, ex -> assertThat(ex.field()).isEqualTo("residence"));

		assertThat(workers.find(wuzhong.id())).contains(wuzhong);
		assertThat(workers.find(huqiu.id())).contains(huqiu);
	}

	@Test
	void anUpdateWithoutPersonalNumbersKeepsTheStoredOnesAndNewOnesReplaceThem() {
		MobileNumber mobile = TestPeople.mobile();
		BankAccount bank = new BankAccount("中国农业银行苏州分行", "6228 4804 0256 4890 018");
		Worker registered = workers.register(new NewWorker(TestPeople.idNumber(), fullProfile(HUQIU, null), mobile,
				bank, PlanDetails.of(FestivalPlan.UNDECIDED), RegistrationSource.CASEWORKER));

		Worker kept = within(HUQIU, () -> workers.update(registered.id(), registered.version(),
				renamed(registered.profile(), "改名不改号"), registered.plan(), null, null));
		assertThat(kept.mobileMasked()).isEqualTo(mobile.masked());
		assertThat(kept.bankAccountMasked()).isEqualTo(bank.masked());
		assertThat(workers.reveal(kept.id(), PersonalNumber.MOBILE)).contains(mobile.value());
		assertThat(workers.reveal(kept.id(), PersonalNumber.BANK_ACCOUNT)).contains("6228480402564890018");

		MobileNumber newMobile = TestPeople.mobile();
		Worker replaced = within(HUQIU, () -> workers.update(kept.id(), kept.version(), kept.profile(), kept.plan(),
				newMobile, null));
		assertThat(replaced.mobileMasked()).isEqualTo(newMobile.masked());
		assertThat(workers.reveal(kept.id(), PersonalNumber.MOBILE)).contains(newMobile.value());
		assertThat(workers.findByMobile(newMobile)).extracting(Worker::id).containsExactly(kept.id());
		assertThat(workers.findByMobile(mobile)).extracting(Worker::id).doesNotContain(kept.id());
	}

	// ---------------------------------------------------------------- festival-plan history

	@Test
	void everyPlanChangeIsAppendedWithWhoMadeItAndUnchangedPlansAddNoVersion() {
		Enterprise employer = enterprise(HUQIU);
		Worker registered = workers.register(seeker(HUQIU));
		assertThat(registered.planVersion()).isEqualTo(1);
		assertThat(workers.planHistory(registered.id())).singleElement().satisfies(p -> {
			assertThat(p.version()).isEqualTo(1);
			assertThat(p.workerId()).isEqualTo(registered.id());
			assertThat(p.details()).isEqualTo(PlanDetails.of(FestivalPlan.UNDECIDED));
			assertThat(p.recordedBy()).isEqualTo("system");
		});

		PlanDetails goingHome = new PlanDetails(FestivalPlan.GOING_HOME_RETURNING, LocalDate.of(2027, 1, 28),
				LocalDate.of(2027, 2, 14), LINQUAN, employer.id(), " 坐大巴回临泉 ");
		Worker changed = as("test-huqiu", HUQIU, () -> workers.update(registered.id(), registered.version(),
				registered.profile(), goingHome, null, null));
		assertThat(changed.planVersion()).isEqualTo(2);
		assertThat(changed.plan()).isEqualTo(goingHome);
		assertThat(changed.plan().note()).isEqualTo("坐大巴回临泉");

		List<PlanVersion> history = workers.planHistory(registered.id());
		assertThat(history).extracting(PlanVersion::version).containsExactly(2, 1);
		assertThat(history.getFirst()).satisfies(p -> {
			assertThat(p.details()).isEqualTo(goingHome);
			assertThat(p.recordedBy()).isEqualTo("test-huqiu");
			assertThat(p.recordedAt()).isNotNull();
		});
		assertThat(history.getLast().details()).isEqualTo(PlanDetails.of(FestivalPlan.UNDECIDED));

		// the rest of the record changes, the plan does not: a new record version, no new plan version
		Worker renamed = as("test-huqiu", HUQIU, () -> workers.update(changed.id(), changed.version(),
				renamed(changed.profile(), "只改名字"), goingHome, null, null));
		assertThat(renamed.version()).isEqualTo(changed.version() + 1);
		assertThat(renamed.planVersion()).isEqualTo(2);
		assertThat(workers.planHistory(registered.id())).hasSize(2);

		// a detail alone is a change of plan
		PlanDetails laterReturn = new PlanDetails(FestivalPlan.GOING_HOME_RETURNING, LocalDate.of(2027, 1, 28),
				LocalDate.of(2027, 2, 20), LINQUAN, employer.id(), "坐大巴回临泉");
		Worker later = as("test-wuzhong-admin", SUZHOU, () -> workers.update(renamed.id(), renamed.version(),
				renamed.profile(), laterReturn, null, null));
		assertThat(later.planVersion()).isEqualTo(3);
		assertThat(workers.planHistory(registered.id())).extracting(PlanVersion::version, PlanVersion::recordedBy)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(3, "test-wuzhong-admin"),
					org.assertj.core.groups.Tuple.tuple(2, "test-huqiu"),
					org.assertj.core.groups.Tuple.tuple(1, "system"));
	}

	@Test
	void thePlanHistoryIsAppendOnlyForTheApplication() {
		Worker registered = workers.register(seeker(HUQIU));
		within(HUQIU, () -> workers.update(registered.id(), registered.version(), registered.profile(),
				PlanDetails.of(FestivalPlan.STAYING_PUT), null, null));
		List<PlanVersion> before = workers.planHistory(registered.id());
		assertThat(before).hasSize(2);

		assertThatThrownBy(() -> jdbc.sql("update festival_plan_history set plan = 'UNDECIDED' where worker_id = ?")
			.param(registered.id()).update())
			.isInstanceOf(DataAccessException.class)
			.rootCause().message().containsAnyOf("permission denied", "append-only");
		assertThatThrownBy(() -> jdbc.sql("delete from festival_plan_history where worker_id = ?")
			.param(registered.id()).update())
			.isInstanceOf(DataAccessException.class)
			.rootCause().message().containsAnyOf("permission denied", "append-only");
		assertThatThrownBy(() -> jdbc.sql("truncate festival_plan_history").update())
			.isInstanceOf(DataAccessException.class);

		assertThat(workers.planHistory(registered.id())).isEqualTo(before);
	}

	@Test
	void thePlanVersionCannotBeRewrittenPastTheTrigger() {
		Worker registered = workers.register(seeker(HUQIU));
		Worker changed = within(HUQIU, () -> workers.update(registered.id(), registered.version(),
				registered.profile(), PlanDetails.of(FestivalPlan.STAYING_PUT), null, null));
		assertThat(changed.planVersion()).isEqualTo(2);

		jdbc.sql("update worker set plan_version = 1 where id = ?").param(registered.id()).update();
		assertThat(workers.find(registered.id()).orElseThrow().planVersion()).isEqualTo(2);
		jdbc.sql("update worker set plan_version = 99, festival_plan = 'UNDECIDED' where id = ?").param(registered.id())
			.update();
		assertThat(workers.find(registered.id()).orElseThrow().planVersion()).isEqualTo(3);
		assertThat(workers.planHistory(registered.id())).extracting(PlanVersion::version).containsExactly(3, 2, 1);
	}

	@Test
	void planDetailsThatDoNotFitThePlanAreRefusedNotDropped() {
		LocalDate leave = LocalDate.of(2027, 1, 30);
		assertRefused(() -> new PlanDetails(FestivalPlan.GOING_HOME_RETURNING, leave, leave.minusDays(1), LINQUAN,
				null, null), "returnDate", "worker.plan.returnBeforeLeave");
		assertRefused(() -> new PlanDetails(FestivalPlan.GOING_HOME_NOT_RETURNING, leave, leave.plusDays(10), LINQUAN,
				null, null), "returnDate", "worker.plan.onlyWhenReturning");
		assertRefused(() -> new PlanDetails(FestivalPlan.GOING_HOME_NOT_RETURNING, leave, null, LINQUAN, 1L, null),
				"waitingEmployerId", "worker.plan.onlyWhenReturning");
		assertRefused(() -> new PlanDetails(FestivalPlan.STAYING_PUT, null, leave, null, null, null), "returnDate",
				"worker.plan.onlyWhenReturning");
		assertRefused(() -> new PlanDetails(FestivalPlan.STAYING_PUT, leave, null, null, null, null), "leaveDate",
				"worker.plan.onlyWhenGoingHome");
		assertRefused(() -> new PlanDetails(FestivalPlan.UNDECIDED, null, null, LINQUAN, null, null), "homeRegion",
				"worker.plan.onlyWhenGoingHome");
		assertRefused(() -> new PlanDetails(FestivalPlan.UNDECIDED, null, null, null, 1L, null), "waitingEmployerId",
				"worker.plan.onlyWhenReturning");
		assertRefused(() -> new PlanDetails(FestivalPlan.STAYING_PUT, null, null, null, null, "长".repeat(201)), "note",
				"worker.plan.note.length");
		assertRefused(() -> new PlanDetails(null, null, null, null, null, null), "plan", "problem.field.required");

		// what does fit is kept
		assertThat(new PlanDetails(FestivalPlan.GOING_HOME_RETURNING, leave, leave, LINQUAN, 1L, "  ").returnDate())
			.isEqualTo(leave);
		assertThat(new PlanDetails(FestivalPlan.GOING_HOME_NOT_RETURNING, leave, null, LINQUAN, null, null).homeRegion())
			.isEqualTo(LINQUAN);
		assertThat(new PlanDetails(FestivalPlan.STAYING_PUT, null, null, null, null, "长".repeat(200)).note())
			.hasSize(200);
		assertThat(new PlanDetails(FestivalPlan.UNDECIDED, null, null, null, null, "  ").note()).isNull();
	}

	// ---------------------------------------------------------------- the database's own constraints

	@Test
	void theDatabaseKeepsPlanDetailsConsistentEvenWithoutTheApplication() {
		long employer = enterprise(HUQIU).id();
		Worker staying = workers.register(TestPeople.worker(name("约束"), TestPeople.idNumber(), null, HUQIU, null,
				EmploymentStatus.SEEKING, null, Set.of(), FestivalPlan.STAYING_PUT, RegistrationSource.CASEWORKER));
		assertViolates("update worker set plan_return_date = '2020-01-01' where id = ?", staying.id(),
				"worker_plan_return_details");
		assertViolates("update worker set plan_waiting_employer_id = " + employer + " where id = ?", staying.id(),
				"worker_plan_return_details");
		assertViolates("update worker set plan_leave_date = '2020-01-01' where id = ?", staying.id(),
				"worker_plan_home_details");
		assertViolates("update worker set plan_home_region = '341221' where id = ?", staying.id(),
				"worker_plan_home_details");

		Worker returning = workers.register(new NewWorker(TestPeople.idNumber(), fullProfile(HUQIU, null), null, null,
				new PlanDetails(FestivalPlan.GOING_HOME_RETURNING, LocalDate.of(2027, 1, 28), LocalDate.of(2027, 2, 14),
						LINQUAN, null, null),
				RegistrationSource.CASEWORKER));
		assertViolates("update worker set plan_return_date = '2027-01-27' where id = ?", returning.id(),
				"worker_plan_dates");
		assertViolates("update worker set festival_plan = 'GOING_HOME_NOT_RETURNING' where id = ?", returning.id(),
				"worker_plan_return_details");
		assertViolates("update worker set merged_into = id where id = ?", returning.id(),
				"worker_not_merged_into_itself");
		assertViolates("update worker set bank_account_masked = '6228*****1234' where id = ?", returning.id(),
				"worker_bank_complete");
		assertViolates("update worker set employer_id = " + employer + " where id = ?", returning.id(),
				"worker_employer_when_employed");

		// nothing of it stuck, and the plan history saw none of it
		assertThat(workers.find(staying.id())).contains(staying);
		assertThat(workers.find(returning.id())).contains(returning);
		assertThat(workers.planHistory(staying.id())).hasSize(1);
		assertThat(workers.planHistory(returning.id())).hasSize(1);
	}

	@Test
	void unknownCodesInTheListsNameTheirField() {
		WorkerProfile base = fullProfile(HUQIU, null);
		assertRefusedOnRegister(base.withOccupations(List.of("6-29-01-01", "9-99-99-99")), "occupations");
		assertRefusedOnRegister(withPreferences(base, List.of("13", "99"), List.of(HUQIU)), "preferredIndustries");
		assertRefusedOnRegister(withPreferences(base, List.of("13"), List.of(HUQIU, RegionCode.of("110199"))),
				"preferredRegions");

		// the same on an edit and an import
		Worker registered = workers.register(new NewWorker(TestPeople.idNumber(), base, null, null,
				PlanDetails.of(FestivalPlan.UNDECIDED), RegistrationSource.CASEWORKER));
		assertThatThrownBy(() -> within(HUQIU, () -> workers.update(registered.id(), registered.version(),
				base.withOccupations(List.of("6-29-01-99")), registered.plan(), null, null)))
			.isInstanceOfSatisfying(InvalidRequestException.class,
					ex -> assertThat(ex.field()).isEqualTo("occupations"));
		assertThatThrownBy(() -> within(HUQIU, () -> workers.update(registered.id(), registered.version(),
				withPreferences(base, List.of("ZZ"), List.of()), registered.plan(), null, null)))
			.isInstanceOfSatisfying(InvalidRequestException.class,
					ex -> assertThat(ex.field()).isEqualTo("preferredIndustries"));
		ResidentIdNumber importedId = TestPeople.idNumber();
		assertThatThrownBy(() -> within(HUQIU, () -> workers.upsertAll(List.of(new NewWorker(importedId,
				withPreferences(base, List.of(), List.of(RegionCode.of("329999"))), null, null,
				PlanDetails.of(FestivalPlan.UNDECIDED), RegistrationSource.IMPORT)))))
			.isInstanceOfSatisfying(InvalidRequestException.class,
					ex -> assertThat(ex.field()).isEqualTo("preferredRegions"));
		assertThat(workers.find(registered.id())).contains(registered);
		assertThat(workers.findByIdNumber(importedId)).isEmpty();
	}

	// ---------------------------------------------------------------- imports

	@Test
	void reimportingTheSameRowsChangesNothingAndAChangedRowIsUpdatedOnce() {
		Enterprise employer = enterprise(HUQIU);
		MobileNumber mobile = TestPeople.mobile();
		BankAccount bank = new BankAccount("中国农业银行苏州分行", "6228480402564890018");
		List<NewWorker> rows = List.of(
				// every field filled in, so that every column's comparison is attacked
				new NewWorker(TestPeople.idNumber(), fullProfile(HUQIU, employer.id()), mobile, bank,
						new PlanDetails(FestivalPlan.GOING_HOME_RETURNING, LocalDate.of(2027, 1, 28),
								LocalDate.of(2027, 2, 14), LINQUAN, employer.id(), "导入备注"),
						RegistrationSource.IMPORT),
				new NewWorker(TestPeople.idNumber(), fullProfile(HUQIU, null), null, null,
						new PlanDetails(FestivalPlan.GOING_HOME_NOT_RETURNING, LocalDate.of(2027, 2, 1), null, LINQUAN,
								null, null),
						RegistrationSource.IMPORT),
				TestPeople.worker(name("导入"), TestPeople.idNumber(), TestPeople.mobile(), HUQIU, null,
						EmploymentStatus.SEEKING, null, Set.of(), FestivalPlan.UNDECIDED, RegistrationSource.IMPORT));

		assertThat(within(HUQIU, () -> workers.upsertAll(rows))).isEqualTo(new UpsertCounts(3, 0, 0));
		List<Worker> imported = rows.stream().map(r -> workers.findByIdNumber(r.idNumber()).orElseThrow()).toList();
		assertThat(imported).allSatisfy(w -> assertThat(workers.planHistory(w.id())).hasSize(1));
		Worker full = imported.getFirst();
		assertThat(full.mobileMasked()).isEqualTo(mobile.masked());
		assertThat(full.bankAccountMasked()).isEqualTo(bank.masked());
		assertThat(full.plan()).isEqualTo(rows.getFirst().plan());
		byte[][] sealed = sealedNumbers(full.id());

		assertThat(within(HUQIU, () -> workers.upsertAll(rows))).isEqualTo(new UpsertCounts(0, 0, 3));
		assertThat(rows.stream().map(r -> workers.findByIdNumber(r.idNumber()).orElseThrow()).toList())
			.isEqualTo(imported);
		assertThat(imported).allSatisfy(w -> assertThat(workers.planHistory(w.id())).hasSize(1));

		// one row changes (name only): one update; its personal numbers stay as they were sealed
		List<NewWorker> changed = new ArrayList<>(rows);
		NewWorker first = rows.getFirst();
		changed.set(0, new NewWorker(first.idNumber(), renamed(first.profile(), "导入改名"), first.mobile(),
				first.bank(), first.plan(), first.source()));
		assertThat(within(HUQIU, () -> workers.upsertAll(changed))).isEqualTo(new UpsertCounts(0, 1, 2));
		Worker updated = workers.find(full.id()).orElseThrow();
		assertThat(updated.name()).isEqualTo("导入改名");
		assertThat(updated.version()).isEqualTo(full.version() + 1);
		assertThat(updated.planVersion()).isEqualTo(1);
		assertThat(updated.mobileMasked()).isEqualTo(mobile.masked());
		assertThat(updated.bankAccountMasked()).isEqualTo(bank.masked());
		assertThat(updated.source()).isEqualTo(RegistrationSource.IMPORT);
		assertThat(updated.createdAt()).isEqualTo(full.createdAt());
		assertThat(updated.consentAt()).isEqualTo(full.consentAt());
		assertThat(workers.reveal(full.id(), PersonalNumber.MOBILE)).contains(mobile.value());
		assertThat(workers.reveal(full.id(), PersonalNumber.BANK_ACCOUNT)).contains(bank.number());
		assertThat(sealedNumbers(full.id())).isDeepEqualTo(sealed);
		assertThat(workers.find(imported.get(1).id())).contains(imported.get(1));
		assertThat(workers.find(imported.get(2).id())).contains(imported.get(2));

		// a changed plan in an import is a new plan version like any other
		changed.set(1, new NewWorker(rows.get(1).idNumber(), rows.get(1).profile(), null, null,
				PlanDetails.of(FestivalPlan.STAYING_PUT), RegistrationSource.IMPORT));
		assertThat(within(HUQIU, () -> workers.upsertAll(changed))).isEqualTo(new UpsertCounts(0, 1, 2));
		assertThat(workers.planHistory(imported.get(1).id())).extracting(PlanVersion::version).containsExactly(2, 1);
	}

	@Test
	void twoConcurrentImportsOfTheSameNewPersonLeaveOneRecordAndBothSucceed() throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			for (int round = 0; round < ROUNDS; round++) {
				ResidentIdNumber id = TestPeople.idNumber();
				MobileNumber mobile = TestPeople.mobile();
				// even rounds: the very same row twice; odd rounds: two versions of the person
				List<Callable<UpsertCounts>> imports = new ArrayList<>();
				for (int t = 0; t < 2; t++) {
					String name = round % 2 == 0 ? "并发导入" : "并发导入" + t;
					NewWorker row = TestPeople.worker(name, id, mobile, HUQIU, null, EmploymentStatus.SEEKING,
							"6-29-01-01", Set.of(KeyGroup.OLDER_WORKER), FestivalPlan.UNDECIDED,
							RegistrationSource.IMPORT);
					imports.add(() -> within(HUQIU, () -> workers.upsertAll(List.of(row))));
				}
				List<Outcome<UpsertCounts>> outcomes = race(threads, imports);

				assertThat(outcomes).as("round %d", round).allSatisfy(o -> assertThat(o.failure()).isNull());
				UpsertCounts sum = outcomes.stream().map(Outcome::value).reduce(UpsertCounts.NONE, UpsertCounts::plus);
				assertThat(sum.added()).as("round %d", round).isEqualTo(1);
				assertThat(sum.total()).isEqualTo(2);
				if (round % 2 == 0) {
					assertThat(sum.unchanged()).isEqualTo(1);
				}
				assertThat(jdbc.sql("select count(*) from worker where id_number_index = ?")
					.param(personalData.blindIndex(PersonalData.RESIDENT_ID_NUMBER, id.value()))
					.query(Long.class).single()).as("round %d", round).isEqualTo(1);
				Worker stored = workers.findByIdNumber(id).orElseThrow();
				assertThat(workers.planHistory(stored.id())).hasSize(1);
				assertThat(workers.reveal(stored.id(), PersonalNumber.MOBILE)).contains(mobile.value());
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	/**
	 * A file that names one person twice (common in spreadsheets) is either taken once or refused naming the ID
	 * number, as {@link Workers#registerAll} does; never a database error.
	 */
	@Test
	void anIdNumberRepeatedInOneImportIsTakenOnceOrRefusedByField() {
		NewWorker row = TestPeople.worker(name("重复"), TestPeople.idNumber(), null, HUQIU, null,
				EmploymentStatus.SEEKING, null, Set.of(), FestivalPlan.UNDECIDED, RegistrationSource.IMPORT);
		assertTakenOnceOrRefused(List.of(row, row), row.idNumber());

		Worker registered = workers.register(seeker(HUQIU));
		NewWorker again = TestPeople.worker(registered.name(), workers.reveal(registered.id(), PersonalNumber.ID_NUMBER)
			.map(ResidentIdNumber::parse).orElseThrow(), null, HUQIU, null, EmploymentStatus.SEEKING, null, Set.of(),
				FestivalPlan.STAYING_PUT, RegistrationSource.IMPORT);
		assertTakenOnceOrRefused(List.of(again, again), again.idNumber());
	}

	private void assertTakenOnceOrRefused(List<NewWorker> rows, ResidentIdNumber id) {
		try {
			UpsertCounts counts = within(HUQIU, () -> workers.upsertAll(rows));
			assertThat(counts.total()).isEqualTo(rows.size());
			assertThat(counts.added()).isLessThanOrEqualTo(1);
		}
		catch (InvalidRequestException refused) {
			assertThat(refused.field()).isEqualTo("idNumber");
		}
		assertThat(jdbc.sql("select count(*) from worker where id_number_index = ?")
			.param(personalData.blindIndex(PersonalData.RESIDENT_ID_NUMBER, id.value()))
			.query(Long.class).single()).isLessThanOrEqualTo(1);
	}

	@Test
	void anImportRowOutsideTheCallersRegionIsRefusedByField() {
		ResidentIdNumber id = TestPeople.idNumber();
		ResidentIdNumber inside = TestPeople.idNumber();
		List<NewWorker> rows = List.of(
				TestPeople.worker(name("区内"), inside, null, HUQIU, null, EmploymentStatus.SEEKING, null, Set.of(),
						FestivalPlan.UNDECIDED, RegistrationSource.IMPORT),
				TestPeople.worker(name("区外"), id, null, WUZHONG, null, EmploymentStatus.SEEKING, null, Set.of(),
						FestivalPlan.UNDECIDED, RegistrationSource.IMPORT));
		assertThatThrownBy(() -> within(HUQIU, () -> workers.upsertAll(rows)))
			.isInstanceOfSatisfying(InvalidRequestException.class, ex -> assertThat(ex.field()).isEqualTo("residence"));
		assertThat(workers.findByIdNumber(id)).isEmpty();
		assertThat(workers.findByIdNumber(inside)).isEmpty();
	}

	@Test
	void anImportNeverMovesAPersonRegisteredInAnotherDistrict() {
		ResidentIdNumber id = TestPeople.idNumber();
		Worker wuzhong = workers.register(TestPeople.worker(name("吴中人"), id, null, WUZHONG, null,
				EmploymentStatus.SEEKING, null, Set.of(), FestivalPlan.UNDECIDED, RegistrationSource.CASEWORKER));
		NewWorker claimed = TestPeople.worker(name("虎丘抢人"), id, null, HUQIU, null, EmploymentStatus.SEEKING, null,
				Set.of(), FestivalPlan.STAYING_PUT, RegistrationSource.IMPORT);

		assertThat(within(HUQIU, () -> workers.registeredElsewhere(List.of(id)))).containsExactly(id.value());
		assertThatThrownBy(() -> within(HUQIU, () -> workers.upsertAll(List.of(claimed))))
			.isInstanceOf(RuntimeException.class);
		assertThat(workers.find(wuzhong.id())).contains(wuzhong);
	}

	@Test
	void registeredElsewhereNamesOnlyThePeopleOutsideTheCallersRegion() {
		ResidentIdNumber huqiu = TestPeople.idNumber();
		ResidentIdNumber wuzhong = TestPeople.idNumber();
		ResidentIdNumber nowhere = TestPeople.idNumber();
		workers.register(TestPeople.worker(name("本区"), huqiu, null, HUQIU, null, EmploymentStatus.SEEKING, null,
				Set.of(), FestivalPlan.UNDECIDED, RegistrationSource.CASEWORKER));
		workers.register(TestPeople.worker(name("外区"), wuzhong, null, WUZHONG, null, EmploymentStatus.SEEKING, null,
				Set.of(), FestivalPlan.UNDECIDED, RegistrationSource.CASEWORKER));
		List<ResidentIdNumber> asked = List.of(huqiu, wuzhong, nowhere);

		assertThat(within(HUQIU, () -> workers.registeredElsewhere(asked))).containsExactly(wuzhong.value());
		assertThat(within(WUZHONG, () -> workers.registeredElsewhere(asked))).containsExactly(huqiu.value());
		assertThat(within(SUZHOU, () -> workers.registeredElsewhere(asked))).isEmpty();
		assertThat(workers.registeredElsewhere(asked)).isEmpty();
		assertThat(within(HUQIU, () -> workers.registeredElsewhere(List.of()))).isEmpty();
		// the lookup leaves the caller's scope as it was, for the rest of the transaction
		within(HUQIU, () -> new TransactionTemplate(transactions).execute(tx -> {
			assertThat(jdbc.sql("select count(*) from worker_indexes_outside_scope(array[]::bytea[])").query(Long.class)
				.single()).isZero();
			assertThat(jdbc.sql("select current_setting('chunfeng.scope')").query(String.class).single())
				.isEqualTo("320505");
			assertThat(jdbc.sql("select count(*) from worker where residence_region = '320506'").query(Long.class)
				.single()).isZero();
			return null;
		}));
	}

	// ---------------------------------------------------------------- search

	@Test
	void searchFindsByEveryFilterWithinTheCallersRegionOnly() {
		String tag = name("搜");
		Worker jia = workers.register(TestPeople.worker(tag + "甲", TestPeople.idNumber(), TestPeople.mobile(), HUQIU,
				null, EmploymentStatus.SEEKING, "6-29-01-01", Set.of(KeyGroup.OLDER_WORKER), FestivalPlan.STAYING_PUT,
				RegistrationSource.CASEWORKER));
		ResidentIdNumber yiId = TestPeople.idNumber();
		Worker yi = workers.register(TestPeople.worker(tag + "乙", yiId, TestPeople.mobile(), HUQIU, null,
				EmploymentStatus.UNEMPLOYED_REGISTERED, "6-29-03-01", Set.of(KeyGroup.DISABILITY),
				FestivalPlan.GOING_HOME_RETURNING, RegistrationSource.CASEWORKER));
		MobileNumber bingMobile = TestPeople.mobile();
		Worker bing = workers.register(TestPeople.worker(tag + "丙", TestPeople.idNumber(), bingMobile, HUQIU, null,
				EmploymentStatus.SEEKING, "4-01-02-01", Set.of(), FestivalPlan.UNDECIDED, RegistrationSource.CASEWORKER));
		ResidentIdNumber dingId = TestPeople.idNumber();
		Worker ding = workers.register(TestPeople.worker(tag + "丁", dingId, TestPeople.mobile(), WUZHONG, null,
				EmploymentStatus.SEEKING, "6-29-01-01", Set.of(KeyGroup.OLDER_WORKER), FestivalPlan.STAYING_PUT,
				RegistrationSource.CASEWORKER));
		ResidentIdNumber wuId = TestPeople.idNumber();
		Worker wu = workers.register(TestPeople.worker(tag + "戊", wuId, TestPeople.mobile(), HUQIU, null,
				EmploymentStatus.SEEKING, "6-29-01-01", Set.of(KeyGroup.OLDER_WORKER), FestivalPlan.STAYING_PUT,
				RegistrationSource.CASEWORKER));
		workers.merge(jia.id(), wu.id());

		within(HUQIU, () -> {
			assertThat(ids(query(tag, null, null, null, null))).containsExactlyInAnyOrder(jia.id(), yi.id(), bing.id());
			assertThat(ids(query(tag + "甲", null, null, null, null))).containsExactly(jia.id());
			assertThat(ids(query(yiId.value(), null, null, null, null))).containsExactly(yi.id());
			assertThat(ids(query(" " + yiId.value().substring(0, 6) + " " + yiId.value().substring(6), null, null, null,
					null))).containsExactly(yi.id());
			assertThat(ids(query(bingMobile.value(), null, null, null, null))).containsExactly(bing.id());
			assertThat(ids(query(tag, KeyGroup.OLDER_WORKER, null, null, null))).containsExactly(jia.id());
			assertThat(ids(query(tag, KeyGroup.DISABILITY, null, null, null))).containsExactly(yi.id());
			assertThat(ids(query(tag, null, FestivalPlan.GOING_HOME_RETURNING, null, null))).containsExactly(yi.id());
			assertThat(ids(query(tag, null, FestivalPlan.GOING_HOME_NOT_RETURNING, null, null))).isEmpty();
			assertThat(ids(query(tag, null, null, "6-29-01-01", null))).containsExactly(jia.id());
			assertThat(ids(query(tag, null, null, "6-29", null))).containsExactlyInAnyOrder(jia.id(), yi.id());
			assertThat(ids(query(tag, null, null, "6-29-03", null))).containsExactly(yi.id());
			assertThat(ids(query(tag, null, null, "4", null))).containsExactly(bing.id());
			assertThat(ids(query(tag, null, null, null, HUQIU))).containsExactlyInAnyOrder(jia.id(), yi.id(), bing.id());
			assertThat(workers.search(new WorkerQuery(tag, null, EmploymentStatus.UNEMPLOYED_REGISTERED, null, null,
					null), PageQuery.of(0, 20)).items()).extracting(Worker::id).containsExactly(yi.id());
			// another district's people are not there, not even by their ID number
			assertThat(ids(query(tag, null, null, null, WUZHONG))).isEmpty();
			assertThat(ids(query(dingId.value(), null, null, null, null))).isEmpty();
			// a merged record is not there either
			assertThat(ids(query(wuId.value(), null, null, null, null))).isEmpty();
			assertThat(ids(query(tag + "戊", null, null, null, null))).isEmpty();
			// wildcards are literal characters
			assertThat(ids(query(tag + "_", null, null, null, null))).isEmpty();
			assertThat(ids(query(tag + "%", null, null, null, null))).isEmpty();
			return null;
		});
		within(WUZHONG, () -> {
			assertThat(ids(query(tag, null, null, null, null))).containsExactly(ding.id());
			assertThat(ids(query(yiId.value(), null, null, null, null))).isEmpty();
			return null;
		});
		within(SUZHOU, () -> {
			assertThat(ids(query(tag, null, null, null, null))).containsExactlyInAnyOrder(jia.id(), yi.id(), bing.id(),
					ding.id());
			assertThat(ids(query(tag, null, null, null, WUZHONG))).containsExactly(ding.id());
			assertThat(ids(query(tag, null, null, "6-29-01-01", SUZHOU))).containsExactlyInAnyOrder(jia.id(), ding.id());
			assertThat(ids(query(dingId.value(), null, null, null, null))).containsExactly(ding.id());

			List<Long> streamed = new ArrayList<>();
			workers.forEach(new WorkerQuery(tag, null, null, null, null, null), w -> streamed.add(w.id()));
			assertThat(streamed).containsExactlyElementsOf(workers.search(new WorkerQuery(tag, null, null, null, null,
					null), PageQuery.of(0, 20)).items().stream().map(Worker::id).toList());
			return null;
		});
	}

	@Test
	void searchPagesAddUpToTheTotal() {
		String tag = name("页");
		Set<Long> registered = new HashSet<>();
		for (int i = 0; i < 5; i++) {
			registered.add(workers.register(TestPeople.worker(tag + i, HUQIU)).id());
		}
		workers.register(TestPeople.worker(tag + "外", WUZHONG));
		within(HUQIU, () -> {
			WorkerQuery query = new WorkerQuery(tag, null, null, null, null, null);
			Paged<Worker> first = workers.search(query, PageQuery.of(0, 2));
			Paged<Worker> second = workers.search(query, PageQuery.of(1, 2));
			Paged<Worker> third = workers.search(query, PageQuery.of(2, 2));
			Paged<Worker> beyond = workers.search(query, PageQuery.of(3, 2));
			assertThat(List.of(first, second, third, beyond)).allSatisfy(p -> {
				assertThat(p.totalElements()).isEqualTo(5);
				assertThat(p.totalPages()).isEqualTo(3);
			});
			assertThat(first.items()).hasSize(2);
			assertThat(second.items()).hasSize(2);
			assertThat(third.items()).hasSize(1);
			assertThat(beyond.items()).isEmpty();
			assertThat(first.hasNext()).isTrue();
			assertThat(third.hasNext()).isFalse();
			List<Long> all = new ArrayList<>();
			List.of(first, second, third).forEach(p -> p.items().forEach(w -> all.add(w.id())));
			assertThat(all).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(registered);
			assertThat(all.stream().map(id -> workers.find(id).orElseThrow().name()).toList()).isSorted();
			return null;
		});
	}

	// ---------------------------------------------------------------- merges

	@Test
	void aMergedRecordIsReadOnlyHiddenFromSearchAndItsPlansFollowTheKeptOne() {
		Worker keep = workers.register(seeker(HUQIU));
		Worker duplicate = workers.register(seeker(HUQIU));
		Worker changed = within(HUQIU, () -> workers.update(duplicate.id(), duplicate.version(), duplicate.profile(),
				PlanDetails.of(FestivalPlan.STAYING_PUT), null, null));

		Worker kept = within(HUQIU, () -> workers.merge(keep.id(), duplicate.id()));
		assertThat(kept.id()).isEqualTo(keep.id());
		assertThat(kept.merged()).isFalse();
		assertThat(kept.version()).isGreaterThan(keep.version());
		Worker merged = workers.find(duplicate.id()).orElseThrow();
		assertThat(merged.mergedInto()).isEqualTo(keep.id());
		assertThat(merged.version()).isGreaterThan(changed.version());
		assertThat(workers.mergedInto(keep.id())).extracting(Worker::id).containsExactly(duplicate.id());

		assertThat(workers.planHistory(keep.id())).extracting(PlanVersion::workerId, PlanVersion::version)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(keep.id(), 1),
					org.assertj.core.groups.Tuple.tuple(duplicate.id(), 1),
					org.assertj.core.groups.Tuple.tuple(duplicate.id(), 2));

		assertThatThrownBy(() -> within(HUQIU, () -> workers.update(merged.id(), merged.version(),
				renamed(merged.profile(), "改合并后的"), merged.plan(), null, null)))
			.isInstanceOf(InvalidRequestException.class);
		assertThat(workers.find(merged.id())).contains(merged);

		within(HUQIU, () -> {
			assertThat(ids(new WorkerQuery(merged.name(), null, null, null, null, null))).isEmpty();
			assertThat(ids(new WorkerQuery(keep.name(), null, null, null, null, null))).containsExactly(keep.id());
			return null;
		});
	}

	/** {@link Workers#merge}: "the employer links, accounts and plan history follow the kept record". */
	@Test
	void theWorkersOwnAccountFollowsTheKeptRecord() {
		Worker keep = workers.register(seeker(HUQIU));
		Worker duplicate = workers.register(seeker(HUQIU));
		String username = "test-merge-" + RUN + "-" + NAMES.incrementAndGet();
		accounts.create(new NewAccount(username, "合并账号", "merge-password-2027", Role.WORKER, HUQIU, null, Set.of(),
				null, duplicate.id(), false));

		within(HUQIU, () -> workers.merge(keep.id(), duplicate.id()));

		assertThat(accounts.findByUsername(username).orElseThrow().worker()).isEqualTo(keep.id());
	}

	@Test
	void mergingIntoOrFromAMergedRecordOrIntoItselfIsRefused() {
		Worker a = workers.register(seeker(HUQIU));
		Worker b = workers.register(seeker(HUQIU));
		Worker c = workers.register(seeker(HUQIU));
		Worker other = workers.register(seeker(WUZHONG));
		workers.merge(a.id(), b.id());

		assertRefusedMerge(a.id(), a.id(), "duplicateId");
		assertRefusedMerge(b.id(), c.id(), "keepId");
		assertRefusedMerge(c.id(), b.id(), "duplicateId");
		assertRefusedMerge(a.id(), b.id(), "duplicateId");
		assertThatThrownBy(() -> within(HUQIU, () -> workers.merge(a.id(), other.id())))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> within(HUQIU, () -> workers.merge(other.id(), a.id())))
			.isInstanceOf(NotFoundException.class);
		assertThat(workers.find(other.id())).contains(other);
		assertThat(workers.find(c.id()).orElseThrow().merged()).isFalse();
		assertThat(workers.find(b.id()).orElseThrow().mergedInto()).isEqualTo(a.id());
	}

	@Test
	void mergingTheKeptRecordOfAnEarlierMergeTakesItsDuplicatesAlong() {
		Worker a = workers.register(seeker(HUQIU));
		Worker b = workers.register(seeker(HUQIU));
		Worker c = workers.register(seeker(HUQIU));
		workers.merge(a.id(), b.id());
		workers.merge(c.id(), a.id());

		assertThat(workers.find(a.id()).orElseThrow().mergedInto()).isEqualTo(c.id());
		assertThat(workers.find(b.id()).orElseThrow().mergedInto()).as("chains stay one step long").isEqualTo(c.id());
		assertThat(workers.mergedInto(c.id())).extracting(Worker::id).containsExactly(a.id(), b.id());
		assertThat(workers.planHistory(c.id())).extracting(PlanVersion::workerId)
			.containsExactlyInAnyOrder(a.id(), b.id(), c.id());
	}

	@Test
	void twoCrossedMergesAtOnceNeverBothSucceed() throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(2);
		List<Long> own = new ArrayList<>();
		try {
			for (int round = 0; round < ROUNDS; round++) {
				Worker a = workers.register(seeker(HUQIU));
				Worker b = workers.register(seeker(HUQIU));
				own.add(a.id());
				own.add(b.id());
				List<Outcome<Worker>> outcomes = race(threads, List.of(
						() -> within(HUQIU, () -> workers.merge(a.id(), b.id())),
						() -> within(HUQIU, () -> workers.merge(b.id(), a.id()))));

				assertThat(outcomes).as("round %d", round).filteredOn(Outcome::succeeded).hasSize(1);
				assertThat(outcomes).filteredOn(o -> !o.succeeded()).singleElement()
					.satisfies(o -> assertThat(o.failure()).isInstanceOf(InvalidRequestException.class));
				Worker storedA = workers.find(a.id()).orElseThrow();
				Worker storedB = workers.find(b.id()).orElseThrow();
				assertThat(storedA.merged() ^ storedB.merged()).as("round %d: exactly one merged", round).isTrue();
				assertThat(storedA.merged() ? storedA.mergedInto() : storedB.mergedInto())
					.isEqualTo(storedA.merged() ? b.id() : a.id());
			}
			assertThat(jdbc.sql("""
					select count(*) from worker w join worker k on k.id = w.merged_into
					where k.merged_into is not null and w.id = any(?)""").param(own.toArray(Long[]::new))
				.query(Long.class).single())
				.as("no record is merged into a merged record").isZero();
		}
		finally {
			threads.shutdownNow();
		}
	}

	/**
	 * A merged enterprise is read-only and its workers follow the kept record ({@code EmployerMerges}); a new link to
	 * it must be refused (or follow the kept record too), else a worker points at a read-only record after all.
	 */
	@Test
	void noWorkerCanBeLinkedToAMergedEmployer() {
		Enterprise keep = enterprise(HUQIU);
		Enterprise duplicate = enterprise(HUQIU);
		enterprises.merge(keep.id(), duplicate.id());

		ResidentIdNumber registeredId = TestPeople.idNumber();
		assertNotLinkedToAMergedEmployer("employerId", registeredId, () -> workers.register(TestPeople.worker(
				name("受雇"), registeredId, null, HUQIU, duplicate.id(), EmploymentStatus.EMPLOYED, null, Set.of(),
				FestivalPlan.STAYING_PUT, RegistrationSource.CASEWORKER)));

		ResidentIdNumber returningId = TestPeople.idNumber();
		assertNotLinkedToAMergedEmployer("waitingEmployerId", returningId, () -> workers.register(new NewWorker(
				returningId, WorkerProfile.basic(name("返岗"), HUQIU, EmploymentStatus.SEEKING), null, null,
				new PlanDetails(FestivalPlan.GOING_HOME_RETURNING, null, null, null, duplicate.id(), null),
				RegistrationSource.CASEWORKER)));

		ResidentIdNumber importedId = TestPeople.idNumber();
		assertNotLinkedToAMergedEmployer("employerId", importedId, () -> workers.upsertAll(List.of(TestPeople.worker(
				name("导入受雇"), importedId, null, HUQIU, duplicate.id(), EmploymentStatus.EMPLOYED, null, Set.of(),
				FestivalPlan.STAYING_PUT, RegistrationSource.IMPORT))));

		ResidentIdNumber updatedId = TestPeople.idNumber();
		Worker seeking = workers.register(TestPeople.worker(name("改雇主"), updatedId, null, HUQIU, null,
				EmploymentStatus.SEEKING, null, Set.of(), FestivalPlan.STAYING_PUT, RegistrationSource.CASEWORKER));
		assertNotLinkedToAMergedEmployer("employerId", updatedId, () -> workers.update(seeking.id(),
				seeking.version(), seeking.profile().withEmployer(duplicate.id()), seeking.plan(), null, null));
	}

	private void assertNotLinkedToAMergedEmployer(String field, ResidentIdNumber id, Supplier<?> write) {
		try {
			within(HUQIU, write);
		}
		catch (InvalidRequestException refused) {
			assertThat(refused.field()).isEqualTo(field);
		}
		assertThat(jdbc.sql("""
				select count(*) from worker w
				join enterprise e on e.id = w.employer_id or e.id = w.plan_waiting_employer_id
				where e.merged_into is not null and w.id_number_index = ?""")
			.param(personalData.blindIndex(PersonalData.RESIDENT_ID_NUMBER, id.value()))
			.query(Long.class).single()).as("%s linked to a merged enterprise", field).isZero();
	}

	// ---------------------------------------------------------------- helpers

	private record Outcome<T>(T value, Throwable failure) {

		boolean succeeded() {
			return failure == null;
		}
	}

	/** Runs the tasks on the pool, released together, and collects how each ended (bounded: no task waits long). */
	private static <T> List<Outcome<T>> race(ExecutorService threads, List<Callable<T>> tasks) throws Exception {
		CountDownLatch ready = new CountDownLatch(tasks.size());
		CountDownLatch start = new CountDownLatch(1);
		List<Future<T>> futures = new ArrayList<>();
		for (Callable<T> task : tasks) {
			futures.add(threads.submit(() -> {
				ready.countDown();
				if (!start.await(30, TimeUnit.SECONDS)) {
					throw new IllegalStateException("not started");
				}
				return task.call();
			}));
		}
		assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
		start.countDown();
		List<Outcome<T>> outcomes = new ArrayList<>();
		for (Future<T> future : futures) {
			try {
				outcomes.add(new Outcome<>(future.get(60, TimeUnit.SECONDS), null));
			}
			catch (ExecutionException ex) {
				outcomes.add(new Outcome<>(null, ex.getCause()));
			}
		}
		return outcomes;
	}

	private static <T> T within(RegionCode region, Supplier<T> work) {
		return RegionScope.within(region, work);
	}

	/** Runs work as a signed-in user of a region: the database records the username (e.g. in the plan history). */
	private static <T> T as(String username, RegionCode region, Supplier<T> work) {
		Actor actor = new Actor(-1, username, username, Role.CASEWORKER, region, null, Set.of(), null, null);
		Actor.Holder holder = () -> actor;
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(new TestingAuthenticationToken(holder, null, "ROLE_CASEWORKER"));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private static String name(String prefix) {
		return prefix + RUN + "-" + NAMES.incrementAndGet() + "号";
	}

	private static NewWorker seeker(RegionCode residence) {
		return TestPeople.worker(name("登记"), residence);
	}

	private static WorkerProfile renamed(WorkerProfile p, String name) {
		return new WorkerProfile(name, p.residence(), p.address(), p.employerId(), p.status(), p.occupations(),
				p.skills(), p.education(), p.expectedWage(), p.preferredIndustries(), p.preferredRegions(),
				p.keyGroups(), p.consent());
	}

	private static WorkerProfile withPreferences(WorkerProfile p, List<String> industries, List<RegionCode> regions) {
		return new WorkerProfile(p.name(), p.residence(), p.address(), p.employerId(), p.status(), p.occupations(),
				p.skills(), p.education(), p.expectedWage(), industries, regions, p.keyGroups(), p.consent());
	}

	/** Every optional field filled in. */
	private static WorkerProfile fullProfile(RegionCode residence, Long employer) {
		return new WorkerProfile(name("全"), residence, "虎丘区狮山路1号", employer,
				employer == null ? EmploymentStatus.SEEKING : EmploymentStatus.EMPLOYED,
				List.of("6-29-01-01", "6-29-03-01"), List.of("电焊", "叉车证"), Education.SECONDARY_VOCATIONAL, 6500,
				List.of("13", "702", "C"), List.of(HUQIU, WUZHONG), EnumSet.of(KeyGroup.OLDER_WORKER,
						KeyGroup.LIFTED_OUT_OF_POVERTY),
				true);
	}

	private Enterprise enterprise(RegionCode region) {
		return enterprises.register(new NewEnterprise(TestPeople.creditCode(), name("苏州测试企业"), region, null, "13",
				25, null, false));
	}

	private Paged<Worker> query(String text, KeyGroup group, FestivalPlan plan, String occupation, RegionCode region) {
		return workers.search(new WorkerQuery(text, region, null, group, plan, occupation), PageQuery.of(0, 50));
	}

	private static List<Long> ids(Paged<Worker> page) {
		return page.items().stream().map(Worker::id).toList();
	}

	private List<Long> ids(WorkerQuery query) {
		return ids(workers.search(query, PageQuery.of(0, 50)));
	}

	private byte[][] sealedNumbers(long id) {
		return jdbc.sql("select mobile_sealed, bank_account_sealed from worker where id = ?").param(id)
			.query((rs, n) -> new byte[][] { rs.getBytes(1), rs.getBytes(2) })
			.single();
	}

	private void assertViolates(String sql, long id, String constraint) {
		assertThatThrownBy(() -> jdbc.sql(sql).param(id).update())
			.as(sql)
			.isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining(constraint);
	}

	private void assertRefusedOnRegister(WorkerProfile profile, String field) {
		ResidentIdNumber id = TestPeople.idNumber();
		assertThatThrownBy(() -> within(HUQIU, () -> workers.register(new NewWorker(id, profile, null, null,
				PlanDetails.of(FestivalPlan.UNDECIDED), RegistrationSource.CASEWORKER))))
			.isInstanceOfSatisfying(InvalidRequestException.class, ex -> assertThat(ex.field()).isEqualTo(field));
		assertThat(workers.findByIdNumber(id)).isEmpty();
	}

	private void assertRefusedMerge(long keepId, long duplicateId, String field) {
		assertThatThrownBy(() -> within(HUQIU, () -> workers.merge(keepId, duplicateId)))
			.isInstanceOfSatisfying(InvalidRequestException.class, ex -> assertThat(ex.field()).isEqualTo(field));
	}

	private static void assertRefused(Runnable construction, String field, String code) {
		assertThatThrownBy(construction::run).isInstanceOfSatisfying(InvalidRequestException.class, ex -> {
			assertThat(ex.field()).isEqualTo(field);
			assertThat(ex.code()).isEqualTo(code);
		});
	}
}
