package org.chunfeng.enterprises.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.chunfeng.enterprises.Enterprise;
import org.chunfeng.enterprises.Enterprises;
import org.chunfeng.enterprises.EvidenceSource;
import org.chunfeng.enterprises.InsuranceEvidence;
import org.chunfeng.enterprises.InsuranceYear;
import org.chunfeng.enterprises.KeyCategory;
import org.chunfeng.enterprises.NewEnterprise;
import org.chunfeng.identity.Accounts;
import org.chunfeng.identity.NewAccount;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.identity.Role;
import org.chunfeng.reference.CreditCode;
import org.chunfeng.reference.Money;
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

import tools.jackson.databind.JsonNode;

/**
 * The enterprise registry through the REST API: search and filters inside the caller's region, registration with
 * the duplicate answer, optimistic edits, bad input named field by field, merges, contacts and insurance years, and
 * the enterprise user's own record.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class EnterpriseApiTests {

	private static final String JSON = "application/json";
	private static final RegionCode HUQIU = RegionCode.of("320505");
	private static final RegionCode WUZHONG = RegionCode.of("320506");

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Enterprises enterprises;

	/** Makes this run's names unique in the shared test database. */
	String nonce;

	@BeforeEach
	void accounts() {
		TestAccounts.ensure(accounts);
		nonce = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
	}

	@Test
	void searchFindsByTextAndFiltersInsideTheRegion() {
		register(new NewEnterprise(TestPeople.creditCode(), "筛选" + nonce + "汽车", HUQIU, null, "36", 1200,
				KeyCategory.CONTINUOUS_PRODUCTION, false, 500_000_000L, null));
		register(new NewEnterprise(TestPeople.creditCode(), "筛选" + nonce + "餐饮", HUQIU, null, "62", 30, null, true,
				5_000_000L, null));
		Enterprise elsewhere = register(new NewEnterprise(TestPeople.creditCode(), "筛选" + nonce + "吴中", WUZHONG,
				null, "36", 10, null, false));
		ApiClient huqiu = ApiClient.withToken(port, TestAccounts.HUQIU);

		assertThat(names(huqiu, "")).hasSize(2).noneMatch(n -> n.endsWith("吴中"));
		assertThat(names(huqiu, "&keyOnly=true")).containsExactly("筛选" + nonce + "汽车");
		assertThat(names(huqiu, "&labourDispatch=true")).containsExactly("筛选" + nonce + "餐饮");
		assertThat(names(huqiu, "&industry=C")).containsExactly("筛选" + nonce + "汽车");
		assertThat(names(huqiu, "&industry=62")).containsExactly("筛选" + nonce + "餐饮");
		assertThat(names(huqiu, "&sizeClass=LARGE")).containsExactly("筛选" + nonce + "汽车");
		assertThat(names(huqiu, "&sizeClass=SMALL")).containsExactly("筛选" + nonce + "餐饮");

		ApiClient admin = ApiClient.withToken(port, TestAccounts.ADMIN);
		assertThat(names(admin, "")).hasSize(3);
		assertThat(names(admin, "&region=320506")).containsExactly(elsewhere.name());
		Response byCode = admin.get("/api/v1/enterprises?q=" + elsewhere.creditCode().value());
		assertThat(byCode.json().get("totalElements").asLong()).isEqualTo(1);
		assertThat(huqiu.get("/api/v1/enterprises?q=" + elsewhere.creditCode().value()).json().get("totalElements")
			.asLong()).isZero();

		assertBadRequestNaming(huqiu.get("/api/v1/enterprises?sizeClass=HUGE"), "sizeClass");
		assertBadRequestNaming(huqiu.get("/api/v1/enterprises?page=-1"), "page");
		assertBadRequestNaming(huqiu.get("/api/v1/enterprises?region=12"), "region");
		assertThat(ApiClient.withToken(port, TestAccounts.AGENCY).get("/api/v1/enterprises").status()).isEqualTo(403);
	}

	@Test
	void registeringTwiceAnswers409WithTheExistingRecordWhenVisible() {
		CreditCode code = TestPeople.creditCode();
		String body = """
				{"creditCode": "%s", "name": "登记%s精密", "region": "320505", "address": "虎丘区金山路1号",
				 "industryCode": "39", "employeeCount": 350, "keyCategory": "DAILY_NECESSITIES",
				 "labourDispatch": false, "revenueYuan": 30000000}""".formatted(code.value(), nonce);
		ApiClient huqiu = ApiClient.withToken(port, TestAccounts.HUQIU);
		Response created = huqiu.post("/api/v1/enterprises", JSON, body);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		assertThat(created.location()).endsWith("/api/v1/enterprises/" + id);
		assertThat(created.json().get("creditCode").get("value").asString()).isEqualTo(code.value());
		// 工业: 350 persons reach 中型, 3000 万元 reach 中型
		assertThat(created.json().get("sizeClass").asString()).isEqualTo("MEDIUM");

		Response again = huqiu.post("/api/v1/enterprises", JSON, body);
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("existing").asString()).isEqualTo("/api/v1/enterprises/" + id);
		assertThat(again.location()).endsWith("/api/v1/enterprises/" + id);
		assertThat(again.json().get("errors").get(0).get("field").asString()).isEqualTo("creditCode");

		// registered in another district: a duplicate still, but the record stays out of sight
		Response elsewhere = ApiClient.withToken(port, TestAccounts.WUZHONG).post("/api/v1/enterprises", JSON,
				body.replace("320505", "320506"));
		assertThat(elsewhere.status()).isEqualTo(409);
		assertThat(elsewhere.json().has("existing")).isFalse();
		assertThat(elsewhere.body()).doesNotContain("登记" + nonce);
	}

	@Test
	void anUpdateBasedOnAnOldVersionIsRefusedWith409() {
		Enterprise enterprise = register(new NewEnterprise(TestPeople.creditCode(), "修改" + nonce, HUQIU, null, "36",
				100, null, false));
		ApiClient huqiu = ApiClient.withToken(port, TestAccounts.HUQIU);
		String path = "/api/v1/enterprises/" + enterprise.id();
		String change = """
				{"creditCode": "%s", "name": "%s", "region": "320505", "industryCode": "36", "employeeCount": 150,
				 "version": %d}""";
		Response first = huqiu.send("PUT", path, JSON,
				change.formatted(enterprise.creditCode().value(), "修改" + nonce + "一", enterprise.version()));
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		assertThat(first.json().get("version").asInt()).isEqualTo(enterprise.version() + 1);
		assertThat(first.json().get("employeeCount").asInt()).isEqualTo(150);

		Response second = huqiu.send("PUT", path, JSON,
				change.formatted(enterprise.creditCode().value(), "修改" + nonce + "二", enterprise.version()));
		assertThat(second.status()).isEqualTo(409);
		assertThat(second.json().get("currentVersion").asInt()).isEqualTo(enterprise.version() + 1);
		assertThat(huqiu.get(path).json().get("name").asString()).isEqualTo("修改" + nonce + "一");

		assertBadRequestNaming(huqiu.send("PUT", path, JSON, "{\"creditCode\": \"" + enterprise.creditCode().value()
				+ "\", \"name\": \"x\", \"region\": \"320505\"}"), "version");
		assertBadRequestNaming(huqiu.send("PUT", path, JSON,
				change.formatted(TestPeople.creditCode().value(), "x", enterprise.version() + 1)), "creditCode");
		assertThat(ApiClient.withToken(port, TestAccounts.WUZHONG).send("PUT", path, JSON,
				change.formatted(enterprise.creditCode().value(), "x", enterprise.version() + 1)).status())
			.isEqualTo(404);
	}

	@Test
	void badInputIsA400NamingEveryFieldNeverA500() {
		ApiClient huqiu = ApiClient.withToken(port, TestAccounts.HUQIU);
		Response bad = huqiu.post("/api/v1/enterprises", JSON, """
				{"creditCode": "91320505MA1234567", "name": " ", "region": "99", "industryCode": "ZZ",
				 "employeeCount": -1, "revenueYuan": -5, "totalAssetsYuan": -1}""");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(fields(bad)).contains("creditCode", "name", "region", "industryCode", "employeeCount",
				"revenueYuan", "totalAssetsYuan");
		assertBadRequestNaming(huqiu.post("/api/v1/enterprises", JSON, "{}"), "creditCode");
		assertBadRequestNaming(huqiu.post("/api/v1/enterprises", JSON,
				"{\"creditCode\": \"" + TestPeople.creditCode().value() + "\", \"name\": \"外区\", \"region\": \"320506\"}"),
				"region");
		assertBadRequestNaming(huqiu.post("/api/v1/enterprises", JSON, "{\"keyCategory\": \"NOPE\"}"), "keyCategory");
		assertBadRequestNaming(huqiu.post("/api/v1/enterprises", JSON, "{\"employeeCount\": \"many\"}"),
				"employeeCount");
		assertThat(huqiu.post("/api/v1/enterprises", JSON, "{not json").status()).isEqualTo(400);
		assertThat(huqiu.post("/api/v1/enterprises", JSON, "").status()).isEqualTo(400);
		assertBadRequestNaming(huqiu.send("PUT", "/api/v1/enterprises/1/insurance/2025", JSON,
				"{\"insuredHeadcount\": 3, \"premiums\": \"12.345\"}"), "premiums");
		assertBadRequestNaming(huqiu.send("PUT", "/api/v1/enterprises/1/insurance/1999", JSON,
				"{\"insuredHeadcount\": -3, \"premiums\": \"12\"}"), "year");
		assertThat(huqiu.send("PUT", "/api/v1/enterprises/1/insurance/twenty", JSON, "{}").status()).isEqualTo(400);
	}

	@Test
	void administratorsMergeDuplicatesCaseworkersMayNot() {
		Enterprise keep = register(new NewEnterprise(TestPeople.creditCode(), "合并" + nonce + "保留", HUQIU, null,
				null, 10, null, false));
		Enterprise duplicate = register(new NewEnterprise(TestPeople.creditCode(), "合并" + nonce + "重复", HUQIU,
				null, null, 10, null, false));
		String path = "/api/v1/enterprises/" + keep.id() + "/merge";
		String body = "{\"duplicateId\": " + duplicate.id() + "}";
		assertThat(ApiClient.withToken(port, TestAccounts.HUQIU).post(path, JSON, body).status()).isEqualTo(403);

		ApiClient admin = ApiClient.withToken(port, TestAccounts.ADMIN);
		assertBadRequestNaming(admin.post(path, JSON, "{}"), "duplicateId");
		assertBadRequestNaming(admin.post(path, JSON, "{\"duplicateId\": " + keep.id() + "}"), "duplicateId");
		Response merged = admin.post(path, JSON, body);
		assertThat(merged.status()).as(merged.body()).isEqualTo(200);
		assertThat(merged.json().get("id").asLong()).isEqualTo(keep.id());
		JsonNode old = admin.get("/api/v1/enterprises/" + duplicate.id()).json();
		assertThat(old.get("mergedInto").asLong()).isEqualTo(keep.id());
		assertThat(names(admin, "")).containsExactly("合并" + nonce + "保留");
		assertBadRequestNaming(admin.post(path, JSON, body), "duplicateId");
	}

	@Test
	void contactsAndInsuranceYearsThroughTheApi() {
		Enterprise enterprise = register(new NewEnterprise(TestPeople.creditCode(), "联系" + nonce, HUQIU, null, null,
				10, null, false));
		String base = "/api/v1/enterprises/" + enterprise.id();
		ApiClient huqiu = ApiClient.withToken(port, TestAccounts.HUQIU);
		Response added = huqiu.post(base + "/contacts", JSON,
				"{\"name\": \"王经理\", \"title\": \"人事经理\", \"mobile\": \"13800138000\"}");
		assertThat(added.status()).as(added.body()).isEqualTo(201);
		assertThat(added.json().get("mobileMasked").asString()).isEqualTo("138****8000");
		assertThat(added.body()).doesNotContain("13800138000");
		long contactId = added.json().get("id").asLong();
		assertThat(huqiu.get(base + "/contacts").json()).hasSize(1);
		Response unreachable = huqiu.post(base + "/contacts", JSON, "{\"name\": \"\", \"email\": \"not-mail\"}");
		assertThat(fields(unreachable)).contains("contactName", "contactEmail");
		assertThat(ApiClient.withToken(port, TestAccounts.WUZHONG).get(base + "/contacts").status()).isEqualTo(404);
		assertThat(ApiClient.withToken(port, TestAccounts.WUZHONG).method("DELETE", base + "/contacts/" + contactId)
			.status()).isEqualTo(404);
		assertThat(huqiu.method("DELETE", base + "/contacts/" + contactId).status()).isEqualTo(204);
		assertThat(huqiu.method("DELETE", base + "/contacts/" + contactId).status()).isEqualTo(404);
		assertThat(huqiu.get(base + "/contacts").json()).isEmpty();

		Response year = huqiu.send("PUT", base + "/insurance/2025", JSON,
				"{\"insuredHeadcount\": 80, \"premiums\": \"12345.67\"}");
		assertThat(year.status()).as(year.body()).isEqualTo(200);
		assertThat(year.json().get("premiums").asString()).isEqualTo("12345.67");
		assertThat(year.json().get("source").asString()).isEqualTo("CASEWORKER");
		huqiu.send("PUT", base + "/insurance/2024", JSON, "{\"insuredHeadcount\": 70, \"premiums\": \"9,000\"}");
		JsonNode years = huqiu.get(base + "/insurance").json();
		assertThat(years).hasSize(2);
		assertThat(years.get(0).get("year").asInt()).isEqualTo(2025);
		assertThat(years.get(1).get("premiums").asString()).isEqualTo("9000.00");
	}

	@Test
	void anEnterpriseUserWorksOnItsOwnRecordOnly() {
		Enterprise own = register(new NewEnterprise(TestPeople.creditCode(), "自助" + nonce, HUQIU, null, "36", 50,
				KeyCategory.OTHER, false));
		Enterprise other = register(new NewEnterprise(TestPeople.creditCode(), "他人" + nonce, HUQIU, null, null, 5,
				null, false));
		ApiClient user = ApiClient.withToken(port, enterpriseUser(own));
		Response me = user.get("/api/v1/me/enterprise");
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().get("id").asLong()).isEqualTo(own.id());
		assertThat(user.get("/api/v1/enterprises/" + other.id()).status()).isEqualTo(403);
		assertThat(user.get("/api/v1/enterprises?q=" + ApiClient.encode(nonce)).status()).isEqualTo(403);
		assertThat(ApiClient.withToken(port, TestAccounts.HUQIU).get("/api/v1/me/enterprise").status()).isEqualTo(403);

		// credit code, region and key category are the bureau's: sent values are ignored
		Response saved = user.send("PUT", "/api/v1/me/enterprise", JSON, """
				{"creditCode": "%s", "name": "自助%s改名", "region": "320506", "keyCategory": null, "industryCode": "36",
				 "employeeCount": 60, "revenueYuan": 12000000, "version": %d}"""
			.formatted(other.creditCode().value(), nonce, own.version()));
		assertThat(saved.status()).as(saved.body()).isEqualTo(200);
		assertThat(saved.json().get("name").asString()).isEqualTo("自助" + nonce + "改名");
		assertThat(saved.json().get("creditCode").get("value").asString()).isEqualTo(own.creditCode().value());
		assertThat(saved.json().get("region").get("value").asString()).isEqualTo("320505");
		assertThat(saved.json().get("keyCategory").asString()).isEqualTo("OTHER");
		assertThat(user.send("PUT", "/api/v1/me/enterprise", JSON,
				"{\"name\": \"再改\", \"version\": " + own.version() + "}").status()).isEqualTo(409);
		assertBadRequestNaming(user.send("PUT", "/api/v1/me/enterprise", JSON, "{\"name\": \"再改\"}"), "version");

		Response contact = user.post("/api/v1/me/enterprise/contacts", JSON,
				"{\"name\": \"李会计\", \"email\": \"li@example.com\"}");
		assertThat(contact.status()).isEqualTo(201);
		assertThat(user.get("/api/v1/me/enterprise/contacts").json()).hasSize(1);
		long othersContact = RegionScope.asSystem(() -> enterprises.addContact(other.id(),
				EnterpriseForms.contact("他人联系人", null, null, "x@example.com")).id());
		assertThat(user.method("DELETE", "/api/v1/me/enterprise/contacts/" + othersContact).status()).isEqualTo(404);
		assertThat(RegionScope.asSystem(() -> enterprises.contacts(other.id()))).hasSize(1);
	}

	@Test
	void anEnterpriseMayNotReplaceAYearFromTheSocialInsuranceFile() {
		Enterprise own = register(new NewEnterprise(TestPeople.creditCode(), "社保" + nonce, HUQIU, null, null, 50,
				null, false));
		RegionScope.asSystem(() -> enterprises.upsertInsurance(List.of(new InsuranceEvidence(own.creditCode(),
				new InsuranceYear(2025, 48, Money.parse("20000"), EvidenceSource.IMPORT, null)))));
		ApiClient user = ApiClient.withToken(port, enterpriseUser(own));

		Response refused = user.send("PUT", "/api/v1/me/enterprise/insurance/2025", JSON,
				"{\"insuredHeadcount\": 99, \"premiums\": \"1.00\"}");
		assertBadRequestNaming(refused, "year");
		assertThat(refused.json().get("detail").asString()).contains("社保");
		Response reported = user.send("PUT", "/api/v1/me/enterprise/insurance/2026", JSON,
				"{\"insuredHeadcount\": 52, \"premiums\": \"21000.50\"}");
		assertThat(reported.status()).as(reported.body()).isEqualTo(200);
		assertThat(reported.json().get("source").asString()).isEqualTo("ENTERPRISE");
		// the enterprise may correct its own year, and a caseworker may correct an imported one
		assertThat(user.send("PUT", "/api/v1/me/enterprise/insurance/2026", JSON,
				"{\"insuredHeadcount\": 53, \"premiums\": \"21000.50\"}").status()).isEqualTo(200);
		assertThat(ApiClient.withToken(port, TestAccounts.HUQIU).send("PUT",
				"/api/v1/enterprises/" + own.id() + "/insurance/2025", JSON,
				"{\"insuredHeadcount\": 49, \"premiums\": \"20000\"}").status()).isEqualTo(200);

		JsonNode years = user.get("/api/v1/me/enterprise/insurance").json();
		assertThat(years.get(0).get("insuredHeadcount").asInt()).isEqualTo(53);
		assertThat(years.get(1).get("insuredHeadcount").asInt()).isEqualTo(49);
	}

	@Test
	void anEnterpriseUserOfAMergedRecordWorksOnTheRecordKept() {
		Enterprise keep = register(new NewEnterprise(TestPeople.creditCode(), "保留" + nonce, HUQIU, null, null, 5,
				null, false));
		Enterprise duplicate = register(new NewEnterprise(TestPeople.creditCode(), "重复" + nonce, HUQIU, null, null, 5,
				null, false));
		String username = enterpriseUser(duplicate);
		RegionScope.asSystem(() -> enterprises.merge(keep.id(), duplicate.id()));
		Response me = ApiClient.withToken(port, username).get("/api/v1/me/enterprise");
		assertThat(me.json().get("id").asLong()).isEqualTo(keep.id());
	}

	/** An enterprise user of the enterprise, signed in with a fresh name. */
	private String enterpriseUser(Enterprise enterprise) {
		String username = "ent-" + nonce + "-" + enterprise.id();
		accounts.create(new NewAccount(username, username, TestAccounts.PASSWORD, Role.ENTERPRISE_USER,
				enterprise.region(), null, Set.of(), enterprise.id(), null, false));
		return username;
	}

	private Enterprise register(NewEnterprise enterprise) {
		return RegionScope.asSystem(() -> enterprises.register(enterprise));
	}

	/** Names of this test's enterprises the client finds with the extra filters. */
	private List<String> names(ApiClient client, String filters) {
		Response response = client.get("/api/v1/enterprises?q=" + ApiClient.encode(nonce) + filters);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		List<String> names = new ArrayList<>();
		response.json().get("items").forEach(item -> names.add(item.get("name").asString()));
		return names;
	}

	private static List<String> fields(Response response) {
		List<String> fields = new ArrayList<>();
		JsonNode errors = response.json().get("errors");
		if (errors != null) {
			errors.forEach(error -> fields.add(error.has("field") ? error.get("field").asString() : null));
		}
		return fields;
	}

	/** A 400 Problem Details response naming the field (or any 400 when {@code field} is null). */
	private static void assertBadRequestNaming(Response response, String field) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		if (field != null) {
			assertThat(fields(response)).as(response.body()).contains(field);
		}
	}
}
