package org.chunfeng.subsidies.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.chunfeng.enterprises.Enterprise;
import org.chunfeng.enterprises.Enterprises;
import org.chunfeng.identity.Accounts;
import org.chunfeng.identity.NewAccount;
import org.chunfeng.identity.Role;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.subsidies.ReviewLevel;
import org.chunfeng.subsidies.SubsidyProgram;
import org.chunfeng.subsidies.SubsidyPrograms;
import org.chunfeng.subsidies.rules.Beneficiary;
import org.chunfeng.subsidies.rules.ProgramKind;
import org.chunfeng.subsidies.rules.Templates;
import org.chunfeng.support.ApiClient;
import org.chunfeng.support.SubsidyFixtures;
import org.chunfeng.support.TestAccounts;
import org.chunfeng.workers.EmploymentStatus;
import org.chunfeng.workers.FestivalPlan;
import org.chunfeng.workers.Worker;
import org.chunfeng.workers.Workers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * The application API over HTTP: an enterprise applies and attaches evidence (checked by its first bytes and its
 * size, each refusal a localised 4xx, never a 500), downloads it as an attachment that no browser sniffs; another
 * enterprise and another county's reviewer see nothing; the county and the city decide with the version read.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SubsidyApplicationApiTests {

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13 };

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Enterprises enterprises;

	@Autowired
	Workers workers;

	@Autowired
	SubsidyPrograms programs;

	String account(Role role, RegionCode region, Long enterprise) {
		String username = "t-app-" + role.name().toLowerCase(java.util.Locale.ROOT) + "-"
				+ Long.toString(System.nanoTime() % 1_000_000_000L, 36);
		accounts.create(new NewAccount(username, username, TestAccounts.PASSWORD, role, region, null, Set.of(),
				enterprise, null, false));
		return username;
	}

	record Answer(int status, String contentType, String body, java.net.http.HttpHeaders headers) {
	}

	Answer upload(ApiClient client, long application, String fileName, String contentType, byte[] content)
			throws Exception {
		String boundary = "----chunfeng" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.write(content);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
				+ "/api/v1/subsidy-applications/" + application + "/evidence"))
			.header("Authorization", "Bearer " + client.token())
			.header("Accept-Language", "zh-CN")
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request,
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
				response.body(), response.headers());
	}

	@Test
	void anEnterpriseAppliesAttachesEvidenceAndTheCountyAndCityDecide() throws Exception {
		SubsidyProgram program = SubsidyFixtures.openProgram(programs, ProgramKind.WORK_FOR_TRAINING,
				Beneficiary.ENTERPRISE, Templates.WORK_FOR_TRAINING_2021.parameters(), 10_000_000L,
				List.of(ReviewLevel.COUNTY, ReviewLevel.CITY));
		Enterprise enterprise = SubsidyFixtures.enterprise(enterprises, SubsidyFixtures.HUQIU, 40);
		Worker trainee = SubsidyFixtures.worker(workers, SubsidyFixtures.HUQIU, enterprise.id(),
				EmploymentStatus.EMPLOYED, FestivalPlan.STAYING_PUT);
		ApiClient company = ApiClient.withToken(port, account(Role.ENTERPRISE_USER, SubsidyFixtures.HUQIU,
				enterprise.id()));
		String body = "{\"programId\": %d, \"trainees\": [{\"idNumber\": \"%s\", \"months\": 3}]}";
		String idNumber = org.chunfeng.identity.RegionScope.asSystem(
				() -> workers.reveal(trainee.id(), org.chunfeng.workers.PersonalNumber.ID_NUMBER).orElseThrow());
		// the assessment first, line by line in the caller's language
		JsonNode preview = company.post("/api/v1/subsidy-applications/previews", "application/json",
				body.formatted(program.id(), idNumber), "Accept-Language", "zh-CN").json();
		assertThat(preview.get("assessment").get("amountFen").asLong()).isEqualTo(150_000L);
		assertThat(preview.get("assessment").get("lines").get(1).asString()).contains(trainee.name()).contains("1,500");
		ApiClient.Response created = company.post("/api/v1/subsidy-applications", "application/json",
				body.formatted(program.id(), idNumber));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		long id = created.json().get("application").get("id").asLong();

		// evidence: by content, bounded, at most 10
		Answer png = upload(company, id, "劳动合同.png", "image/png", PNG);
		assertThat(png.status()).as(png.body()).isEqualTo(201);
		assertThat(png.body()).contains(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PNG)));
		Answer disguised = upload(company, id, "合同.pdf", "application/pdf", "<script>alert(1)</script>".getBytes());
		assertThat(disguised.status()).isEqualTo(400);
		assertThat(disguised.body()).contains("PDF、JPG、PNG");
		byte[] large = new byte[10 * 1024 * 1024 + 1];
		System.arraycopy(PNG, 0, large, 0, PNG.length);
		Answer tooLarge = upload(company, id, "big.png", "image/png", large);
		assertThat(tooLarge.status()).isEqualTo(400);
		assertThat(tooLarge.body()).contains("10 MB");
		Answer beyondTheRequestLimit = upload(company, id, "huge.png", "image/png", new byte[25 * 1024 * 1024]);
		assertThat(beyondTheRequestLimit.status()).isEqualTo(413);
		for (int i = 1; i < 10; i++) {
			assertThat(upload(company, id, "page-" + i + ".png", "image/png", PNG).status()).isEqualTo(201);
		}
		Answer eleventh = upload(company, id, "page-11.png", "image/png", PNG);
		assertThat(eleventh.status()).isEqualTo(400);
		assertThat(eleventh.body()).contains("10");

		// the download is an attachment nobody sniffs; another enterprise gets nothing
		long evidence = png.body().transform(text -> Long.parseLong(text.replaceAll("(?s).*\"id\":(\\d+).*", "$1")));
		ApiClient.Response download = company.get("/api/v1/subsidy-applications/" + id + "/evidence/" + evidence);
		assertThat(download.status()).isEqualTo(200);
		assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
		assertThat(download.headers().firstValue("X-Content-Type-Options").orElseThrow()).isEqualTo("nosniff");
		assertThat(download.contentType()).isEqualTo("image/png");
		Enterprise other = SubsidyFixtures.enterprise(enterprises, SubsidyFixtures.HUQIU, 10);
		ApiClient stranger = ApiClient.withToken(port, account(Role.ENTERPRISE_USER, SubsidyFixtures.HUQIU, other.id()));
		assertThat(stranger.get("/api/v1/subsidy-applications/" + id).status()).isEqualTo(404);
		assertThat(stranger.get("/api/v1/subsidy-applications/" + id + "/evidence/" + evidence).status())
			.isEqualTo(404);
		assertThat(stranger.get("/api/v1/subsidy-applications").body()).doesNotContain(enterprise.name());

		// another county's reviewer sees nothing; the county decides, then the city
		ApiClient wuzhong = ApiClient.withToken(port, account(Role.REVIEWER, SubsidyFixtures.WUZHONG, null));
		assertThat(wuzhong.get("/api/v1/subsidy-applications/" + id).status()).isEqualTo(404);
		assertThat(wuzhong.post("/api/v1/subsidy-applications/" + id + "/decisions", "application/json",
				"{\"step\": 1, \"version\": 0, \"decision\": \"APPROVE\"}").status()).isEqualTo(404);
		assertThat(company.post("/api/v1/subsidy-applications/" + id + "/decisions", "application/json",
				"{\"step\": 1, \"version\": 0, \"decision\": \"APPROVE\"}").status()).isEqualTo(403);
		ApiClient county = ApiClient.withToken(port, account(Role.REVIEWER, SubsidyFixtures.HUQIU, null));
		JsonNode waiting = county.get("/api/v1/subsidy-applications?waiting=true&size=200").json();
		assertThat(waiting.toString()).contains("\"id\":" + id + ",");
		int version = county.get("/api/v1/subsidy-applications/" + id).json().get("application").get("version").asInt();
		ApiClient.Response stale = county.post("/api/v1/subsidy-applications/" + id + "/decisions", "application/json",
				"{\"step\": 1, \"version\": " + (version - 1) + ", \"decision\": \"APPROVE\"}");
		assertThat(stale.status()).isEqualTo(409);
		ApiClient.Response noReason = county.post("/api/v1/subsidy-applications/" + id + "/decisions",
				"application/json", "{\"step\": 1, \"version\": " + version + ", \"decision\": \"RETURN\"}");
		assertThat(noReason.status()).isEqualTo(400);
		JsonNode afterCounty = county.post("/api/v1/subsidy-applications/" + id + "/decisions", "application/json",
				"{\"step\": 1, \"version\": " + version + ", \"decision\": \"APPROVE\"}").json();
		assertThat(afterCounty.get("application").get("status").asString()).isEqualTo("IN_REVIEW");
		ApiClient city = ApiClient.withToken(port, account(Role.REVIEWER, SubsidyFixtures.CITY, null));
		JsonNode approved = city.post("/api/v1/subsidy-applications/" + id + "/decisions", "application/json",
				"{\"step\": 2, \"version\": " + afterCounty.get("application").get("version").asInt()
						+ ", \"decision\": \"APPROVE\", \"reason\": \"同意\"}").json();
		assertThat(approved.get("application").get("status").asString()).isEqualTo("APPROVED");
		assertThat(approved.get("application").get("approvedFen").asLong()).isEqualTo(150_000L);
		JsonNode seen = company.get("/api/v1/subsidy-applications/" + id).json();
		assertThat(seen.get("payment").asString()).isEqualTo("DUE");
		assertThat(seen.get("entitlements").size()).isEqualTo(1);
		assertThat(seen.get("history").size()).isEqualTo(2);
		// evidence is closed once the review has moved on
		assertThat(upload(company, id, "late.png", "image/png", PNG).status()).isEqualTo(409);
	}
}
