package org.chunfeng.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.chunfeng.payments.PaymentsFixtures.CITY;
import static org.chunfeng.payments.PaymentsFixtures.HUQIU;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.chunfeng.enterprises.BasicAccount;
import org.chunfeng.enterprises.Enterprise;
import org.chunfeng.enterprises.Enterprises;
import org.chunfeng.enterprises.NewEnterprise;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.payments.BatchStatus;
import org.chunfeng.payments.Budgets;
import org.chunfeng.payments.Entitlement;
import org.chunfeng.payments.EntitlementGrant;
import org.chunfeng.payments.EntitlementStatus;
import org.chunfeng.payments.Entitlements;
import org.chunfeng.payments.Payee;
import org.chunfeng.payments.PaymentBatch;
import org.chunfeng.payments.PaymentBatches;
import org.chunfeng.payments.PaymentsFixtures;
import org.chunfeng.platform.InvalidFieldsException;
import org.chunfeng.platform.RefusedException;
import org.chunfeng.platform.spreadsheet.SpreadsheetFormat;
import org.chunfeng.support.TestPeople;
import org.chunfeng.workers.BankAccount;
import org.chunfeng.workers.NewWorker;
import org.chunfeng.workers.Worker;
import org.chunfeng.workers.Workers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A batch from start to reconciliation: built by the background task (payees without an account wait), the bank file
 * with the accounts in full (a worker's opened from its sealed snapshot), sent, the bank's answers imported twice
 * (the second time nothing changes), a contradicting answer refused, reconciled, and the reissue rules.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class PaymentBatchesTests {

	@Autowired
	Entitlements entitlements;

	@Autowired
	Budgets budgets;

	@Autowired
	PaymentBatches batches;

	@Autowired
	PaymentFiles files;

	@Autowired
	Enterprises enterprises;

	@Autowired
	Workers workers;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	Enterprise enterprise(String account) {
		Enterprise e = RegionScope.asSystem(() -> enterprises.register(new NewEnterprise(TestPeople.creditCode(),
				PaymentsFixtures.unique("付款测试单位"), HUQIU, null, "36", 50, null, false)));
		if (account != null) {
			RegionScope.asSystem(() -> enterprises.setBankAccount(e.id(), new BasicAccount("中国工商银行苏州虎丘支行", account)));
		}
		return e;
	}

	PaymentBatch awaitBuilt(long batchId) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
		while (Instant.now().isBefore(deadline)) {
			PaymentBatch batch = batches.find(batchId).orElseThrow();
			if (batch.status() != BatchStatus.BUILDING) {
				return batch;
			}
			Thread.onSpinWait();
		}
		throw new AssertionError("batch " + batchId + " not built in time");
	}

	String csv(long batchId) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		files.export(batchId, SpreadsheetFormat.CSV, out);
		return out.toString(StandardCharsets.UTF_8);
	}

	Path resultFile(String name, String... lines) throws Exception {
		Path file = dir.resolve(name);
		Files.writeString(file, "reference,amount,result,reason\r\n" + String.join("\r\n", lines) + "\r\n");
		return file;
	}

	@Test
	void aBatchIsBuiltSentAnsweredAndReconciledOnce() throws Exception {
		long program = PaymentsFixtures.program(jdbc, "ENTERPRISE");
		budgets.allot(program, CITY, 10_000_000, "稳岗返还测试");
		Enterprise paid = enterprise("622202110200012345");
		Enterprise failing = enterprise("12345678");
		Enterprise noAccount = enterprise(null);
		Worker worker = RegionScope.asSystem(() -> {
			NewWorker w = TestPeople.worker(PaymentsFixtures.unique("付款测试工人"), HUQIU);
			return workers.register(new NewWorker(w.idNumber(), w.profile(), w.mobile(),
					new BankAccount("中国农业银行苏州分行", "6228480402564890018"), w.plan(), w.source()));
		});
		Entitlement e1 = entitlements.grant(grant(program, Payee.enterprise(paid.id()), paid.name(), 123_456));
		Entitlement e2 = entitlements.grant(grant(program, Payee.enterprise(failing.id()), failing.name(), 50_000));
		Entitlement e3 = entitlements.grant(grant(program, Payee.enterprise(noAccount.id()), noAccount.name(), 70_000));
		Entitlement e4 = entitlements.grant(grant(program, Payee.worker(worker.id()), "工人", 100_000));

		PaymentBatch started = batches.start(HUQIU, program);
		assertThat(started.status()).isEqualTo(BatchStatus.BUILDING);
		PaymentBatch built = awaitBuilt(started.id());
		assertThat(built.status()).isEqualTo(BatchStatus.READY);
		assertThat(built.payments()).isEqualTo(3);
		assertThat(built.totalFen()).isEqualTo(273_456);
		assertThat(jdbc.sql("select waiting_account from payment_batch where id = ?").param(built.id())
			.query(Long.class).single()).isEqualTo(1);
		assertThat(entitlements.find(e1.id()).orElseThrow().status()).isEqualTo(EntitlementStatus.IN_BATCH);
		assertThat(entitlements.find(e1.id()).orElseThrow().attempts()).isEqualTo(1);
		assertThat(entitlements.find(e3.id()).orElseThrow().status()).isEqualTo(EntitlementStatus.DUE);
		// the worker's account is snapshot sealed and masked, never plain
		assertThat(jdbc.sql("select account_plain is null and account_sealed is not null and account_masked = "
				+ "'6228***********0018' from payment where entitlement_id = ?").param(e4.id()).query(Boolean.class)
			.single()).isTrue();

		String file = csv(built.id());
		List<String> lines = file.lines().toList();
		assertThat(lines.get(0)).contains(String.valueOf(built.id())).contains("3").contains("2734.56");
		assertThat(file).contains("P" + e1.id() + "-1").contains("622202110200012345").contains("1234.56")
			.contains("6228480402564890018").contains("稳岗返还测试 2026");
		assertThat(lines).hasSize(2 + 3);

		assertThatThrownBy(() -> files.importResults(built.id(), resultFile("early.csv", "P" + e1.id() + "-1,1234.56,PAID,"),
				"early.csv")).isInstanceOf(RefusedException.class);
		files.markSent(built.id());
		assertThatThrownBy(() -> files.markSent(built.id())).isInstanceOf(RefusedException.class);

		// a bad file changes nothing and names its rows
		Path bad = resultFile("bad.csv", "P" + e1.id() + "-1,1234.50,PAID,", "P" + e3.id() + "-1,700.00,PAID,",
				"X1,1,PAID,", "P" + e2.id() + "-1,500.00,FAILED,");
		assertThatThrownBy(() -> files.importResults(built.id(), bad, "bad.csv"))
			.isInstanceOfSatisfying(InvalidFieldsException.class, ex -> assertThat(ex.problems()).hasSize(4));
		assertThat(batches.find(built.id()).orElseThrow().paid()).isZero();

		Path partial = resultFile("partial.csv", "P" + e1.id() + "-1,1234.56,成功,", "P" + e2.id() + "-1,500.00,失败,户名不符");
		var first = files.importResults(built.id(), partial, "partial.csv");
		assertThat(first.paid()).isEqualTo(1);
		assertThat(first.failed()).isEqualTo(1);
		assertThat(first.reconciled()).isFalse();
		var again = files.importResults(built.id(), partial, "partial.csv");
		assertThat(again.changedNothing()).isTrue();
		assertThat(again.unchanged()).isEqualTo(2);
		assertThat(entitlements.find(e1.id()).orElseThrow().status()).isEqualTo(EntitlementStatus.PAID);
		Entitlement failed = entitlements.find(e2.id()).orElseThrow();
		assertThat(failed.status()).isEqualTo(EntitlementStatus.FAILED);
		assertThat(failed.failureReason()).isEqualTo("户名不符");
		assertThat(budgets.find(program, CITY).orElseThrow().paidFen()).isEqualTo(123_456);
		// a contradicting answer is refused
		assertThatThrownBy(() -> files.importResults(built.id(),
				resultFile("contra.csv", "P" + e1.id() + "-1,1234.56,FAILED,退票"), "contra.csv"))
			.isInstanceOf(InvalidFieldsException.class);
		// reissue only after a recorded failure, never a paid one, never one in a batch
		assertThatThrownBy(() -> files.reissue(e1.id()))
			.satisfies(ex -> assertThat(((RefusedException) ex).messageCode()).isEqualTo("payments.reissue.paid"));
		assertThatThrownBy(() -> files.reissue(e4.id())).isInstanceOf(RefusedException.class);

		var last = files.importResults(built.id(), resultFile("rest.csv", "P" + e4.id() + "-1,1000.00,PAID,"), "rest.csv");
		assertThat(last.reconciled()).isTrue();
		PaymentBatch reconciled = batches.find(built.id()).orElseThrow();
		assertThat(reconciled.status()).isEqualTo(BatchStatus.RECONCILED);
		assertThat(reconciled.paid() + reconciled.failed()).isEqualTo(reconciled.payments());
		assertThat(reconciled.paidFen() + reconciled.failedFen()).isEqualTo(reconciled.totalFen());
		assertThat(files.importResults(built.id(), partial, "partial.csv").changedNothing()).isTrue();

		Entitlement reissued = files.reissue(e2.id());
		assertThat(reissued.status()).isEqualTo(EntitlementStatus.DUE);
		assertThat(reissued.failureReason()).isNull();
		assertThatThrownBy(() -> files.reissue(e2.id())).isInstanceOf(RefusedException.class);
		RegionScope.asSystem(() -> enterprises.setBankAccount(noAccount.id(), new BasicAccount("中国银行", "9876543210")));
		PaymentBatch second = awaitBuilt(batches.start(HUQIU, program).id());
		assertThat(second.payments()).isEqualTo(2);
		assertThat(jdbc.sql("select attempt_no from payment where entitlement_id = ? order by attempt_no").param(e2.id())
			.query(Integer.class).list()).containsExactly(1, 2);
		// the database refuses a second live attempt and a paid entitlement's new attempt
		for (long entitlement : List.of(e2.id(), e1.id())) {
			assertThatThrownBy(() -> jdbc.sql("""
					insert into payment (entitlement_id, attempt_no, batch_id, amount_fen, payee_kind, payee_name,
					    payee_region, bank_name, account_plain, account_masked)
					values (?, 9, ?, 1, 'ENTERPRISE', 'x', '320505', 'b', '12345678', '12345678')""")
				.params(entitlement, second.id())
				.update()).isInstanceOf(DataAccessException.class);
		}
		assertThatThrownBy(() -> jdbc.sql("update payment set status = 'SENT' where entitlement_id = ? and attempt_no = 1")
			.param(e1.id()).update()).isInstanceOf(DataAccessException.class);
		assertThatThrownBy(() -> jdbc.sql("update payment_batch set status = 'READY' where id = ?").param(built.id())
			.update()).isInstanceOf(DataAccessException.class);
	}

	static EntitlementGrant grant(long program, Payee payee, String name, long fen) {
		return new EntitlementGrant(program, CITY, payee, name, HUQIU, "2026", fen, List.of(), "test:" + program);
	}
}
