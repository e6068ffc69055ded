package org.chunfeng.subsidies.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.chunfeng.identity.Accounts;
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

/**
 * The subsidy-program API as an integrator uses it: caseworkers read the templates, the city's administrator copies
 * one for 2027, fixes its parameters (bad ones named field by field, never a 500), opens and closes it; a stale
 * version, a template, an open program's rules and a step back are 409s that say why.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SubsidyProgramApiTests {

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	ApiClient admin;
	ApiClient huqiu;

	@BeforeEach
	void accounts() {
		TestAccounts.ensure(accounts);
		admin = ApiClient.withToken(port, TestAccounts.ADMIN);
		huqiu = ApiClient.withToken(port, TestAccounts.HUQIU);
	}

	static String unique(String name) {
		return name + " " + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
	}

	long template(ApiClient client, String key) {
		Response list = client.get("/api/v1/subsidy-programs?template=true&size=50");
		assertThat(list.status()).as(list.body()).isEqualTo(200);
		for (JsonNode item : list.json().get("items")) {
			if (item.get("templateKey").asString().equals(key)) {
				return item.get("id").asLong();
			}
		}
		throw new AssertionError("no template " + key);
	}

	static String refund(int version, String name, String rates, String more) {
		return """
				{"version": %d, "name": "%s", "policyYear": 2027, "budgetFen": %s, "openDate": "2027-01-01",
				 "closeDate": "2027-12-31", "basis": "苏人社发〔2027〕1号",
				 "parameters": {"rates": %s, "smallEnterpriseHeadcount": 30, "smallEnterpriseLayoffRateLimitBp": 2000,
				                "automatic": true, "dispatchExcludedFromAutomatic": true %s}}"""
			.formatted(version, name, "100000000", rates, more);
	}

	@Test
	void copiedForANewYearCorrectedOpenedAndClosed() {
		long template = template(huqiu, "refund-2021");
		Response read = huqiu.get("/api/v1/subsidy-programs/" + template);
		assertThat(read.status()).isEqualTo(200);
		JsonNode shipped = read.json();
		assertThat(shipped.get("kind").asString()).isEqualTo("JOB_STABILIZING_REFUND");
		assertThat(shipped.get("template").asBoolean()).isTrue();
		assertThat(shipped.get("details").get("parameters").get("rates").get("small").asInt()).isEqualTo(6000);
		assertThat(shipped.get("details").get("parameters").get("layoffRateLimitBp").asInt()).isEqualTo(550);

		// caseworkers read, administrators write
		assertThat(huqiu.post("/api/v1/subsidy-programs/" + template + "/copies", "application/json",
				"{\"policyYear\": 2027}").status()).isEqualTo(403);
		String name = unique("苏州市稳岗返还 2027");
		Response copied = admin.post("/api/v1/subsidy-programs/" + template + "/copies", "application/json",
				"{\"policyYear\": 2027, \"name\": \"" + name + "\"}");
		assertThat(copied.status()).as(copied.body()).isEqualTo(201);
		long id = copied.json().get("id").asLong();
		assertThat(copied.location()).endsWith("/api/v1/subsidy-programs/" + id);
		JsonNode draft = copied.json();
		assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
		assertThat(draft.get("template").asBoolean()).isFalse();
		assertThat(draft.get("region").get("value").asString()).isEqualTo("320500");
		assertThat(draft.get("details").get("openDate").asString()).isEqualTo("2027-01-01");
		assertThat(draft.get("details").get("parameters")).isEqualTo(shipped.get("details").get("parameters"));
		// the county reads the city's program, but does not change it
		assertThat(huqiu.get("/api/v1/subsidy-programs/" + id).status()).isEqualTo(200);
		assertThat(huqiu.send("PUT", "/api/v1/subsidy-programs/" + id, "application/json",
				refund(0, name, "{\"large\": 3000, \"medium\": 6000, \"small\": 6000, \"micro\": 6000}", ""))
			.status()).isEqualTo(403);

		// bad parameters: each named, in the caller's language
		Response bad = admin.send("PUT", "/api/v1/subsidy-programs/" + id, "application/json",
				refund(0, name, "{\"large\": 3000, \"medium\": 6000, \"small\": 12000, \"micro\": 6000}", ""));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(fields(bad)).containsExactly("parameters.rates.small", "parameters.layoffRateLimitBp");
		assertThat(bad.json().get("errors").get(0).get("message").asString()).isEqualTo("应在 0% 至 100% 之间");
		Response typed = admin.send("PUT", "/api/v1/subsidy-programs/" + id, "application/json",
				refund(0, name, "{\"large\": 3000, \"medium\": 6000, \"small\": \"六成\", \"micro\": 6000}",
						", \"layoffRateLimitBp\": 550"));
		assertThat(typed.status()).isEqualTo(400);
		assertThat(fields(typed)).containsExactly("parameters.rates.small");
		Response english = admin.send("PUT", "/api/v1/subsidy-programs/" + id, "application/json",
				refund(0, "", "{\"large\": 3000, \"medium\": 6000, \"small\": 6000, \"micro\": 6000}",
						", \"layoffRateLimitBp\": 550").replace("\"2027-12-31\"", "\"2026-12-31\""));
		assertThat(english.status()).isEqualTo(400);
		assertThat(fields(english)).containsExactly("name", "closeDate");

		String good = refund(0, name, "{\"large\": 5000, \"medium\": 9000, \"small\": 9000, \"micro\": 9000}",
				", \"layoffRateLimitBp\": 550");
		Response saved = admin.send("PUT", "/api/v1/subsidy-programs/" + id, "application/json", good);
		assertThat(saved.status()).as(saved.body()).isEqualTo(200);
		assertThat(saved.json().get("version").asInt()).isEqualTo(1);
		assertThat(saved.json().get("details").get("budgetFen").asLong()).isEqualTo(100_000_000L);
		assertThat(saved.json().get("details").get("parameters").get("rates").get("small").asInt()).isEqualTo(9000);
		Response stale = admin.send("PUT", "/api/v1/subsidy-programs/" + id, "application/json", good);
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.json().get("currentVersion").asInt()).isEqualTo(1);

		Response opened = admin.post("/api/v1/subsidy-programs/" + id + "/status", "application/json",
				"{\"version\": 1, \"status\": \"OPEN\"}");
		assertThat(opened.status()).as(opened.body()).isEqualTo(200);
		assertThat(opened.json().get("status").asString()).isEqualTo("OPEN");
		Response rules = admin.send("PUT", "/api/v1/subsidy-programs/" + id, "application/json",
				refund(2, name, "{\"large\": 3000, \"medium\": 9000, \"small\": 9000, \"micro\": 9000}",
						", \"layoffRateLimitBp\": 550"));
		assertThat(rules.status()).isEqualTo(409);
		assertThat(rules.json().get("detail").asString()).contains("补贴规则");
		Response budget = admin.send("PUT", "/api/v1/subsidy-programs/" + id, "application/json",
				good.replace("\"version\": 0", "\"version\": 2").replace("100000000", "150000000"));
		assertThat(budget.status()).as(budget.body()).isEqualTo(200);
		assertThat(budget.json().get("details").get("budgetFen").asLong()).isEqualTo(150_000_000L);
		Response closed = admin.post("/api/v1/subsidy-programs/" + id + "/status", "application/json",
				"{\"version\": 3, \"status\": \"CLOSED\"}");
		assertThat(closed.status()).isEqualTo(200);
		Response back = admin.post("/api/v1/subsidy-programs/" + id + "/status", "application/json",
				"{\"version\": 4, \"status\": \"DRAFT\"}");
		assertThat(back.status()).isEqualTo(409);

		// the list filters by kind, year and status
		Response list = huqiu.get("/api/v1/subsidy-programs?kind=JOB_STABILIZING_REFUND&year=2027&status=CLOSED");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains(name);
		assertThat(huqiu.get("/api/v1/subsidy-programs?kind=WORK_FOR_TRAINING&year=2027").body())
			.doesNotContain(name);
	}

	@Test
	void setUpFromScratchWithTheKindsUsualBeneficiary() {
		String name = unique("以工代训 2027");
		Response created = admin.post("/api/v1/subsidy-programs", "application/json", """
				{"kind": "WORK_FOR_TRAINING", "name": "%s", "policyYear": 2027, "budgetFen": 0,
				 "openDate": "2027-01-20", "closeDate": "2027-03-31",
				 "parameters": {"perTraineeMonthFen": 50000, "maxMonthsPerTrainee": 6, "upliftBp": 12000,
				                "livingAllowanceFen": 30000}}""".formatted(name));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().get("details").get("beneficiary").asString()).isEqualTo("ENTERPRISE");
		assertThat(created.json().get("region").get("value").asString()).isEqualTo("320500");
		// a stay-put subsidy pays whom its parameters say
		Response stayPut = admin.post("/api/v1/subsidy-programs", "application/json", """
				{"kind": "STAY_PUT_SUBSIDY", "region": "320505", "name": "%s", "policyYear": 2027, "budgetFen": 0,
				 "openDate": "2027-01-20", "closeDate": "2027-03-31",
				 "parameters": {"perWorkerFen": 100000, "payee": "WORKER"}}""".formatted(unique("留岗补贴")));
		assertThat(stayPut.status()).as(stayPut.body()).isEqualTo(201);
		assertThat(stayPut.json().get("details").get("beneficiary").asString()).isEqualTo("WORKER");
		assertThat(stayPut.json().get("region").get("value").asString()).isEqualTo("320505");
		// nothing to go on, and a kind that is not one: named, no 500
		Response empty = admin.post("/api/v1/subsidy-programs", "application/json", "{\"kind\": \"WORK_FOR_TRAINING\"}",
				"Accept-Language", "en");
		assertThat(empty.status()).isEqualTo(400);
		assertThat(fields(empty)).contains("name", "policyYear", "openDate", "closeDate", "parameters");
		assertThat(admin.post("/api/v1/subsidy-programs", "application/json", "{\"kind\": \"BONUS\"}").status())
			.isEqualTo(400);
		assertThat(admin.post("/api/v1/subsidy-programs", "application/json", "{}").status()).isEqualTo(400);
		assertThat(admin.post("/api/v1/subsidy-programs", "application/json", """
				{"kind": "WORK_FOR_TRAINING", "name": "x", "policyYear": 2027, "budgetFen": 0, "openDate": "2027-01-20",
				 "closeDate": "2027-03-31", "parameters": [1, 2]}""").status()).isEqualTo(400);
	}

	@Test
	void templatesAreReadByTheBureausStaffOnlyAndNeverChanged() {
		long template = template(admin, "stay-put-2021-xiangcheng");
		Response changed = admin.send("PUT", "/api/v1/subsidy-programs/" + template, "application/json", """
				{"version": 0, "name": "x", "policyYear": 2021, "budgetFen": 0, "openDate": "2021-01-01",
				 "closeDate": "2021-12-31", "parameters": {"perWorkerFen": 1, "payee": "ENTERPRISE"}}""");
		assertThat(changed.status()).isEqualTo(409);
		assertThat(changed.json().get("detail").asString()).contains("模板");
		assertThat(admin.post("/api/v1/subsidy-programs/" + template + "/status", "application/json",
				"{\"version\": 0, \"status\": \"OPEN\"}").status()).isEqualTo(409);
		assertThat(admin.get("/api/v1/subsidy-programs/987654321").status()).isEqualTo(404);
		assertThat(new ApiClient(port).get("/api/v1/subsidy-programs").status()).isEqualTo(401);
		assertThat(ApiClient.withToken(port, TestAccounts.AGENCY).get("/api/v1/subsidy-programs").status())
			.isEqualTo(403);
		Response copyAgain = admin.post("/api/v1/subsidy-programs/" + template + "/copies", "application/json",
				"{\"policyYear\": 1999}");
		assertThat(copyAgain.status()).isEqualTo(400);
		assertThat(fields(copyAgain)).containsExactly("policyYear");
	}

	private static List<String> fields(Response response) {
		List<String> fields = new ArrayList<>();
		response.json().get("errors").forEach(error -> fields.add(error.get("field").asString()));
		return fields;
	}
}
