package org.chunfeng.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.chunfeng.enterprises.Enterprises;
import org.chunfeng.identity.Accounts;
import org.chunfeng.support.ApiClient;
import org.chunfeng.support.Endpoints;
import org.chunfeng.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.chunfeng.support.ApiClient.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every page of the console renders in Chinese and in English without a missing text. The pages are found from the
 * request mappings, so a new page without a sample here fails this test instead of going untested.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "chunfeng.demo.enabled=true")
class PagesTests {

	/** Search and filter variants that take other paths through the templates. */
	private static final List<String> VARIANTS = List.of("/reference/regions?q=" + ApiClient.encode("苏州"),
			"/reference/regions?level=PREFECTURE&page=2", "/reference/industries?q=" + ApiClient.encode("制造"),
			"/reference/industries?level=DIVISION", "/reference/occupations?q=6-29&level=OCCUPATION",
			"/reference/occupations?level=NOT_A_LEVEL", "/reference/industries/36/children",
			"/enterprises?q=" + ApiClient.encode("苏州") + "&industry=C&keyOnly=true&sizeClass=SMALL&labourDispatch=true",
			"/enterprises?region=&sizeClass=&industry=", "/enterprises/size-indicators?industryCode=36",
			"/enterprises/size-indicators?industryCode=J");

	/** Pages only an enterprise user may open (the administrator gets 403 there): rendered as one. */
	private static final String ENTERPRISE_USER_PAGES = "/my-enterprise";

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	Accounts accounts;

	@Autowired
	org.chunfeng.workers.Workers workers;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Autowired
	Enterprises enterprises;

	@BeforeEach
	void accounts() {
		TestAccounts.ensure(accounts);
	}

	@Test
	void everyPageRendersInBothLanguages() {
		// records of the administrator's city for the pages that show one
		long worker = org.chunfeng.identity.RegionScope.asSystem(() -> workers.register(
				org.chunfeng.support.TestPeople.worker("页面测试", org.chunfeng.reference.RegionCode.of("320505"))).id());
		long enterprise = org.chunfeng.identity.RegionScope.asSystem(() -> enterprises.register(
				new org.chunfeng.enterprises.NewEnterprise(org.chunfeng.support.TestPeople.creditCode(), "页面测试企业",
						org.chunfeng.reference.RegionCode.of("320505"), null, "39", 30, null, false)).id());
		long job = org.chunfeng.identity.RegionScope.asSystem(() -> jdbc.sql("""
				insert into import_job (kind, mode, status, file_name, region_code, created_by, locale, finished_at)
				values ('WORKERS', 'VALID_ROWS', 'SUCCEEDED', 'pages.xlsx', '320500', 'test', 'zh-CN', now())
				returning id""").query(Long.class).single());
		long[] fair = fairAndSeries();
		long program = subsidyProgram();
		long[] application = subsidyApplication();
		List<String> addresses = new ArrayList<>(Endpoints.pages(mappings,
				java.util.Map.of("workerId", String.valueOf(worker), "importId", String.valueOf(job), "enterpriseId",
						String.valueOf(enterprise), "fairId", String.valueOf(fair[0]), "seriesId",
						String.valueOf(fair[1]), "projectId", String.valueOf(trainingProject(worker)), "programId",
						String.valueOf(program), "batchId", String.valueOf(paymentBatch(program)), "applicationId",
						String.valueOf(application[0]), "evidenceId", String.valueOf(application[1]))));
		assertThat(addresses).contains("/", "/reference/regions");
		addresses.addAll(VARIANTS);
		ApiClient admin = ApiClient.withSession(port, TestAccounts.ADMIN);
		ApiClient finance = ApiClient.withSession(port, TestAccounts.FINANCE);
		ApiClient enterpriseUser = ApiClient.withSession(port,
				TestAccounts.ensureEnterpriseUser(accounts, enterprises));
		for (String address : addresses) {
			ApiClient client = address.startsWith(ENTERPRISE_USER_PAGES) ? enterpriseUser
					: Endpoints.financeOnly(address) ? finance : admin;
			if (Endpoints.ownRecordPage(address) && client == admin) {
				// a worker's own pages: the browser test walks them as a worker
				assertThat(admin.get(address).status()).as(address + " is not the administrator's").isEqualTo(403);
				continue;
			}
			for (String lang : List.of("zh_CN", "en")) {
				String url = address + (address.contains("?") ? "&" : "?") + "lang=" + lang;
				Response page = client.get(url);
				assertThat(page.status()).as(url).isEqualTo(200);
				if (Endpoints.download(address)) {
					assertThat(page.contentType()).as(url).doesNotStartWith("text/html");
					continue;
				}
				assertThat(page.contentType()).as(url).startsWith("text/html");
				assertThat(page.body()).as(url).doesNotContain("??").doesNotContain("_zh_CN").doesNotContain("_en??");
				if (!Endpoints.fragment(address)) {
					assertThat(page.body().strip()).as(url + " rendered completely").endsWith("</html>");
				}
			}
		}
	}

	@Test
	void theLayoutShowsTheCampaignAndSwitchesLanguage() {
		ApiClient client = ApiClient.withSession(port, TestAccounts.ADMIN);
		String chinese = client.get("/").body();
		assertThat(chinese).contains("lang=\"zh-CN\"").contains("苏州市2027年春节").contains("江苏省 · 苏州市")
			.contains("行政区划").contains("登记劳动者").contains("留岗过年").contains("登记用人单位");
		String english = client.get("/?lang=en").body();
		assertThat(english).contains("lang=\"en\"").contains("Suzhou 2027 Spring Festival").contains("Regions");
	}

	@Test
	void pagerLinksKeepTheFiltersAndChangeOnlyThePage() {
		ApiClient client = ApiClient.withSession(port, TestAccounts.ADMIN);
		String body = client.get("/reference/regions?q=" + ApiClient.encode("区") + "&level=COUNTY&page=1").body();
		java.util.regex.Matcher next = java.util.regex.Pattern.compile("href=\"([^\"]*page=2[^\"]*)\"").matcher(body);
		assertThat(next.find()).as("a link to page 3").isTrue();
		assertThat(next.group(1)).contains("level=COUNTY").contains("q=").doesNotContain("page=1");
	}

	@Test
	void badPageParametersGiveAnErrorPageNotA500() {
		ApiClient client = ApiClient.withSession(port, TestAccounts.ADMIN);
		for (String bad : List.of("/reference/regions?level=TOWN", "/reference/regions/12/children",
				"/reference/regions?q=" + ApiClient.encode("苏") + "&page=-3")) {
			Response page = client.get(bad, "Accept", "text/html");
			assertThat(page.status()).as(bad).isEqualTo(400);
			assertThat(page.body()).as(bad).contains("返回首页");
		}
		assertThat(client.get("/no/such/page", "Accept", "text/html").status()).isEqualTo(404);
	}

	/** A training project of the administrator's city with the page's worker referred to it, for the training pages. */
	private long trainingProject(long worker) {
		ApiClient admin = ApiClient.withToken(port, TestAccounts.ADMIN);
		java.time.LocalDate day = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
		long project = admin.post("/api/v1/training-projects", "application/json", """
				{"region": "320505", "provider": "页面测试培训学校", "title": "页面测试电工培训",
				 "occupationCode": "6-31-01-03", "skills": ["低压电工"], "delivery": "OFFLINE", "venueRegion": "320505",
				 "venue": "金山路 1 号", "startDate": "%s", "endDate": "%s", "places": 10, "subsidyEligible": true,
				 "subsidyFen": 150000}""".formatted(day, day.plusDays(30))).json().get("id").asLong();
		admin.post("/api/v1/training-projects/" + project + "/referrals", "application/json",
				"{\"workerId\": " + worker + ", \"note\": \"页面测试\"}");
		return project;
	}

	/** A draft subsidy program of the administrator's city, copied from the first template, for the program pages. */
	@Autowired
	org.chunfeng.subsidies.SubsidyApplications subsidyApplications;

	@Autowired
	org.chunfeng.subsidies.SubsidyPrograms subsidyPrograms;

	/** A work-for-training application of an enterprise of 虎丘 with a PNG attached: its id and the attachment's. */
	private long[] subsidyApplication() {
		org.chunfeng.subsidies.SubsidyProgram program = org.chunfeng.support.SubsidyFixtures.openProgram(
				subsidyPrograms, org.chunfeng.subsidies.rules.ProgramKind.WORK_FOR_TRAINING,
				org.chunfeng.subsidies.rules.Beneficiary.ENTERPRISE,
				org.chunfeng.subsidies.rules.Templates.WORK_FOR_TRAINING_2021.parameters(), 10_000_000L,
				java.util.List.of(org.chunfeng.subsidies.ReviewLevel.COUNTY, org.chunfeng.subsidies.ReviewLevel.CITY));
		org.chunfeng.enterprises.Enterprise enterprise = org.chunfeng.support.SubsidyFixtures.enterprise(enterprises,
				org.chunfeng.support.SubsidyFixtures.HUQIU, 30);
		org.chunfeng.workers.Worker trainee = org.chunfeng.support.SubsidyFixtures.worker(workers,
				org.chunfeng.support.SubsidyFixtures.HUQIU, enterprise.id(), org.chunfeng.workers.EmploymentStatus.EMPLOYED,
				org.chunfeng.workers.FestivalPlan.STAYING_PUT);
		return org.chunfeng.support.SubsidyFixtures.enterpriseUser(enterprise, () -> {
			org.chunfeng.subsidies.SubsidyApplication submitted = subsidyApplications.submit(program.id(),
					org.chunfeng.subsidies.Applicant.enterprise(enterprise.id()),
					new org.chunfeng.subsidies.CaseFacts(java.util.List.of(
							new org.chunfeng.subsidies.CaseFacts.Person(trainee.id(), null, 3)), null, null, null, null,
							null, "页面测试"));
			org.chunfeng.subsidies.Evidence evidence = subsidyApplications.attach(submitted.id(), "合同.png",
					new java.io.ByteArrayInputStream(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0 }));
			return new long[] { submitted.id(), evidence.id() };
		});
	}

	private long subsidyProgram() {
		ApiClient admin = ApiClient.withToken(port, TestAccounts.ADMIN);
		return admin.post("/api/v1/subsidy-programs/1/copies", "application/json",
				"{\"policyYear\": 2027, \"name\": \"页面测试稳岗返还 " + System.nanoTime() + "\"}").json().get("id").asLong();
	}

	/**
	 * A built payment batch of the administrator's city for the page's own (draft) program, which has nothing due: it
	 * takes no other test's entitlements.
	 */
	private long paymentBatch(long program) {
		TestAccounts.ensureFinance(accounts);
		ApiClient finance = ApiClient.withToken(port, TestAccounts.FINANCE);
		long batch = finance.post("/api/v1/payment-batches", "application/json",
				"{\"region\": \"320500\", \"programId\": " + program + "}").json().get("id").asLong();
		java.time.Instant deadline = java.time.Instant.now().plusSeconds(90);
		while (finance.get("/api/v1/payment-batches/" + batch).json().get("status").asString().equals("BUILDING")) {
			assertThat(java.time.Instant.now()).as("batch built in time").isBefore(deadline);
			Thread.onSpinWait();
		}
		return batch;
	}

	/** A published fair of the administrator's city and a series, for the fairs pages. */
	private long[] fairAndSeries() {
		ApiClient admin = ApiClient.withToken(port, TestAccounts.ADMIN);
		java.time.LocalDate day = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(3);
		long fair = admin.post("/api/v1/fairs", "application/json", """
				{"title": "页面测试招聘会", "mode": "OFFLINE", "venue": "人力资源市场", "address": "金山路 1 号",
				 "boothCapacity": 5, "attendeeCapacity": 100, "startsAt": "%sT09:00", "endsAt": "%sT12:00",
				 "theme": "INDUSTRY", "themeCode": "C"}""".formatted(day, day)).json().get("id").asLong();
		admin.post("/api/v1/fairs/" + fair + "/publish", "application/json", "{}");
		long series = admin.post("/api/v1/fair-series", "application/json", """
				{"title": "页面测试系列", "weekdays": ["TUESDAY"], "firstDay": "%s", "lastDay": "%s",
				 "startTime": "09:00", "endTime": "12:00", "mode": "ONLINE"}""".formatted(day, day.plusDays(14)))
			.json().get("series").get("id").asLong();
		return new long[] { fair, series };
	}
}
