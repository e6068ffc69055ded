package org.chunfeng.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chunfeng.payments.PaymentsFixtures.CITY;
import static org.chunfeng.payments.PaymentsFixtures.HUQIU;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chunfeng.enterprises.BasicAccount;
import org.chunfeng.enterprises.Enterprise;
import org.chunfeng.enterprises.Enterprises;
import org.chunfeng.enterprises.NewEnterprise;
import org.chunfeng.identity.Accounts;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.support.ApiClient;
import org.chunfeng.support.ApiClient.Response;
import org.chunfeng.support.TestAccounts;
import org.chunfeng.support.TestPeople;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The finance pages as a finance officer works them: what is due (and waiting for an account), starting a batch for
 * a county and a program, its progress until built, the bank file (csv and xlsx), marking it sent (only when
 * confirmed), a bad result file refused with each row's problem in the reader's language, a good one reconciling
 * the batch, the reissue of the failed payment (once); the entitlements list with its filters; administrators and
 * reviewers read without the buttons.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PaymentPagesTests {

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Entitlements entitlements;

	@Autowired
	Budgets budgets;

	@Autowired
	Enterprises enterprises;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void accounts() {
		TestAccounts.ensureFinance(accounts);
	}

	Enterprise enterprise(String account) {
		return RegionScope.asSystem(() -> {
			Enterprise e = enterprises.register(new NewEnterprise(TestPeople.creditCode(),
					PaymentsFixtures.unique("发放页面测试单位"), HUQIU, null, "36", 50, null, false));
			if (account != null) {
				enterprises.setBankAccount(e.id(), new BasicAccount("中国工商银行苏州虎丘支行", account));
			}
			return e;
		});
	}

	Entitlement grant(long program, Enterprise payee, long fen) {
		return RegionScope.asSystem(() -> entitlements.grant(new EntitlementGrant(program, CITY,
				Payee.enterprise(payee.id()), payee.name(), HUQIU, "2026", fen,
				List.of("E" + payee.id() + ":pages:" + program), "test:pages")));
	}

	static String path(Response redirect) {
		assertThat(redirect.status()).as(redirect.body()).isIn(302, 303);
		return URI.create(redirect.location()).getRawPath();
	}

	/** Posts a result file as the browser's form does: multipart, with the page's CSRF token. */
	static Response upload(ApiClient client, String page, String action, String fileName, String content) {
		return upload(client, page, action, fileName, content, page);
	}

	static Response upload(ApiClient client, String page, String action, String fileName, String content,
			String tokenPage) {
		Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(client.get(tokenPage).body());
		assertThat(csrf.find()).as("the page carries a CSRF token").isTrue();
		String boundary = "chunfeng" + System.nanoTime();
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf.group(1)
				+ "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: text/csv\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
		return client.post(action, "multipart/form-data; boundary=" + boundary, body);
	}

	@Test
	void aFinanceOfficerPaysABatchFromStartToReconciliationInTheBrowser() {
		long program = PaymentsFixtures.program(jdbc, "ENTERPRISE");
		String purpose = PaymentsFixtures.unique("页面稳岗返还");
		RegionScope.asSystem(() -> budgets.allot(program, CITY, 10_000_000, purpose));
		Enterprise paid = enterprise("622202110200012345");
		Enterprise failing = enterprise("9558801001234567");
		Enterprise noAccount = enterprise(null);
		Entitlement e1 = grant(program, paid, 123_456);
		Entitlement e2 = grant(program, failing, 50_000);
		Entitlement e3 = grant(program, noAccount, 70_000);

		ApiClient finance = ApiClient.withSession(port, TestAccounts.FINANCE);
		String list = finance.get("/payments/batches").body();
		// the program is offered by its purpose, with what is due of it
		assertThat(list).contains("id=\"batch-start\"").contains("id=\"dues-count\"").contains("id=\"dues-waiting\"")
			.contains(purpose + "（3 笔，2,434.56 元）").contains("<option value=\"320505\">320505 虎丘区</option>");

		// a county outside the officer's city is refused with a message on the list, not an error page
		Response outside = finance.postForm("/payments/batches", "/payments/batches", "region=110101&programId=" + program);
		assertThat(path(outside)).isEqualTo("/payments/batches");
		assertThat(finance.get("/payments/batches").body()).contains("id=\"problem\"")
			.contains("不能为本辖区以外的地区（110101）建立发放批次");

		String batchPage = path(finance.postForm("/payments/batches", "/payments/batches",
				"region=320505&programId=" + program));
		assertThat(batchPage).matches("/payments/batches/\\d+");
		long batch = Long.parseLong(batchPage.substring(batchPage.lastIndexOf('/') + 1));
		String first = finance.get(batchPage).body();
		assertThat(first).contains("已开始生成发放批次 " + batch);
		if (first.contains("data-status=\"BUILDING\"")) {
			assertThat(first).contains("hx-get=\"/payments/batches/" + batch + "/progress\"");
		}
		// the progress part is polled until the batch is built; then htmx reloads the page
		Instant deadline = Instant.now().plusSeconds(90);
		Response progress = finance.get(batchPage + "/progress", "HX-Request", "true");
		while (progress.body().contains("data-status=\"BUILDING\"")) {
			assertThat(progress.body()).contains("every 1s");
			assertThat(Instant.now()).as("built in time").isBefore(deadline);
			Thread.onSpinWait();
			progress = finance.get(batchPage + "/progress", "HX-Request", "true");
		}
		assertThat(progress.headers().firstValue("HX-Refresh")).contains("true");
		assertThat(progress.body()).doesNotContain("hx-get").contains("已生成");

		String built = finance.get(batchPage).body();
		assertThat(built).contains("已生成").contains(purpose).contains("江苏省 苏州市 虎丘区")
			.contains("id=\"batch-payments\">2<").contains("id=\"batch-total\">1,734.56<")
			.contains("id=\"batch-waiting\">1<")
			.contains("P" + e1.id() + "-1").contains("6222**********2345").doesNotContain("622202110200012345")
			.contains("id=\"bank-file-csv\"").contains("id=\"mark-sent\"").doesNotContain("id=\"results-form\"")
			.doesNotContain(noAccount.name());

		// the bank file, account numbers in full
		String csv = new String(finance.download(batchPage + "/bank-file.csv"), StandardCharsets.UTF_8);
		assertThat(csv).contains("P" + e1.id() + "-1").contains("622202110200012345").contains("1234.56")
			.contains(purpose + " 2026");
		byte[] xlsx = finance.download(batchPage + "/bank-file.xlsx");
		assertThat(new String(xlsx, 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");

		// administrators and reviewers read the batch, without the bank file or the buttons
		for (String reader : List.of(TestAccounts.ADMIN, TestAccounts.REVIEWER)) {
			ApiClient client = ApiClient.withSession(port, reader);
			Response page = client.get(batchPage);
			assertThat(page.status()).isEqualTo(200);
			assertThat(page.body()).contains("P" + e1.id() + "-1").doesNotContain("id=\"bank-file-csv\"")
				.doesNotContain("id=\"mark-sent\"");
			assertThat(client.get(batchPage + "/bank-file.csv").status()).isEqualTo(403);
		}

		// marking it sent needs the confirmation
		assertThat(path(finance.postForm(batchPage, batchPage + "/sent", "x=1"))).isEqualTo(batchPage);
		assertThat(finance.get(batchPage).body()).contains("请先勾选确认已把银行文件报送银行").contains("id=\"mark-sent\"");
		assertThat(path(finance.postForm(batchPage, batchPage + "/sent", "confirm=yes"))).isEqualTo(batchPage);
		String sent = finance.get(batchPage).body();
		assertThat(sent).contains("批次已标记为已报送银行").contains("id=\"results-form\"").doesNotContain("id=\"mark-sent\"");

		// a bad result file: nothing is recorded, every bad row is named in the reader's language
		String bad = "reference,amount,result,reason\r\nP" + e1.id() + "-1,1234.00,成功,\r\nP999999999-1,1.00,成功,\r\nP"
				+ e2.id() + "-1,500.00,失败,\r\n";
		assertThat(path(upload(finance, batchPage, batchPage + "/results", "bad.csv", bad))).isEqualTo(batchPage);
		String refused = finance.get(batchPage).body();
		assertThat(refused).contains("id=\"result-errors\"").contains("第 2 行：金额 1234.00 元与批次中的 1234.56 元不符")
			.contains("第 3 行：付款 P999999999-1 不属于批次 " + batch).contains("第 4 行：失败的支付须写明原因")
			.contains("id=\"reconciliation-count\">0<");
		// in English as well
		finance.get(batchPage + "?lang=en");
		upload(finance, batchPage, batchPage + "/results", "bad.csv", bad);
		assertThat(finance.get(batchPage).body()).contains("Row 2: amount 1234.00 yuan does not match");
		finance.get(batchPage + "?lang=zh_CN");

		// the good file reconciles the batch
		String good = "reference,amount,result,reason\r\nP" + e1.id() + "-1,1234.56,成功,\r\nP" + e2.id()
				+ "-1,500.00,失败,账户已销户\r\n";
		assertThat(path(upload(finance, batchPage, batchPage + "/results", "good.csv", good))).isEqualTo(batchPage);
		String reconciled = finance.get(batchPage).body();
		assertThat(reconciled).contains("银行回盘已导入").contains("回盘文件共 2 行：成功 1 笔，失败 1 笔，已记录未变 0 笔")
			.contains("已对账").contains("已对平").contains("id=\"reconciliation-count\">2<")
			.contains("id=\"reconciliation-sum\">1,734.56<").contains("账户已销户");
		// the same file again changes nothing
		upload(finance, batchPage, batchPage + "/results", "good.csv", good);
		assertThat(finance.get(batchPage).body()).contains("回盘文件与已记录的结果相同，没有变化")
			.contains("已记录未变 2 笔");
		// and once more through the API: the same answer, nothing changed
		String boundary = "chunfeng" + System.nanoTime();
		Response api = ApiClient.withToken(port, TestAccounts.FINANCE).post("/api/v1/payment-batches/" + batch
				+ "/results", "multipart/form-data; boundary=" + boundary, "--" + boundary
						+ "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"good.csv\"\r\nContent-Type: text/csv"
						+ "\r\n\r\n" + good + "\r\n--" + boundary + "--\r\n");
		assertThat(api.status()).as(api.body()).isEqualTo(200);
		assertThat(api.body()).contains("\"rows\":2").contains("\"paid\":0").contains("\"failed\":0")
			.contains("\"unchanged\":2").contains("\"reconciled\":true");

		// the failed payment is reissued, once
		assertThat(finance.get(batchPage + "?paymentStatus=FAILED").body()).contains("P" + e2.id() + "-1")
			.doesNotContain("P" + e1.id() + "-1").contains("class=\"reissue\"");
		assertThat(path(finance.postForm(batchPage, "/payments/entitlements/" + e2.id() + "/reissue",
				"batchId=" + batch))).isEqualTo(batchPage);
		assertThat(finance.get(batchPage).body()).contains("待遇 " + e2.id() + " 已重新列为待发放")
			.doesNotContain("class=\"reissue\"");
		assertThat(RegionScope.asSystem(() -> entitlements.find(e2.id()).orElseThrow().status()))
			.isEqualTo(EntitlementStatus.DUE);
		assertThat(path(finance.postForm("/payments/entitlements", "/payments/entitlements/" + e1.id() + "/reissue",
				""))).isEqualTo("/payments/entitlements");
		assertThat(finance.get("/payments/entitlements").body()).contains("已发放的待遇不能重新发放");

		// the entitlements with their filters
		String due = finance.get("/payments/entitlements?status=DUE&programId=" + program + "&payeeKind=ENTERPRISE")
			.body();
		assertThat(due).contains("id=\"entitlement-" + e2.id() + "\"").contains("id=\"entitlement-" + e3.id() + "\"")
			.doesNotContain("id=\"entitlement-" + e1.id() + "\"").contains(purpose);
		assertThat(finance.get("/payments/entitlements?status=PAID&programId=" + program).body())
			.contains("id=\"entitlement-" + e1.id() + "\"").doesNotContain("id=\"entitlement-" + e2.id() + "\"");
		assertThat(finance.get("/payments/entitlements?status=NOT_A_STATUS&programId=x&payeeKind=WORKER&lang=en")
			.status()).isEqualTo(200);
		// the list shows the batch reconciled
		assertThat(finance.get("/payments/batches?status=RECONCILED").body())
			.contains("href=\"/payments/batches/" + batch + "\"");
	}

	@Test
	void aBatchStillBuildingOrNotSentRefusesWithAMessage() {
		long program = PaymentsFixtures.program(jdbc, "ENTERPRISE");
		ApiClient finance = ApiClient.withSession(port, TestAccounts.FINANCE);
		String batchPage = path(finance.postForm("/payments/batches", "/payments/batches",
				"region=320505&programId=" + program));
		assertThat(finance.get(batchPage).body()).contains("已开始生成发放批次");
		// results before the batch was sent: the reason, on the page
		String file = "reference,amount,result,reason\r\nP1-1,1.00,成功,\r\n";
		assertThat(path(upload(finance, batchPage, batchPage + "/results", "r.csv", file, "/payments/batches"))).isEqualTo(batchPage);
		assertThat(finance.get(batchPage).body()).contains("id=\"result-errors\"")
			.contains("报送银行后才能导入银行回盘文件");
		// a program that does not exist is named
		Response unknown = finance.postForm("/payments/batches", "/payments/batches", "region=320505&programId=abc");
		assertThat(path(unknown)).isEqualTo("/payments/batches");
		assertThat(finance.get("/payments/batches").body()).contains("没有这个补贴项目");
		// an unknown batch is a 404 page
		assertThat(finance.get("/payments/batches/987654321", "Accept", "text/html").status()).isEqualTo(404);
	}
}
