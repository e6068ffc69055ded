package org.chunfeng.training.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.regex.Pattern;

import org.chunfeng.identity.Accounts;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.reference.MobileNumber;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.reference.ResidentIdNumber;
import org.chunfeng.support.ApiClient;
import org.chunfeng.support.ApiClient.Response;
import org.chunfeng.support.TestAccounts;
import org.chunfeng.support.TestPeople;
import org.chunfeng.workers.EmploymentStatus;
import org.chunfeng.workers.FestivalPlan;
import org.chunfeng.workers.RegistrationSource;
import org.chunfeng.workers.Worker;
import org.chunfeng.workers.Workers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The training pages as people use them: a form that keeps what was typed when a field cannot be read, referring a
 * worker by ID number on the project page and from the worker's page, the worker taking a place on the phone, a
 * full project refused with a message, and the completion certified by the project's bureau.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class TrainingPagesTests {

	static final RegionCode HUQIU = RegionCode.of("320505");

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Workers workers;

	@BeforeEach
	void accounts() {
		TestAccounts.ensure(accounts);
	}

	static String form(String title, String places) {
		LocalDate today = LocalDate.now();
		return "title=" + ApiClient.encode(title) + "&provider=" + ApiClient.encode("虎丘职业培训学校")
				+ "&occupationCode=6-31-01-03&delivery=OFFLINE&venueRegion=320505&venue="
				+ ApiClient.encode("金山路 88 号") + "&startDate=" + today + "&endDate=" + today.plusDays(30)
				+ "&places=" + ApiClient.encode(places) + "&subsidyEligible=true&subsidyYuan=1800&skills="
				+ ApiClient.encode("低压电工作业，安全用电");
	}

	static String path(Response redirect) {
		assertThat(redirect.status()).as(redirect.body()).isEqualTo(302);
		return java.net.URI.create(redirect.location()).getRawPath();
	}

	record Person(Worker worker, ResidentIdNumber id, ApiClient console) {
	}

	Person worker(String name) {
		MobileNumber mobile = TestPeople.mobile();
		ResidentIdNumber id = TestPeople.idNumber();
		Worker worker = RegionScope.asSystem(() -> workers.register(TestPeople.worker(name, id, mobile, HUQIU, null,
				EmploymentStatus.SEEKING, null, java.util.Set.of(), FestivalPlan.STAYING_PUT,
				RegistrationSource.CASEWORKER)));
		accounts.createWorkerAccount(worker.id(), HUQIU, name, mobile, TestAccounts.PASSWORD);
		return new Person(worker, id, ApiClient.withSession(port, mobile.value()));
	}

	@Test
	void listedReferredEnrolledUntilFullAndCompleted() {
		ApiClient bureau = ApiClient.withSession(port, TestAccounts.HUQIU);
		assertThat(bureau.get("/training/new").status()).isEqualTo(200);

		// places in words are named, and everything else stays in the form
		Response unreadable = bureau.postForm("/training/new", "/training", form("电工上岗证培训", "三十"));
		assertThat(unreadable.status()).isEqualTo(200);
		assertThat(unreadable.body()).contains("id=\"form-errors\"").contains("value=\"电工上岗证培训\"")
			.contains("value=\"三十\"");

		String project = path(bureau.postForm("/training/new", "/training", form("电工上岗证培训", "1")));
		String page = bureau.get(project).body();
		assertThat(page).contains("培训项目已登记").contains("招生中").contains("每人 1,800.00 元").contains("0/1");
		assertThat(bureau.get("/training?q=" + ApiClient.encode("电工上岗证") + "&subsidy=yes&delivery=OFFLINE").body())
			.contains("电工上岗证培训");

		Person first = worker("学员甲");
		Person second = worker("学员乙");
		Response badId = bureau.postForm(project, project + "/referrals", "idNumber=123&note=");
		assertThat(bureau.get(path(badId)).body()).contains("id=\"problem\"");
		Response referred = bureau.postForm(project, project + "/referrals",
				"idNumber=" + first.id().value() + "&note=" + ApiClient.encode("春节留苏"));
		assertThat(bureau.get(path(referred)).body()).contains("已推荐参加培训").contains("学员甲").contains("春节留苏");

		// from the worker's page: its training part lists the referrals and refers to an open project
		String section = bureau.get("/workers/" + second.worker().id() + "/training").body();
		assertThat(section).contains("id=\"worker-training\"").contains("还没有培训推荐").contains("电工上岗证培训");
		String projectId = project.substring(project.lastIndexOf('/') + 1);
		Response fromWorkerPage = bureau.postForm("/workers/" + second.worker().id(),
				"/workers/" + second.worker().id() + "/training", "projectId=" + projectId + "&note=");
		assertThat(path(fromWorkerPage)).isEqualTo("/workers/" + second.worker().id());
		assertThat(bureau.get("/workers/" + second.worker().id()).body()).contains("已推荐参加培训")
			.contains("hx-get=\"/workers/" + second.worker().id() + "/training\"");
		assertThat(bureau.get("/workers/" + second.worker().id() + "/training").body()).contains("已推荐");

		// the worker takes the one place on the phone
		String mine = first.console().get("/me/training").body();
		assertThat(mine).contains("电工上岗证培训").contains("已推荐").contains("报名参加");
		long firstReferral = referralId(mine);
		Response enrolled = first.console().postForm("/me/training", "/me/training/" + firstReferral + "/enrol",
				"version=0");
		assertThat(first.console().get(path(enrolled)).body()).contains("报名成功").contains("已报名入班");

		// the second is refused: the project is full, said on the page
		long secondReferral = referralId(second.console().get("/me/training").body());
		Response full = second.console().postForm("/me/training", "/me/training/" + secondReferral + "/enrol",
				"version=0");
		assertThat(second.console().get(path(full)).body()).contains("该培训项目名额已满");
		Response declined = second.console().postForm("/me/training", "/me/training/" + secondReferral + "/decline",
				"version=0");
		assertThat(second.console().get(path(declined)).body()).contains("未参加");

		// the project's bureau certifies the completion
		String withReferrals = bureau.get(project).body();
		assertThat(withReferrals).contains("1/1").contains("data-move=\"COMPLETED\"");
		Response completed = bureau.postForm(project, "/training/referrals/" + firstReferral + "/move",
				"version=1&status=COMPLETED&certificateNo=SZ-001&note=");
		assertThat(bureau.get(path(completed)).body()).contains("推荐状态已更新").contains("SZ-001");
		assertThat(first.console().get("/me/training").body()).contains("已结业");
		// the worker reads the project in the catalogue, not its referrals
		String asWorker = first.console().get(project).body();
		assertThat(asWorker).contains("电工上岗证培训").contains("id=\"my-referral\"").doesNotContain("学员乙");

		// a project of 虎丘 is read, not changed, by 吴中
		ApiClient neighbour = ApiClient.withSession(port, TestAccounts.WUZHONG);
		assertThat(neighbour.get(project).body()).contains("电工上岗证培训").doesNotContain("id=\"project-edit\"")
			.doesNotContain("学员甲");
		assertThat(neighbour.get(project + "/edit").status()).isEqualTo(404);
	}

	@Test
	void aProjectIsRevisedClosedAndCancelledWithMessages() {
		ApiClient bureau = ApiClient.withSession(port, TestAccounts.HUQIU);
		String project = path(bureau.postForm("/training/new", "/training", form("焊工技能提升班", "20")));
		String edit = bureau.get(project + "/edit").body();
		assertThat(edit).contains("value=\"焊工技能提升班\"").contains("value=\"1800.00\"");
		Response saved = bureau.postForm(project + "/edit", project, form("焊工技能提升班（夜校）", "25") + "&version=0");
		assertThat(bureau.get(path(saved)).body()).contains("培训项目已保存").contains("焊工技能提升班（夜校）");
		// a stale save keeps the input and says so
		Response stale = bureau.postForm(project + "/edit", project, form("再改一次", "25") + "&version=0");
		assertThat(stale.status()).isEqualTo(200);
		assertThat(stale.body()).contains("id=\"conflict\"").contains("value=\"再改一次\"");
		Response withoutReason = bureau.postForm(project, project + "/cancel", "version=1&reason=");
		assertThat(bureau.get(path(withoutReason)).body()).contains("id=\"problem\"");
		Response closed = bureau.postForm(project, project + "/close", "version=1");
		assertThat(bureau.get(path(closed)).body()).contains("已结束招生").contains("招生结束")
			.doesNotContain("id=\"refer-form\"");
		String english = bureau.get(project + "?lang=en").body();
		assertThat(english).contains("Enrolment closed").contains("Training subsidy of 1,800.00 yuan per person");
	}

	private static long referralId(String page) {
		var matcher = Pattern.compile("id=\"referral-(\\d+)\"").matcher(page);
		assertThat(matcher.find()).as("a referral on the page").isTrue();
		return Long.parseLong(matcher.group(1));
	}
}
