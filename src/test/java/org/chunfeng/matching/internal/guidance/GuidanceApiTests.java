package org.chunfeng.matching.internal.guidance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.chunfeng.identity.Accounts;
import org.chunfeng.identity.NewAccount;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.identity.Role;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.support.ApiClient;
import org.chunfeng.support.ApiClient.Response;
import org.chunfeng.support.TestAccounts;
import org.chunfeng.support.TestPeople;
import org.chunfeng.workers.EmploymentStatus;
import org.chunfeng.workers.FestivalPlan;
import org.chunfeng.workers.KeyGroup;
import org.chunfeng.workers.RegistrationSource;
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
 * Career guidance through the API: caseworkers record sessions of workers of their own district only, with the rules
 * of a session (date not in the future, a topic at least, bounded notes, follow-up not before the session); a worker
 * holds one open request at a time (also when asking twice at the same moment), answered by the next session recorded;
 * a follow-up is due until the next session.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class GuidanceApiTests {

	static final String JSON = "application/json";
	static final RegionCode HUQIU = RegionCode.of("320505");
	static final RegionCode WUZHONG = RegionCode.of("320506");

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
	void aCaseworkerRecordsSessionsOfWorkersOfTheOwnDistrictOnly() {
		Worker worker = worker("指导" + nonce, HUQIU);
		String sessions = "/api/v1/workers/" + worker.id() + "/guidance-sessions";
		ApiClient huqiu = ApiClient.withToken(port, TestAccounts.HUQIU);
		LocalDate today = today();
		Response created = huqiu.post(sessions, JSON, session(today.minusDays(1), "PHONE",
				"[\"JOB_SEARCH\", \"POLICY\"]", "谈了简历和面试", today.plusDays(14)));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode session = created.json();
		assertThat(session.get("region").get("value").asString()).isEqualTo("320505");
		assertThat(session.get("channel").asString()).isEqualTo("PHONE");
		assertThat(session.get("recordedBy").asString()).isEqualTo(TestAccounts.HUQIU);
		assertThat(session.get("followUpOn").asString()).isEqualTo(today.plusDays(14).toString());
		List<String> topics = new ArrayList<>();
		session.get("topics").forEach(t -> topics.add(t.asString()));
		assertThat(topics).containsExactlyInAnyOrder("JOB_SEARCH", "POLICY");
		assertThat(session.get("requestId").isNull()).isTrue();

		// the rules, each naming its field
		assertThat(fields(huqiu.post(sessions, JSON, session(today, "COUNTER", "[\"RIGHTS\"]", "", today.minusDays(1)))))
			.containsExactly("followUpOn");
		assertThat(fields(huqiu.post(sessions, JSON,
				session(today, "COUNTER", "[\"RIGHTS\"]", "", today.plusDays(400))))).containsExactly("followUpOn");
		assertThat(fields(huqiu.post(sessions, JSON, session(today.plusDays(1), "COUNTER", "[\"RIGHTS\"]", "", null))))
			.containsExactly("heldOn");
		assertThat(fields(huqiu.post(sessions, JSON, session(today, "COUNTER", "[]", "", null))))
			.containsExactly("topics");
		assertThat(fields(huqiu.post(sessions, JSON, session(today, "COUNTER", "[\"RIGHTS\"]", "长".repeat(1001), null))))
			.containsExactly("notes");
		assertThat(fields(huqiu.post(sessions, JSON, "{}"))).containsExactlyInAnyOrder("heldOn", "channel", "topics");
		Response english = huqiu.post(sessions, JSON, session(today, "COUNTER", "[\"RIGHTS\"]", "", today.minusDays(1)),
				"Accept-Language", "en");
		assertThat(english.body()).contains("The follow-up cannot be before the session");
		// a session on the day itself with its follow-up the same day is fine
		assertThat(huqiu.post(sessions, JSON, session(today, "ONLINE", "[\"RIGHTS\"]", "", today)).status())
			.isEqualTo(201);

		// the sibling district neither reads nor writes them
		ApiClient wuzhong = ApiClient.withToken(port, TestAccounts.WUZHONG);
		assertThat(wuzhong.get(sessions).status()).isEqualTo(404);
		assertThat(wuzhong.post(sessions, JSON, session(today, "COUNTER", "[\"RIGHTS\"]", "", null)).status())
			.isEqualTo(404);
		JsonNode listed = huqiu.get(sessions).json();
		assertThat(listed.size()).isEqualTo(2);
		// the latest first
		assertThat(listed.get(0).get("heldOn").asString()).isEqualTo(today.toString());
		// agency viewers, enterprises and workers do not record guidance
		assertThat(ApiClient.withToken(port, TestAccounts.AGENCY).get(sessions).status()).isEqualTo(403);
	}

	@Test
	void aWorkerHoldsOneOpenRequestAnsweredByTheNextSession() {
		Worker worker = worker("申请" + nonce, HUQIU);
		ApiClient me = ApiClient.withToken(port, workerUser(worker));
		Response asked = me.post("/api/v1/me/guidance-requests", JSON,
				"{\"channel\": \"PHONE\", \"note\": \"想学电工\"}");
		assertThat(asked.status()).as(asked.body()).isEqualTo(201);
		long requestId = asked.json().get("id").asLong();
		assertThat(asked.json().get("status").asString()).isEqualTo("OPEN");
		assertThat(asked.json().get("region").get("value").asString()).isEqualTo("320505");
		Response again = me.post("/api/v1/me/guidance-requests", JSON, "{\"channel\": \"COUNTER\"}");
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("detail").asString()).contains("待处理");
		assertThat(fields(me.post("/api/v1/me/guidance-requests", JSON, "{\"note\": \"x\"}"))).containsExactly("channel");
		assertThat(fields(me.post("/api/v1/me/guidance-requests", JSON,
				"{\"channel\": \"PHONE\", \"note\": \"%s\"}".formatted("长".repeat(201))))).containsExactly("note");

		// the district's caseworkers see it, the sibling district's do not
		assertThat(openRequestIds(ApiClient.withToken(port, TestAccounts.HUQIU), "")).contains(requestId);
		assertThat(openRequestIds(ApiClient.withToken(port, TestAccounts.ADMIN), "?region=320505")).contains(requestId);
		assertThat(openRequestIds(ApiClient.withToken(port, TestAccounts.ADMIN), "?region=320506"))
			.doesNotContain(requestId);
		assertThat(openRequestIds(ApiClient.withToken(port, TestAccounts.WUZHONG), "")).doesNotContain(requestId);

		// the next session answers it
		Response recorded = ApiClient.withToken(port, TestAccounts.HUQIU).post(
				"/api/v1/workers/" + worker.id() + "/guidance-sessions", JSON,
				session(today(), "PHONE", "[\"SKILLS_TRAINING\"]", "介绍了电工培训", null));
		assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
		long sessionId = recorded.json().get("id").asLong();
		assertThat(recorded.json().get("requestId").asLong()).isEqualTo(requestId);
		JsonNode mine = me.get("/api/v1/me/guidance-requests").json();
		assertThat(mine.size()).isEqualTo(1);
		assertThat(mine.get(0).get("status").asString()).isEqualTo("ANSWERED");
		assertThat(mine.get(0).get("sessionId").asLong()).isEqualTo(sessionId);
		assertThat(openRequestIds(ApiClient.withToken(port, TestAccounts.HUQIU), "")).doesNotContain(requestId);
		JsonNode held = me.get("/api/v1/me/guidance-sessions").json();
		assertThat(held.size()).isEqualTo(1);
		assertThat(held.get(0).get("notes").asString()).isEqualTo("介绍了电工培训");
		JsonNode status = me.get("/api/v1/me/service131").json();
		assertThat(status.get("guidance").asBoolean()).isTrue();
		assertThat(status.get("jobs").asBoolean()).isFalse();
		// a later session does not take the answered request, and the worker may ask again
		assertThat(me.post("/api/v1/me/guidance-requests", JSON, "{\"channel\": \"ONLINE\"}").status()).isEqualTo(201);
		// staff have no own requests
		assertThat(ApiClient.withToken(port, TestAccounts.HUQIU).get("/api/v1/me/guidance-requests").status())
			.isEqualTo(403);
	}

	@Test
	void twoPhonesAskingAtTheSameMomentLeaveOneOpenRequest() throws Exception {
		Worker worker = worker("并发" + nonce, WUZHONG);
		ApiClient me = ApiClient.withToken(port, workerUser(worker));
		int threads = 8;
		CyclicBarrier start = new CyclicBarrier(threads);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<Integer>> answers = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				answers.add(pool.submit(() -> {
					start.await(10, TimeUnit.SECONDS);
					return me.post("/api/v1/me/guidance-requests", JSON, "{\"channel\": \"PHONE\"}").status();
				}));
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> answer : answers) {
				statuses.add(answer.get(60, TimeUnit.SECONDS));
			}
			assertThat(statuses).containsOnly(201, 409);
			assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(me.get("/api/v1/me/guidance-requests").json().size()).isEqualTo(1);
	}

	@Test
	void aFollowUpIsDueUntilTheNextSession() {
		Worker worker = worker("回访" + nonce, HUQIU);
		ApiClient huqiu = ApiClient.withToken(port, TestAccounts.HUQIU);
		String sessions = "/api/v1/workers/" + worker.id() + "/guidance-sessions";
		LocalDate today = today();
		long first = huqiu.post(sessions, JSON, session(today.minusDays(10), "COUNTER", "[\"CAREER_PLANNING\"]", "",
				today.minusDays(1))).json().get("id").asLong();
		// a session recorded after it settles it
		long later = huqiu.post(sessions, JSON, session(today.minusDays(10), "COUNTER", "[\"POLICY\"]", "",
				null)).json().get("id").asLong();
		assertThat(followUpIds(huqiu, "")).doesNotContain(first, later);

		Worker other = worker("回访二" + nonce, HUQIU);
		long due = huqiu.post("/api/v1/workers/" + other.id() + "/guidance-sessions", JSON,
				session(today.minusDays(10), "COUNTER", "[\"CAREER_PLANNING\"]", "", today.minusDays(2)))
			.json().get("id").asLong();
		long notYet = huqiu.post("/api/v1/workers/" + worker("回访三" + nonce, HUQIU).id() + "/guidance-sessions", JSON,
				session(today.minusDays(10), "COUNTER", "[\"CAREER_PLANNING\"]", "", today.plusDays(2)))
			.json().get("id").asLong();
		assertThat(followUpIds(huqiu, "")).contains(due).doesNotContain(notYet);
		assertThat(followUpIds(huqiu, "?by=" + today.plusDays(3))).contains(due, notYet);
		assertThat(followUpIds(ApiClient.withToken(port, TestAccounts.WUZHONG), "")).doesNotContain(due);
		// the follow-up held: no longer due
		huqiu.post("/api/v1/workers/" + other.id() + "/guidance-sessions", JSON,
				session(today, "PHONE", "[\"POLICY\"]", "回访", null));
		assertThat(followUpIds(huqiu, "")).doesNotContain(due);
	}

	// ---------------------------------------------------------------- helpers

	static String session(LocalDate heldOn, String channel, String topics, String notes, LocalDate followUpOn) {
		return """
				{"heldOn": "%s", "channel": "%s", "topics": %s, "notes": "%s", "followUpOn": %s}""".formatted(heldOn,
				channel, topics, notes, followUpOn == null ? "null" : "\"" + followUpOn + "\"");
	}

	static LocalDate today() {
		return LocalDate.now(ZoneId.of("Asia/Shanghai"));
	}

	private List<Long> openRequestIds(ApiClient client, String query) {
		List<Long> ids = new ArrayList<>();
		client.get("/api/v1/guidance-requests" + (query.isEmpty() ? "?size=200" : query + "&size=200")).json()
			.get("items").forEach(r -> ids.add(r.get("id").asLong()));
		return ids;
	}

	private List<Long> followUpIds(ApiClient client, String query) {
		List<Long> ids = new ArrayList<>();
		client.get("/api/v1/guidance-follow-ups" + (query.isEmpty() ? "?size=200" : query + "&size=200")).json()
			.get("items").forEach(f -> ids.add(f.get("session").get("id").asLong()));
		return ids;
	}

	Worker worker(String name, RegionCode region) {
		return RegionScope.asSystem(() -> workers.register(TestPeople.worker(name, TestPeople.idNumber(),
				TestPeople.mobile(), region, null, EmploymentStatus.SEEKING, null, Set.of(KeyGroup.RURAL_LOW_INCOME),
				FestivalPlan.STAYING_PUT, RegistrationSource.CASEWORKER)));
	}

	String workerUser(Worker worker) {
		String username = "guide-w-" + nonce + "-" + worker.id();
		accounts.create(new NewAccount(username, worker.name(), TestAccounts.PASSWORD, Role.WORKER, worker.residence(),
				null, Set.of(), null, worker.id(), false));
		return username;
	}

	static List<String> fields(Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		List<String> fields = new ArrayList<>();
		response.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
		return fields;
	}
}
