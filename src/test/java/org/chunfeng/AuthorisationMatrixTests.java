package org.chunfeng;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chunfeng.enterprises.Enterprise;
import org.chunfeng.enterprises.Enterprises;
import org.chunfeng.enterprises.NewEnterprise;
import org.chunfeng.identity.Accounts;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.support.ApiClient;
import org.chunfeng.support.ApiClient.Response;
import org.chunfeng.support.Endpoints;
import org.chunfeng.support.Endpoints.Operation;
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
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every API operation (from the OpenAPI document) and every page (from the request mappings), tried by
 * caseworkers of two sibling districts (虎丘 and 吴中), a partner-agency viewer, and nobody. Each district has a
 * worker and an enterprise whose names are markers: no response to one district may contain the other's markers,
 * no response to the agency viewer may contain any person's marker, and writes aimed at the other district's
 * records change nothing. Endpoints added later are walked the same way without touching this test.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class AuthorisationMatrixTests {

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Workers workers;

	@Autowired
	Enterprises enterprises;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	District huqiu;
	District wuzhong;

	/** One district's marker records. */
	record District(String username, Worker worker, Enterprise enterprise) {

		List<String> markers() {
			return List.of(worker.name(), worker.idNumberMasked(), enterprise.name(), enterprise.creditCode().value());
		}

		Map<String, String> ids() {
			return Map.of("id", String.valueOf(worker.id()), "workerId", String.valueOf(worker.id()), "enterpriseId",
					String.valueOf(enterprise.id()));
		}
	}

	@BeforeEach
	void districts() {
		TestAccounts.ensure(accounts);
		huqiu = district(TestAccounts.HUQIU, "320505", "虎丘");
		wuzhong = district(TestAccounts.WUZHONG, "320506", "吴中");
	}

	@Test
	void anonymousCallersGetNothing() {
		ApiClient anonymous = new ApiClient(port);
		for (Operation operation : operations()) {
			if (Endpoints.publicOperation(operation)) {
				continue;
			}
			Response response = call(anonymous, operation, huqiu.ids());
			assertThat(response.status()).as(operation.toString()).isEqualTo(401);
		}
		for (String page : Endpoints.pages(mappings, huqiu.ids())) {
			if (Endpoints.PUBLIC_PAGES.contains(page)) {
				continue;
			}
			Response response = anonymous.get(page);
			assertThat(response.status()).as(page).isEqualTo(302);
			assertThat(response.location()).as(page).endsWith("/login");
		}
	}

	@Test
	void siblingDistrictsCannotReadListChangeOrDeleteEachOthersRecords() {
		for (District self : List.of(huqiu, wuzhong)) {
			District other = self == huqiu ? wuzhong : huqiu;
			ApiClient api = ApiClient.withToken(port, self.username());
			ApiClient console = ApiClient.withSession(port, self.username());
			for (Operation operation : operations()) {
				if (operation.path().startsWith("/api/v1/auth/")) {
					continue;
				}
				Response response = call(api, operation, other.ids());
				assertThat(response.status()).as(self.username() + " " + operation).isNotEqualTo(500);
				if (!operation.method().equals("GET") && operation.path().contains("{")) {
					// a write aimed at one of the other district's records
					assertThat(response.status() / 100).as(self.username() + " " + operation + " on the other district")
						.isNotEqualTo(2);
				}
				other.markers().forEach(marker -> assertThat(response.body()).as(self.username() + " " + operation)
					.doesNotContain(marker));
			}
			for (String page : Endpoints.pages(mappings, other.ids())) {
				Response response = console.get(page);
				other.markers().forEach(marker -> assertThat(response.body()).as(self.username() + " " + page)
					.doesNotContain(marker));
			}
			assertUnchanged(other);
		}
	}

	@Test
	void agencyViewersSeeNoPersonsRecord() {
		ApiClient api = ApiClient.withToken(port, TestAccounts.AGENCY);
		ApiClient console = ApiClient.withSession(port, TestAccounts.AGENCY);
		for (Operation operation : operations()) {
			if (operation.path().startsWith("/api/v1/auth/")) {
				continue;
			}
			Response response = call(api, operation, huqiu.ids());
			for (District district : List.of(huqiu, wuzhong)) {
				district.markers().forEach(marker -> assertThat(response.body()).as(operation.toString())
					.doesNotContain(marker));
			}
		}
		for (String page : Endpoints.pages(mappings, huqiu.ids())) {
			String body = console.get(page).body();
			for (District district : List.of(huqiu, wuzhong)) {
				district.markers().forEach(marker -> assertThat(body).as(page).doesNotContain(marker));
			}
		}
	}

	/**
	 * The finance pages: finance officers act, administrators and reviewers read (never the bank file, which shows
	 * account numbers in full), caseworkers and agency viewers get 403 for every page and every form.
	 */
	@Test
	void financePagesAreForFinanceOfficersAdministratorsAndReviewers() {
		TestAccounts.ensureFinance(accounts);
		ApiClient finance = ApiClient.withSession(port, TestAccounts.FINANCE);
		long batch = ApiClient.withToken(port, TestAccounts.FINANCE)
			.post("/api/v1/payment-batches", "application/json",
					"{\"region\": \"320505\", \"programId\": " + emptyProgram() + "}")
			.json().get("id").asLong();
		List<String> pages = Endpoints.pages(mappings, Map.of("batchId", String.valueOf(batch))).stream()
			.filter(page -> page.startsWith("/payments"))
			.toList();
		assertThat(pages).contains("/payments/batches", "/payments/batches/" + batch, "/payments/entitlements",
				"/payments/batches/" + batch + "/bank-file.csv");
		Map<String, ApiClient> readers = Map.of(TestAccounts.ADMIN, ApiClient.withSession(port, TestAccounts.ADMIN),
				TestAccounts.REVIEWER, ApiClient.withSession(port, TestAccounts.REVIEWER), TestAccounts.FINANCE, finance);
		for (String page : pages) {
			readers.forEach((username, client) -> {
				int status = client.get(page).status();
				if (Endpoints.financeOnly(page)) {
					// the bank file: finance alone (a batch still building sends finance back to its page)
					assertThat(status).as(username + " " + page)
						.isEqualTo(username.equals(TestAccounts.FINANCE) ? (status == 303 ? 303 : 200) : 403);
				}
				else {
					assertThat(status).as(username + " " + page).isEqualTo(200);
				}
			});
			for (String outsider : List.of(TestAccounts.HUQIU, TestAccounts.AGENCY)) {
				assertThat(ApiClient.withSession(port, outsider).get(page).status()).as(outsider + " " + page)
					.isEqualTo(403);
			}
		}
		// forms: finance officers only
		for (String reader : List.of(TestAccounts.ADMIN, TestAccounts.REVIEWER, TestAccounts.HUQIU)) {
			ApiClient client = ApiClient.withSession(port, reader);
			assertThat(client.postForm("/", "/payments/batches", "region=320505").status()).as(reader).isEqualTo(403);
			assertThat(client.postForm("/", "/payments/batches/" + batch + "/sent", "confirm=yes").status()).as(reader)
				.isEqualTo(403);
			assertThat(client.postForm("/", "/payments/entitlements/1/reissue", "").status()).as(reader)
				.isEqualTo(403);
		}
	}

	/**
	 * A draft program of the city (a copy of the first template) with nothing due: a batch of it takes no other
	 * test's entitlements.
	 */
	private long emptyProgram() {
		return ApiClient.withToken(port, TestAccounts.ADMIN)
			.post("/api/v1/subsidy-programs/1/copies", "application/json",
					"{\"policyYear\": 2027, \"name\": \"权限测试 " + System.nanoTime() + "\"}")
			.json().get("id").asLong();
	}

	private List<Operation> operations() {
		List<Operation> operations = Endpoints.api(new ApiClient(port).get("/v3/api-docs").json());
		assertThat(operations).extracting(Operation::path).contains("/api/v1/regions", "/api/v1/auth/token");
		return operations;
	}

	private static Response call(ApiClient client, Operation operation, Map<String, String> ids) {
		String address = operation.address(ids);
		return switch (operation.method()) {
			case "GET" -> client.get(address);
			case "POST", "PUT", "PATCH" -> client.send(operation.method(), address, "application/json", "{}");
			default -> client.method(operation.method(), address);
		};
	}

	private void assertUnchanged(District district) {
		RegionScope.asSystem(() -> {
			assertThat(workers.find(district.worker().id()).orElseThrow().name()).isEqualTo(district.worker().name());
			assertThat(enterprises.find(district.enterprise().id()).orElseThrow().name())
				.isEqualTo(district.enterprise().name());
			return null;
		});
	}

	private District district(String username, String region, String label) {
		String nonce = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
		return RegionScope.asSystem(() -> {
			Worker worker = workers.register(TestPeople.worker("标记" + label + nonce, TestPeople.idNumber(),
					TestPeople.mobile(), RegionCode.of(region), null, EmploymentStatus.SEEKING, null, Set.of(),
					FestivalPlan.STAYING_PUT, RegistrationSource.CASEWORKER));
			Enterprise enterprise = enterprises.register(new NewEnterprise(TestPeople.creditCode(),
					"标记" + label + "企业" + nonce, RegionCode.of(region), null, null, 10, null, false));
			return new District(username, worker, enterprise);
		});
	}
}
