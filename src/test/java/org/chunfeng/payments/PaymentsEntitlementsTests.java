package org.chunfeng.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.chunfeng.payments.PaymentsFixtures.CITY;
import static org.chunfeng.payments.PaymentsFixtures.HUQIU;
import static org.chunfeng.payments.PaymentsFixtures.WUZHONG;
import static org.chunfeng.payments.PaymentsFixtures.payeeId;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.chunfeng.identity.RegionScope;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.platform.RefusedException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Entitlements and budgets, attacked: the same payee, program and period twice, one claim across two programs, 20
 * approvals at once on a budget with room for 10, a bulk grant run twice, a budget set below what is committed, the
 * region scope, and the database's own guards straight in SQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class PaymentsEntitlementsTests {

	@Autowired
	Entitlements entitlements;

	@Autowired
	Budgets budgets;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	static EntitlementGrant grant(long program, Payee payee, String period, long fen, List<String> claims) {
		return new EntitlementGrant(program, CITY, payee, "单位" + payee.id(), HUQIU, period, fen, claims,
				"test:" + program);
	}

	static String code(Throwable ex) {
		return ((RefusedException) ex).messageCode();
	}

	@Test
	void oneEntitlementPerPayeeProgramAndPeriod() {
		long program = PaymentsFixtures.program(jdbc, "ENTERPRISE");
		budgets.allot(program, CITY, 1_000_000);
		Payee payee = Payee.enterprise(payeeId());
		Entitlement first = entitlements.grant(grant(program, payee, "2026", 50_000, List.of()));
		assertThat(first.status()).isEqualTo(EntitlementStatus.DUE);
		assertThat(first.attempts()).isZero();
		assertThat(first.amountFen()).isEqualTo(50_000);
		assertThat(entitlements.find(first.id())).contains(first);
		assertThat(entitlements.bySource("test:" + program)).containsExactly(first);

		assertThatThrownBy(() -> entitlements.grant(grant(program, payee, "2026", 10_000, List.of())))
			.isInstanceOf(AlreadyEntitledException.class);
		// another period is another entitlement
		entitlements.grant(grant(program, payee, "2025", 10_000, List.of()));
		Budget budget = budgets.find(program, CITY).orElseThrow();
		assertThat(budget.committedFen()).as("the refused grant drew nothing").isEqualTo(60_000);
		assertThat(budget.remainingFen()).isEqualTo(940_000);
		// straight in SQL too
		assertThatThrownBy(() -> RegionScope.asSystem(() -> jdbc.sql("""
				insert into entitlement (program_id, budget_region, payee_kind, payee_id, payee_name, payee_region, period,
				    amount_fen, source) values (?, '320500', 'ENTERPRISE', ?, 'x', '320505', '2026', 1, 'sql')""")
			.params(program, payee.id())
			.update())).isInstanceOf(DataAccessException.class);
	}

	@Test
	void aClaimIsExclusiveAcrossPrograms() {
		long living = PaymentsFixtures.program(jdbc, "WORKER");
		long unemployment = PaymentsFixtures.program(jdbc, "WORKER");
		budgets.allot(living, CITY, 1_000_000);
		budgets.allot(unemployment, CITY, 1_000_000);
		Payee worker = Payee.worker(payeeId());
		String month = worker.key() + ":living:2027-02";
		entitlements.grant(grant(living, worker, "2027-02", 80_000, List.of(month)));
		assertThatThrownBy(
				() -> entitlements.grant(grant(unemployment, worker, "2027-02", 60_000, List.of(month, "x" + month))))
			.isInstanceOf(AlreadyEntitledException.class);
		assertThat(budgets.find(unemployment, CITY).orElseThrow().committedFen()).isZero();
		assertThat(entitlements.bySource("test:" + unemployment)).isEmpty();
		// the other month is free
		entitlements.grant(grant(unemployment, worker, "2027-03", 60_000, List.of(worker.key() + ":living:2027-03")));
		// and the bulk path sees the claim as well
		GrantSummary bulk = entitlements.grantAll(List.of(grant(unemployment, worker, "2027-02b", 60_000, List.of(month)),
				grant(unemployment, Payee.worker(payeeId()), "2027-02", 60_000, List.of())));
		assertThat(bulk).isEqualTo(new GrantSummary(1, 60_000, 1, 0));
	}

	@Test
	void aBudgetWithRoomForTenGrantsTenOfTwentyConcurrentApprovals() throws Exception {
		long program = PaymentsFixtures.program(jdbc, "ENTERPRISE");
		budgets.allot(program, CITY, 10 * 30_000);
		int approvals = 20;
		ExecutorService pool = Executors.newFixedThreadPool(approvals);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Boolean>> results = new ArrayList<>();
		for (int i = 0; i < approvals; i++) {
			Payee payee = Payee.enterprise(payeeId());
			results.add(pool.submit(() -> {
				start.await();
				// each approval is its own transaction, as a reviewer's would be
				try {
					transactions.execute(status -> entitlements.grant(grant(program, payee, "2026", 30_000, List.of())));
					return true;
				}
				catch (BudgetExceededException ex) {
					return false;
				}
			}));
		}
		start.countDown();
		int granted = 0;
		for (Future<Boolean> result : results) {
			if (result.get(60, TimeUnit.SECONDS)) {
				granted++;
			}
		}
		pool.shutdown();
		assertThat(granted).isEqualTo(10);
		assertThat(entitlements.bySource("test:" + program)).hasSize(10);
		Budget budget = budgets.find(program, CITY).orElseThrow();
		assertThat(budget.committedFen()).isEqualTo(budget.budgetFen());
		assertThatThrownBy(() -> entitlements.grant(grant(program, Payee.enterprise(payeeId()), "2026", 1, List.of())))
			.isInstanceOfSatisfying(BudgetExceededException.class,
					ex -> assertThat(ex.messageArgs()).containsExactly(1L, 0L));
	}

	@Test
	void bulkGrantsFitInOrderAndASecondRunGrantsNothing() {
		long program = PaymentsFixtures.program(jdbc, "ENTERPRISE");
		budgets.allot(program, CITY, 1_000_000);
		List<EntitlementGrant> grants = new ArrayList<>();
		for (int i = 0; i < 2_000; i++) {
			Payee payee = Payee.enterprise(payeeId());
			grants.add(grant(program, payee, "2026", 1_000, List.of(payee.key() + ":refund:2026")));
		}
		// the 1,001st and later do not fit, except the small ones at the end
		grants.add(grant(program, Payee.enterprise(payeeId()), "2026", 1, List.of()));
		grants.add(grants.get(0)); // the same grant twice in one call
		GrantSummary first = entitlements.grantAll(grants);
		assertThat(first.granted()).isEqualTo(1_000);
		assertThat(first.grantedFen()).isEqualTo(1_000_000);
		assertThat(first.overBudget()).isEqualTo(1_001);
		assertThat(first.alreadyEntitled()).isEqualTo(1);
		Budget budget = budgets.find(program, CITY).orElseThrow();
		assertThat(budget.committedFen()).isEqualTo(1_000_000);

		budgets.allot(program, CITY, 1_000_001);
		GrantSummary second = entitlements.grantAll(grants);
		assertThat(second.granted()).as("the 1-fen grant now fits, nothing else").isEqualTo(1);
		assertThat(second.alreadyEntitled()).isEqualTo(1_001);
		assertThat(second.overBudget()).isEqualTo(1_000);
		GrantSummary third = entitlements.grantAll(grants);
		assertThat(third.granted()).isZero();
		assertThat(third.grantedFen()).isZero();
		assertThat(entitlements.bySource("test:" + program)).hasSize(1_001);
		assertThat(RegionScope.asSystem(() -> jdbc.sql("""
				select count(*) from entitlement_claim c join entitlement e on e.id = c.entitlement_id
				where e.program_id = ?""").param(program).query(Long.class).single())).isEqualTo(1_000);
	}

	@Test
	void aBudgetIsNeverSetBelowWhatIsCommittedAndAMissingOneRefusesTheGrant() {
		long program = PaymentsFixtures.program(jdbc, "ENTERPRISE");
		assertThatThrownBy(() -> entitlements.grant(grant(program, Payee.enterprise(payeeId()), "2026", 1, List.of())))
			.satisfies(ex -> assertThat(code(ex)).isEqualTo("payments.budget.missing"));
		assertThatThrownBy(() -> entitlements.grantAll(List.of(grant(program, Payee.enterprise(payeeId()), "2026", 1,
				List.of())))).satisfies(ex -> assertThat(code(ex)).isEqualTo("payments.budget.missing"));
		budgets.allot(program, CITY, 100_000, "稳岗返还 2027");
		entitlements.grant(grant(program, Payee.enterprise(payeeId()), "2026", 70_000, List.of()));
		assertThatThrownBy(() -> budgets.allot(program, CITY, 69_999))
			.satisfies(ex -> assertThat(code(ex)).isEqualTo("payments.budget.belowCommitted"));
		assertThat(budgets.allot(program, CITY, 70_000).remainingFen()).isZero();
		assertThat(budgets.ofProgram(program)).extracting(Budget::region).containsExactly(CITY);
		assertThatThrownBy(() -> budgets.allot(program, CITY, -1)).isInstanceOf(InvalidRequestException.class);
		// the database refuses it as well, and never lets committed pass the budget
		assertThatThrownBy(() -> jdbc.sql("update payment_budget set budget_fen = 1 where program_id = ?")
			.param(program)
			.update()).isInstanceOf(DataAccessException.class);
		assertThatThrownBy(() -> jdbc.sql("update payment_budget set committed_fen = budget_fen + 1 where program_id = ?")
			.param(program)
			.update()).isInstanceOf(DataAccessException.class);
	}

	@Test
	void entitlementsAreSeenAndGrantedOnlyInsideTheRegionScope() {
		long program = PaymentsFixtures.program(jdbc, "ENTERPRISE");
		budgets.allot(program, CITY, 100_000);
		Entitlement huqiu = entitlements.grant(grant(program, Payee.enterprise(payeeId()), "2026", 1_000, List.of()));
		assertThat(RegionScope.within(WUZHONG, () -> entitlements.find(huqiu.id()))).isEmpty();
		assertThat(RegionScope.within(WUZHONG, () -> entitlements.bySource("test:" + program))).isEmpty();
		assertThat(RegionScope.within(HUQIU, () -> entitlements.find(huqiu.id()))).isPresent();
		assertThat(RegionScope.within(CITY, () -> entitlements.bySource("test:" + program))).hasSize(1);
		assertThatThrownBy(() -> RegionScope.within(WUZHONG,
				() -> entitlements.grant(grant(program, Payee.enterprise(payeeId()), "2026", 1_000, List.of()))))
			.isInstanceOf(InvalidRequestException.class);
		assertThatThrownBy(() -> RegionScope.within(WUZHONG, () -> budgets.allot(program, CITY, 1)))
			.isInstanceOf(InvalidRequestException.class);
	}

	@Test
	void theDatabaseKeepsWhatWasGrantedAndMovesStatesOnlyForward() {
		long program = PaymentsFixtures.program(jdbc, "ENTERPRISE");
		budgets.allot(program, CITY, 100_000);
		Entitlement e = entitlements.grant(grant(program, Payee.enterprise(payeeId()), "2026", 1_000, List.of()));
		for (String change : List.of("amount_fen = 2", "payee_id = payee_id + 1", "status = 'PAID', paid_at = now()",
				"status = 'FAILED', failure_reason = 'x', attempts = 1", "attempts = 3")) {
			assertThatThrownBy(() -> RegionScope.asSystem(
					() -> jdbc.sql("update entitlement set " + change + " where id = ?").param(e.id()).update()))
				.as(change)
				.isInstanceOf(DataAccessException.class);
		}
		assertThatThrownBy(() -> RegionScope.asSystem(
				() -> jdbc.sql("delete from entitlement where id = ?").param(e.id()).update()))
			.isInstanceOf(DataAccessException.class);
		assertThat(entitlements.find(e.id())).contains(e);
	}
}
