package org.chunfeng.fairs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chunfeng.fairs.internal.FairFixtures.HUQIU;
import static org.chunfeng.fairs.internal.FairFixtures.JSON;
import static org.chunfeng.fairs.internal.FairFixtures.WUZHONG;
import static org.chunfeng.fairs.internal.FairFixtures.fields;
import static org.chunfeng.fairs.internal.FairFixtures.message;
import static org.chunfeng.fairs.internal.FairFixtures.now;
import static org.chunfeng.fairs.internal.FairFixtures.offline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.chunfeng.enterprises.Enterprise;
import org.chunfeng.enterprises.Enterprises;
import org.chunfeng.identity.Accounts;
import org.chunfeng.jobs.JobPosting;
import org.chunfeng.jobs.Jobs;
import org.chunfeng.support.ApiClient;
import org.chunfeng.support.ApiClient.Response;
import org.chunfeng.support.TestAccounts;
import org.chunfeng.workers.Workers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Booths: an enterprise books one with its own published postings (once per fair), a caseworker books for an
 * enterprise, the bureau confirms within the venue's capacity, which the database keeps under concurrent
 * confirmations.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class BoothApiTests {

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

	@Autowired
	JdbcClient jdbc;

	FairFixtures fixtures;

	String nonce;

	@BeforeEach
	void fixtures() {
		fixtures = new FairFixtures(port, accounts, enterprises, workers, jobs);
		nonce = FairFixtures.nonce();
	}

	@Test
	void anEnterpriseBooksOneBoothPerFairWithItsOwnPublishedPostings() {
		long fair = fixtures.publishedFair(TestAccounts.HUQIU, offline("展位" + nonce, now().plusDays(3), 10, null))
			.get("id").asLong();
		// an enterprise of the other district takes part in the 虎丘 fair
		Enterprise own = fixtures.enterprise("参展" + nonce, WUZHONG);
		Enterprise other = fixtures.enterprise("别家" + nonce, WUZHONG);
		JobPosting mine = fixtures.posting(own, "装配工", 5);
		JobPosting theirs = fixtures.posting(other, "焊工", 5);
		ApiClient user = fixtures.api(fixtures.enterpriseUser(own));

		Response foreign = user.post("/api/v1/me/booths", JSON,
				"{\"fairId\": %d, \"postingIds\": [%d]}".formatted(fair, theirs.id()));
		assertThat(foreign.status()).isEqualTo(400);
		assertThat(message(foreign, "postingIds")).isEqualTo("岗位 #" + theirs.id() + " 不是本单位的岗位");
		Response forOther = user.post("/api/v1/me/booths", JSON,
				"{\"fairId\": %d, \"enterpriseId\": %d}".formatted(fair, other.id()));
		assertThat(fields(forOther)).containsExactly("enterpriseId");

		Response requested = user.post("/api/v1/me/booths", JSON,
				"{\"fairId\": %d, \"postingIds\": [%d], \"note\": \"需要电源\"}".formatted(fair, mine.id()));
		assertThat(requested.status()).as(requested.body()).isEqualTo(201);
		JsonNode booth = requested.json();
		assertThat(booth.get("status").asString()).isEqualTo("REQUESTED");
		assertThat(booth.get("enterpriseName").asString()).isEqualTo("参展" + nonce);
		assertThat(booth.get("postingIds").get(0).asLong()).isEqualTo(mine.id());
		// one booth per enterprise and fair
		Response twice = user.post("/api/v1/me/booths", JSON, "{\"fairId\": %d}".formatted(fair));
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.json().get("detail").asString()).isEqualTo("该单位在本场招聘会已有展位申请");
		assertThat(user.get("/api/v1/me/booths").body()).contains("\"id\":" + booth.get("id").asLong());
		// another enterprise's booth is not the user's
		long otherBooth = fixtures.api(TestAccounts.ADMIN).post("/api/v1/fairs/" + fair + "/booths", JSON,
				"{\"enterpriseId\": %d}".formatted(other.id())).json().get("id").asLong();
		assertThat(user.get("/api/v1/me/booths/" + otherBooth).status()).isEqualTo(404);
		assertThat(user.post("/api/v1/me/booths/" + otherBooth + "/withdraw", JSON, "{}").status()).isEqualTo(404);

		// the bureau of the fair decides: the 吴中 caseworker (the enterprise's district) cannot
		long boothId = booth.get("id").asLong();
		assertThat(fixtures.api(TestAccounts.WUZHONG)
			.post("/api/v1/fairs/" + fair + "/booths/" + boothId + "/confirm", JSON, "{}").status()).isEqualTo(404);
		ApiClient huqiu = fixtures.api(TestAccounts.HUQIU);
		Response declined = huqiu.post("/api/v1/fairs/" + fair + "/booths/" + boothId + "/decline", JSON, "{}");
		assertThat(fields(declined)).containsExactly("reason");
		declined = huqiu.post("/api/v1/fairs/" + fair + "/booths/" + boothId + "/decline", JSON,
				"{\"reason\": \"行业不符\"}");
		assertThat(declined.json().get("status").asString()).isEqualTo("DECLINED");
		assertThat(huqiu.post("/api/v1/fairs/" + fair + "/booths/" + boothId + "/confirm", JSON, "{}").status())
			.isEqualTo(409);
		// asked again after the decline, then confirmed, then the postings changed and the booth withdrawn
		Response again = user.post("/api/v1/me/booths", JSON, "{\"fairId\": %d}".formatted(fair));
		assertThat(again.status()).isEqualTo(201);
		assertThat(again.json().get("id").asLong()).isEqualTo(boothId);
		assertThat(again.json().get("postingIds")).isEmpty();
		Response confirmed = huqiu.post("/api/v1/fairs/" + fair + "/booths/" + boothId + "/confirm", JSON, "{}");
		assertThat(confirmed.json().get("status").asString()).isEqualTo("CONFIRMED");
		assertThat(huqiu.get("/api/v1/fairs/" + fair).json().get("boothsConfirmed").asInt()).isEqualTo(1);
		Response attached = user.send("PUT", "/api/v1/me/booths/" + boothId + "/postings", JSON,
				"{\"postingIds\": [%d]}".formatted(mine.id()));
		assertThat(attached.json().get("postingIds").get(0).asLong()).isEqualTo(mine.id());
		Response page = new ApiClient(port).get("/api/v1/public/fairs/" + fair);
		assertThat(page.json().get("booths")).hasSize(1);
		assertThat(page.json().get("booths").get(0).get("postings").get(0).get("url").asString())
			.isEqualTo("/jobs/" + mine.id());
		assertThat(page.body()).doesNotContain("别家" + nonce);
		assertThat(user.post("/api/v1/me/booths/" + boothId + "/withdraw", JSON, "{}").json().get("status")
			.asString()).isEqualTo("WITHDRAWN");
		assertThat(huqiu.get("/api/v1/fairs/" + fair).json().get("boothsConfirmed").asInt()).isZero();
	}

	@Test
	void concurrentConfirmationsNeverExceedTheVenuesBooths() throws Exception {
		int capacity = 3;
		int requests = 8;
		long fair = fixtures.publishedFair(TestAccounts.HUQIU, offline("抢展位" + nonce, now().plusDays(3), capacity,
				null)).get("id").asLong();
		ApiClient huqiu = fixtures.api(TestAccounts.HUQIU);
		List<Long> booths = new ArrayList<>();
		for (int i = 0; i < requests; i++) {
			Enterprise enterprise = fixtures.enterprise("并发" + nonce + i, HUQIU);
			Response booth = huqiu.post("/api/v1/fairs/" + fair + "/booths", JSON,
					"{\"enterpriseId\": %d}".formatted(enterprise.id()));
			assertThat(booth.status()).as(booth.body()).isEqualTo(201);
			booths.add(booth.json().get("id").asLong());
		}
		CyclicBarrier start = new CyclicBarrier(requests);
		ExecutorService pool = Executors.newFixedThreadPool(requests);
		try {
			List<Future<Response>> answers = new ArrayList<>();
			for (long booth : booths) {
				ApiClient client = fixtures.api(TestAccounts.HUQIU);
				Callable<Response> confirm = () -> {
					start.await(30, TimeUnit.SECONDS);
					return client.post("/api/v1/fairs/" + fair + "/booths/" + booth + "/confirm", JSON, "{}");
				};
				answers.add(pool.submit(confirm));
			}
			int confirmed = 0;
			int full = 0;
			for (Future<Response> answer : answers) {
				Response response = answer.get(60, TimeUnit.SECONDS);
				if (response.status() == 200) {
					confirmed++;
				}
				else {
					assertThat(response.status()).as(response.body()).isEqualTo(409);
					assertThat(response.json().get("detail").asString()).isEqualTo("展位已满：本场招聘会的展位已全部确认");
					full++;
				}
			}
			assertThat(confirmed).isEqualTo(capacity);
			assertThat(full).isEqualTo(requests - capacity);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(huqiu.get("/api/v1/fairs/" + fair).json().get("boothsConfirmed").asInt()).isEqualTo(capacity);
		long stored = org.chunfeng.identity.RegionScope.asSystem(() -> jdbc
			.sql("select count(*) from fair_booth where fair_id = ? and status = 'CONFIRMED'").param(fair)
			.query(Long.class).single());
		assertThat(stored).isEqualTo(capacity);
		// the capacity cannot be lowered below what is confirmed
		JsonNode current = huqiu.get("/api/v1/fairs/" + fair).json();
		Response lower = huqiu.send("PUT", "/api/v1/fairs/" + fair, JSON, offline("抢展位" + nonce,
				now().plusDays(3), capacity - 1, null).replace("{", "{\"version\": " + current.get("version") + ", "));
		assertThat(lower.status()).isEqualTo(400);
		assertThat(message(lower, "boothCapacity")).isEqualTo("已确认的展位多于该数，不能改小");
		// and the English refusal is just as clear
		long waiting = -1;
		for (JsonNode booth : huqiu.get("/api/v1/fairs/" + fair + "/booths").json()) {
			if (booth.get("status").asString().equals("REQUESTED")) {
				waiting = booth.get("id").asLong();
			}
		}
		Response more = huqiu.post("/api/v1/fairs/" + fair + "/booths/" + waiting + "/confirm", JSON, "{}",
				"Accept-Language", "en");
		assertThat(more.status()).isEqualTo(409);
		assertThat(more.json().get("detail").asString()).isEqualTo("No booth left: every booth of this fair is confirmed");
	}
}
