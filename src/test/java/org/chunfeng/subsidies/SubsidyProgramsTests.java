package org.chunfeng.subsidies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.chunfeng.identity.RegionScope;
import org.chunfeng.platform.ConflictException;
import org.chunfeng.platform.InvalidFieldsException;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.platform.PageQuery;
import org.chunfeng.platform.RefusedException;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.subsidies.rules.Beneficiary;
import org.chunfeng.subsidies.rules.LivingSubsidyParameters;
import org.chunfeng.subsidies.rules.ProgramKind;
import org.chunfeng.subsidies.rules.ProgramTemplate;
import org.chunfeng.subsidies.rules.RefundParameters;
import org.chunfeng.subsidies.rules.SizeRates;
import org.chunfeng.subsidies.rules.StayPutParameters;
import org.chunfeng.subsidies.rules.Templates;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Programs in the database, attacked: the shipped templates are there and read-only, a copy for a new year, a
 * program's life only forward (in Java and straight in SQL), an open program's rules fixed, the region scope, and the
 * checks before opening.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class SubsidyProgramsTests {

	static final RegionCode CITY = RegionCode.of("320500");
	static final RegionCode HUQIU = RegionCode.of("320505");
	static final RegionCode WUZHONG = RegionCode.of("320506");

	@Autowired
	SubsidyPrograms programs;

	@Autowired
	JdbcClient jdbc;

	long template(ProgramTemplate template) {
		return RegionScope.asSystem(() -> jdbc.sql("select id from subsidy_program where template_key = ?")
			.param(template.key())
			.query(Long.class)
			.single());
	}

	static String unique(String name) {
		return name + " " + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
	}

	SubsidyProgram copy(ProgramTemplate template, RegionCode region, int year) {
		return RegionScope.within(CITY, () -> programs.copy(template(template), region, year, unique(template.key())));
	}

	static ProgramDetails withBudget(SubsidyProgram program, long budgetFen) {
		ProgramDetails d = program.details();
		return new ProgramDetails(d.name(), d.beneficiary(), d.policyYear(), budgetFen, d.openDate(), d.closeDate(),
				d.basis(), d.parameters());
	}

	@Test
	void everyInstallationHasTheTemplatesWithTheParametersOfTheirYear() {
		RegionScope.within(WUZHONG, () -> {
			assertThat(programs.search(new ProgramQuery(null, null, null, null, true), PageQuery.of(0, 50))
				.totalElements()).isEqualTo(Templates.ALL.size());
			for (ProgramTemplate t : Templates.ALL) {
				SubsidyProgram stored = programs.find(template(t)).orElseThrow();
				assertThat(stored.template()).isTrue();
				assertThat(stored.templateKey()).isEqualTo(t.key());
				assertThat(stored.region()).isNull();
				assertThat(stored.status()).isEqualTo(ProgramStatus.DRAFT);
				assertThat(stored.kind()).isEqualTo(t.kind());
				assertThat(stored.details().parameters()).as(t.key()).isEqualTo(t.parameters());
				assertThat(stored.details().policyYear()).isEqualTo(t.policyYear());
				assertThat(stored.details().name()).isEqualTo(t.name());
			}
			return null;
		});
	}

	@Test
	void aTemplateIsCopiedForANewYearOpenedAndClosedOnlyForward() {
		SubsidyProgram draft = copy(Templates.REFUND_2021, CITY, 2027);
		assertThat(draft.status()).isEqualTo(ProgramStatus.DRAFT);
		assertThat(draft.template()).isFalse();
		assertThat(draft.region()).isEqualTo(CITY);
		assertThat(draft.details().policyYear()).isEqualTo(2027);
		assertThat(draft.details().openDate()).isEqualTo(LocalDate.of(2027, 1, 1));
		assertThat(draft.details().closeDate()).isEqualTo(LocalDate.of(2027, 12, 31));
		assertThat(draft.details().parameters()).isEqualTo(Templates.REFUND_2021.parameters());
		assertThat(draft.details().budgetFen()).isZero();
		assertThat(draft.details().basis()).isEqualTo(Templates.REFUND_2021.basis());
		RegionScope.within(CITY, () -> {
			assertThatThrownBy(() -> programs.open(draft.id(), draft.version()))
				.isInstanceOfSatisfying(RefusedException.class,
						ex -> assertThat(ex.messageCode()).isEqualTo("subsidy.program.open.noBudget"));
			// the administrator sets this year's budget and rates
			RefundParameters raised = new RefundParameters(SizeRates.largeAndSme(5000, 9000), 550, 30, 2000, true,
					true);
			ProgramDetails d = draft.details();
			SubsidyProgram revised = programs.revise(draft.id(), draft.version(), new ProgramDetails(d.name(),
					d.beneficiary(), 2027, 500_000_000L, d.openDate(), d.closeDate(), d.basis(), raised));
			assertThat(revised.version()).isEqualTo(draft.version() + 1);
			assertThat(revised.details().parameters()).isEqualTo(raised);
			assertThatThrownBy(() -> programs.revise(draft.id(), draft.version(), withBudget(revised, 1L)))
				.isInstanceOf(ConflictException.class);
			SubsidyProgram open = programs.open(draft.id(), revised.version());
			assertThat(open.status()).isEqualTo(ProgramStatus.OPEN);
			assertThat(open.openedAt()).isNotNull();
			assertThat(open.takesCasesOn(LocalDate.of(2027, 3, 1))).isTrue();
			// its rules stay; its budget may grow
			ProgramDetails o = open.details();
			assertThatThrownBy(() -> programs.revise(draft.id(), open.version(), new ProgramDetails(o.name(),
					o.beneficiary(), o.policyYear(), o.budgetFen(), o.openDate(), o.closeDate(), o.basis(),
					Templates.REFUND_2021.parameters())))
				.isInstanceOfSatisfying(RefusedException.class,
						ex -> assertThat(ex.messageCode()).isEqualTo("subsidy.program.openRulesFixed"));
			SubsidyProgram more = programs.revise(draft.id(), open.version(), withBudget(open, 800_000_000L));
			assertThat(more.details().budgetFen()).isEqualTo(800_000_000L);
			assertThatThrownBy(() -> programs.open(draft.id(), more.version())).isInstanceOf(RefusedException.class);
			SubsidyProgram closed = programs.close(draft.id(), more.version());
			assertThat(closed.status()).isEqualTo(ProgramStatus.CLOSED);
			assertThat(closed.takesCasesOn(LocalDate.of(2027, 3, 1))).isFalse();
			assertThatThrownBy(() -> programs.revise(draft.id(), closed.version(), withBudget(closed, 1L)))
				.isInstanceOfSatisfying(RefusedException.class,
						ex -> assertThat(ex.messageCode()).isEqualTo("subsidy.program.closedFixed"));
			assertThatThrownBy(() -> programs.open(draft.id(), closed.version()))
				.isInstanceOfSatisfying(RefusedException.class,
						ex -> assertThat(ex.messageCode()).isEqualTo("subsidy.program.transition.OPEN"));
			return null;
		});
		// and in SQL, whoever tries: no way back, no change of an open program's rules
		RegionScope.asSystem(() -> {
			assertThatThrownBy(() -> jdbc.sql("update subsidy_program set status = 'OPEN' where id = ?")
				.param(draft.id()).update()).isInstanceOf(DataAccessException.class)
				.hasMessageContaining("cannot go from CLOSED to OPEN");
			assertThatThrownBy(() -> jdbc.sql("update subsidy_program set budget_fen = 1 where id = ?")
				.param(draft.id()).update()).isInstanceOf(DataAccessException.class)
				.hasMessageContaining("is closed");
			return null;
		});
	}

	@Test
	void theDatabaseKeepsAnOpenProgramsRules() {
		SubsidyProgram draft = copy(Templates.WORK_FOR_TRAINING_2021, CITY, 2027);
		SubsidyProgram open = RegionScope.within(CITY, () -> {
			SubsidyProgram funded = programs.revise(draft.id(), draft.version(), withBudget(draft, 100_000_000L));
			return programs.open(draft.id(), funded.version());
		});
		RegionScope.asSystem(() -> {
			assertThatThrownBy(() -> jdbc.sql("""
					update subsidy_program set parameters = jsonb_set(parameters, '{maxMonthsPerTrainee}', '12')
					where id = ?""").param(open.id()).update()).isInstanceOf(DataAccessException.class)
				.hasMessageContaining("keeps its rules");
			assertThatThrownBy(() -> jdbc.sql("update subsidy_program set status = 'DRAFT' where id = ?")
				.param(open.id()).update()).isInstanceOf(DataAccessException.class);
			assertThatThrownBy(() -> jdbc.sql("update subsidy_program set budget_fen = 0 where id = ?")
				.param(open.id()).update()).isInstanceOf(DataAccessException.class);
			assertThatThrownBy(() -> jdbc.sql("update subsidy_program set status = 'CLOSED' where id = ?")
				.param(open.id()).update()).isInstanceOf(DataAccessException.class)
				.hasMessageContaining("subsidy_program_closed");
			return null;
		});
	}

	@Test
	void templatesAreCopiedNeverChanged() {
		long refund = template(Templates.REFUND_2021);
		RegionScope.within(CITY, () -> {
			SubsidyProgram template = programs.find(refund).orElseThrow();
			assertThatThrownBy(() -> programs.revise(refund, template.version(), withBudget(template, 1L)))
				.isInstanceOfSatisfying(RefusedException.class,
						ex -> assertThat(ex.messageCode()).isEqualTo("subsidy.program.templateFixed"));
			assertThatThrownBy(() -> programs.open(refund, template.version())).isInstanceOf(RefusedException.class);
			return null;
		});
		// row-level security: no application connection writes a template, not even the installation's own
		RegionScope.asSystem(() -> {
			assertThat(jdbc.sql("update subsidy_program set name = '改名' where id = ?").param(refund).update())
				.isZero();
			assertThat(jdbc.sql("delete from subsidy_program where id = ?").param(refund).update()).isZero();
			assertThatThrownBy(() -> jdbc.sql("""
					insert into subsidy_program (template_key, kind, beneficiary, name, policy_year, open_date, close_date,
					    parameters, is_template, created_by)
					values ('fake-2027', 'WORK_FOR_TRAINING', 'ENTERPRISE', '假模板', 2027, '2027-01-01', '2027-12-31',
					    '{}', true, 'x')""").update()).isInstanceOf(DataAccessException.class)
				.rootCause().hasMessageContaining("row-level security");
			return null;
		});
		assertThat(RegionScope.within(CITY, () -> programs.find(refund)).orElseThrow().details().name())
			.isEqualTo(Templates.REFUND_2021.name());
	}

	@Test
	void copyingIntoTheSameYearAndNameTwiceIsNoticed() {
		long living = template(Templates.TEMPORARY_LIVING_2021);
		String name = unique("临时生活补助");
		RegionScope.within(CITY, () -> programs.copy(living, CITY, 2027, name));
		assertThatThrownBy(() -> RegionScope.within(CITY, () -> programs.copy(living, CITY, 2027, name)))
			.isInstanceOfSatisfying(InvalidRequestException.class, ex -> {
				assertThat(ex.field()).isEqualTo("name");
				assertThat(ex.code()).isEqualTo("subsidy.program.nameTaken");
			});
		// another year is another program
		assertThat(RegionScope.within(CITY, () -> programs.copy(living, CITY, 2028, name)).details().policyYear())
			.isEqualTo(2028);
	}

	@Test
	void aProgramOpensOnlyWithItsLocalAmountsAndBeforeItsEnd() {
		SubsidyProgram living = copy(Templates.TEMPORARY_LIVING_2021, CITY, 2027);
		RegionScope.within(CITY, () -> {
			SubsidyProgram funded = programs.revise(living.id(), living.version(), withBudget(living, 10_000_000L));
			assertThatThrownBy(() -> programs.open(living.id(), funded.version()))
				.isInstanceOfSatisfying(RefusedException.class, ex -> assertThat(ex.messageCode())
					.isEqualTo("subsidy.param.living.pegAmountToOpen"));
			LivingSubsidyParameters p = (LivingSubsidyParameters) funded.details().parameters();
			ProgramDetails d = funded.details();
			SubsidyProgram dibao = programs.revise(living.id(), funded.version(), new ProgramDetails(d.name(),
					d.beneficiary(), d.policyYear(), d.budgetFen(), d.openDate(), d.closeDate(), d.basis(),
					new LivingSubsidyParameters(p.peg(), 109_500L, p.percentBp(), p.maxMonths(), p.coverMonthsBelow(),
							p.migrantWorkersOnly())));
			assertThat(programs.open(living.id(), dibao.version()).status()).isEqualTo(ProgramStatus.OPEN);
			return null;
		});
		// a program whose dates have passed does not open
		SubsidyProgram past = copy(Templates.REFUND_2019, CITY, 2020);
		RegionScope.within(CITY, () -> {
			SubsidyProgram funded = programs.revise(past.id(), past.version(), withBudget(past, 1_000L));
			assertThatThrownBy(() -> programs.open(past.id(), funded.version()))
				.isInstanceOfSatisfying(RefusedException.class,
						ex -> assertThat(ex.messageCode()).isEqualTo("subsidy.program.open.ended"));
			return null;
		});
	}

	@Test
	void aCountyReadsItsOwnTheCitysAndTheTemplatesButNotItsNeighboursPrograms() {
		SubsidyProgram city = copy(Templates.STAY_PUT_2021_TIANJIN, CITY, 2027);
		SubsidyProgram huqiu = copy(Templates.STAY_PUT_2021_XIANGCHENG, HUQIU, 2027);
		assertThat(huqiu.region()).isEqualTo(HUQIU);
		RegionScope.within(HUQIU, () -> {
			assertThat(programs.find(city.id())).isPresent();
			assertThat(programs.find(huqiu.id())).isPresent();
			// but changes only its own
			assertThatThrownBy(() -> programs.revise(city.id(), city.version(), withBudget(city, 1L)))
				.isInstanceOf(org.chunfeng.platform.NotFoundException.class);
			return null;
		});
		RegionScope.within(WUZHONG, () -> {
			assertThat(programs.find(city.id())).isPresent();
			assertThat(programs.find(huqiu.id())).isEmpty();
			assertThat(programs.search(ProgramQuery.all(), PageQuery.of(0, 200)).items())
				.extracting(SubsidyProgram::id).contains(city.id()).doesNotContain(huqiu.id());
			// nor sets up programs for another district
			assertThatThrownBy(() -> programs.copy(city.id(), HUQIU, 2028, unique("越权")))
				.isInstanceOfSatisfying(InvalidRequestException.class,
						ex -> assertThat(ex.code()).isEqualTo("subsidy.program.regionOutsideScope"));
			return null;
		});
		// the duty window moved with the copy
		assertThat(((StayPutParameters) huqiu.details().parameters()).dutyFrom()).isEqualTo(LocalDate.of(2027, 2, 11));
	}

	@Test
	void aStayPutSubsidyPaysWhomItsParametersSay() {
		StayPutParameters toEmployer = (StayPutParameters) Templates.STAY_PUT_2021_TIANJIN.parameters();
		ProgramDetails wrong = new ProgramDetails(unique("留岗补贴"), Beneficiary.WORKER, 2027, 0L,
				LocalDate.of(2027, 1, 20), LocalDate.of(2027, 3, 31), null, toEmployer);
		assertThatThrownBy(() -> RegionScope.within(CITY,
				() -> programs.create(CITY, ProgramKind.STAY_PUT_SUBSIDY, wrong)))
			.isInstanceOfSatisfying(InvalidFieldsException.class, ex -> assertThat(ex.problems())
				.extracting(InvalidRequestException::code).containsExactly("subsidy.program.beneficiaryPayee"));
		ProgramDetails refundToWorkers = new ProgramDetails(unique("稳岗返还"), Beneficiary.WORKER, 2027, 0L,
				LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31), null, Templates.REFUND_2022.parameters());
		assertThatThrownBy(() -> RegionScope.within(CITY,
				() -> programs.create(CITY, ProgramKind.JOB_STABILIZING_REFUND, refundToWorkers)))
			.isInstanceOfSatisfying(InvalidFieldsException.class, ex -> assertThat(ex.problems())
				.extracting(InvalidRequestException::code).containsExactly("subsidy.program.beneficiaryKind"));
		ProgramDetails mixed = new ProgramDetails(unique("错配"), Beneficiary.ENTERPRISE, 2027, 0L,
				LocalDate.of(2027, 1, 1), LocalDate.of(2026, 12, 31), null, Templates.REFUND_2022.parameters());
		assertThatThrownBy(() -> RegionScope.within(CITY,
				() -> programs.create(CITY, ProgramKind.WORK_FOR_TRAINING, mixed)))
			.isInstanceOfSatisfying(InvalidFieldsException.class, ex -> assertThat(ex.problems())
				.extracting(InvalidRequestException::field).containsExactly("closeDate", "parameters"));
	}
}
