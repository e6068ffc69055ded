package org.chunfeng.fairs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chunfeng.fairs.internal.FairFixtures.HUQIU;
import static org.chunfeng.fairs.internal.FairFixtures.JSON;
import static org.chunfeng.fairs.internal.FairFixtures.WUZHONG;
import static org.chunfeng.fairs.internal.FairFixtures.fields;
import static org.chunfeng.fairs.internal.FairFixtures.now;
import static org.chunfeng.fairs.internal.FairFixtures.offline;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.chunfeng.enterprises.Enterprises;
import org.chunfeng.identity.Accounts;
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
 * Registrations and the door: a worker registers (of any district) and holds an unguessable ticket; the fair admits
 * no more than its capacity; a ticket checks in once, also when scanned twice at the same moment; a ticket of another
 * fair, a cancelled or unknown one is refused, saying why; a cancelled fair keeps its registrations, shown cancelled.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class RegistrationApiTests {

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
	void aWorkerRegistersHoldsATicketAndIsCheckedInOnce() {
		long fair = fixtures.fairNow("入场" + nonce, 10, null).get("id").asLong();
		// a worker of 吴中 at a 虎丘 fair
		Worker worker = fixtures.worker("报名" + nonce, WUZHONG);
		ApiClient me = fixtures.api(fixtures.workerUser(worker));
		Response registered = me.post("/api/v1/me/fair-registrations", JSON, "{\"fairId\": %d}".formatted(fair));
		assertThat(registered.status()).as(registered.body()).isEqualTo(201);
		JsonNode ticket = registered.json();
		String code = ticket.get("code").asString();
		assertThat(code).matches("[2-9A-HJ-NP-Z]{12}");
		assertThat(ticket.get("workerName").asString()).isEqualTo("报名" + nonce);
		// registering again returns the same ticket
		assertThat(me.post("/api/v1/me/fair-registrations", JSON, "{\"fairId\": %d}".formatted(fair)).json().get("code")
			.asString()).isEqualTo(code);
		assertThat(me.get("/api/v1/me/fair-registrations").body()).contains(code);
		Response qr = me.get("/api/v1/me/fair-registrations/" + ticket.get("id").asLong() + "/qr");
		assertThat(qr.contentType()).startsWith("image/svg+xml");
		assertThat(qr.body()).startsWith("<svg").contains("<path");
		assertThat(fields(me.post("/api/v1/me/fair-registrations", JSON,
				"{\"fairId\": %d, \"workerId\": 1}".formatted(fair)))).containsExactly("workerId");

		ApiClient door = fixtures.api(TestAccounts.HUQIU);
		assertThat(fields(door.post("/api/v1/fairs/" + fair + "/check-ins", JSON, "{\"code\": \"abc\"}")))
			.containsExactly("code");
		assertThat(fields(door.post("/api/v1/fairs/" + fair + "/check-ins", JSON, "{}"))).containsExactly("code");
		// typed as it is printed: lower case, groups of four
		String typed = (code.substring(0, 4) + "-" + code.substring(4, 8) + " " + code.substring(8)).toLowerCase();
		Response in = door.post("/api/v1/fairs/" + fair + "/check-ins", JSON, "{\"code\": \"%s\"}".formatted(typed));
		assertThat(in.status()).as(in.body()).isEqualTo(200);
		assertThat(in.json().get("workerName").asString()).isEqualTo("报名" + nonce);
		assertThat(in.json().get("checkedInAt").isNull()).isFalse();
		Response again = door.post("/api/v1/fairs/" + fair + "/check-ins", JSON, "{\"code\": \"%s\"}".formatted(code));
		assertThat(again.status()).isEqualTo(409);
		String time = java.time.LocalDateTime.ofInstant(java.time.Instant.parse(in.json().get("checkedInAt").asString()),
				FairFixtures.BEIJING).format(DateTimeFormatter.ofPattern("HH:mm"));
		assertThat(again.json().get("detail").asString())
			.isEqualTo("报名" + nonce + " 已于 " + time + " 入场，入场码只能使用一次");
		Response english = door.post("/api/v1/fairs/" + fair + "/check-ins", JSON,
				"{\"code\": \"%s\"}".formatted(code), "Accept-Language", "en");
		assertThat(english.json().get("detail").asString())
			.isEqualTo("报名" + nonce + " was checked in at " + time + ": a ticket is used once");
		// a checked-in registration stays
		assertThat(me.post("/api/v1/me/fair-registrations/" + ticket.get("id").asLong() + "/cancel", JSON, "{}")
			.status()).isEqualTo(409);
		// unknown code
		Response unknown = door.post("/api/v1/fairs/" + fair + "/check-ins", JSON, "{\"code\": \"2222-2222-2222\"}");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(door.get("/api/v1/fairs/" + fair + "/figures").json().get("attendance").asInt()).isEqualTo(1);
		// the 吴中 caseworker is not at this fair's door
		assertThat(fixtures.api(TestAccounts.WUZHONG).post("/api/v1/fairs/" + fair + "/check-ins", JSON,
				"{\"code\": \"%s\"}".formatted(code)).status()).isEqualTo(404);
	}

	@Test
	void aTicketOfAnotherFairIsRefusedSayingWhichFair() {
		long here = fixtures.fairNow("本场" + nonce, 10, null).get("id").asLong();
		long there = fixtures.publishedFair(TestAccounts.ADMIN, offline("别场" + nonce, now().plusDays(4), 10, null)
			.replace("{", "{\"region\": \"320506\", ")).get("id").asLong();
		Worker worker = fixtures.worker("他场" + nonce, HUQIU);
		ApiClient caseworker = fixtures.api(TestAccounts.HUQIU);
		String code = fixtures.api(TestAccounts.ADMIN).post("/api/v1/fairs/" + there + "/registrations", JSON,
				"{\"workerId\": %d}".formatted(worker.id())).json().get("code").asString();
		Response refused = caseworker.post("/api/v1/fairs/" + here + "/check-ins", JSON,
				"{\"code\": \"%s\"}".formatted(code));
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("detail").asString()).startsWith("这是“别场" + nonce + "”（")
			.endsWith("）的入场码，不是本场招聘会的").doesNotContain("他场");
	}

	@Test
	void twoScansOfOneTicketAtTheSameMomentCheckInOnce() throws Exception {
		long fair = fixtures.fairNow("并发入场" + nonce, 10, null).get("id").asLong();
		Worker worker = fixtures.worker("同时" + nonce, HUQIU);
		String code = fixtures.api(TestAccounts.HUQIU).post("/api/v1/fairs/" + fair + "/registrations", JSON,
				"{\"workerId\": %d}".formatted(worker.id())).json().get("code").asString();
		int doors = 4;
		CyclicBarrier start = new CyclicBarrier(doors);
		ExecutorService pool = Executors.newFixedThreadPool(doors);
		try {
			List<Future<Response>> answers = new ArrayList<>();
			for (int i = 0; i < doors; i++) {
				ApiClient door = fixtures.api(i % 2 == 0 ? TestAccounts.HUQIU : TestAccounts.ADMIN);
				answers.add(pool.submit(() -> {
					start.await(30, TimeUnit.SECONDS);
					return door.post("/api/v1/fairs/" + fair + "/check-ins", JSON, "{\"code\": \"%s\"}".formatted(code));
				}));
			}
			int admitted = 0;
			for (Future<Response> answer : answers) {
				Response response = answer.get(60, TimeUnit.SECONDS);
				if (response.status() == 200) {
					admitted++;
				}
				else {
					assertThat(response.status()).as(response.body()).isEqualTo(409);
					assertThat(response.json().get("detail").asString()).contains("已于").contains("入场");
				}
			}
			assertThat(admitted).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void theFairAdmitsNoMoreThanItsCapacityAndACancellationFreesAPlace() throws Exception {
		long fair = fixtures.publishedFair(TestAccounts.HUQIU, offline("限额" + nonce, now().plusDays(2), 10, 2))
			.get("id").asLong();
		List<ApiClient> people = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			people.add(fixtures.api(fixtures.workerUser(fixtures.worker("限额" + nonce + i, i % 2 == 0 ? HUQIU : WUZHONG))));
		}
		CyclicBarrier start = new CyclicBarrier(people.size());
		ExecutorService pool = Executors.newFixedThreadPool(people.size());
		List<Response> answers = new ArrayList<>();
		try {
			List<Future<Response>> futures = new ArrayList<>();
			for (ApiClient person : people) {
				futures.add(pool.submit(() -> {
					start.await(30, TimeUnit.SECONDS);
					return person.post("/api/v1/me/fair-registrations", JSON, "{\"fairId\": %d}".formatted(fair));
				}));
			}
			for (Future<Response> future : futures) {
				answers.add(future.get(60, TimeUnit.SECONDS));
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(answers.stream().filter(r -> r.status() == 201)).hasSize(2);
		answers.stream().filter(r -> r.status() != 201).forEach(r -> {
			assertThat(r.status()).as(r.body()).isEqualTo(409);
			assertThat(r.json().get("detail").asString()).isEqualTo("报名人数已满");
		});
		ApiClient staff = fixtures.api(TestAccounts.HUQIU);
		assertThat(staff.get("/api/v1/fairs/" + fair).json().get("registered").asInt()).isEqualTo(2);
		int in = answers.indexOf(answers.stream().filter(r -> r.status() == 201).findFirst().orElseThrow());
		int out = answers.indexOf(answers.stream().filter(r -> r.status() == 409).findFirst().orElseThrow());
		long registration = answers.get(in).json().get("id").asLong();
		Response cancelled = people.get(in).post("/api/v1/me/fair-registrations/" + registration + "/cancel", JSON, "{}");
		assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
		// the freed place goes to the next one
		assertThat(people.get(out).post("/api/v1/me/fair-registrations", JSON, "{\"fairId\": %d}".formatted(fair))
			.status()).isEqualTo(201);
		assertThat(staff.get("/api/v1/fairs/" + fair).json().get("registered").asInt()).isEqualTo(2);
		// another worker's registration is not found
		assertThat(people.get(out).get("/api/v1/me/fair-registrations/" + registration).status()).isEqualTo(404);
		assertThat(staff.get("/api/v1/fairs/" + fair + "/registrations").json().get("totalElements").asInt())
			.isEqualTo(3);
	}

	@Test
	void aCancelledFairKeepsItsRegistrationsShownCancelled() {
		JsonNode fair = fixtures.publishedFair(TestAccounts.HUQIU, offline("取消" + nonce, now().plusDays(2), 10, null));
		long id = fair.get("id").asLong();
		Worker worker = fixtures.worker("取消" + nonce, WUZHONG);
		ApiClient me = fixtures.api(fixtures.workerUser(worker));
		String code = me.post("/api/v1/me/fair-registrations", JSON, "{\"fairId\": %d}".formatted(id)).json().get("code")
			.asString();
		ApiClient staff = fixtures.api(TestAccounts.HUQIU);
		assertThat(staff.post("/api/v1/fairs/" + id + "/cancel", JSON, "{\"reason\": \"天气原因\"}").status())
			.isEqualTo(200);
		assertThat(me.get("/api/v1/me/fair-registrations").body()).contains(code);
		Response page = new ApiClient(port).get("/api/v1/public/fairs/" + id);
		assertThat(page.json().get("fair").get("status").asString()).isEqualTo("CANCELLED");
		assertThat(page.json().get("fair").get("cancelReason").asString()).isEqualTo("天气原因");
		assertThat(staff.get("/api/v1/fairs/" + id + "/registrations").json().get("totalElements").asInt())
			.isEqualTo(1);
		assertThat(staff.get("/api/v1/fairs/" + id + "/figures").json().get("registrations").asInt()).isEqualTo(1);
		// nothing more happens at a cancelled fair
		Worker late = fixtures.worker("迟到" + nonce, HUQIU);
		Response closed = staff.post("/api/v1/fairs/" + id + "/registrations", JSON,
				"{\"workerId\": %d}".formatted(late.id()));
		assertThat(closed.status()).isEqualTo(409);
		assertThat(closed.json().get("detail").asString()).isEqualTo("该招聘会目前不接受报名（未发布、已取消或已结束）");
		assertThat(staff.post("/api/v1/fairs/" + id + "/check-ins", JSON, "{\"code\": \"%s\"}".formatted(code))
			.status()).isEqualTo(409);
	}
}
