package org.chunfeng.training.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

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
 * The training API end to end, by the people who use it: the bureau of 虎丘 lists a project (not the neighbouring
 * district), 吴中 refers one of its workers to it, the worker takes a place on the phone, 虎丘 certifies the
 * completion; a full project, a stale version and a move the state does not allow are 409s that say why.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class TrainingApiTests {

	static final RegionCode WUZHONG = RegionCode.of("320506");

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Workers workers;

	@Autowired
	Enterprises enterprises;

	ApiClient huqiu;
	ApiClient wuzhong;

	@BeforeEach
	void accounts() {
		TestAccounts.ensure(accounts);
		huqiu = ApiClient.withToken(port, TestAccounts.HUQIU);
		wuzhong = ApiClient.withToken(port, TestAccounts.WUZHONG);
	}

	static String project(String title, int places) {
		LocalDate today = LocalDate.now();
		return """
				{"provider": "虎丘职业培训学校", "title": "%s", "occupationCode": "6-31-01-03",
				 "skills": ["低压电工作业"], "delivery": "OFFLINE", "venueRegion": "320505", "venue": "金山路 88 号",
				 "startDate": "%s", "endDate": "%s", "places": %d, "subsidyEligible": true, "subsidyFen": 180000}"""
			.formatted(title, today, today.plusDays(30), places);
	}

	long create(String title, int places) {
		Response created = huqiu.post("/api/v1/training-projects", "application/json", project(title, places));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	record SignedInWorker(Worker worker, ApiClient api) {
	}

	SignedInWorker worker(String name, RegionCode residence) {
		MobileNumber mobile = TestPeople.mobile();
		Worker worker = RegionScope.asSystem(() -> workers.register(TestPeople.worker(name, TestPeople.idNumber(),
				mobile, residence, null, EmploymentStatus.SEEKING, null, java.util.Set.of(), FestivalPlan.STAYING_PUT,
				RegistrationSource.CASEWORKER)));
		accounts.createWorkerAccount(worker.id(), residence, name, mobile, TestAccounts.PASSWORD);
		return new SignedInWorker(worker, ApiClient.withToken(port, mobile.value()));
	}

	@Test
	void listedReferredAcrossDistrictsEnrolledOnThePhoneAndCompleted() {
		long id = create("电工上岗证培训", 5);
		Response shown = wuzhong.get("/api/v1/training-projects/" + id);
		assertThat(shown.status()).isEqualTo(200);
		assertThat(shown.json().get("details").get("subsidyFen").asLong()).isEqualTo(180000);
		// the neighbouring district reads the catalogue but does not change the project
		assertThat(wuzhong.send("PUT", "/api/v1/training-projects/" + id, "application/json",
				project("改名", 5).replace("{", "{\"version\": 0, ")).status()).isEqualTo(404);
		assertThat(wuzhong.post("/api/v1/training-projects/" + id + "/closure", "application/json",
				"{\"version\": 0}").status()).isEqualTo(404);

		SignedInWorker trainee = worker("吴中学员", WUZHONG);
		Response referred = wuzhong.post("/api/v1/training-projects/" + id + "/referrals", "application/json",
				"{\"workerId\": " + trainee.worker().id() + ", \"note\": \"春节留苏\"}");
		assertThat(referred.status()).as(referred.body()).isEqualTo(201);
		long referral = referred.json().get("id").asLong();
		Response again = wuzhong.post("/api/v1/training-projects/" + id + "/referrals", "application/json",
				"{\"workerId\": " + trainee.worker().id() + "}", "Accept-Language", "zh-CN");
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("detail").asString()).isEqualTo("该劳动者已被推荐参加此项目");
		// 虎丘 cannot see 吴中's worker, so it cannot refer them
		assertThat(huqiu.post("/api/v1/training-projects/" + id + "/referrals", "application/json",
				"{\"workerId\": " + worker("另一个吴中学员", WUZHONG).worker().id() + "}").status()).isEqualTo(404);

		// the project's bureau sees the trainee from elsewhere
		assertThat(huqiu.get("/api/v1/training-projects/" + id + "/referrals").body()).contains("吴中学员")
			.contains("春节留苏");

		Response mine = trainee.api().get("/api/v1/me/training-referrals");
		assertThat(mine.status()).isEqualTo(200);
		assertThat(mine.body()).contains("电工上岗证培训").contains("REFERRED");
		// a worker does not certify itself
		assertThat(trainee.api().post("/api/v1/me/training-referrals/" + referral + "/status", "application/json",
				"{\"version\": 0, \"status\": \"COMPLETED\"}").status()).isEqualTo(400);
		assertThat(trainee.api().post("/api/v1/training-referrals/" + referral + "/status", "application/json",
				"{\"version\": 0, \"status\": \"COMPLETED\"}").status()).isEqualTo(403);
		Response stale = trainee.api().post("/api/v1/me/training-referrals/" + referral + "/status",
				"application/json", "{\"version\": 3, \"status\": \"ENROLLED\"}");
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.json().get("currentVersion").asInt()).isZero();
		Response enrolled = trainee.api().post("/api/v1/me/training-referrals/" + referral + "/status",
				"application/json", "{\"version\": 0, \"status\": \"ENROLLED\"}");
		assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(200);
		assertThat(enrolled.json().get("status").asString()).isEqualTo("ENROLLED");
		assertThat(huqiu.get("/api/v1/training-projects/" + id).json().get("enrolled").asInt()).isEqualTo(1);

		// completion is the project's bureau's word, not the referring district's
		assertThat(wuzhong.post("/api/v1/training-referrals/" + referral + "/status", "application/json",
				"{\"version\": 1, \"status\": \"COMPLETED\"}").status()).isEqualTo(403);
		Response completed = huqiu.post("/api/v1/training-referrals/" + referral + "/status", "application/json",
				"{\"version\": 1, \"status\": \"COMPLETED\", \"certificateNo\": \"SZ2027-001\"}");
		assertThat(completed.status()).as(completed.body()).isEqualTo(200);
		assertThat(completed.json().get("certificateNo").asString()).isEqualTo("SZ2027-001");
		Response twice = huqiu.post("/api/v1/training-referrals/" + referral + "/status", "application/json",
				"{\"version\": 2, \"status\": \"DROPPED_OUT\"}");
		assertThat(twice.status()).isEqualTo(409);
		assertThat(trainee.api().get("/api/v1/me/training-referrals/" + referral).body()).contains("COMPLETED");
		// another district's caseworker that is on neither side sees nothing of it
		assertThat(ApiClient.withToken(port, TestAccounts.AGENCY).get("/api/v1/training-referrals/" + referral)
			.status()).isEqualTo(403);
	}

	@Test
	void aFullProjectRefusesTheNextEnrolmentWithTheReason() {
		long id = create("育婴员培训", 1);
		SignedInWorker first = worker("第一位", RegionCode.of("320505"));
		SignedInWorker second = worker("第二位", RegionCode.of("320505"));
		long a = huqiu.post("/api/v1/training-projects/" + id + "/referrals", "application/json",
				"{\"workerId\": " + first.worker().id() + "}").json().get("id").asLong();
		long b = huqiu.post("/api/v1/training-projects/" + id + "/referrals", "application/json",
				"{\"workerId\": " + second.worker().id() + "}").json().get("id").asLong();
		assertThat(huqiu.post("/api/v1/training-referrals/" + a + "/status", "application/json",
				"{\"version\": 0, \"status\": \"ENROLLED\"}").status()).isEqualTo(200);
		Response full = second.api().post("/api/v1/me/training-referrals/" + b + "/status", "application/json",
				"{\"version\": 0, \"status\": \"ENROLLED\"}", "Accept-Language", "en");
		assertThat(full.status()).isEqualTo(409);
		assertThat(full.json().get("detail").asString()).isEqualTo("This training project is full");
		Response declined = second.api().post("/api/v1/me/training-referrals/" + b + "/status", "application/json",
				"{\"version\": 0, \"status\": \"DECLINED\", \"note\": \"名额已满\"}");
		assertThat(declined.status()).isEqualTo(200);
		// another worker's referral is not found for this worker
		assertThat(first.api().get("/api/v1/me/training-referrals/" + b).status()).isEqualTo(404);
		// and a third worker is not referred to a full project
		assertThat(huqiu.post("/api/v1/training-projects/" + id + "/referrals", "application/json",
				"{\"workerId\": " + worker("第三位", RegionCode.of("320505")).worker().id() + "}").status())
			.isEqualTo(409);
	}

	@Test
	void theCatalogueFiltersAndOnlyStaffAndWorkersReadIt() {
		long id = create("叉车司机培训（筛选）", 3);
		Response online = huqiu.post("/api/v1/training-projects", "application/json", """
				{"provider": "苏州人社云课堂", "title": "电商直播培训（筛选）", "occupationCode": "4-01-06-02",
				 "delivery": "ONLINE", "startDate": "%s", "endDate": "%s", "places": 100}"""
			.formatted(LocalDate.now(), LocalDate.now().plusDays(10)));
		assertThat(online.status()).as(online.body()).isEqualTo(201);
		long onlineId = online.json().get("id").asLong();
		String onlineOnly = huqiu.get("/api/v1/training-projects?size=200&delivery=ONLINE&q="
				+ ApiClient.encode("筛选")).body();
		assertThat(onlineOnly).contains("电商直播培训（筛选）").doesNotContain("叉车司机培训（筛选）");
		String subsidised = huqiu.get("/api/v1/training-projects?size=200&subsidyEligible=true&occupation=6-31&region=320505&openOn="
				+ LocalDate.now()).body();
		assertThat(subsidised).contains("\"id\":" + id).doesNotContain("\"id\":" + onlineId);
		String later = huqiu.get("/api/v1/training-projects?size=200&q=" + ApiClient.encode("筛选") + "&openOn="
				+ LocalDate.now().plusDays(20)).body();
		assertThat(later).contains("叉车司机培训（筛选）").doesNotContain("电商直播培训（筛选）");

		SignedInWorker worker = worker("看目录的人", RegionCode.of("320505"));
		assertThat(worker.api().get("/api/v1/training-projects?q=" + ApiClient.encode("筛选")).status()).isEqualTo(200);
		assertThat(worker.api().get("/api/v1/training-projects/" + id + "/referrals").status()).isEqualTo(403);
		assertThat(worker.api().post("/api/v1/training-projects", "application/json", project("自建", 1)).status())
			.isEqualTo(403);
		ApiClient enterprise = ApiClient.withToken(port, TestAccounts.ensureEnterpriseUser(accounts, enterprises));
		assertThat(enterprise.get("/api/v1/training-projects").status()).isEqualTo(403);
		assertThat(new ApiClient(port).get("/api/v1/training-projects").status()).isEqualTo(401);
	}

	@Test
	void badProjectsAreRefusedFieldByFieldNeverWithA500() {
		Response missing = huqiu.post("/api/v1/training-projects", "application/json", "{\"title\": \"电工\"}");
		assertThat(missing.status()).isEqualTo(400);
		assertThat(missing.body()).contains("provider").contains("occupationCode").contains("places")
			.contains("delivery");
		for (String bad : new String[] { "{\"places\": \"abc\"}", "{\"startDate\": \"2027-13-01\"}",
				"{\"delivery\": \"BY_POST\"}", "{\"venueRegion\": \"12\"}", "{\"region\": \"999999\"}",
				"{\"subsidyFen\": 1.5}", "[1,2]", "not json" }) {
			Response response = huqiu.post("/api/v1/training-projects", "application/json", bad);
			assertThat(response.status()).as(bad + " " + response.body()).isEqualTo(400);
		}
		Response unknownOccupation = huqiu.post("/api/v1/training-projects", "application/json",
				project("普工", 1).replace("6-31-01-03", "9-99-99-99"));
		assertThat(unknownOccupation.status()).isEqualTo(400);
		assertThat(unknownOccupation.body()).contains("occupationCode");
		Response notEligible = huqiu.post("/api/v1/training-projects", "application/json",
				project("普工", 1).replace("\"subsidyEligible\": true", "\"subsidyEligible\": false"));
		assertThat(notEligible.status()).isEqualTo(400);
		assertThat(notEligible.body()).contains("subsidyFen");
		Response otherRegion = huqiu.post("/api/v1/training-projects", "application/json",
				project("越权", 1).replace("{", "{\"region\": \"320506\", "));
		assertThat(otherRegion.status()).isEqualTo(400);
		long id = create("状态测试", 2);
		for (String bad : new String[] { "{}", "{\"version\": 0}", "{\"version\": 0, \"status\": \"FLYING\"}",
				"{\"status\": \"ENROLLED\"}" }) {
			Response response = huqiu.post("/api/v1/training-referrals/987654321/status", "application/json", bad);
			assertThat(response.status()).as(bad).isEqualTo(bad.contains("FLYING") ? 400 : 404);
		}
		Response cancelWithout = huqiu.post("/api/v1/training-projects/" + id + "/cancellation", "application/json",
				"{\"version\": 0}");
		assertThat(cancelWithout.status()).isEqualTo(400);
		Response cancelled = huqiu.post("/api/v1/training-projects/" + id + "/cancellation", "application/json",
				"{\"version\": 0, \"reason\": \"机构停办\"}");
		assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
		assertThat(huqiu.post("/api/v1/training-projects/" + id + "/closure", "application/json", "{\"version\": 1}")
			.status()).isEqualTo(409);
	}
}
