package org.chunfeng.fairs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chunfeng.fairs.internal.FairFixtures.HUQIU;
import static org.chunfeng.fairs.internal.FairFixtures.WUZHONG;
import static org.chunfeng.fairs.internal.FairFixtures.now;
import static org.chunfeng.support.ApiClient.encode;

import java.time.LocalDate;
import java.time.LocalDateTime;

import org.chunfeng.enterprises.Enterprise;
import org.chunfeng.enterprises.Enterprises;
import org.chunfeng.identity.Accounts;
import org.chunfeng.jobs.JobPosting;
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

/**
 * The fairs pages as each user works them: the bureau plans on the form (bad input named, typed input kept),
 * publishes, runs the door and the booths; an enterprise books a booth and records intentions by ticket; a worker
 * registers and holds the QR ticket; the calendar and the public pages show the fair.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class FairPagesTests {

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

	private static String fairForm(String title, LocalDateTime starts, String boothCapacity) {
		return "title=" + encode(title) + "&mode=OFFLINE&venue=" + encode("虎丘人力资源市场") + "&address="
				+ encode("金山路 100 号") + "&boothCapacity=" + encode(boothCapacity) + "&attendeeCapacity="
				+ "&startsAt=" + starts + "&endsAt=" + starts.plusHours(3) + "&theme=OCCUPATION&themeCode=6-29"
				+ "&organiser=TRADE_UNION&description=" + encode("春风行动");
	}

	@Test
	void theBureauPlansOnTheFormPublishesAndCancels() {
		ApiClient staff = ApiClient.withSession(port, TestAccounts.HUQIU);
		Response bad = staff.postForm("/fairs/new", "/fairs", fairForm("", now().plusDays(4), "十个"));
		assertThat(bad.status()).isEqualTo(200);
		assertThat(bad.body()).contains("id=\"form-errors\"").contains("名称: 必填").contains("展位数: 请填写数字")
			.contains("value=\"十个\"").contains("value=\"虎丘人力资源市场\"");

		LocalDateTime starts = now().plusDays(4);
		Response planned = staff.postForm("/fairs/new", "/fairs", fairForm("岗位专场" + nonce, starts, "12"));
		assertThat(planned.status()).isEqualTo(302);
		String page = planned.location().replaceAll("^https?://[^/]+", "");
		assertThat(page).matches("/fairs/\\d+");
		Response show = staff.get(page);
		assertThat(show.body()).contains("岗位专场" + nonce).contains("招聘会已安排").contains("总工会")
			.contains("筹备中");
		Response published = staff.postForm(page, page + "/publish", "");
		assertThat(published.status()).isEqualTo(302);
		assertThat(staff.get(page).body()).contains("招聘会已发布");
		assertThat(staff.get("/fairs?q=" + encode("岗位专场" + nonce)).body()).contains("岗位专场" + nonce);
		LocalDate day = starts.toLocalDate();
		String calendar = staff.get("/fairs/calendar?month=" + day.toString().substring(0, 7)).body();
		assertThat(calendar).contains("岗位专场" + nonce).contains("data-day=\"" + day + "\"");
		assertThat(new ApiClient(port).get("/public/fairs").body()).contains("岗位专场" + nonce);

		staff.postForm(page, page + "/cancel", "reason=");
		assertThat(staff.get(page).body()).contains("id=\"problem\"").doesNotContain("id=\"fair-cancelled\"");
		staff.postForm(page, page + "/cancel", "reason=" + encode("场地检修"));
		assertThat(staff.get(page).body()).contains("id=\"fair-cancelled\"").contains("场地检修");
		// the English pages say it too
		assertThat(staff.get(page + "?lang=en").body()).contains("Cancelled").contains("Position fair");
	}

	@Test
	void aSeriesIsPlannedOnTheFormWithItsWeekdays() {
		ApiClient staff = ApiClient.withSession(port, TestAccounts.HUQIU);
		LocalDate first = LocalDate.now(FairFixtures.BEIJING).plusDays(1);
		Response none = staff.postForm("/fairs/series/new", "/fairs/series", "title=" + encode("系列" + nonce)
				+ "&firstDay=" + first + "&lastDay=" + first.plusDays(20) + "&startTime=09:00&endTime=11:00&mode=ONLINE");
		assertThat(none.status()).isEqualTo(200);
		assertThat(none.body()).contains("请至少选择一个星期几");
		Response made = staff.postForm("/fairs/series/new", "/fairs/series", "title=" + encode("系列" + nonce)
				+ "&weekdays=TUESDAY&weekdays=FRIDAY&firstDay=" + first + "&lastDay=" + first.plusDays(20)
				+ "&startTime=09:00&endTime=11:00&mode=ONLINE");
		assertThat(made.status()).isEqualTo(302);
		String page = made.location().replaceAll("^https?://[^/]+", "");
		long fairs = first.datesUntil(first.plusDays(21)).filter(d -> d.getDayOfWeek().getValue() == 2
				|| d.getDayOfWeek().getValue() == 5).count();
		String body = staff.get(page).body();
		assertThat(body).contains("已生成 " + fairs + " 场招聘会");
		assertThat(body.split("series-fairs")[1].split("<tbody>")[1].split("</tbody>")[0].split("<tr").length - 1)
			.isEqualTo((int) fairs);
		staff.postForm(page, page + "/publish", "");
		assertThat(staff.get(page).body()).contains("已发布 " + fairs + " 场招聘会");
	}

	@Test
	void anEnterpriseBooksAWorkerRegistersTheDoorChecksInAndTheBoothRecordsAnIntention() {
		long fair = fixtures.fairNow("现场" + nonce, 5, 50).get("id").asLong();
		Enterprise enterprise = fixtures.enterprise("展位单位" + nonce, WUZHONG);
		JobPosting posting = fixtures.posting(enterprise, "包装工" + nonce, 3);
		ApiClient company = ApiClient.withSession(port, fixtures.enterpriseUser(enterprise));
		assertThat(company.get("/my-enterprise/fairs").body()).contains("现场" + nonce);
		String boothPage = "/my-enterprise/fairs/" + fair;
		assertThat(company.get(boothPage).body()).contains("包装工" + nonce).contains("id=\"booth-form\"");
		company.postForm(boothPage, boothPage + "/booth", "postingIds=" + posting.id() + "&note=" + encode("靠近入口"));
		assertThat(company.get(boothPage).body()).contains("展位申请已提交").contains("待确认");

		ApiClient staff = ApiClient.withSession(port, TestAccounts.HUQIU);
		String manage = "/fairs/" + fair;
		String booths = staff.get(manage).body();
		assertThat(booths).contains("展位单位" + nonce).contains("靠近入口");
		long boothId = fixtures.api(TestAccounts.HUQIU).get("/api/v1/fairs/" + fair + "/booths").json().get(0).get("id")
			.asLong();
		staff.postForm(manage, manage + "/booths/" + boothId + "/confirm", "");
		assertThat(staff.get(manage).body()).contains("展位已确认");

		Worker worker = fixtures.worker("扫码" + nonce, HUQIU);
		ApiClient phone = ApiClient.withSession(port, fixtures.workerUser(worker));
		String register = "/me/fairs/" + fair + "/register";
		assertThat(phone.get(register).body()).contains("id=\"fair-register-form\"").contains("现场" + nonce);
		Response registered = phone.postForm(register, register, "");
		assertThat(registered.status()).isEqualTo(302);
		String ticketPage = registered.location().replaceAll("^https?://[^/]+", "");
		String ticket = phone.get(ticketPage).body();
		assertThat(ticket).contains("<svg").contains("报名成功");
		String code = ticket.split("id=\"ticket-code\">")[1].split("<")[0];
		assertThat(code).matches("[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}");
		// registering again leads to the same ticket
		assertThat(phone.get(register).location()).endsWith(ticketPage);
		assertThat(phone.get("/me/fairs").body()).contains("现场" + nonce);

		String door = manage + "/check-in";
		staff.postForm(door, door, "code=" + code);
		assertThat(staff.get(door).body()).contains("扫码" + nonce + " 入场成功");
		staff.postForm(door, door, "code=" + code);
		assertThat(staff.get(door).body()).contains("id=\"check-in-refused\"").contains("入场码只能使用一次");
		staff.postForm(door, door, "code=ZZZZ");
		assertThat(staff.get(door).body()).contains("入场码应为 12 位字母和数字").contains("value=\"ZZZZ\"");
		staff.postForm(door, door, "code=2222-3333-4444");
		assertThat(staff.get(door).body()).contains("没有这个入场码");
		assertThat(phone.get(ticketPage).body()).contains("id=\"ticket-used\"");

		company.postForm(boothPage, boothPage + "/intentions", "postingId=" + posting.id() + "&code=" + code);
		assertThat(company.get(boothPage).body()).contains("意向已登记").contains("扫码" + nonce);
		String managed = staff.get(manage).body();
		assertThat(managed).contains("扫码" + nonce).contains("已投递");
		assertThat(managed.split("id=\"figure-intentions\">")[1]).startsWith("1<");
		// the public page shows the enterprise and its posting, to apply on the posting's page
		String open = new ApiClient(port).get("/public/fairs/" + fair).body();
		assertThat(open).contains("展位单位" + nonce).contains("href=\"/jobs/" + posting.id() + "\"");

		Response report = staff.get(manage + "/report.xlsx");
		assertThat(report.status()).isEqualTo(200);
		assertThat(report.contentType()).contains("spreadsheetml");
	}
}
