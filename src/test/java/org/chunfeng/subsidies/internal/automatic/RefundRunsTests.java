package org.chunfeng.subsidies.internal.automatic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.chunfeng.enterprises.Enterprise;
import org.chunfeng.enterprises.Enterprises;
import org.chunfeng.enterprises.EvidenceSource;
import org.chunfeng.enterprises.InsuranceYear;
import org.chunfeng.enterprises.NewEnterprise;
import org.chunfeng.enterprises.SizeClass;
import org.chunfeng.identity.Actor;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.identity.Role;
import org.chunfeng.payments.BatchStatus;
import org.chunfeng.payments.Entitlement;
import org.chunfeng.payments.Entitlements;
import org.chunfeng.payments.PayeeKind;
import org.chunfeng.payments.PaymentBatch;
import org.chunfeng.payments.PaymentBatches;
import org.chunfeng.platform.RefusedException;
import org.chunfeng.reference.Money;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.subsidies.ProgramDetails;
import org.chunfeng.subsidies.SubsidyProgram;
import org.chunfeng.subsidies.SubsidyPrograms;
import org.chunfeng.subsidies.rules.ProgramTemplate;
import org.chunfeng.subsidies.rules.Templates;
import org.chunfeng.support.TestPeople;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The automatic refund run on a handful of enterprises of 常州 (320400, a city no other test uses) with the real 2021
 * parameters (template refund-2021). Each test uses its own policy year, so that it assesses only its own enterprises'
 * evidence. Runs are queued without their task and executed on the test's thread (no waiting); one test goes through
 * db-scheduler.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class RefundRunsTests {

	static final RegionCode CITY = RegionCode.of("320400");
	static final RegionCode TIANNING = RegionCode.of("320402");
	static final RegionCode ZHONGLOU = RegionCode.of("320404");

	@Autowired
	RefundRuns runs;

	@Autowired
	SubsidyPrograms programs;

	@Autowired
	Enterprises enterprises;

	@Autowired
	Entitlements entitlements;

	@Autowired
	PaymentBatches batches;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	static void signIn(Role role, RegionCode region) {
		Actor actor = new Actor(0, "refund-" + role.name().toLowerCase(java.util.Locale.ROOT), "测试", role, region, null,
				Set.of(), null, null);
		Actor.Holder holder = () -> actor;
		SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken(holder, null,
				List.of(new SimpleGrantedAuthority("ROLE_" + role.name()))));
	}

	static <T> T asAdmin(RegionCode region, Supplier<T> work) {
		signIn(Role.ADMINISTRATOR, region);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	/** An open program of {@code region} with the template's rules for {@code policyYear}, taking cases today. */
	SubsidyProgram program(ProgramTemplate template, RegionCode region, int policyYear, long budgetFen) {
		return asAdmin(CITY, () -> {
			long templateId = RegionScope.asSystem(() -> jdbc.sql("select id from subsidy_program where template_key = ?")
				.param(template.key()).query(Long.class).single());
			SubsidyProgram draft = programs.copy(templateId, region, policyYear,
					"常州稳岗返还 " + policyYear + " " + System.nanoTime());
			ProgramDetails d = draft.details();
			LocalDate today = LocalDate.now();
			SubsidyProgram revised = programs.revise(draft.id(), draft.version(), new ProgramDetails(d.name(),
					d.beneficiary(), policyYear, budgetFen, today.minusDays(1), today.plusDays(30), d.basis(),
					d.parameters()));
			return programs.open(revised.id(), revised.version());
		});
	}

	/** An enterprise of industry 39 (manufacturing) with its evidence at the end of two years. */
	Enterprise enterprise(RegionCode region, String name, int employees, long revenueYuan, boolean dispatch,
			int assessedYear, Integer insuredBefore, int insuredAfter, long premiumsFen) {
		return RegionScope.asSystem(() -> {
			Enterprise e = enterprises.register(new NewEnterprise(TestPeople.creditCode(), name + System.nanoTime(),
					region, null, "39", employees, null, dispatch, revenueYuan, revenueYuan));
			if (insuredBefore != null) {
				enterprises.recordInsurance(e.id(), new InsuranceYear(assessedYear - 1, insuredBefore,
						Money.ofFen(premiumsFen), EvidenceSource.IMPORT, null));
			}
			enterprises.recordInsurance(e.id(), new InsuranceYear(assessedYear, insuredAfter, Money.ofFen(premiumsFen),
					EvidenceSource.IMPORT, null));
			return e;
		});
	}

	/** Queued as an administrator of the program's city, executed here. */
	RefundRun run(SubsidyProgram program) {
		RefundRun queued = asAdmin(CITY, () -> runs.start(program.id(), false));
		assertThat(queued.status()).isEqualTo(RefundRunStatus.QUEUED);
		runs.execute(queued.id());
		return RegionScope.asSystem(() -> runs.find(queued.id())).orElseThrow();
	}

	List<Entitlement> granted(RefundRun run) {
		return RegionScope.asSystem(() -> entitlements.bySource("automatic-refund:" + run.id()));
	}

	@Test
	void the2021RulesRefundTheEligibleEnterprisesOnceAndASecondRunAddsNothing() {
		SubsidyProgram program = program(Templates.REFUND_2021, CITY, 2021, 100_000_000L);
		// 25 insured at the end of 2019, 4 laid off in 2020 (16%, allowed up to 20% for ≤ 30 insured): 60%
		Enterprise sme = enterprise(TIANNING, "常州小微企业", 25, 5_000_000L, false, 2020, 25, 21, 1_000_000L);
		// 6% laid off: above 5.5%, and too many insured for the relaxed limit: nothing
		Enterprise large = enterprise(TIANNING, "常州大型企业", 1_500, 600_000_000L, false, 2020, 1_000, 940, 9_000_000L);
		// 4%: within the target, 30% of its premiums
		Enterprise steady = enterprise(ZHONGLOU, "常州稳定大企业", 1_500, 600_000_000L, false, 2020, 1_000, 960,
				5_000_000L);
		// a labour-dispatch firm without layoffs: left to apply
		Enterprise dispatch = enterprise(ZHONGLOU, "常州劳务派遣公司", 25, 5_000_000L, true, 2020, 25, 25, 800_000L);
		// evidence of 2020 only
		Enterprise newcomer = enterprise(ZHONGLOU, "常州新参保企业", 25, 5_000_000L, false, 2020, null, 25, 800_000L);
		assertThat(sme.sizeClass()).isEqualTo(SizeClass.SMALL);
		assertThat(large.sizeClass()).isEqualTo(SizeClass.LARGE);
		// the SME has its basic account: the batch pays it; the other one waits for its account
		RegionScope.asSystem(() -> enterprises.setBankAccount(sme.id(),
				new org.chunfeng.enterprises.BasicAccount("中国工商银行常州天宁支行", "1105020109000123456")));

		RefundRun run = run(program);
		assertThat(run.status()).isEqualTo(RefundRunStatus.DONE);
		assertThat(run.assessedYear()).isEqualTo(2020);
		assertThat(run.assessed()).isEqualTo(5);
		assertThat(run.eligible()).isEqualTo(2);
		assertThat(run.granted()).isEqualTo(2);
		assertThat(run.grantedFen()).isEqualTo(600_000L + 1_500_000L);
		assertThat(run.alreadyEntitled()).isZero();
		assertThat(run.overBudget()).isZero();
		assertThat(run.layoffsAboveLimit()).isEqualTo(1);
		assertThat(run.dispatchExcluded()).isEqualTo(1);
		assertThat(run.evidenceMissing()).isEqualTo(1);
		assertThat(run.otherNotEligible()).isZero();
		assertThat(run.startedBy()).isEqualTo("refund-administrator");
		assertThat(run.batchId()).isNotNull();
		assertThat(run.lastEnterpriseId()).isEqualTo(newcomer.id());

		List<Entitlement> granted = granted(run);
		assertThat(granted).extracting(e -> e.payee().id(), Entitlement::amountFen, Entitlement::period)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(sme.id(), 600_000L, "2020"),
					org.assertj.core.groups.Tuple.tuple(steady.id(), 1_500_000L, "2020"));
		assertThat(granted).allSatisfy(e -> {
			assertThat(e.payee().kind()).isEqualTo(PayeeKind.ENTERPRISE);
			assertThat(e.programId()).isEqualTo(program.id());
			assertThat(e.budgetRegion()).isEqualTo(CITY);
		});
		assertThat(granted).filteredOn(e -> e.payee().id() == steady.id()).singleElement()
			.satisfies(e -> assertThat(e.payeeRegion()).isEqualTo(ZHONGLOU));

		PaymentBatch batch = awaitBuilt(run.batchId());
		assertThat(batch.status()).isEqualTo(BatchStatus.READY);
		assertThat(batch.programId()).isEqualTo(program.id());
		assertThat(batch.region()).isEqualTo(CITY);
		assertThat(batch.payments()).isEqualTo(1);
		assertThat(batch.totalFen()).isEqualTo(600_000L);

		RefundRun again = run(program);
		assertThat(again.status()).isEqualTo(RefundRunStatus.DONE);
		assertThat(again.assessed()).isEqualTo(5);
		assertThat(again.eligible()).isEqualTo(2);
		assertThat(again.granted()).isZero();
		assertThat(again.grantedFen()).isZero();
		assertThat(again.alreadyEntitled()).isEqualTo(2);
		assertThat(again.batchId()).isNull();
		assertThat(again.message()).isEqualTo("subsidy.refundRun.nothingNew");
		assertThat(granted(again)).isEmpty();
	}

	@Test
	void aCityAndACountyProgramOfTheSameYearNeverRefundTheSameEnterpriseTwice() {
		SubsidyProgram county = program(Templates.REFUND_2021, TIANNING, 2031, 100_000_000L);
		SubsidyProgram city = program(Templates.REFUND_2021, CITY, 2031, 100_000_000L);
		Enterprise inCounty = enterprise(TIANNING, "天宁稳岗企业", 25, 5_000_000L, false, 2030, 25, 25, 1_000_000L);
		Enterprise elsewhere = enterprise(ZHONGLOU, "钟楼稳岗企业", 25, 5_000_000L, false, 2030, 25, 24, 500_000L);

		RefundRun countyRun = run(county);
		assertThat(countyRun.assessed()).isEqualTo(1);
		assertThat(countyRun.granted()).isEqualTo(1);
		assertThat(granted(countyRun)).extracting(e -> e.payee().id()).containsExactly(inCounty.id());

		RefundRun cityRun = run(city);
		assertThat(cityRun.assessed()).isEqualTo(2);
		assertThat(cityRun.eligible()).isEqualTo(2);
		assertThat(cityRun.granted()).isEqualTo(1);
		assertThat(cityRun.grantedFen()).isEqualTo(300_000L);
		assertThat(cityRun.alreadyEntitled()).isEqualTo(1);
		assertThat(granted(cityRun)).extracting(e -> e.payee().id()).containsExactly(elsewhere.id());

		// and the other way round: the county's second run finds its enterprise refunded
		RefundRun countyAgain = run(county);
		assertThat(countyAgain.granted()).isZero();
		assertThat(countyAgain.alreadyEntitled()).isEqualTo(1);
		assertThat(RegionScope.asSystem(() -> jdbc.sql("""
				select count(*) from refund_run r where r.program_id in (?, ?) and r.status = 'DONE'""")
			.params(county.id(), city.id()).query(Long.class).single())).isEqualTo(3);
	}

	@Test
	void grantsPastTheBudgetAreLeftOutAndCounted() {
		// three SMEs of 600,000 fen each; room for one
		SubsidyProgram program = program(Templates.REFUND_2021, CITY, 2041, 1_000_000L);
		Enterprise first = enterprise(TIANNING, "预算内企业", 25, 5_000_000L, false, 2040, 25, 25, 1_000_000L);
		enterprise(TIANNING, "超预算企业甲", 25, 5_000_000L, false, 2040, 25, 25, 1_000_000L);
		enterprise(ZHONGLOU, "超预算企业乙", 25, 5_000_000L, false, 2040, 25, 25, 1_000_000L);
		RefundRun run = run(program);
		assertThat(run.status()).isEqualTo(RefundRunStatus.DONE);
		assertThat(run.eligible()).isEqualTo(3);
		assertThat(run.granted()).isEqualTo(1);
		assertThat(run.grantedFen()).isEqualTo(600_000L);
		assertThat(run.overBudget()).isEqualTo(2);
		assertThat(granted(run)).extracting(e -> e.payee().id()).containsExactly(first.id());
	}

	@Test
	void aRunStoppedByACrashResumesAfterItsLastCommittedChunk() {
		SubsidyProgram program = program(Templates.REFUND_2021, CITY, 2051, 100_000_000L);
		Enterprise done = enterprise(TIANNING, "已核发企业", 25, 5_000_000L, false, 2050, 25, 25, 1_000_000L);
		Enterprise left = enterprise(TIANNING, "未核发企业", 25, 5_000_000L, false, 2050, 25, 25, 2_000_000L);
		RefundRun queued = asAdmin(CITY, () -> runs.start(program.id(), false));
		// what a first execution committed before the instance died: its first chunk (one enterprise, granted)
		RegionScope.asSystem(() -> {
			entitlements.grantAll(List.of(new org.chunfeng.payments.EntitlementGrant(program.id(), CITY,
					org.chunfeng.payments.Payee.enterprise(done.id()), done.name(), TIANNING, "2050", 600_000L,
					List.of("E" + done.id() + ":refund:2050"), "automatic-refund:" + queued.id())));
			return jdbc.sql("""
					update refund_run set status = 'RUNNING', started_at = now(), assessed = 1, eligible = 1,
					    granted = 1, granted_fen = 600000, last_enterprise_id = ? where id = ?""")
				.params(done.id(), queued.id()).update();
		});
		runs.execute(queued.id());
		RefundRun resumed = RegionScope.asSystem(() -> runs.find(queued.id())).orElseThrow();
		assertThat(resumed.status()).isEqualTo(RefundRunStatus.DONE);
		assertThat(resumed.assessed()).isEqualTo(2);
		assertThat(resumed.granted()).isEqualTo(2);
		assertThat(resumed.alreadyEntitled()).isZero();
		assertThat(resumed.grantedFen()).isEqualTo(600_000L + 1_200_000L);
		assertThat(granted(resumed)).extracting(e -> e.payee().id()).containsExactlyInAnyOrder(done.id(), left.id());
		// a finished run executed again (a revived execution) changes nothing
		runs.execute(queued.id());
		assertThat(RegionScope.asSystem(() -> runs.find(queued.id())).orElseThrow()).isEqualTo(resumed);
	}

	@Test
	void onlyAnAdministratorOfTheRegionStartsARunOfAnOpenAutomaticRefundProgram() {
		SubsidyProgram automatic = program(Templates.REFUND_2021, TIANNING, 2061, 1_000_000L);
		SubsidyProgram onApplication = program(Templates.REFUND_2020, TIANNING, 2061, 1_000_000L);
		signIn(Role.CASEWORKER, TIANNING);
		assertThatThrownBy(() -> runs.start(automatic.id(), false)).isInstanceOf(AccessDeniedException.class);
		signIn(Role.ADMINISTRATOR, ZHONGLOU);
		// a sibling county's administrator does not even see it
		assertThatThrownBy(() -> runs.start(automatic.id(), false))
			.isInstanceOf(org.chunfeng.platform.NotFoundException.class);
		signIn(Role.ADMINISTRATOR, TIANNING);
		assertThatThrownBy(() -> runs.start(onApplication.id(), false)).isInstanceOfSatisfying(RefusedException.class,
				ex -> assertThat(ex.messageCode()).isEqualTo("subsidy.refundRun.notAutomatic"));
		SubsidyProgram closed = programs.close(automatic.id(), automatic.version());
		assertThatThrownBy(() -> runs.start(closed.id(), false)).isInstanceOfSatisfying(RefusedException.class,
				ex -> assertThat(ex.messageCode()).isEqualTo("subsidy.refundRun.notOpen"));
	}

	@Test
	void oneRunPerProgramAtATime() {
		SubsidyProgram program = program(Templates.REFUND_2021, CITY, 2071, 1_000_000L);
		RefundRun queued = asAdmin(CITY, () -> runs.start(program.id(), false));
		assertThatThrownBy(() -> asAdmin(CITY, () -> runs.start(program.id(), false)))
			.isInstanceOfSatisfying(RefusedException.class,
					ex -> assertThat(ex.messageCode()).isEqualTo("subsidy.refundRun.underWay"));
		// straight in SQL, whatever the Java code
		assertThatThrownBy(() -> RegionScope.asSystem(() -> jdbc.sql("""
				insert into refund_run (program_id, region_code, policy_year, assessed_year, started_by)
				values (?, '320400', 2071, 2070, 'sql')""").param(program.id()).update()))
			.isInstanceOf(DataAccessException.class).hasMessageContaining("refund_run_one_at_a_time");
		runs.execute(queued.id());
		assertThat(RegionScope.asSystem(() -> runs.find(queued.id())).orElseThrow().status())
			.isEqualTo(RefundRunStatus.DONE);
		// finished: the next may start
		assertThat(asAdmin(CITY, () -> runs.start(program.id(), false)).status()).isEqualTo(RefundRunStatus.QUEUED);
	}

	@Test
	void theDatabaseKeepsRunsForwardOnlyTheirCountsAddingUpAndNeverDeleted() {
		SubsidyProgram program = program(Templates.REFUND_2021, CITY, 2081, 1_000_000L);
		enterprise(TIANNING, "守卫测试企业", 25, 5_000_000L, false, 2080, 25, 25, 1_000_000L);
		RefundRun done = run(program);
		assertThat(done.status()).isEqualTo(RefundRunStatus.DONE);
		for (String attack : List.of("update refund_run set status = 'RUNNING' where id = ?",
				"update refund_run set granted = 0, granted_fen = 0, already_entitled = 1 where id = ?",
				"update refund_run set batch_id = null where id = ?", "delete from refund_run where id = ?")) {
			assertThatThrownBy(() -> RegionScope.asSystem(() -> jdbc.sql(attack).param(done.id()).update()))
				.as(attack).isInstanceOf(DataAccessException.class);
		}
		RefundRun queued = asAdmin(CITY, () -> runs.start(program.id(), false));
		for (String attack : List.of("update refund_run set status = 'DONE', finished_at = now() where id = ?",
				"update refund_run set status = 'RUNNING', started_at = now(), assessed = 2, eligible = 1 where id = ?",
				"update refund_run set status = 'RUNNING', started_at = now(), eligible = 1, assessed = 1 where id = ?")) {
			assertThatThrownBy(() -> RegionScope.asSystem(() -> jdbc.sql(attack).param(queued.id()).update()))
				.as(attack).isInstanceOf(DataAccessException.class);
		}
		// a running run's counts only grow
		RegionScope.asSystem(() -> jdbc.sql("""
				update refund_run set status = 'RUNNING', started_at = now(), assessed = 1, eligible = 1, granted = 1,
				    granted_fen = 5 where id = ?""").param(queued.id()).update());
		assertThatThrownBy(() -> RegionScope.asSystem(() -> jdbc.sql("""
				update refund_run set assessed = 0, eligible = 0, granted = 0, granted_fen = 0 where id = ?""")
			.param(queued.id()).update())).isInstanceOf(DataAccessException.class)
			.hasMessageContaining("only adds to its counts");
		// the region scope: 钟楼's staff do not see the city's runs
		assertThat(RegionScope.within(ZHONGLOU, () -> runs.find(done.id()))).isEmpty();
		assertThat(RegionScope.within(CITY, () -> runs.find(done.id()))).isPresent();
		runs.execute(queued.id());
	}

	@Test
	void theScheduledTaskRunsAStartedRun() throws InterruptedException {
		SubsidyProgram program = program(Templates.REFUND_2021, CITY, 2091, 100_000_000L);
		Enterprise sme = enterprise(ZHONGLOU, "调度测试企业", 25, 5_000_000L, false, 2090, 25, 21, 1_000_000L);
		RefundRun queued = asAdmin(CITY, () -> runs.start(program.id()));
		RefundRun run = awaitFinished(queued.id());
		assertThat(run.status()).isEqualTo(RefundRunStatus.DONE);
		assertThat(run.granted()).isEqualTo(1);
		assertThat(granted(run)).extracting(e -> e.payee().id()).containsExactly(sme.id());
	}

	/** Waits for the payments module's background task to build the batch. */
	PaymentBatch awaitBuilt(long batchId) {
		long deadline = System.nanoTime() + 120_000_000_000L;
		while (true) {
			PaymentBatch batch = RegionScope.asSystem(() -> batches.find(batchId)).orElseThrow();
			if (batch.status() != BatchStatus.BUILDING || System.nanoTime() > deadline) {
				return batch;
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return batch;
			}
		}
	}

	/** Waits for the background task (polling its row: any instance of the test JVM may have picked it up). */
	RefundRun awaitFinished(long runId) throws InterruptedException {
		long deadline = System.nanoTime() + 120_000_000_000L;
		while (true) {
			RefundRun run = RegionScope.asSystem(() -> runs.find(runId)).orElseThrow();
			if (run.finished() || System.nanoTime() > deadline) {
				return run;
			}
			Thread.sleep(50);
		}
	}
}
