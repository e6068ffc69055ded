package org.chunfeng.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.chunfeng.identity.Accounts;
import org.chunfeng.identity.NewAccount;
import org.chunfeng.identity.Role;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.support.ApiClient;
import org.chunfeng.support.ApiClient.Response;
import org.chunfeng.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** Account management and the audit log, by administrators of a city and of a county, over HTTP. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AccountAdministrationTests {

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@BeforeEach
	void accounts() {
		TestAccounts.ensure(accounts);
	}

	private static String unique(String prefix) {
		return prefix + System.nanoTime() % 1_000_000_000L;
	}

	private Response create(ApiClient admin, String username, String region) {
		return admin.post("/api/v1/accounts", "application/json", """
				{"username": "%s", "displayName": "测试专员", "password": "%s", "role": "CASEWORKER", "region": "%s"}"""
			.formatted(username, TestAccounts.PASSWORD, region));
	}

	@Test
	void aCityAdministratorCreatesACaseworkerWhoSignsInAndTheCreationIsAudited() {
		ApiClient admin = ApiClient.withToken(port, TestAccounts.ADMIN);
		String username = unique("t-cw-");
		Response created = create(admin, username, "320505");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode account = created.json();
		assertThat(account.get("mustChangePassword").asBoolean()).isTrue();
		assertThat(created.body()).doesNotContain("password_hash").doesNotContain("passwordHash").doesNotContain("$argon")
			.doesNotContain("{bcrypt}").doesNotContain(TestAccounts.PASSWORD);
		ApiClient caseworker = ApiClient.withToken(port, username);
		assertThat(caseworker.get("/api/v1/auth/me").json().get("region").asString()).isEqualTo("320505");
		long id = account.get("id").asLong();
		assertThat(admin.get("/api/v1/accounts/" + id).json().get("username").asString()).isEqualTo(username);
		assertThat(admin.get("/api/v1/accounts?q=" + username).json().get("totalElements").asLong()).isEqualTo(1);

		Response entries = admin.get("/api/v1/audit?action=account.created&recordType=account&size=200");
		assertThat(entries.status()).isEqualTo(200);
		assertThat(entries.body()).contains(username).doesNotContain(TestAccounts.PASSWORD);

		Response csv = admin.get("/api/v1/audit/export?action=account.");
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.contentType()).startsWith("text/csv");
		assertThat(csv.body()).startsWith("\uFEFF");
		assertThat(csv.body().lines().findFirst().orElseThrow()).contains("时间").contains("操作人");
		assertThat(csv.body()).contains(username).contains("account.created");
		Response exported = admin.get("/api/v1/audit?action=audit.exported&actor=" + TestAccounts.ADMIN);
		assertThat(exported.json().get("totalElements").asLong()).isPositive();

		ApiClient console = ApiClient.withSession(port, TestAccounts.ADMIN);
		Response page = console.get("/admin/audit.csv?lang=en");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).startsWith("\uFEFF").contains("Time").contains("Actor");
		assertThat(console.get("/admin/accounts?q=" + username).body()).contains(username);
		assertThat(console.get("/admin/audit").body()).contains("account.created");
	}

	@Test
	void aCountyAdministratorStaysInsideItsCounty() {
		ApiClient city = ApiClient.withToken(port, TestAccounts.ADMIN);
		String countyAdmin = unique("t-adm-");
		Response made = city.post("/api/v1/accounts", "application/json", """
				{"username": "%s", "displayName": "虎丘管理员", "password": "%s", "role": "ADMINISTRATOR", "region": "320505",
				 "mustChangePassword": false}"""
			.formatted(countyAdmin, TestAccounts.PASSWORD));
		assertThat(made.status()).as(made.body()).isEqualTo(201);
		String other = unique("t-wz-");
		long otherId = create(city, other, "320506").json().get("id").asLong();
		String own = unique("t-hq-");
		long ownId = create(city, own, "320505").json().get("id").asLong();

		accounts.findByUsername(countyAdmin).orElseThrow();
		ApiClient county = ApiClient.withToken(port, countyAdmin);
		// the account was created with a must-change password: the API still works with a token
		Response list = county.get("/api/v1/accounts?size=200");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains(own).doesNotContain(other).doesNotContain(TestAccounts.WUZHONG);
		assertThat(county.get("/api/v1/accounts/" + otherId).status()).isEqualTo(404);
		assertThat(county.send("PATCH", "/api/v1/accounts/" + otherId, "application/json", "{\"displayName\": \"x\"}")
			.status()).isEqualTo(404);
		assertThat(county.method("POST", "/api/v1/accounts/" + otherId + "/password-reset").status()).isEqualTo(404);
		Response outside = create(county, unique("t-out-"), "320506");
		assertThat(outside.status()).isEqualTo(400);
		assertThat(outside.json().get("errors").get(0).get("field").asString()).isEqualTo("region");
		Response move = county.send("PATCH", "/api/v1/accounts/" + ownId, "application/json", "{\"region\": \"320506\"}");
		assertThat(move.status()).isEqualTo(400);
		assertThat(move.json().get("errors").get(0).get("field").asString()).isEqualTo("region");
		Response renamed = county.send("PATCH", "/api/v1/accounts/" + ownId, "application/json",
				"{\"displayName\": \"改名\", \"enabled\": false}");
		assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
		assertThat(renamed.json().get("enabled").asBoolean()).isFalse();
		ApiClient console = ApiClient.withSession(port, countyAdmin);
		assertThat(console.get("/admin/accounts/" + otherId).status()).isEqualTo(404);
		assertThat(console.get("/admin/accounts?size=200").body()).contains(own).doesNotContain(other);
		// the audit log is scoped by the database: the other county's entries stay invisible, in the export too
		assertThat(county.get("/api/v1/audit?size=200&action=account.").body()).contains(own).doesNotContain(other);
		assertThat(county.get("/api/v1/audit/export").body()).contains(own).doesNotContain(other);
		Response form = console.postForm("/admin/accounts", "username=" + unique("t-form-")
				+ "&displayName=x&password=" + TestAccounts.PASSWORD + "&role=CASEWORKER&region=320506");
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.body()).contains("is-invalid").contains("只能指定本辖区内的行政区划");
	}

	@Test
	void badInputNamesTheField() {
		ApiClient admin = ApiClient.withToken(port, TestAccounts.ADMIN);
		Response bad = admin.post("/api/v1/accounts", "application/json",
				"{\"username\": \"A\", \"displayName\": \"x\", \"password\": \"short\", \"role\": \"NOPE\", \"region\": \"320505\"}");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("\"username\"").contains("\"password\"").contains("\"role\"");
	}

	@Test
	void theConsoleFormsCreateShowErrorsNextToFieldsAndShowAOneTimePasswordOnce() {
		ApiClient console = ApiClient.withSession(port, TestAccounts.ADMIN);
		String token = csrf(console.get("/admin/accounts/new").body());
		String username = unique("t-page-");
		Response refused = console.post("/admin/accounts", "application/x-www-form-urlencoded", "username=" + username
				+ "&displayName=x&password=" + TestAccounts.PASSWORD + "&role=CASEWORKER&region=110101&_csrf=" + token);
		assertThat(refused.status()).isEqualTo(200);
		assertThat(refused.body()).contains("is-invalid").contains("只能指定本辖区内的行政区划");
		Response created = console.post("/admin/accounts", "application/x-www-form-urlencoded", "username=" + username
				+ "&displayName=x&password=" + TestAccounts.PASSWORD + "&role=AGENCY_VIEWER&region=320500&agency=MIIT"
				+ "&categories=KEY_ENTERPRISES&_csrf=" + token);
		assertThat(created.status()).as(created.body()).isEqualTo(302);
		String page = created.location().replaceFirst("^https?://[^/]+", "");
		assertThat(console.get(page).body()).contains(username).contains("工业和信息化局");
		Response reset = console.post(page + "/password-reset", "application/x-www-form-urlencoded", "_csrf=" + token);
		assertThat(reset.status()).isEqualTo(200);
		java.util.regex.Matcher shown = java.util.regex.Pattern.compile("<code class=\"fs-5\">([^<]+)</code>")
			.matcher(reset.body());
		assertThat(shown.find()).isTrue();
		assertThat(console.get(page).body()).doesNotContain(shown.group(1));
		assertThat(ApiClient.withSession(port, username, shown.group(1)).get("/").location())
			.endsWith("/account/password");
	}

	private static String csrf(String page) {
		java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"")
			.matcher(page);
		assertThat(csrf.find()).isTrue();
		return csrf.group(1);
	}

	@Test
	void othersAreRefused() {
		ApiClient caseworker = ApiClient.withToken(port, TestAccounts.HUQIU);
		assertThat(caseworker.get("/api/v1/accounts").status()).isEqualTo(403);
		assertThat(caseworker.get("/api/v1/audit").status()).isEqualTo(403);
		assertThat(caseworker.get("/api/v1/audit/export").status()).isEqualTo(403);
		ApiClient console = ApiClient.withSession(port, TestAccounts.HUQIU);
		assertThat(console.get("/admin/accounts").status()).isEqualTo(403);
		assertThat(console.get("/admin/audit").status()).isEqualTo(403);
		assertThat(console.get("/admin/audit.csv").status()).isEqualTo(403);
		assertThat(console.get("/").body()).doesNotContain("/admin/accounts");
	}

	@Test
	void aPasswordResetGivesAOneTimePasswordThatMustBeChanged() {
		String username = unique("t-reset-");
		accounts.create(new NewAccount(username, "reset", TestAccounts.PASSWORD, Role.REVIEWER, RegionCode.of("320505"),
				null, Set.of(), null, null, false));
		ApiClient admin = ApiClient.withToken(port, TestAccounts.ADMIN);
		long id = admin.get("/api/v1/accounts?q=" + username).json().get("items").get(0).get("id").asLong();
		Response reset = admin.method("POST", "/api/v1/accounts/" + id + "/password-reset");
		assertThat(reset.status()).as(reset.body()).isEqualTo(200);
		String oneTime = reset.json().get("oneTimePassword").asString();
		assertThat(oneTime).hasSizeGreaterThanOrEqualTo(10);
		assertThat(admin.get("/api/v1/accounts/" + id).body()).doesNotContain(oneTime);
		ApiClient user = ApiClient.withSession(port, username, oneTime);
		assertThat(user.get("/").location()).endsWith("/account/password");
		assertThat(admin.get("/api/v1/audit?action=account.passwordReset").body()).contains(username)
			.doesNotContain(oneTime);
	}
}
