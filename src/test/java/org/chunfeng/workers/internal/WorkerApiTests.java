package org.chunfeng.workers.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.chunfeng.identity.Accounts;
import org.chunfeng.identity.NewAccount;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.identity.Role;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.reference.ResidentIdNumber;
import org.chunfeng.support.ApiClient;
import org.chunfeng.support.ApiClient.Response;
import org.chunfeng.support.TestAccounts;
import org.chunfeng.support.TestPeople;
import org.chunfeng.workers.EmploymentStatus;
import org.chunfeng.workers.FestivalPlan;
import org.chunfeng.workers.NewWorker;
import org.chunfeng.workers.RegistrationSource;
import org.chunfeng.workers.Worker;
import org.chunfeng.workers.Workers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A worker's record: masked to staff of its region, revealed only with the permission, and every reveal audited. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class WorkerApiTests {

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Workers workers;

	@Autowired
	JdbcClient jdbc;

	ResidentIdNumber idNumber;
	Worker worker;

	@BeforeEach
	void worker() {
		TestAccounts.ensure(accounts);
		if (accounts.findByUsername("test-reviewer").isEmpty()) {
			accounts.create(new NewAccount("test-reviewer", "reviewer", TestAccounts.PASSWORD, Role.REVIEWER,
					RegionCode.of("320500"), null, Set.of(), null, null, false));
		}
		idNumber = TestPeople.idNumber();
		worker = RegionScope.asSystem(() -> workers.register(TestPeople.worker("揭示测试", idNumber, TestPeople.mobile(),
				RegionCode.of("320505"), null, EmploymentStatus.SEEKING, null, Set.of(), FestivalPlan.UNDECIDED,
				RegistrationSource.CASEWORKER)));
	}

	@Test
	void staffOfTheRegionSeeTheRecordMasked() {
		Response own = ApiClient.withToken(port, TestAccounts.HUQIU).get("/api/v1/workers/" + worker.id());
		assertThat(own.status()).isEqualTo(200);
		assertThat(own.json().get("idNumberMasked").asString()).isEqualTo(idNumber.masked());
		assertThat(own.body()).doesNotContain(idNumber.value());
		assertThat(ApiClient.withToken(port, TestAccounts.ADMIN).get("/api/v1/workers/" + worker.id()).status())
			.isEqualTo(200);
		Response other = ApiClient.withToken(port, TestAccounts.WUZHONG).get("/api/v1/workers/" + worker.id());
		assertThat(other.status()).isEqualTo(404);
		assertThat(other.body()).doesNotContain("揭示测试");
		assertThat(ApiClient.withToken(port, TestAccounts.AGENCY).get("/api/v1/workers/" + worker.id()).status())
			.isEqualTo(403);
	}

	@Test
	void revealingANumberNeedsThePermissionAndIsAudited() {
		String body = "{\"field\": \"ID_NUMBER\"}";
		String path = "/api/v1/workers/" + worker.id() + "/reveal";
		Response revealed = ApiClient.withToken(port, TestAccounts.HUQIU).post(path, "application/json", body);
		assertThat(revealed.status()).isEqualTo(200);
		assertThat(revealed.json().get("value").asString()).isEqualTo(idNumber.value());
		assertThat(jdbc.sql("select count(*) from audit_log where action = 'personalData.revealed' and record_id = ?"
				+ " and actor = ?").params(String.valueOf(worker.id()), TestAccounts.HUQIU).query(Long.class).single())
			.isEqualTo(1);

		assertThat(ApiClient.withToken(port, TestAccounts.WUZHONG).post(path, "application/json", body).status())
			.isEqualTo(404);
		assertThat(ApiClient.withToken(port, "test-reviewer").post(path, "application/json", body).status())
			.isEqualTo(403);
		assertThat(ApiClient.withToken(port, TestAccounts.AGENCY).post(path, "application/json", body).status())
			.isEqualTo(403);
		assertThat(ApiClient.withToken(port, TestAccounts.HUQIU).post(path, "application/json", "{}").status())
			.isEqualTo(400);
	}

	@Test
	void registrationsAreAudited() {
		assertThat(jdbc.sql("select count(*) from audit_log where action = 'worker.registered' and record_id = ?")
			.param(String.valueOf(worker.id())).query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select after::text from audit_log where action = 'worker.registered' and record_id = ?")
			.param(String.valueOf(worker.id())).query(String.class).single()).doesNotContain(idNumber.value());
	}
}
