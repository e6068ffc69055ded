package org.chunfeng.imports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.chunfeng.identity.Accounts;
import org.chunfeng.platform.spreadsheet.SpreadsheetWriter;
import org.chunfeng.support.ApiClient;
import org.chunfeng.support.TestAccounts;
import org.chunfeng.support.TestPeople;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Imports through the API: upload (multipart), the job's status resource, the error report, the templates. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ImportApiTests {

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	ImportService imports;

	@BeforeEach
	void accounts() {
		TestAccounts.ensure(accounts);
	}

	@Test
	void anUploadBecomesAJobWhoseStatusAndErrorReportCanBeFetched() throws Exception {
		ApiClient api = ApiClient.withToken(port, TestAccounts.HUQIU);
		List<String> good = ImportTests.worker(TestPeople.idNumber().value(), "接口导入甲");
		List<String> bad = ImportTests.worker(TestPeople.idNumber().value(), "接口导入乙");
		bad.set(WorkerColumns.MOBILE, "123");
		HttpResponse<String> started = upload(api.token(), "WORKERS", "VALID_ROWS", "workers.xlsx",
				xlsx(List.of(good, bad)));
		assertThat(started.statusCode()).isEqualTo(202);
		JsonNode job = JsonMapper.builder().build().readTree(started.body());
		long id = job.get("id").asLong();
		assertThat(started.headers().firstValue("Location")).hasValue("/api/v1/imports/" + id);
		imports.completion(id).get(2, TimeUnit.MINUTES);

		JsonNode finished = api.get("/api/v1/imports/" + id).json();
		assertThat(finished.get("status").asString()).isEqualTo("SUCCEEDED");
		assertThat(finished.get("added").asInt()).isEqualTo(1);
		assertThat(finished.get("errorRows").asInt()).isEqualTo(1);
		assertThat(finished.get("percent").asInt()).isEqualTo(100);
		ApiClient.Response report = api.get("/api/v1/imports/" + id + "/errors.xlsx");
		assertThat(report.status()).isEqualTo(200);
		assertThat(report.contentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml");

		// another district's caseworker does not see the job
		assertThat(ApiClient.withToken(port, TestAccounts.WUZHONG).get("/api/v1/imports/" + id).status())
			.isEqualTo(404);
		assertThat(api.get("/api/v1/imports").json().get("items").toString()).contains("workers.xlsx");
	}

	@Test
	void templatesComeAsXlsxAndCsv() {
		ApiClient api = ApiClient.withToken(port, TestAccounts.HUQIU);
		ApiClient.Response csv = api.get("/api/v1/imports/templates/ENTERPRISES.csv");
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.body()).contains("统一社会信用代码*");
		assertThat(api.get("/api/v1/imports/templates/WORKERS.xlsx").status()).isEqualTo(200);
		assertThat(api.get("/api/v1/imports/templates/WORKERS.pdf").status()).isEqualTo(400);
	}

	@Test
	void badUploadsAreRefusedWithA4xxAndAgencyViewersMayNotImport() throws Exception {
		ApiClient api = ApiClient.withToken(port, TestAccounts.HUQIU);
		assertThat(upload(api.token(), "WORKERS", "VALID_ROWS", "empty.xlsx", new byte[0]).statusCode()).isEqualTo(400);
		HttpResponse<String> unknownKind = upload(api.token(), "PETS", "VALID_ROWS", "x.csv",
				"a,b\n".getBytes(StandardCharsets.UTF_8));
		assertThat(unknownKind.statusCode()).isEqualTo(400);
		assertThat(unknownKind.body()).contains("kind");
		ApiClient agency = ApiClient.withToken(port, TestAccounts.AGENCY);
		assertThat(upload(agency.token(), "WORKERS", "VALID_ROWS", "x.csv", "a\n".getBytes(StandardCharsets.UTF_8))
			.statusCode()).isEqualTo(403);
	}

	@Test
	void aFilteredListIsExportedMaskedUnlessRevealedWhichIsAudited() throws Exception {
		org.chunfeng.reference.ResidentIdNumber id = TestPeople.idNumber();
		String name = "导出" + Long.toString(System.nanoTime() % 1_000_000, 36);
		org.chunfeng.identity.RegionScope.asSystem(() -> workers.register(TestPeople.worker(name, id, TestPeople.mobile(),
				org.chunfeng.reference.RegionCode.of("320505"), null, org.chunfeng.workers.EmploymentStatus.SEEKING, null,
				java.util.Set.of(), org.chunfeng.workers.FestivalPlan.UNDECIDED,
				org.chunfeng.workers.RegistrationSource.CASEWORKER)));
		ApiClient api = ApiClient.withToken(port, TestAccounts.HUQIU);
		List<List<String>> masked = exported(api, "/api/v1/exports/workers.xlsx?q=" + ApiClient.encode(name));
		assertThat(masked).hasSize(1);
		assertThat(masked.getFirst()).contains(name, id.masked()).doesNotContain(id.value());
		List<List<String>> revealed = exported(api, "/api/v1/exports/workers.xlsx?reveal=true&q=" + ApiClient.encode(name));
		assertThat(revealed.getFirst()).contains(id.value());
		assertThat(org.chunfeng.identity.RegionScope.asSystem(() -> jdbc.sql(
				"select count(*) from audit_log where action = 'personalData.exported' and actor = ?")
			.param(TestAccounts.HUQIU).query(Long.class).single())).isPositive();
		// the other district's export does not hold the record
		assertThat(exported(ApiClient.withToken(port, TestAccounts.WUZHONG),
				"/api/v1/exports/workers.xlsx?q=" + ApiClient.encode(name))).isEmpty();
		assertThat(ApiClient.withToken(port, TestAccounts.AGENCY).get("/api/v1/exports/workers.xlsx").status())
			.isEqualTo(403);
	}

	@Autowired
	org.chunfeng.workers.Workers workers;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	/** The data rows of an exported workbook. */
	private List<List<String>> exported(ApiClient api, String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Authorization", "Bearer " + api.token())
			.build();
		byte[] body;
		try (HttpClient client = HttpClient.newHttpClient()) {
			HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
			assertThat(response.statusCode()).isEqualTo(200);
			body = response.body();
		}
		java.nio.file.Path file = java.nio.file.Files.createTempFile("export-", ".xlsx");
		try {
			java.nio.file.Files.write(file, body);
			try (org.chunfeng.platform.spreadsheet.SpreadsheetReader reader = org.chunfeng.platform.spreadsheet.SpreadsheetReader
				.open(file, "export.xlsx", org.chunfeng.platform.spreadsheet.SpreadsheetLimits.DEFAULT)) {
				assertThat(reader.header().orElseThrow().cells()).startsWith("编号", "姓名", "公民身份号码");
				return reader.rows().map(org.chunfeng.platform.spreadsheet.SheetRow::cells).toList();
			}
		}
		finally {
			java.nio.file.Files.deleteIfExists(file);
		}
	}

	private HttpResponse<String> upload(String token, String kind, String mode, String fileName, byte[] content)
			throws IOException, InterruptedException {
		String boundary = "chunfeng" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.write(content);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/imports?kind=" + kind + "&mode=" + mode))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build();
		try (HttpClient client = HttpClient.newHttpClient()) {
			return client.send(request, HttpResponse.BodyHandlers.ofString());
		}
	}

	private static byte[] xlsx(List<List<String>> rows) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (SpreadsheetWriter writer = SpreadsheetWriter.xlsx(out, "导入")) {
			writer.header(WorkerColumns.HEADERS);
			for (List<String> row : rows) {
				writer.row(row);
			}
		}
		return out.toByteArray();
	}
}
