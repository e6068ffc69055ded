package org.chunfeng.subsidies.internal.automatic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.chunfeng.enterprises.Enterprise;
import org.chunfeng.enterprises.Enterprises;
import org.chunfeng.enterprises.EvidenceSource;
import org.chunfeng.enterprises.InsuranceYear;
import org.chunfeng.enterprises.NewEnterprise;
import org.chunfeng.identity.Accounts;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.identity.Role;
import org.chunfeng.reference.Money;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.subsidies.ProgramDetails;
import org.chunfeng.subsidies.SubsidyProgram;
import org.chunfeng.subsidies.SubsidyPrograms;
import org.chunfeng.subsidies.rules.Templates;
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
import org.springframework.security.core.context.SecurityContextHolder;

import tools.jackson.databind.JsonNode;

/**
 * The run from the console and the API: the panel on the program's page, the start button for the program's
 * administrators only, progress and the counts as JSON and on the runs page, the link to the batch, a second start
 * from the console adding nothing. A Suzhou program of policy year 2096, so that it assesses only this test's
 * enterprise.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class RefundRunWebTests {

	static final RegionCode SUZHOU = RegionCode.of("320500");
	static final RegionCode HUQIU = RegionCode.of("320505");

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	SubsidyPrograms programs;

	@Autowired
	Enterprises enterprises;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void accounts() {
		TestAccounts.ensure(accounts);
	}

	SubsidyProgram program(int policyYear) {
		RefundRunsTests.signIn(Role.ADMINISTRATOR, SUZHOU);
		try {
			long templateId = RegionScope.asSystem(() -> jdbc.sql("select id from subsidy_program where template_key = ?")
				.param(Templates.REFUND_2021.key()).query(Long.class).single());
			SubsidyProgram draft = programs.copy(templateId, SUZHOU, policyYear, "苏州稳岗返还测试 " + System.nanoTime());
			ProgramDetails d = draft.details();
			LocalDate today = LocalDate.now();
			SubsidyProgram revised = programs.revise(draft.id(), draft.version(), new ProgramDetails(d.name(),
					d.beneficiary(), policyYear, 10_000_000L, today.minusDays(1), today.plusDays(30), d.basis(),
					d.parameters()));
			return programs.open(revised.id(), revised.version());
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	Enterprise enterprise(int assessedYear) {
		return RegionScope.asSystem(() -> {
			Enterprise e = enterprises.register(new NewEnterprise(TestPeople.creditCode(), "虎丘免申即享企业" + System.nanoTime(),
					HUQIU, null, "39", 25, null, false, 5_000_000L, 5_000_000L));
			enterprises.recordInsurance(e.id(), new InsuranceYear(assessedYear - 1, 25, Money.ofFen(1_000_000L),
					EvidenceSource.IMPORT, null));
			enterprises.recordInsurance(e.id(), new InsuranceYear(assessedYear, 21, Money.ofFen(1_000_000L),
					EvidenceSource.IMPORT, null));
			return e;
		});
	}

	JsonNode awaitFinished(ApiClient api, String location) throws InterruptedException {
		long deadline = System.nanoTime() + 120_000_000_000L;
		while (true) {
			JsonNode run = api.get(location).json();
			String status = run.get("status").asString();
			if (status.equals("DONE") || status.equals("FAILED") || System.nanoTime() > deadline) {
				return run;
			}
			Thread.sleep(50);
		}
	}

	@Test
	void anAdministratorStartsARunFromTheApiAndTheConsoleAndEveryoneOfTheBureauFollowsIt() throws Exception {
		SubsidyProgram program = program(2096);
		Enterprise enterprise = enterprise(2095);
		String page = "/subsidies/programs/" + program.id();
		ApiClient admin = ApiClient.withSession(port, TestAccounts.ADMIN);
		ApiClient caseworker = ApiClient.withSession(port, TestAccounts.HUQIU);

		// the program's page loads the panel, which offers the start to the administrator only
		assertThat(admin.get(page).body()).contains("id=\"automatic-refund\"")
			.contains(page + "/automatic-runs/progress");
		assertThat(admin.get(page + "/automatic-runs/progress").body()).contains("id=\"refund-run-start\"")
			.contains("尚未核发");
		Response seen = caseworker.get(page + "/automatic-runs/progress?lang=en");
		assertThat(seen.status()).isEqualTo(200);
		assertThat(seen.body()).contains("Automatic refunds").doesNotContain("refund-run-start");
		assertThat(caseworker.postForm(page, page + "/automatic-runs", "x=1").status()).isEqualTo(403);
		assertThat(ApiClient.withToken(port, TestAccounts.HUQIU)
			.post("/api/v1/subsidy-programs/" + program.id() + "/automatic-runs", "application/json", "{}").status())
			.isEqualTo(403);

		// the API: 202 with the queued run, its address to follow
		ApiClient api = ApiClient.withToken(port, TestAccounts.ADMIN);
		Response started = api.post("/api/v1/subsidy-programs/" + program.id() + "/automatic-runs", "application/json",
				"{}");
		assertThat(started.status()).isEqualTo(202);
		String location = started.location();
		assertThat(location).startsWith("/api/v1/automatic-runs/");
		JsonNode run = awaitFinished(api, location);
		assertThat(run.get("status").asString()).isEqualTo("DONE");
		assertThat(run.get("assessed").asLong()).isEqualTo(1);
		assertThat(run.get("granted").asLong()).isEqualTo(1);
		assertThat(run.get("grantedFen").asLong()).isEqualTo(600_000L);
		assertThat(run.get("assessedYear").asInt()).isEqualTo(2095);
		long runId = run.get("id").asLong();
		long batchId = run.get("batchId").asLong();
		assertThat(batchId).isPositive();
		assertThat(api.get("/api/v1/subsidy-programs/" + program.id() + "/automatic-runs").json().get(0).get("id")
			.asLong()).isEqualTo(runId);
		assertThat(api.get("/api/v1/automatic-runs/987654321").status()).isEqualTo(404);

		// the runs page: the counts, the total, the batch
		String runs = admin.get(page + "/automatic-runs?run=" + runId).body();
		assertThat(runs).contains("id=\"refund-run-total\">6,000.00<").contains("/payments/batches/" + batchId)
			.contains("已完成");
		assertThat(enterprise.id()).isPositive();

		// a second start from the console: nothing new
		Response again = admin.postForm(page + "/automatic-runs", page + "/automatic-runs", "x=1");
		assertThat(again.status()).isEqualTo(302);
		assertThat(again.location()).contains("/automatic-runs?run=");
		String secondId = again.location().replaceAll(".*run=", "");
		JsonNode second = awaitFinished(api, "/api/v1/automatic-runs/" + secondId);
		assertThat(second.get("status").asString()).isEqualTo("DONE");
		assertThat(second.get("granted").asLong()).isZero();
		assertThat(second.get("alreadyEntitled").asLong()).isEqualTo(1);
		assertThat(second.get("batchId").isNull()).isTrue();
		assertThat(admin.get(page + "/automatic-runs?run=" + secondId + "&lang=en").body())
			.contains("Nothing new granted");
	}
}
