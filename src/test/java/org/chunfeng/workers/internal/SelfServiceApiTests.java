package org.chunfeng.workers.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chunfeng.identity.RegionScope;
import org.chunfeng.identity.SmsSender;
import org.chunfeng.reference.MobileNumber;
import org.chunfeng.reference.ResidentIdNumber;
import org.chunfeng.support.ApiClient;
import org.chunfeng.support.TestPeople;
import org.chunfeng.workers.FestivalPlan;
import org.chunfeng.workers.Worker;
import org.chunfeng.workers.Workers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import tools.jackson.databind.JsonNode;

/**
 * A worker through the API: registration with the SMS code, the own record, and only what a worker may change of it
 * (the employer waiting is the bureau's to record).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "chunfeng.demo.enabled=true")
class SelfServiceApiTests {

	@TestConfiguration
	static class Sms {

		static final Map<String, String> SENT = new ConcurrentHashMap<>();

		@Bean
		SmsSender capturingSmsSender() {
			return (to, text) -> SENT.put(to.value(), text);
		}
	}

	@LocalServerPort
	int port;

	@Autowired
	Workers workers;

	@Test
	void aWorkerRegistersKeepsTheOwnRecordAndCannotSetWhatTheBureauRecords() {
		MobileNumber mobile = TestPeople.mobile();
		ResidentIdNumber id = TestPeople.idNumber();
		ApiClient anonymous = new ApiClient(port);
		assertThat(anonymous.post("/api/v1/registrations/sms-codes", "application/json",
				"{\"mobile\": \"" + mobile.value() + "\"}").status()).isEqualTo(202);
		ApiClient.Response registered = anonymous.post("/api/v1/registrations", "application/json", """
				{"mobile": "%s", "code": "%s", "password": "Chunfeng-2027!", "name": "王接口", "idNumber": "%s",
				 "residence": "320505", "plan": "GOING_HOME_RETURNING", "consent": true}"""
			.formatted(mobile.value(), code(mobile), id.value()));
		assertThat(registered.status()).isEqualTo(201);

		ApiClient worker = ApiClient.withToken(port, mobile.value(), "Chunfeng-2027!");
		JsonNode mine = worker.get("/api/v1/me/worker").json();
		assertThat(mine.get("profile").get("name").asString()).isEqualTo("王接口");
		int version = mine.get("version").asInt();
		ApiClient.Response changed = worker.send("PUT", "/api/v1/me/worker", "application/json", """
				{"residence": "320505", "status": "SEEKING", "expectedWage": 6000, "consent": true, "version": %d,
				 "keyGroups": ["DISABILITY"],
				 "plan": {"plan": "GOING_HOME_RETURNING", "leaveDate": "2027-01-30", "returnDate": "2027-02-15",
				          "waitingEmployerId": 1}}""".formatted(version));
		assertThat(changed.status()).as(changed.body()).isEqualTo(200);
		Worker stored = RegionScope.asSystem(() -> workers.findByIdNumber(id)).orElseThrow();
		assertThat(stored.profile().expectedWage()).isEqualTo(6000);
		assertThat(stored.plan().returnDate()).hasToString("2027-02-15");
		// key groups and the employer waiting are the bureau's to record
		assertThat(stored.keyGroups()).isEmpty();
		assertThat(stored.plan().waitingEmployerId()).isNull();
		assertThat(stored.festivalPlan()).isEqualTo(FestivalPlan.GOING_HOME_RETURNING);
		// a stale version is refused
		assertThat(worker.send("PUT", "/api/v1/me/worker", "application/json",
				"{\"residence\": \"320505\", \"status\": \"SEEKING\", \"version\": %d, \"plan\": {\"plan\": \"UNDECIDED\"}}"
					.formatted(version)).status()).isEqualTo(409);
		assertThat(worker.get("/api/v1/me/worker/plans").json().size()).isEqualTo(2);
		// the bureau's API stays closed to a worker
		assertThat(worker.get("/api/v1/workers").status()).isEqualTo(403);
	}

	@Test
	void anIdNumberRegisteredWithAnotherMobileCannotBeClaimed() {
		ResidentIdNumber id = TestPeople.idNumber();
		RegionScope.asSystem(() -> workers.register(TestPeople.worker("已登记", id, TestPeople.mobile(),
				org.chunfeng.reference.RegionCode.of("320505"), null, org.chunfeng.workers.EmploymentStatus.SEEKING,
				null, java.util.Set.of(), FestivalPlan.UNDECIDED, org.chunfeng.workers.RegistrationSource.CASEWORKER)));
		MobileNumber other = TestPeople.mobile();
		ApiClient anonymous = new ApiClient(port);
		anonymous.post("/api/v1/registrations/sms-codes", "application/json", "{\"mobile\": \"" + other.value() + "\"}");
		ApiClient.Response refused = anonymous.post("/api/v1/registrations", "application/json", """
				{"mobile": "%s", "code": "%s", "password": "Chunfeng-2027!", "name": "冒名", "idNumber": "%s",
				 "residence": "320505", "consent": true}""".formatted(other.value(), code(other), id.value()));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("idNumber");
		assertThat(RegionScope.asSystem(() -> workers.findByIdNumber(id)).orElseThrow().name()).isEqualTo("已登记");
	}

	private static String code(MobileNumber mobile) {
		Matcher matcher = Pattern.compile("(\\d{6})").matcher(Sms.SENT.get(mobile.value()));
		assertThat(matcher.find()).isTrue();
		return matcher.group(1);
	}
}
