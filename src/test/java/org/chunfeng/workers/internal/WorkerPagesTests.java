package org.chunfeng.workers.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chunfeng.identity.Accounts;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.reference.ResidentIdNumber;
import org.chunfeng.support.ApiClient;
import org.chunfeng.support.ApiClient.Response;
import org.chunfeng.support.TestAccounts;
import org.chunfeng.support.TestPeople;
import org.chunfeng.workers.FestivalPlan;
import org.chunfeng.workers.Worker;
import org.chunfeng.workers.Workers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The worker pages of a caseworker: register by form, a duplicate shows the record, a stale edit, reveal, merge. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class WorkerPagesTests {

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
	void aFormRegistersAndARegisteredIdNumberShowsTheExistingRecord() {
		ResidentIdNumber id = TestPeople.idNumber();
		ApiClient console = ApiClient.withSession(port, TestAccounts.HUQIU);
		String form = "idNumber=" + id.value() + "&name=" + ApiClient.encode("表单" + nonce) + "&mobile=&residence=320505"
				+ "&status=SEEKING&occupations=" + ApiClient.encode("6-29-01-01") + "&skills="
				+ ApiClient.encode("电焊、叉车证") + "&expectedWage=5200&plan=GOING_HOME_RETURNING&leaveDate=2027-01-30"
				+ "&returnDate=2027-02-14&homeRegion=110101&keyGroups=OLDER_WORKER&consent=true";
		Response created = console.postForm("/workers/new", "/workers", form);
		assertThat(created.status()).isEqualTo(302);
		Worker stored = RegionScope.asSystem(() -> workers.findByIdNumber(id)).orElseThrow();
		assertThat(created.location()).endsWith("/workers/" + stored.id());
		assertThat(stored.profile().skills()).containsExactly("电焊", "叉车证");
		assertThat(stored.plan().returnDate()).hasToString("2027-02-14");
		assertThat(console.get("/workers/" + stored.id()).body()).contains("表单" + nonce, id.masked(), "已登记");

		Response again = console.postForm("/workers/new", "/workers", form);
		assertThat(again.status()).isEqualTo(302);
		assertThat(again.location()).endsWith("/workers/" + stored.id());

		Response bad = console.postForm("/workers/new", "/workers",
				"idNumber=110101195001010000&name=&residence=&status=SEEKING&plan=STAYING_PUT&returnDate=2027-02-01"
						+ "&expectedWage=lots");
		assertThat(bad.status()).isEqualTo(200);
		assertThat(bad.body()).contains("id=\"form-errors\"", "value=\"lots\"");
		assertThat(bad.body().split("is-invalid", -1).length - 1).isGreaterThanOrEqualTo(2);
	}

	@Test
	void aStaleEditShowsTheConflictBannerKeepsTheInputAndASecondSaveWins() {
		Worker worker = RegionScope.asSystem(() -> workers.register(TestPeople.worker("冲突" + nonce,
				org.chunfeng.reference.RegionCode.of("320505"))));
		ApiClient first = ApiClient.withSession(port, TestAccounts.HUQIU);
		ApiClient second = ApiClient.withSession(port, TestAccounts.ADMIN);
		String edit = "/workers/" + worker.id() + "/edit";
		int version = version(first.get(edit).body());
		assertThat(second.postForm(edit, "/workers/" + worker.id(), formOf("冲突" + nonce + "甲", version)).status())
			.isEqualTo(302);
		Response stale = first.postForm(edit, "/workers/" + worker.id(), formOf("冲突" + nonce + "乙", version));
		assertThat(stale.status()).isEqualTo(200);
		assertThat(stale.body()).contains("id=\"conflict\"", "value=\"冲突" + nonce + "乙\"");
		assertThat(version(stale.body())).isEqualTo(version + 1);
		assertThat(name(worker)).isEqualTo("冲突" + nonce + "甲");
		assertThat(first.postForm(edit, "/workers/" + worker.id(), formOf("冲突" + nonce + "乙", version + 1)).status())
			.isEqualTo(302);
		assertThat(name(worker)).isEqualTo("冲突" + nonce + "乙");
		// the plan changed once: two versions in the history
		assertThat(first.get("/workers/" + worker.id()).body()).contains("id=\"plan-history\"", "留岗过年");
		assertThat(RegionScope.asSystem(() -> workers.planHistory(worker.id()))).hasSize(2);
	}

	@Test
	void aCaseworkerRevealsANumberButOnlyAnAdministratorMerges() {
		Worker keep = RegionScope.asSystem(() -> workers.register(TestPeople.worker("保留" + nonce,
				org.chunfeng.reference.RegionCode.of("320505"))));
		Worker duplicate = RegionScope.asSystem(() -> workers.register(TestPeople.worker("重复" + nonce,
				org.chunfeng.reference.RegionCode.of("320505"))));
		String page = "/workers/" + keep.id();
		ApiClient caseworker = ApiClient.withSession(port, TestAccounts.HUQIU);
		assertThat(caseworker.get(page).body()).contains(keep.idNumberMasked()).doesNotContain("id=\"merge-form\"");
		String full = RegionScope.asSystem(() -> workers.reveal(keep.id(), org.chunfeng.workers.PersonalNumber.ID_NUMBER))
			.orElseThrow();
		assertThat(caseworker.postForm(page, page + "/reveal", "field=ID_NUMBER").status()).isEqualTo(302);
		assertThat(caseworker.get(page).body()).contains(full);
		assertThat(caseworker.postForm(page, page + "/merge", "duplicateId=" + duplicate.id()).status()).isEqualTo(403);

		ApiClient admin = ApiClient.withSession(port, TestAccounts.ADMIN);
		assertThat(admin.postForm(page, page + "/merge", "duplicateId=" + duplicate.id()).status()).isEqualTo(302);
		assertThat(admin.get(page).body()).contains("重复" + nonce);
		assertThat(RegionScope.asSystem(() -> workers.find(duplicate.id())).orElseThrow().mergedInto()).isEqualTo(keep.id());
		assertThat(admin.get("/workers/" + duplicate.id()).body()).doesNotContain("id=\"worker-edit\"");
	}

	private String name(Worker worker) {
		return RegionScope.asSystem(() -> workers.find(worker.id())).orElseThrow().name();
	}

	private static String formOf(String name, int version) {
		return "version=" + version + "&name=" + ApiClient.encode(name) + "&residence=320505&status=SEEKING"
				+ "&plan=" + FestivalPlan.STAYING_PUT + "&consent=true";
	}

	private static int version(String page) {
		Matcher matcher = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(page);
		assertThat(matcher.find()).as("the form carries the version").isTrue();
		return Integer.parseInt(matcher.group(1));
	}
}
