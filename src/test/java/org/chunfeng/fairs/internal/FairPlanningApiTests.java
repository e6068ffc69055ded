package org.chunfeng.fairs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chunfeng.fairs.internal.FairFixtures.JSON;
import static org.chunfeng.fairs.internal.FairFixtures.fields;
import static org.chunfeng.fairs.internal.FairFixtures.message;
import static org.chunfeng.fairs.internal.FairFixtures.now;
import static org.chunfeng.fairs.internal.FairFixtures.offline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.chunfeng.enterprises.Enterprises;
import org.chunfeng.identity.Accounts;
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

import tools.jackson.databind.JsonNode;

/**
 * Planning fairs and series through the API: bad input named field by field in both languages, the public seeing
 * only published fairs, the region of the fair's bureau, series generating the right days, editing and cancelling.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class FairPlanningApiTests {

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
	void badInputIsNamedFieldByFieldInTheCallersLanguageNeverA500() {
		ApiClient huqiu = fixtures.api(TestAccounts.HUQIU);
		String bad = """
				{"title": " ", "mode": "OFFLINE", "boothCapacity": 0, "attendeeCapacity": 2000000,
				 "startsAt": "2030-02-16T12:00", "endsAt": "2030-02-16T09:00", "theme": "OCCUPATION",
				 "organiser": "NOBODY"}""";
		Response zh = huqiu.post("/api/v1/fairs", JSON, bad);
		assertThat(zh.status()).as(zh.body()).isEqualTo(400);
		assertThat(fields(zh)).contains("title", "venue", "address", "boothCapacity", "attendeeCapacity", "endsAt",
				"themeCode");
		assertThat(message(zh, "venue")).isEqualTo("现场招聘会须填写场馆和地址");
		assertThat(message(zh, "endsAt")).isEqualTo("结束时间应晚于开始时间");
		Response en = huqiu.post("/api/v1/fairs", JSON, bad, "Accept-Language", "en");
		assertThat(message(en, "endsAt")).isEqualTo("Must be after the start");
		assertThat(message(en, "boothCapacity")).isEqualTo("Must be between 1 and 10000");

		// codes that do not exist, and an organiser that is not an agency
		Response unknown = huqiu.post("/api/v1/fairs", JSON, offline("专场" + nonce, now().plusDays(3), 10, null)
			.replace("\"themeCode\": \"C\"", "\"themeCode\": \"ZZ\"").replace("\"HRSS\"", "\"NOBODY\""));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(fields(unknown)).containsExactlyInAnyOrder("themeCode", "organiser");
		assertThat(message(unknown, "themeCode")).contains("ZZ");

		// what cannot be read: a time, a number, a mode
		Response unreadable = huqiu.post("/api/v1/fairs", JSON, offline("专场", now().plusDays(3), 10, null)
			.replace("\"boothCapacity\": 10", "\"boothCapacity\": \"十个\""));
		assertThat(unreadable.status()).isEqualTo(400);
		assertThat(fields(unreadable)).containsExactly("boothCapacity");
		assertThat(huqiu.post("/api/v1/fairs", JSON, "{\"startsAt\": \"明天\"}").status()).isEqualTo(400);
		assertThat(huqiu.post("/api/v1/fairs", JSON, "{\"mode\": \"HYBRID\"}").status()).isEqualTo(400);
		assertThat(huqiu.post("/api/v1/fairs", JSON, "not json").status()).isEqualTo(400);

		// an end in the past, a fair of a fortnight and more, a region outside the caller's
		Response past = huqiu.post("/api/v1/fairs", JSON, offline("过去", now().minusDays(2), 10, null));
		assertThat(fields(past)).containsExactly("endsAt");
		Response outside = huqiu.post("/api/v1/fairs", JSON, offline("外区", now().plusDays(2), 10, null)
			.replace("{", "{\"region\": \"320506\", "));
		assertThat(fields(outside)).containsExactly("region");
		assertThat(huqiu.post("/api/v1/fairs", JSON, "{\"region\": \"12\"}").status()).isEqualTo(400);
		assertThat(huqiu.get("/api/v1/fairs?from=yesterday").status()).isEqualTo(400);
		assertThat(huqiu.get("/api/v1/fairs?status=DONE").status()).isEqualTo(400);
	}

	@Test
	void theBureauPlansAndPublishesAndThePublicSeesOnlyPublishedFairs() {
		ApiClient huqiu = fixtures.api(TestAccounts.HUQIU);
		java.time.LocalDateTime starts = now().plusDays(5);
		Response planned = huqiu.post("/api/v1/fairs", JSON, offline("制造业专场" + nonce, starts, 30, 500));
		assertThat(planned.status()).as(planned.body()).isEqualTo(201);
		JsonNode fair = planned.json();
		long id = fair.get("id").asLong();
		assertThat(planned.location()).endsWith("/api/v1/fairs/" + id);
		assertThat(fair.get("status").asString()).isEqualTo("PLANNED");
		assertThat(fair.get("region").get("value").asString()).isEqualTo("320505");
		assertThat(fair.get("details").get("theme").asString()).isEqualTo("INDUSTRY");
		assertThat(fair.get("details").get("startsAt").asString()).isEqualTo(starts + ":00");

		ApiClient anonymous = new ApiClient(port);
		assertThat(anonymous.get("/api/v1/public/fairs?size=200").body()).doesNotContain("制造业专场" + nonce);
		assertThat(anonymous.get("/api/v1/public/fairs/" + id).status()).isEqualTo(404);
		assertThat(anonymous.get("/public/fairs/" + id).status()).isEqualTo(404);

		Response published = huqiu.post("/api/v1/fairs/" + id + "/publish", JSON, "{}");
		assertThat(published.json().get("status").asString()).isEqualTo("PUBLISHED");
		assertThat(huqiu.post("/api/v1/fairs/" + id + "/publish", JSON, "{}").status()).isEqualTo(409);
		assertThat(anonymous.get("/api/v1/public/fairs?size=200").body()).contains("制造业专场" + nonce)
			.doesNotContain("createdBy");
		Response page = anonymous.get("/api/v1/public/fairs/" + id);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.json().get("fair").get("boothsLeft").asInt()).isEqualTo(30);
		assertThat(page.json().get("fair").get("placesLeft").asInt()).isEqualTo(500);
		assertThat(anonymous.get("/api/v1/public/fairs?region=320506&size=200").body())
			.doesNotContain("制造业专场" + nonce);
		assertThat(anonymous.get("/public/fairs").body()).contains("制造业专场" + nonce);
		assertThat(anonymous.get("/public/fairs/" + id).body()).contains("制造业专场" + nonce);
		// and nothing more for the anonymous caller
		assertThat(anonymous.get("/api/v1/fairs/" + id).status()).isEqualTo(401);
	}

	@Test
	void aCaseworkerOfWuzhongCannotManageAHuqiuFairButTheCityCan() {
		ApiClient huqiu = fixtures.api(TestAccounts.HUQIU);
		ApiClient wuzhong = fixtures.api(TestAccounts.WUZHONG);
		JsonNode fair = fixtures.publishedFair(TestAccounts.HUQIU, offline("虎丘专场" + nonce, now().plusDays(2), 5,
				null));
		long id = fair.get("id").asLong();
		String change = offline("吴中改名" + nonce, now().plusDays(2), 5, null).replace("{",
				"{\"version\": " + fair.get("version").asInt() + ", ");

		assertThat(wuzhong.get("/api/v1/fairs/" + id).status()).isEqualTo(404);
		assertThat(wuzhong.send("PUT", "/api/v1/fairs/" + id, JSON, change).status()).isEqualTo(404);
		assertThat(wuzhong.post("/api/v1/fairs/" + id + "/cancel", JSON, "{\"reason\": \"x\"}").status())
			.isEqualTo(404);
		assertThat(wuzhong.get("/api/v1/fairs/" + id + "/figures").status()).isEqualTo(404);
		assertThat(wuzhong.get("/api/v1/fairs/" + id + "/registrations").status()).isEqualTo(404);
		assertThat(wuzhong.get("/api/v1/fairs?size=200").body()).doesNotContain("虎丘专场" + nonce);
		assertThat(ApiClient.withSession(port, TestAccounts.WUZHONG).get("/fairs/" + id).status()).isEqualTo(404);
		// ... while its public page is anybody's
		assertThat(wuzhong.get("/api/v1/public/fairs/" + id).status()).isEqualTo(200);
		// the agency viewer is not the bureau's staff
		assertThat(fixtures.api(TestAccounts.AGENCY).get("/api/v1/fairs").status()).isEqualTo(403);

		Response byCity = fixtures.api(TestAccounts.ADMIN).send("PUT", "/api/v1/fairs/" + id, JSON,
				change.replace("吴中改名", "市里改名"));
		assertThat(byCity.status()).as(byCity.body()).isEqualTo(200);
		assertThat(byCity.json().get("details").get("title").asString()).isEqualTo("市里改名" + nonce);
		// a change based on the version before is refused, not silently lost
		Response stale = huqiu.send("PUT", "/api/v1/fairs/" + id, JSON, change.replace("吴中改名", "虎丘改名"));
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.json().get("currentVersion").asInt()).isEqualTo(fair.get("version").asInt() + 1);
	}

	@Test
	void aSeriesOnTuesdaysAndFridaysUntilTheEndOfMarchGeneratesThoseDaysEachItsOwnFair() {
		int year = LocalDate.now(FairFixtures.BEIJING).getYear() + 1;
		LocalDate first = LocalDate.of(year, 2, 10);
		LocalDate last = LocalDate.of(year, 3, 31);
		ApiClient huqiu = fixtures.api(TestAccounts.HUQIU);
		String series = """
				{"title": "周二周五招聘会%s", "weekdays": ["TUESDAY", "FRIDAY"], "firstDay": "%s", "lastDay": "%s",
				 "startTime": "09:00", "endTime": "12:00", "mode": "OFFLINE", "venue": "虎丘区人力资源市场",
				 "address": "虎丘区金山路 100 号", "boothCapacity": 40, "theme": "GENERAL"}"""
			.formatted(nonce, first, last);
		Response created = huqiu.post("/api/v1/fair-series", JSON, series);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		List<LocalDate> expected = first.datesUntil(last.plusDays(1))
			.filter(d -> Set.of(DayOfWeek.TUESDAY, DayOfWeek.FRIDAY).contains(d.getDayOfWeek()))
			.toList();
		List<String> starts = new ArrayList<>();
		created.json().get("fairs").forEach(f -> starts.add(f.get("fair").get("details").get("startsAt").asString()));
		assertThat(starts).containsExactlyElementsOf(expected.stream().map(d -> d + "T09:00:00").toList());
		assertThat(expected.getLast().getMonthValue()).isEqualTo(3);
		long seriesId = created.json().get("series").get("id").asLong();
		JsonNode firstFair = created.json().get("fairs").get(0).get("fair");
		assertThat(firstFair.get("seriesId").asLong()).isEqualTo(seriesId);
		assertThat(firstFair.get("status").asString()).isEqualTo("PLANNED");
		assertThat(firstFair.get("details").get("endsAt").asString()).isEqualTo(expected.getFirst() + "T12:00:00");

		// publish the series, then change one fair and cancel another: each is a fair of its own
		Response published = huqiu.post("/api/v1/fair-series/" + seriesId + "/publish", JSON, "{}");
		assertThat(published.json().get("fairs").get(1).get("fair").get("status").asString()).isEqualTo("PUBLISHED");
		long second = published.json().get("fairs").get(1).get("fair").get("id").asLong();
		long third = published.json().get("fairs").get(2).get("fair").get("id").asLong();
		JsonNode secondFair = published.json().get("fairs").get(1).get("fair");
		String moved = offline("改期" + nonce, expected.get(1).atTime(14, 0), 40, null).replace("{",
				"{\"version\": " + secondFair.get("version").asInt() + ", ");
		assertThat(huqiu.send("PUT", "/api/v1/fairs/" + second, JSON, moved).status()).isEqualTo(200);
		Response cancelled = huqiu.post("/api/v1/fairs/" + third + "/cancel", JSON, "{\"reason\": \"场馆检修\"}");
		assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
		assertThat(cancelled.json().get("cancelReason").asString()).isEqualTo("场馆检修");
		assertThat(huqiu.post("/api/v1/fairs/" + third + "/cancel", JSON, "{\"reason\": \"再次\"}").status())
			.isEqualTo(409);
		JsonNode after = huqiu.get("/api/v1/fair-series/" + seriesId).json();
		assertThat(after.get("fairs").get(1).get("fair").get("details").get("title").asString())
			.isEqualTo("改期" + nonce);
		assertThat(after.get("fairs").get(0).get("fair").get("details").get("title").asString())
			.isEqualTo("周二周五招聘会" + nonce);
		assertThat(after.get("fairs").get(2).get("fair").get("status").asString()).isEqualTo("CANCELLED");
		assertThat(after.get("figures").get("fairs").asInt()).isEqualTo(expected.size() - 1);

		// cancelling the series cancels the rest; the cancelled one keeps its reason
		Response rest = huqiu.post("/api/v1/fair-series/" + seriesId + "/cancel", JSON, "{\"reason\": \"改为网络招聘\"}");
		assertThat(rest.json().get("figures").get("fairs").asInt()).isZero();
		assertThat(rest.json().get("fairs").get(2).get("fair").get("cancelReason").asString()).isEqualTo("场馆检修");
		assertThat(rest.json().get("fairs").get(0).get("fair").get("cancelReason").asString()).isEqualTo("改为网络招聘");
		assertThat(fixtures.api(TestAccounts.WUZHONG).get("/api/v1/fair-series/" + seriesId).status()).isEqualTo(404);
	}

	@Test
	void aSeriesIsBoundedAndItsBadInputNamed() {
		ApiClient huqiu = fixtures.api(TestAccounts.HUQIU);
		int year = LocalDate.now(FairFixtures.BEIJING).getYear() + 1;
		Response tooMany = huqiu.post("/api/v1/fair-series", JSON, """
				{"title": "天天", "weekdays": ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"],
				 "firstDay": "%d-01-04", "lastDay": "%d-12-20", "startTime": "09:00", "endTime": "12:00",
				 "mode": "ONLINE"}""".formatted(year, year));
		assertThat(tooMany.status()).isEqualTo(400);
		assertThat(message(tooMany, "lastDay")).isEqualTo("一个系列最多 100 场；请缩短日期或分成几个系列");
		Response bad = huqiu.post("/api/v1/fair-series", JSON, """
				{"weekdays": [], "firstDay": "%d-03-10", "lastDay": "%d-03-01", "startTime": "12:00",
				 "endTime": "09:00", "mode": "OFFLINE"}""".formatted(year, year));
		assertThat(fields(bad)).contains("title", "weekdays", "lastDay", "endTime", "venue", "address",
			"boothCapacity");
		Response none = huqiu.post("/api/v1/fair-series", JSON, """
				{"title": "无日", "weekdays": ["SUNDAY"], "firstDay": "%d-03-02", "lastDay": "%d-03-06",
				 "startTime": "09:00", "endTime": "12:00", "mode": "ONLINE"}""".formatted(year, year));
		assertThat(fields(none)).containsExactly("weekdays");
		assertThat(huqiu.post("/api/v1/fair-series", JSON, "{\"weekdays\": [\"FUNDAY\"]}").status()).isEqualTo(400);
		assertThat(huqiu.post("/api/v1/fair-series", JSON, "{\"startTime\": \"9点\"}").status()).isEqualTo(400);
	}
}
