package org.chunfeng.fairs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chunfeng.fairs.internal.FairFixtures.HUQIU;
import static org.chunfeng.fairs.internal.FairFixtures.JSON;
import static org.chunfeng.fairs.internal.FairFixtures.WUZHONG;
import static org.chunfeng.fairs.internal.FairFixtures.fields;
import static org.chunfeng.fairs.internal.FairFixtures.now;
import static org.chunfeng.fairs.internal.FairFixtures.offline;

import org.chunfeng.enterprises.Enterprise;
import org.chunfeng.enterprises.Enterprises;
import org.chunfeng.identity.Accounts;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.jobs.ApplicationChannel;
import org.chunfeng.jobs.ApplicationStatus;
import org.chunfeng.jobs.JobApplication;
import org.chunfeng.jobs.JobPosting;
import org.chunfeng.jobs.Jobs;
import org.chunfeng.support.ApiClient;
import org.chunfeng.support.ApiClient.Response;
import org.chunfeng.support.TestAccounts;
import org.chunfeng.workers.Worker;
import org.chunfeng.workers.Workers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * Intentions at the booth: identified by the worker's ticket (at the enterprise's own booth) or from the registry
 * (staff), each becomes the worker's application to the posting; when the enterprise hires, the fair and its series
 * count the hire.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class IntentionApiTests {

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Enterprises enterprises;

	@Autowired
	Workers workers;

	@Autowired
	Jobs jobs;

	FairFixtures fixtures;

	String nonce;

	@BeforeEach
	void fixtures() {
		fixtures = new FairFixtures(port, accounts, enterprises, workers, jobs);
		nonce = FairFixtures.nonce();
	}

	@Test
	void anIntentionAtTheBoothBecomesAnApplicationAndItsHireIsCountedByTheFair() {
		// a city fair: an enterprise of 虎丘 meets a worker of 吴中, neither sees the other's district
		long fair = fixtures.publishedFair(TestAccounts.ADMIN, offline("意向" + nonce, now().minusHours(1), 10, null))
			.get("id").asLong();
		Enterprise enterprise = fixtures.enterprise("意向企业" + nonce, HUQIU);
		JobPosting posting = fixtures.posting(enterprise, "电工", 2);
		JobPosting notShown = fixtures.posting(enterprise, "仓管", 2);
		ApiClient booth = fixtures.api(fixtures.enterpriseUser(enterprise));
		long boothId = booth.post("/api/v1/me/booths", JSON,
				"{\"fairId\": %d, \"postingIds\": [%d]}".formatted(fair, posting.id())).json().get("id").asLong();
		Worker worker = fixtures.worker("求职" + nonce, WUZHONG);
		String code = fixtures.api(fixtures.workerUser(worker)).post("/api/v1/me/fair-registrations", JSON,
				"{\"fairId\": %d}".formatted(fair)).json().get("code").asString();

		String intention = "{\"postingId\": %d, \"code\": \"%s\", \"note\": \"持电工证\"}".formatted(posting.id(), code);
		Response early = booth.post("/api/v1/me/booths/" + boothId + "/intentions", JSON, intention);
		assertThat(early.status()).isEqualTo(409);
		assertThat(early.json().get("detail").asString()).isEqualTo("展位尚未确认，不能登记意向");
		ApiClient admin = fixtures.api(TestAccounts.ADMIN);
		assertThat(admin.post("/api/v1/fairs/" + fair + "/booths/" + boothId + "/confirm", JSON, "{}").status())
			.isEqualTo(200);

		assertThat(fields(booth.post("/api/v1/me/booths/" + boothId + "/intentions", JSON,
				"{\"postingId\": %d, \"code\": \"%s\"}".formatted(notShown.id(), code)))).containsExactly("postingId");
		assertThat(fields(booth.post("/api/v1/me/booths/" + boothId + "/intentions", JSON,
				"{\"postingId\": %d}".formatted(posting.id())))).containsExactly("code");
		Response recorded = booth.post("/api/v1/me/booths/" + boothId + "/intentions", JSON, intention);
		assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
		JsonNode made = recorded.json();
		assertThat(made.get("workerName").asString()).isEqualTo("求职" + nonce);
		assertThat(made.get("outcome").asString()).isEqualTo("APPLIED");
		assertThat(made.get("registrationId").isNull()).isFalse();
		// recorded twice (a second scan), it stays one intention on one application
		assertThat(booth.post("/api/v1/me/booths/" + boothId + "/intentions", JSON, intention).json().get("id")
			.asLong()).isEqualTo(made.get("id").asLong());
		JobApplication application = RegionScope.within(HUQIU,
				() -> jobs.findApplication(made.get("applicationId").asLong())).orElseThrow();
		assertThat(application.channel()).isEqualTo(ApplicationChannel.FAIR);
		assertThat(application.workerId()).isEqualTo(worker.id());
		assertThat(application.postingId()).isEqualTo(posting.id());
		assertThat(application.message()).isEqualTo("持电工证");

		// the enterprise follows the application up to the hire, where it follows every application
		RegionScope.within(HUQIU, () -> {
			JobApplication interview = jobs.move(application.id(), application.version(), ApplicationStatus.INTERVIEW,
					"周一面试");
			return jobs.move(interview.id(), interview.version(), ApplicationStatus.HIRED, null);
		});
		JsonNode figures = admin.get("/api/v1/fairs/" + fair + "/figures").json();
		assertThat(figures.get("registrations").asInt()).isEqualTo(1);
		assertThat(figures.get("booths").asInt()).isEqualTo(1);
		assertThat(figures.get("postings").asInt()).isEqualTo(1);
		assertThat(figures.get("intentions").asInt()).isEqualTo(1);
		assertThat(figures.get("hires").asInt()).isEqualTo(1);
		assertThat(booth.get("/api/v1/me/booths/" + boothId + "/intentions").json().get(0).get("outcome").asString())
			.isEqualTo("HIRED");
		// the posting with an intention stays at the booth
		assertThat(booth.send("PUT", "/api/v1/me/booths/" + boothId + "/postings", JSON, "{\"postingIds\": []}").json()
			.get("postingIds")).hasSize(1);
	}

	@Test
	void staffRecordAnIntentionForAWorkerFromTheRegistryAndAWorkerWhoAppliedKeepsTheApplication() {
		long fair = fixtures.fairNow("登记意向" + nonce, 10, null).get("id").asLong();
		Enterprise enterprise = fixtures.enterprise("现场" + nonce, HUQIU);
		JobPosting posting = fixtures.posting(enterprise, "叉车工", 3);
		ApiClient staff = fixtures.api(TestAccounts.HUQIU);
		long boothId = staff.post("/api/v1/fairs/" + fair + "/booths", JSON,
				"{\"enterpriseId\": %d, \"postingIds\": [%d]}".formatted(enterprise.id(), posting.id())).json().get("id")
			.asLong();
		staff.post("/api/v1/fairs/" + fair + "/booths/" + boothId + "/confirm", JSON, "{}");
		Worker walkIn = fixtures.worker("现场来" + nonce, HUQIU);
		Worker applied = fixtures.worker("先报名" + nonce, HUQIU);
		JobApplication before = RegionScope.within(HUQIU,
				() -> jobs.apply(posting.id(), applied.id(), ApplicationChannel.SELF, null, "self"));

		Response byRegistry = staff.post("/api/v1/fairs/" + fair + "/intentions", JSON,
				"{\"postingId\": %d, \"workerId\": %d}".formatted(posting.id(), walkIn.id()));
		assertThat(byRegistry.status()).as(byRegistry.body()).isEqualTo(201);
		assertThat(byRegistry.json().get("registrationId").isNull()).isTrue();
		Response reused = staff.post("/api/v1/fairs/" + fair + "/intentions", JSON,
				"{\"postingId\": %d, \"workerId\": %d}".formatted(posting.id(), applied.id()));
		assertThat(reused.json().get("applicationId").asLong()).isEqualTo(before.id());
		assertThat(staff.get("/api/v1/fairs/" + fair + "/intentions").json()).hasSize(2);
		assertThat(fields(staff.post("/api/v1/fairs/" + fair + "/intentions", JSON, "{\"postingId\": 987654321}")))
			.containsExactly("postingId");
		// 吴中 records nothing at a 虎丘 fair
		assertThat(fixtures.api(TestAccounts.WUZHONG).post("/api/v1/fairs/" + fair + "/intentions", JSON,
				"{\"postingId\": %d, \"workerId\": %d}".formatted(posting.id(), walkIn.id())).status()).isEqualTo(404);
	}

	@Test
	void aSeriesCountsTheHiresOfItsFairs() {
		ApiClient staff = fixtures.api(TestAccounts.HUQIU);
		java.time.LocalDate today = java.time.LocalDate.now(FairFixtures.BEIJING);
		java.time.LocalTime start = now().toLocalTime().minusMinutes(30);
		java.time.LocalTime end = start.plusHours(1).isAfter(start) ? start.plusHours(1) : java.time.LocalTime.MAX;
		if (now().toLocalTime().isBefore(java.time.LocalTime.of(0, 31)) || !end.isAfter(now().toLocalTime())) {
			org.junit.jupiter.api.Assumptions.abort("a fair of today cannot be on now at this minute of the day");
		}
		Response series = staff.post("/api/v1/fair-series", JSON, """
				{"title": "系列%s", "weekdays": ["%s"], "firstDay": "%s", "lastDay": "%s", "startTime": "%s",
				 "endTime": "%s", "mode": "OFFLINE", "venue": "市场", "address": "金山路", "boothCapacity": 5}"""
			.formatted(nonce, today.getDayOfWeek(), today, today.plusDays(14), start, end));
		assertThat(series.status()).as(series.body()).isEqualTo(201);
		long seriesId = series.json().get("series").get("id").asLong();
		staff.post("/api/v1/fair-series/" + seriesId + "/publish", JSON, "{}");
		long fair = series.json().get("fairs").get(0).get("fair").get("id").asLong();
		Enterprise enterprise = fixtures.enterprise("系列企业" + nonce, HUQIU);
		JobPosting posting = fixtures.posting(enterprise, "普工", 5);
		long boothId = staff.post("/api/v1/fairs/" + fair + "/booths", JSON,
				"{\"enterpriseId\": %d, \"postingIds\": [%d]}".formatted(enterprise.id(), posting.id())).json().get("id")
			.asLong();
		staff.post("/api/v1/fairs/" + fair + "/booths/" + boothId + "/confirm", JSON, "{}");
		Worker worker = fixtures.worker("系列求职" + nonce, HUQIU);
		long application = staff.post("/api/v1/fairs/" + fair + "/intentions", JSON,
				"{\"postingId\": %d, \"workerId\": %d}".formatted(posting.id(), worker.id())).json().get("applicationId")
			.asLong();
		RegionScope.within(HUQIU, () -> jobs.move(application, 0, ApplicationStatus.HIRED, null));
		JsonNode view = staff.get("/api/v1/fair-series/" + seriesId).json();
		assertThat(view.get("figures").get("fairs").asInt()).isEqualTo(3);
		assertThat(view.get("figures").get("intentions").asInt()).isEqualTo(1);
		assertThat(view.get("figures").get("hires").asInt()).isEqualTo(1);
		assertThat(view.get("fairs").get(0).get("figures").get("hires").asInt()).isEqualTo(1);
		assertThat(view.get("fairs").get(1).get("figures").get("hires").asInt()).isZero();
	}
}
