package org.chunfeng.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.chunfeng.identity.Accounts;
import org.chunfeng.support.ApiClient;
import org.chunfeng.support.TestAccounts;
import org.chunfeng.support.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** Bad input is a 4xx Problem Details answer naming the field, in the caller's language; never a 500. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ProblemDetailsTests {

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	ApiClient api;

	@BeforeEach
	void client() {
		TestAccounts.ensure(accounts);
		api = ApiClient.withToken(port, TestAccounts.ADMIN);
	}

	@Test
	void malformedJsonIsABadRequest() {
		Response response = api.post("/api/v1/reference/checks", "application/json", "{\"residentId\": ");
		assertProblem(response, 400);
		assertThat(response.json().get("detail").asString()).isEqualTo("请求体不是有效的 JSON");
	}

	@Test
	void aWrongTypeNamesTheField() {
		Response response = api.post("/api/v1/reference/checks", "application/json", "{\"mobile\": {\"a\": 1}}");
		assertProblem(response, 400);
		assertThat(field(response, 0)).isEqualTo("mobile");
	}

	@Test
	void everyBadFieldIsReportedInTheCallersLanguage() {
		Response chinese = api.post("/api/v1/reference/checks", "application/json",
				"{\"residentId\": \"110105194912310021\", \"creditCode\": \"91440300708461136I\", \"mobile\": \"123\","
						+ " \"region\": \"990000\", \"amount\": \"1.234\"}");
		assertProblem(chinese, 400);
		JsonNode errors = chinese.json().get("errors");
		assertThat(errors.valueStream().map(e -> e.get("field").asString()))
			.containsExactly("residentId", "creditCode", "mobile", "region", "amount");
		assertThat(errors.get(0).get("message").asString()).contains("校验位").contains("X");

		Response english = api.post("/api/v1/reference/checks", "application/json", "{\"mobile\": \"123\"}",
				"Accept-Language", "en-US,en;q=0.9");
		assertProblem(english, 400);
		assertThat(english.json().get("title").asString()).isEqualTo("Bad request");
		assertThat(english.json().get("errors").get(0).get("message").asString()).containsIgnoringCase("mobile");
	}

	@Test
	void badQueryParametersNameTheParameter() {
		assertThat(field(assertProblem(api.get("/api/v1/regions?size=0"), 400), 0)).isEqualTo("size");
		assertThat(field(assertProblem(api.get("/api/v1/regions?size=abc"), 400), 0)).isEqualTo("size");
		assertThat(field(assertProblem(api.get("/api/v1/regions?page=-1"), 400), 0)).isEqualTo("page");
		assertThat(field(assertProblem(api.get("/api/v1/regions?level=TOWN"), 400), 0)).isEqualTo("level");
		assertThat(field(assertProblem(api.get("/api/v1/regions?within=12"), 400), 0)).isEqualTo("within");
		assertThat(field(assertProblem(api.get("/api/v1/industries?level=FOO"), 400), 0)).isEqualTo("level");
		Response badCode = assertProblem(api.get("/api/v1/regions/32050X"), 400);
		assertThat(field(badCode, 0)).isEqualTo("code");
		assertThat(badCode.json().get("errors").get(0).get("message").asString()).isEqualTo("行政区划代码应为6位数字");
	}

	@Test
	void unknownCodesAndPathsAreNotFound() {
		assertThat(assertProblem(api.get("/api/v1/regions/329999"), 404).json().get("detail").asString())
			.contains("329999");
		assertProblem(api.get("/api/v1/industries/ZZ"), 404);
		assertProblem(api.get("/api/v1/occupations/9-99"), 404);
		assertProblem(api.get("/api/v1/no-such-thing"), 404);
	}

	@Test
	void wrongMediaTypeIsUnsupported() {
		assertProblem(api.post("/api/v1/reference/checks", "text/plain", "mobile=1"), 415);
	}

	@Test
	void aMissingBodyIsABadRequest() {
		assertProblem(api.post("/api/v1/reference/checks", "application/json", ""), 400);
	}

	private static Response assertProblem(Response response, int status) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("status").asInt()).isEqualTo(status);
		assertThat(response.json().get("title").asString()).isNotBlank();
		return response;
	}

	private static String field(Response response, int index) {
		return response.json().get("errors").get(index).get("field").asString();
	}
}
