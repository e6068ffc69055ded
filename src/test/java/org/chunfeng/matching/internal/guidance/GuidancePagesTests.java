package org.chunfeng.matching.internal.guidance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;

import org.chunfeng.identity.Accounts;
import org.chunfeng.identity.NewAccount;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.identity.Role;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.support.ApiClient;
import org.chunfeng.support.ApiClient.Response;
import org.chunfeng.support.TestAccounts;
import org.chunfeng.support.TestPeople;
import org.chunfeng.workers.EmploymentStatus;
import org.chunfeng.workers.FestivalPlan;
import org.chunfeng.workers.KeyGroup;
import org.chunfeng.workers.RegistrationSource;
import org.chunfeng.workers.Worker;
import org.chunfeng.workers.Workers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The guidance pages: the worker asks on the phone, the district's caseworker finds the request, opens the worker and
 * records a session (a form with a mistake comes back with the input kept and the field named), which answers the
 * request; the worker's page shows the sessions; the worker sees the answer and the 131 ticks.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class GuidancePagesTests {

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Workers workers;

	String nonce;

	@BeforeEach
	void accounts() {
		TestAccounts.ensure(accounts);
		nonce = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
	}

	@Test
	void aWorkerAsksAndTheCaseworkerAnswersWithASession() {
		Worker worker = RegionScope.asSystem(() -> workers.register(TestPeople.worker("页面指导" + nonce,
				TestPeople.idNumber(), TestPeople.mobile(), RegionCode.of("320505"), null, EmploymentStatus.SEEKING,
				null, Set.of(KeyGroup.DISABILITY), FestivalPlan.STAYING_PUT, RegistrationSource.CASEWORKER)));
		String username = "guide-p-" + nonce;
		accounts.create(new NewAccount(username, worker.name(), TestAccounts.PASSWORD, Role.WORKER,
				worker.residence(), null, Set.of(), null, worker.id(), false));
		ApiClient phone = ApiClient.withSession(port, username);
		String mine = phone.get("/me/guidance").body();
		assertThat(mine).contains("id=\"request-form\"").contains("我的“131”服务").contains("nav-me");
		assertThat(phone.get("/me/guidance?lang=en").body()).contains("Ask for career guidance").doesNotContain("??");
		phone.get("/me/guidance?lang=zh_CN");
		Response asked = phone.postForm("/me/guidance", "channel=COUNTER&note=" + ApiClient.encode("想找夜班工作"));
		assertThat(asked.status()).isEqualTo(302);
		assertThat(phone.get("/me/guidance").body()).contains("id=\"my-open-request\"").contains("想找夜班工作")
			.doesNotContain("id=\"request-form\"");
		// a second request while one is open is refused with a message
		phone.postForm("/me/guidance", "/me/guidance", "channel=PHONE");
		assertThat(phone.get("/me/guidance").body()).contains("已有一项待处理的指导申请");

		ApiClient caseworker = ApiClient.withSession(port, TestAccounts.HUQIU);
		String list = caseworker.get("/guidance").body();
		assertThat(list).contains("页面指导" + nonce).contains("想找夜班工作");
		String page = "/guidance/workers/" + worker.id();
		String form = caseworker.get(page).body();
		assertThat(form).contains("id=\"guidance-form\"").contains("id=\"open-request\"");
		// no topic: the form comes back naming it, with what was typed
		Response bad = caseworker.postForm(page, "heldOn=" + LocalDate.now() + "&channel=COUNTER&notes="
				+ ApiClient.encode("谈了夜班岗位" + nonce) + "&followUpOn=");
		assertThat(bad.status()).isEqualTo(200);
		assertThat(bad.body()).contains("请至少选择一项指导内容").contains("谈了夜班岗位" + nonce);
		Response good = caseworker.postForm(page, "heldOn=" + GuidanceApiTests.today()
				+ "&channel=COUNTER&topics=JOB_SEARCH&topics=RIGHTS&notes=" + ApiClient.encode("谈了夜班岗位" + nonce)
				+ "&followUpOn=" + GuidanceApiTests.today().plusDays(7));
		assertThat(good.status()).as(good.body()).isEqualTo(302);
		assertThat(good.location()).endsWith(page);
		String after = caseworker.get(page).body();
		assertThat(after).contains("指导申请已办结").contains("谈了夜班岗位" + nonce).contains("权益保护")
			.doesNotContain("id=\"open-request\"");
		assertThat(caseworker.get("/guidance").body()).doesNotContain("想找夜班工作");
		// the worker's page loads the section; the section itself
		assertThat(caseworker.get("/workers/" + worker.id()).body())
			.contains("hx-get=\"/guidance/workers/" + worker.id() + "/sessions\"");
		String section = caseworker.get(page + "/sessions", "HX-Request", "true").body();
		assertThat(section).contains("谈了夜班岗位" + nonce).contains("id=\"guidance-card\"").doesNotContain("<html");
		assertThat(caseworker.get("/guidance?view=followUps").status()).isEqualTo(200);
		// the sibling district does not find the worker
		assertThat(ApiClient.withSession(port, TestAccounts.WUZHONG).get(page).status()).isEqualTo(404);

		String answered = phone.get("/me/guidance").body();
		assertThat(answered).contains("id=\"request-form\"").contains("谈了夜班岗位" + nonce)
			.contains("bi-check-circle-fill");
	}
}
