package org.chunfeng.jobs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;

import org.chunfeng.enterprises.Enterprises;
import org.chunfeng.identity.Accounts;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.reference.MobileNumber;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.support.ApiClient;
import org.chunfeng.support.ApiClient.Response;
import org.chunfeng.support.TestAccounts;
import org.chunfeng.support.TestPeople;
import org.chunfeng.workers.EmploymentStatus;
import org.chunfeng.workers.FestivalPlan;
import org.chunfeng.workers.RegistrationSource;
import org.chunfeng.workers.Worker;
import org.chunfeng.workers.Workers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The posting pages as people use them: a form that keeps what was typed when a field cannot be read, the review
 * steps, a worker applying and following the answer, and a hire on a full posting refused with a message.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PostingPagesTests {

	static final RegionCode HUQIU = RegionCode.of("320505");

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Enterprises enterprises;

	@Autowired
	Workers workers;

	static String form(String title, String wageMin, int headcount) {
		LocalDate today = LocalDate.now();
		return "title=" + ApiClient.encode(title) + "&occupationCode=6-31-01-03&kind=REGULAR&access=OPEN"
				+ "&workplaceRegion=320505&wageMin=" + ApiClient.encode(wageMin) + "&wageMax=7000&headcount="
				+ headcount + "&startDate=" + today + "&endDate=" + today.plusMonths(1)
				+ "&shifts=DAY&meals=true&description=" + ApiClient.encode("负责配电维护");
	}

	long postingId(Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(302);
		return Long.parseLong(response.location().replaceAll(".*/postings/(\\d+).*", "$1"));
	}

	/** Where a redirect points, as a path of this server. */
	static String path(Response redirect) {
		assertThat(redirect.status()).as(redirect.body()).isEqualTo(302);
		return java.net.URI.create(redirect.location()).getRawPath();
	}

	ApiClient worker(String name) {
		MobileNumber mobile = TestPeople.mobile();
		Worker worker = RegionScope.asSystem(() -> workers.register(TestPeople.worker(name, TestPeople.idNumber(), mobile,
				HUQIU, null, EmploymentStatus.SEEKING, null, Set.of(), FestivalPlan.STAYING_PUT,
				RegistrationSource.CASEWORKER)));
		accounts.createWorkerAccount(worker.id(), HUQIU, name, mobile, TestAccounts.PASSWORD);
		return ApiClient.withSession(port, mobile.value());
	}

	@Test
	void postedReviewedAppliedForAndHiredUntilFull() {
		TestAccounts.ensure(accounts);
		ApiClient enterprise = ApiClient.withSession(port, TestAccounts.ensureEnterpriseUser(accounts, enterprises));
		assertThat(enterprise.get("/postings/new").status()).isEqualTo(200);

		// a wage in words is named, and everything else stays in the form
		Response unreadable = enterprise.postForm("/postings/new", "/postings", form("配电电工", "六千", 1));
		assertThat(unreadable.status()).isEqualTo(200);
		assertThat(unreadable.body()).contains("id=\"form-errors\"").contains("value=\"配电电工\"")
			.contains("value=\"六千\"");

		long id = postingId(enterprise.postForm("/postings/new", "/postings", form("配电电工", "6000", 1)));
		assertThat(enterprise.get("/postings/" + id).body()).contains("待审核").doesNotContain("id=\"review\"");
		// not public before the review
		assertThat(new ApiClient(port).get("/jobs/" + id).status()).isEqualTo(404);

		ApiClient bureau = ApiClient.withSession(port, TestAccounts.HUQIU);
		Response returnWithout = bureau.postForm("/postings/" + id, "/postings/" + id + "/return", "version=0&reason=");
		assertThat(bureau.get(path(returnWithout)).body()).contains("id=\"problem\"");
		Response approved = bureau.postForm("/postings/" + id, "/postings/" + id + "/approve", "version=0");
		assertThat(bureau.get(path(approved)).body()).contains("岗位已审核通过并发布").contains("已发布");

		String publicPage = new ApiClient(port).get("/jobs/" + id).body();
		assertThat(publicPage).contains("配电电工").contains("登录后报名").contains("6000–7000 元/月");

		ApiClient first = worker("报名人甲");
		Response applied = first.postForm("/jobs/" + id, "/jobs/" + id + "/apply", "message=" + ApiClient.encode("有电工证"));
		assertThat(applied.location()).endsWith("/me/applications");
		assertThat(first.get("/me/applications").body()).contains("配电电工").contains("已报名");
		ApiClient second = worker("报名人乙");
		second.postForm("/jobs/" + id, "/jobs/" + id + "/apply", "message=");

		String applicants = enterprise.get("/postings/" + id).body();
		assertThat(applicants).contains("报名人甲").contains("有电工证").contains("报名人乙");
		long[] applications = java.util.regex.Pattern.compile("id=\"application-(\\d+)\"").matcher(applicants)
			.results()
			.mapToLong(m -> Long.parseLong(m.group(1)))
			.toArray();
		assertThat(applications).hasSize(2);
		Response hired = enterprise.postForm("/postings/" + id, "/applications/" + applications[0] + "/move",
				"version=0&status=HIRED&note=" + ApiClient.encode("下周一报到"));
		assertThat(enterprise.get(path(hired)).body()).contains("申请状态已更新").contains("已招满");
		// the one place is taken: the second hire is refused with the reason, on the same page
		Response full = enterprise.postForm("/postings/" + id, "/applications/" + applications[1] + "/move",
				"version=0&status=HIRED");
		assertThat(enterprise.get(path(full)).body()).contains("该岗位名额已满");
		String mine = first.get("/me/applications").body() + second.get("/me/applications").body();
		assertThat(mine).contains("已录用").contains("下周一报到");
		assertThat(new ApiClient(port).get("/jobs/" + id).body()).contains("该岗位已招满");
	}
}
