package org.chunfeng.jobs.internal.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.chunfeng.enterprises.Enterprises;
import org.chunfeng.support.ApiClient;
import org.chunfeng.support.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * The job board through the public API and the public page: no sign-in, JSON hits and a phone page; bad parameters
 * get a 400 that names them in the caller's language, never a 500.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "chunfeng.jobs.board.poll-interval=0")
class JobBoardApiTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Enterprises enterprises;

	@Autowired
	JobBoardIndex index;

	BoardFixtures fixtures;

	long cook;

	@BeforeEach
	void postings() {
		fixtures = new BoardFixtures(jdbc, enterprises);
		cook = fixtures.posting("中餐厨师").occupation("4-03-02-01").in("320506").wage(6000, 9000).meals().housing()
			.insert();
		fixtures.posting("厨师助理").occupation("4-03-02-01").in("320102").wage(3500, 4000).insert();
		index.catchUp();
	}

	@Test
	void anybodySearchesTheBoardWithoutAToken() {
		ApiClient anonymous = new ApiClient(port);
		Response response = anonymous.get("/api/v1/jobs?q=" + ApiClient.encode("厨师 包吃住 月薪5000")
				+ "&region=320500&occupation=4-03&kind=REGULAR&size=50");
		assertThat(response.status()).isEqualTo(200);
		JsonNode hit = hit(response.json(), cook);
		assertThat(hit).isNotNull();
		assertThat(hit.get("title").asString()).isEqualTo("中餐厨师");
		assertThat(hit.get("enterpriseName").asString()).isEqualTo("苏州春风测试实业有限公司");
		assertThat(hit.get("workplaceName").asString()).isEqualTo("苏州市吴中区");
		assertThat(hit.get("workplaceRegion").get("value").asString()).isEqualTo("320506");
		assertThat(hit.get("wageMin").asInt()).isEqualTo(6000);
		assertThat(hit.get("wageMax").asInt()).isEqualTo(9000);
		assertThat(hit.get("meals").asBoolean()).isTrue();
		assertThat(hit.get("housing").asBoolean()).isTrue();
		assertThat(hit.get("remaining").asInt()).isEqualTo(5);
		assertThat(response.json().get("totalElements").asLong()).isGreaterThanOrEqualTo(1);

		Response filtered = anonymous.get("/api/v1/jobs?q=" + ApiClient.encode("厨师") + "&wageAtLeast=10000");
		assertThat(hit(filtered.json(), cook)).isNull();
	}

	@Test
	void theBoardIsInTheApiDocument() {
		JsonNode operation = new ApiClient(port).get("/v3/api-docs").json().get("paths").get("/api/v1/jobs").get("get");
		List<String> parameters = new ArrayList<>();
		operation.get("parameters").forEach(parameter -> parameters.add(parameter.get("name").asString()));
		assertThat(parameters).contains("q", "region", "occupation", "wageAtLeast", "kind", "page", "size");
	}

	@Test
	void badParametersAreNamedInTheCallersLanguage() {
		ApiClient anonymous = new ApiClient(port);
		assertBad(anonymous.get("/api/v1/jobs?wageAtLeast=abc"), "wageAtLeast", "abc");
		assertBad(anonymous.get("/api/v1/jobs?wageAtLeast=-5"), "wageAtLeast", "0");
		assertBad(anonymous.get("/api/v1/jobs?region=320599"), "region", "320599");
		assertBad(anonymous.get("/api/v1/jobs?region=999999"), "region", "99");
		assertBad(anonymous.get("/api/v1/jobs?region=abc"), "region", "6");
		assertBad(anonymous.get("/api/v1/jobs?occupation=9-99"), "occupation", "9-99");
		assertBad(anonymous.get("/api/v1/jobs?occupation=6-98"), "occupation", "6-98");
		assertBad(anonymous.get("/api/v1/jobs?kind=FULL_TIME"), "kind", "FULL_TIME");
		assertBad(anonymous.get("/api/v1/jobs?size=1000"), "size", "200");
		assertBad(anonymous.get("/api/v1/jobs?page=-1"), "page", "0");
		assertBad(anonymous.get("/api/v1/jobs?q=" + ApiClient.encode("电".repeat(101))), "q", "100");

		Response chinese = anonymous.get("/api/v1/jobs?region=320599");
		assertThat(chinese.json().get("errors").get(0).get("message").asString()).contains("没有代码为 320599 的行政区划");
		Response english = anonymous.get("/api/v1/jobs?region=320599", "Accept-Language", "en");
		assertThat(english.json().get("errors").get(0).get("message").asString())
			.isEqualTo("There is no region with code 320599");
	}

	@Test
	void thePublicPageListsHitsForAnybody() {
		ApiClient anonymous = new ApiClient(port);
		Response page = anonymous.get("/jobs?q=" + ApiClient.encode("厨师 包吃住"));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("中餐厨师").contains("苏州市吴中区").contains("6000–9000 元/月").contains("包住")
			.contains("/jobs/" + cook).doesNotContain("厨师助理");
		Response understood = anonymous.get("/jobs?q=" + ApiClient.encode("厨师 包吃住 月薪5000"));
		assertThat(understood.body()).contains("board-understood").contains("月薪不低于 5000 元");

		Response english = anonymous.get("/jobs?q=" + ApiClient.encode("厨师") + "&lang=en");
		assertThat(english.status()).isEqualTo(200);
		assertThat(english.body()).contains("Job board").contains("中餐厨师").contains("¥6000–9000 a month");

		Response filtered = anonymous.get("/jobs?region=320500&occupation=4-03&wageAtLeast=5000&kind=REGULAR&lang=zh_CN");
		assertThat(filtered.status()).isEqualTo(200);
		assertThat(filtered.body()).contains("中餐厨师").doesNotContain("厨师助理");

		assertThat(new ApiClient(port).get("/login").body()).contains("href=\"/jobs\"");
	}

	@Test
	void aBadFilterOnThePageIsNamedAndLeftOut() {
		Response page = new ApiClient(port).get("/jobs?q=" + ApiClient.encode("中餐厨师")
				+ "&wageAtLeast=abc&region=320599&lang=zh_CN");
		assertThat(page.status()).isEqualTo(400);
		assertThat(page.body()).contains("board-problems").contains("最低月薪：值“abc”格式不正确")
			.contains("工作地点：没有代码为 320599 的行政区划").contains("中餐厨师");
	}

	private static void assertBad(Response response, String field, String mentioned) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		JsonNode error = response.json().get("errors").get(0);
		assertThat(error.get("field").asString()).isEqualTo(field);
		assertThat(error.get("message").asString()).as(field).contains(mentioned);
	}

	private static JsonNode hit(JsonNode page, long postingId) {
		for (JsonNode item : page.get("items")) {
			if (item.get("postingId").asLong() == postingId) {
				return item;
			}
		}
		return null;
	}
}
