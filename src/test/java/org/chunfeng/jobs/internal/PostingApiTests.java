package org.chunfeng.jobs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;

import org.chunfeng.enterprises.Enterprises;
import org.chunfeng.identity.Accounts;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.reference.MobileNumber;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.support.ApiClient;
import org.chunfeng.support.ApiClient.Response;
import org.chunfeng.support.TestAccounts;
import org.chunfeng.support.TestPeople;
import org.chunfeng.workers.EmploymentStatus;
import org.chunfeng.workers.FestivalPlan;
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
 * The jobs API end to end, by the people who use it: an enterprise posts, the bureau of its district reviews (not
 * the neighbouring district's), anybody reads the published posting, a worker applies, the enterprise hires.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PostingApiTests {

	static final RegionCode HUQIU = RegionCode.of("320505");

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Enterprises enterprises;

	@Autowired
	Workers workers;

	ApiClient enterprise;

	@BeforeEach
	void accounts() {
		TestAccounts.ensure(accounts);
		enterprise = ApiClient.withToken(port, TestAccounts.ensureEnterpriseUser(accounts, enterprises));
	}

	static String posting(String title, int headcount) {
		LocalDate today = LocalDate.now();
		return """
				{"enterpriseId": 999999, "title": "%s", "occupationCode": "6-29-01-01", "description": "流水线",
				 "skills": ["电焊"], "workplaceRegion": "320505", "wageMin": 5000, "wageMax": 6500,
				 "headcount": %d, "startDate": "%s", "endDate": "%s", "shifts": ["DAY", "NIGHT"], "meals": true,
				 "housing": true, "kind": "REGULAR"}""".formatted(title, headcount, today, today.plusMonths(1));
	}

	@Test
	void anEnterprisePostsTheBureauApprovesAWorkerAppliesAndIsHired() {
		Response posted = enterprise.post("/api/v1/postings", "application/json", posting("电子装配工", 2));
		assertThat(posted.status()).as(posted.body()).isEqualTo(201);
		long id = posted.json().get("id").asLong();
		assertThat(posted.json().get("status").asString()).isEqualTo("PENDING_REVIEW");
		// an enterprise user posts for its own enterprise, whatever it names
		assertThat(posted.json().get("enterpriseName").asString()).isEqualTo("测试用户所在单位");

		ApiClient anonymous = new ApiClient(port);
		assertThat(anonymous.get("/api/v1/jobs/" + id).status()).isEqualTo(404);

		ApiClient neighbour = ApiClient.withToken(port, TestAccounts.WUZHONG);
		assertThat(neighbour.post("/api/v1/postings/" + id + "/approval", "application/json", "{\"version\": 0}")
			.status()).isEqualTo(404);
		ApiClient bureau = ApiClient.withToken(port, TestAccounts.HUQIU);
		Response stale = bureau.post("/api/v1/postings/" + id + "/approval", "application/json", "{\"version\": 7}");
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.json().get("currentVersion").asInt()).isZero();
		Response approved = bureau.post("/api/v1/postings/" + id + "/approval", "application/json",
				"{\"version\": 0}");
		assertThat(approved.status()).as(approved.body()).isEqualTo(200);
		assertThat(approved.json().get("status").asString()).isEqualTo("PUBLISHED");

		Response shown = anonymous.get("/api/v1/jobs/" + id);
		assertThat(shown.status()).isEqualTo(200);
		assertThat(shown.body()).contains("电子装配工").doesNotContain("postedBy").doesNotContain(TestAccounts.HUQIU);

		MobileNumber mobile = TestPeople.mobile();
		Worker worker = RegionScope.asSystem(() -> workers.register(TestPeople.worker("应聘的张三", TestPeople.idNumber(),
				mobile, HUQIU, null, EmploymentStatus.SEEKING, null, Set.of(), FestivalPlan.STAYING_PUT,
				RegistrationSource.CASEWORKER)));
		accounts.createWorkerAccount(worker.id(), HUQIU, worker.name(), mobile, TestAccounts.PASSWORD);
		ApiClient self = ApiClient.withToken(port, mobile.value());
		Response applied = self.post("/api/v1/me/applications", "application/json",
				"{\"postingId\": " + id + ", \"message\": \"有电焊证\"}");
		assertThat(applied.status()).as(applied.body()).isEqualTo(201);
		long application = applied.json().get("id").asLong();
		Response again = self.post("/api/v1/me/applications", "application/json", "{\"postingId\": " + id + "}",
				"Accept-Language", "zh-CN");
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("detail").asString()).isEqualTo("您已报名该岗位");
		// a worker does not hire itself
		assertThat(self.post("/api/v1/applications/" + application + "/status", "application/json",
				"{\"version\": 0, \"status\": \"HIRED\"}").status()).isEqualTo(403);

		Response applicants = enterprise.get("/api/v1/postings/" + id + "/applications");
		assertThat(applicants.body()).contains("应聘的张三").contains("有电焊证");
		Response interview = enterprise.post("/api/v1/applications/" + application + "/status", "application/json",
				"{\"version\": 0, \"status\": \"INTERVIEW\", \"note\": \"周一上午九点面试\"}");
		assertThat(interview.status()).as(interview.body()).isEqualTo(200);
		Response hired = enterprise.post("/api/v1/applications/" + application + "/status", "application/json",
				"{\"version\": 1, \"status\": \"HIRED\"}");
		assertThat(hired.status()).as(hired.body()).isEqualTo(200);
		assertThat(self.get("/api/v1/me/applications").body()).contains("HIRED").contains("周一上午九点面试");
		assertThat(enterprise.get("/api/v1/postings/" + id).json().get("hired").asInt()).isEqualTo(1);
		Response withdrawAfterHire = self.post("/api/v1/me/applications/" + application + "/withdrawal",
				"application/json", "{\"version\": 2}");
		assertThat(withdrawAfterHire.status()).isEqualTo(409);
	}

	@Test
	void badPostingsAreRefusedFieldByFieldNeverWithA500() {
		Response missing = enterprise.post("/api/v1/postings", "application/json", "{\"title\": \"普工\"}");
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.body()).contains("occupationCode").contains("wageMin").contains("headcount");
		for (String bad : new String[] { "{\"wageMin\": \"abc\"}", "{\"startDate\": \"2027-13-01\"}",
				"{\"kind\": \"FREELANCE\"}", "{\"workplaceRegion\": \"12\"}", "{\"shifts\": [\"LUNCH\"]}", "[1,2]",
				"not json" }) {
			Response response = enterprise.post("/api/v1/postings", "application/json", bad);
			assertThat(response.status()).as(bad + " " + response.body()).isEqualTo(400);
		}
		Response unknownOccupation = enterprise.post("/api/v1/postings", "application/json",
				posting("普工", 1).replace("6-29-01-01", "9-99-99-99"));
		assertThat(unknownOccupation.status()).isEqualTo(400);
		assertThat(unknownOccupation.body()).contains("occupationCode");
	}

	@Test
	void anEnterpriseSeesOnlyItsOwnPostingsAndReturnedOnesCarryTheReason() {
		Response posted = enterprise.post("/api/v1/postings", "application/json", posting("仓库管理员", 1));
		long id = posted.json().get("id").asLong();
		ApiClient bureau = ApiClient.withToken(port, TestAccounts.HUQIU);
		Response returned = bureau.post("/api/v1/postings/" + id + "/return", "application/json",
				"{\"version\": 0, \"reason\": \"请写明工作地址\"}");
		assertThat(returned.status()).as(returned.body()).isEqualTo(200);
		assertThat(enterprise.get("/api/v1/postings/" + id).body()).contains("RETURNED").contains("请写明工作地址");
		// an enterprise user does not approve its own posting
		assertThat(enterprise.post("/api/v1/postings/" + id + "/approval", "application/json", "{\"version\": 1}")
			.status()).isEqualTo(403);
		Response revised = enterprise.send("PUT", "/api/v1/postings/" + id, "application/json",
				posting("仓库管理员", 1).replace("{\"enterpriseId\": 999999,", "{\"version\": 1,"));
		assertThat(revised.status()).as(revised.body()).isEqualTo(200);
		assertThat(revised.json().get("status").asString()).isEqualTo("PENDING_REVIEW");
		// the bureau's postings elsewhere are not this enterprise's business
		Response all = enterprise.get("/api/v1/postings?size=200");
		assertThat(all.json().get("items").valueStream().map(item -> item.get("id").asLong()).toList()).contains(id);
		all.json().get("items").forEach(item -> assertThat(item.get("enterpriseName").asString())
			.isEqualTo("测试用户所在单位"));
	}
}
