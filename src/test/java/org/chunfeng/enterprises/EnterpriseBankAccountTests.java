package org.chunfeng.enterprises;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.chunfeng.identity.Accounts;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.reference.RegionCode;
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

/**
 * The enterprise's basic account (对公基本存款账户), where its subsidies are paid: set by a caseworker on the record's
 * page and by the enterprise user on its own page, shown there, refused with every bad field named (and what was
 * typed kept); the same through the API; another district's record is out of reach.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class EnterpriseBankAccountTests {

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Enterprises enterprises;

	@BeforeEach
	void accounts() {
		TestAccounts.ensure(accounts);
	}

	Enterprise huqiu(String name) {
		return RegionScope.asSystem(() -> enterprises.register(new NewEnterprise(TestPeople.creditCode(),
				name + System.nanoTime(), RegionCode.of("320505"), null, "36", 20, null, false)));
	}

	static String path(Response redirect) {
		assertThat(redirect.status()).as(redirect.body()).isEqualTo(302);
		return URI.create(redirect.location()).getRawPath();
	}

	@Test
	void aCaseworkerSetsTheAccountOnTheRecordsPage() {
		Enterprise enterprise = huqiu("开户测试单位");
		String page = "/enterprises/" + enterprise.id();
		ApiClient caseworker = ApiClient.withSession(port, TestAccounts.HUQIU);
		assertThat(caseworker.get(page).body()).contains("id=\"bank-form\"").contains("id=\"bank-account-none\"");

		// both fields wrong: both named, what was typed stays
		assertThat(path(caseworker.postForm(page, page + "/bank-account", "bankName=&bankAccount=6222-12ab")))
			.isEqualTo(page);
		String refused = caseworker.get(page).body();
		assertThat(refused).contains("id=\"bank-errors\"").contains("开户行：必填").contains("账号：对公基本存款账户须为 8 至 30 位数字")
			.contains("value=\"6222-12ab\"").contains("id=\"bank-account-none\"");
		assertThat(RegionScope.asSystem(() -> enterprises.bankAccounts(java.util.List.of(enterprise.id())))).isEmpty();
		// in English too
		caseworker.get(page + "?lang=en");
		caseworker.postForm(page, page + "/bank-account", "bankName=" + ApiClient.encode("银".repeat(61))
				+ "&bankAccount=1234567");
		assertThat(caseworker.get(page).body()).contains("The bank name may have at most 60 characters")
			.contains("The basic deposit account must be 8 to 30 digits");
		caseworker.get(page + "?lang=zh_CN");

		assertThat(path(caseworker.postForm(page, page + "/bank-account", "bankName="
				+ ApiClient.encode("中国银行苏州虎丘支行") + "&bankAccount=" + ApiClient.encode("4780 0123-4567 89"))))
			.isEqualTo(page);
		String saved = caseworker.get(page).body();
		assertThat(saved).contains("对公基本存款账户已保存").contains("id=\"bank-account-shown\"").contains("中国银行苏州虎丘支行")
			.contains("47800123456789").doesNotContain("id=\"bank-errors\"");
		assertThat(RegionScope.asSystem(() -> enterprises.bankAccounts(java.util.List.of(enterprise.id()))))
			.containsEntry(enterprise.id(), new BasicAccount("中国银行苏州虎丘支行", "47800123456789"));

		// the sibling district's caseworker cannot set it, nor see the page
		ApiClient wuzhong = ApiClient.withSession(port, TestAccounts.WUZHONG);
		assertThat(wuzhong.postForm("/", page + "/bank-account", "bankName=x&bankAccount=12345678").status())
			.isEqualTo(404);
		assertThat(RegionScope.asSystem(() -> enterprises.bankAccounts(java.util.List.of(enterprise.id()))).get(
				enterprise.id()).number()).isEqualTo("47800123456789");
	}

	@Test
	void theApiSetsReadsAndRemovesTheAccount() {
		Enterprise enterprise = huqiu("开户接口测试单位");
		String address = "/api/v1/enterprises/" + enterprise.id() + "/bank-account";
		ApiClient api = ApiClient.withToken(port, TestAccounts.HUQIU);
		assertThat(api.get(address).status()).isEqualTo(404);
		Response bad = api.send("PUT", address, "application/json", "{\"bankName\": \" \", \"number\": \"12\"}");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("bankName").contains("bankAccount").contains("对公基本存款账户须为 8 至 30 位数字");
		Response ok = api.send("PUT", address, "application/json",
				"{\"bankName\": \"苏州银行虎丘支行\", \"number\": \"5120 0001 2345 6789\"}");
		assertThat(ok.status()).isEqualTo(200);
		assertThat(ok.json().get("number").asString()).isEqualTo("5120000123456789");
		assertThat(api.get(address).json().get("bankName").asString()).isEqualTo("苏州银行虎丘支行");
		// not for the sibling district
		ApiClient wuzhong = ApiClient.withToken(port, TestAccounts.WUZHONG);
		assertThat(wuzhong.get(address).status()).isEqualTo(404);
		assertThat(wuzhong.send("PUT", address, "application/json",
				"{\"bankName\": \"x\", \"number\": \"12345678\"}").status()).isEqualTo(404);
		assertThat(wuzhong.method("DELETE", address).status()).isEqualTo(404);
		assertThat(api.get(address).json().get("number").asString()).isEqualTo("5120000123456789");
		assertThat(api.method("DELETE", address).status()).isEqualTo(204);
		assertThat(api.get(address).status()).isEqualTo(404);
	}

	@Test
	void theEnterpriseUserSetsItsOwnAccount() {
		String user = TestAccounts.ensureEnterpriseUser(accounts, enterprises);
		ApiClient own = ApiClient.withSession(port, user);
		assertThat(own.get("/my-enterprise").body()).contains("id=\"bank-form\"");
		assertThat(path(own.postForm("/my-enterprise", "/my-enterprise/bank-account", "bankName=x&bankAccount=abc")))
			.isEqualTo("/my-enterprise");
		assertThat(own.get("/my-enterprise").body()).contains("id=\"bank-errors\"")
			.contains("对公基本存款账户须为 8 至 30 位数字").contains("value=\"abc\"");
		String number = "62" + String.format("%014d", System.nanoTime() % 100_000_000_000_000L);
		assertThat(path(own.postForm("/my-enterprise", "/my-enterprise/bank-account",
				"bankName=" + ApiClient.encode("中国建设银行苏州分行") + "&bankAccount=" + number)))
			.isEqualTo("/my-enterprise");
		assertThat(own.get("/my-enterprise").body()).contains("对公基本存款账户已保存").contains(number);
		ApiClient api = ApiClient.withToken(port, user);
		assertThat(api.get("/api/v1/me/enterprise/bank-account").json().get("number").asString()).isEqualTo(number);
		assertThat(api.send("PUT", "/api/v1/me/enterprise/bank-account", "application/json",
				"{\"bankName\": \"中国建设银行苏州分行\", \"number\": \"1\"}").status()).isEqualTo(400);
	}
}
