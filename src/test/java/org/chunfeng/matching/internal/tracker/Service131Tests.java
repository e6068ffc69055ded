package org.chunfeng.matching.internal.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.chunfeng.enterprises.Enterprise;
import org.chunfeng.enterprises.Enterprises;
import org.chunfeng.enterprises.NewEnterprise;
import org.chunfeng.identity.Accounts;
import org.chunfeng.identity.DataCategory;
import org.chunfeng.identity.NewAccount;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.identity.Role;
import org.chunfeng.jobs.JobKind;
import org.chunfeng.jobs.Jobs;
import org.chunfeng.jobs.KeyGroupAccess;
import org.chunfeng.jobs.PostingDetails;
import org.chunfeng.jobs.Shift;
import org.chunfeng.matching.Guidance;
import org.chunfeng.matching.GuidanceChannel;
import org.chunfeng.matching.GuidanceSessionDetails;
import org.chunfeng.matching.GuidanceTopic;
import org.chunfeng.matching.Service131;
import org.chunfeng.matching.Service131Coverage;
import org.chunfeng.matching.Service131Item;
import org.chunfeng.matching.Service131Query;
import org.chunfeng.matching.Service131Worker;
import org.chunfeng.platform.PageQuery;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.support.ApiClient;
import org.chunfeng.support.ApiClient.Response;
import org.chunfeng.support.TestAccounts;
import org.chunfeng.support.TestPeople;
import org.chunfeng.training.TrainingReferred;
import org.chunfeng.workers.EmploymentStatus;
import org.chunfeng.workers.FestivalPlan;
import org.chunfeng.workers.KeyGroup;
import org.chunfeng.workers.RegistrationSource;
import org.chunfeng.workers.Worker;
import org.chunfeng.workers.Workers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * The 131 tracker on a small known population in 无锡 (320200), a city no other test uses: key-group workers of two
 * districts with every combination of done parts, a worker without key groups (not counted) and a merged duplicate
 * (not counted). Guidance is recorded, job leads are written as the engine would, training referrals arrive as the
 * training module's events (one of them twice).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Service131Tests {

	static final RegionCode CITY = RegionCode.of("320200");
	static final RegionCode XISHAN = RegionCode.of("320205");
	static final RegionCode HUISHAN = RegionCode.of("320206");
	static final String ADMIN = "test-wuxi-admin";
	static final String CASEWORKER = "test-xishan";
	static final String RURAL = "test-wuxi-rural";

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Workers workers;

	@Autowired
	Enterprises enterprises;

	@Autowired
	Jobs jobs;

	@Autowired
	Guidance guidance;

	@Autowired
	Service131 service131;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	JdbcClient jdbc;

	final Map<String, Worker> people = new HashMap<>();

	List<Long> postings;

	long referral = 9_000_000;

	@BeforeAll
	void population() {
		TestAccounts.ensure(accounts);
		accounts.create(new NewAccount(ADMIN, ADMIN, TestAccounts.PASSWORD, Role.ADMINISTRATOR, CITY, null, Set.of(),
				null, null, false));
		accounts.create(new NewAccount(CASEWORKER, CASEWORKER, TestAccounts.PASSWORD, Role.CASEWORKER, XISHAN, null,
				Set.of(), null, null, false));
		accounts.create(new NewAccount(RURAL, RURAL, TestAccounts.PASSWORD, Role.AGENCY_VIEWER, CITY,
				"RURAL_REVITALIZATION", Set.of(DataCategory.KEY_GROUPS), null, null, false));
		// the postings of the leads are in Suzhou (a lead may be anywhere): pages that open posting 1 of the test
		// database expect one the Suzhou administrator manages
		RegionCode huqiu = RegionCode.of("320505");
		Enterprise enterprise = RegionScope.asSystem(() -> enterprises.register(new NewEnterprise(
				TestPeople.creditCode(), "131岗位单位", huqiu, null, "39", 100, null, false)));
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		postings = new ArrayList<>();
		for (int i = 1; i <= 3; i++) {
			PostingDetails details = new PostingDetails("操作工" + i, "6-29-01-01", "流水线", List.of(), huqiu, null,
					4500, 6000, 5, today, today.plusMonths(2), Set.of(Shift.DAY), true, true, false, JobKind.REGULAR,
					KeyGroupAccess.OPEN, null);
			// published, as a lead's posting would be (and as pages that open posting 1 expect of the test database)
			postings.add(RegionScope.within(huqiu, () -> {
				var posted = jobs.post(enterprise.id(), details, "test");
				return jobs.approve(posted.id(), posted.version(), "test-reviewer");
			}).id());
		}
		// 锡山: A all three, B guidance, C jobs, D training, E nothing, H two leads only (not the 3 jobs);
		// F all three but no key group (not counted); G merged into A (not counted, though it had guidance)
		person("A", XISHAN, true, 3, true);
		person("B", XISHAN, true, 0, false);
		person("C", XISHAN, false, 3, false);
		person("D", XISHAN, false, 0, true);
		person("E", XISHAN, false, 0, false);
		person("H", XISHAN, false, 2, false);
		person("F", XISHAN, Set.of(), true, 3, true);
		person("G", XISHAN, true, 0, false);
		RegionScope.asSystem(() -> workers.merge(people.get("A").id(), people.get("G").id()));
		// 惠山: I guidance and jobs, J guidance and training, K jobs and training
		person("I", HUISHAN, true, 3, false);
		person("J", HUISHAN, true, 0, true);
		person("K", HUISHAN, false, 3, true);
		// the training module's event heard twice counts once
		events.publishEvent(new TrainingReferred(9_000_001, 77, people.get("A").id()));
	}

	private void person(String label, RegionCode region, boolean guided, int leads, boolean trained) {
		person(label, region, Set.of(label.charAt(0) % 2 == 0 ? KeyGroup.LIFTED_OUT_OF_POVERTY : KeyGroup.DISABILITY,
				KeyGroup.RURAL_LOW_INCOME), guided, leads, trained);
	}

	private void person(String label, RegionCode region, Set<KeyGroup> groups, boolean guided, int leads,
			boolean trained) {
		Worker worker = RegionScope.asSystem(() -> workers.register(TestPeople.worker("无锡" + label,
				TestPeople.idNumber(), TestPeople.mobile(), region, null, EmploymentStatus.SEEKING, null, groups,
				FestivalPlan.STAYING_PUT, RegistrationSource.CASEWORKER)));
		people.put(label, worker);
		if (guided) {
			RegionScope.asSystem(() -> guidance.record(worker.id(), new GuidanceSessionDetails(
					LocalDate.now(ZoneId.of("Asia/Shanghai")), GuidanceChannel.COUNTER, Set.of(GuidanceTopic.POLICY),
					"", null)));
		}
		for (int rank = 1; rank <= leads; rank++) {
			jdbc.sql("""
					insert into job_lead (worker_id, rank, posting_id, region_code, score, reasons)
					values (?, ?, ?, ?, ?, '[]'::jsonb)""")
				.params(worker.id(), rank, postings.get(rank - 1), region.value(), 100 - rank)
				.update();
		}
		if (trained) {
			events.publishEvent(new TrainingReferred(++referral, 77, worker.id()));
		}
	}

	@Test
	void coverageCountsEachRegionsKeyGroupWorkersAndWhatTheyHad() {
		JsonNode coverage = ApiClient.withToken(port, ADMIN).get("/api/v1/service131/coverage").json();
		assertThat(coverage.get("region").get("value").asString()).isEqualTo("320200");
		Map<String, JsonNode> rows = new HashMap<>();
		coverage.get("rows").forEach(r -> rows.put(r.get("region").get("value").asString(), r));
		assertThat(rows.keySet()).containsExactlyInAnyOrder("320205", "320206");
		JsonNode xishan = rows.get("320205");
		assertThat(xishan.get("name").asString()).isEqualTo("锡山区");
		assertThat(figures(xishan)).containsExactly(6L, 2L, 2L, 2L, 1L);
		assertThat(xishan.get("guidancePercent").asDouble()).isEqualTo(33.3);
		assertThat(xishan.get("completePercent").asDouble()).isEqualTo(16.7);
		JsonNode huishan = rows.get("320206");
		assertThat(figures(huishan)).containsExactly(3L, 2L, 2L, 2L, 0L);
		assertThat(huishan.get("jobsPercent").asDouble()).isEqualTo(66.7);
		assertThat(huishan.get("completePercent").asDouble()).isEqualTo(0.0);
		JsonNode total = coverage.get("total");
		assertThat(figures(total)).containsExactly(9L, 4L, 4L, 4L, 1L);
		assertThat(total.get("trainingPercent").asDouble()).isEqualTo(44.4);

		// a district's own figures: one row, the district itself
		JsonNode county = ApiClient.withToken(port, ADMIN).get("/api/v1/service131/coverage?region=320206").json();
		assertThat(county.get("rows").size()).isEqualTo(1);
		assertThat(figures(county.get("total"))).containsExactly(3L, 2L, 2L, 2L, 0L);
		// the same through the service, as the province would ask (prefectures as rows)
		Service131Coverage province = RegionScope.within(RegionCode.of("320000"),
				() -> service131.coverage(RegionCode.of("320000")));
		Service131Coverage.Row wuxi = province.rows().stream().filter(r -> r.region().equals(CITY)).findFirst()
			.orElseThrow();
		assertThat(wuxi.name()).isEqualTo("无锡市");
		assertThat(List.of(wuxi.workers(), wuxi.guidance(), wuxi.jobs(), wuxi.training(), wuxi.complete()))
			.containsExactly(9L, 4L, 4L, 4L, 1L);
	}

	@Test
	void theRecordOfOneWorker() {
		var a = RegionScope.asSystem(() -> service131.status(people.get("A").id()));
		assertThat(a.guidanceSessions()).isEqualTo(1);
		assertThat(a.jobLeads()).isEqualTo(3);
		// A's referral was heard twice; G's guidance stays G's
		assertThat(a.trainingReferrals()).isEqualTo(1);
		assertThat(a.complete()).isTrue();
		var h = RegionScope.asSystem(() -> service131.status(people.get("H").id()));
		assertThat(h.jobLeads()).isEqualTo(2);
		assertThat(h.jobs()).isFalse();
		assertThat(h.lacks(Service131Item.ANY)).isTrue();
	}

	@Test
	void theListShowsWhoLacksWhat() {
		assertThat(names(null, null, null)).containsExactly("无锡A", "无锡B", "无锡C", "无锡D", "无锡E", "无锡H", "无锡I",
				"无锡J", "无锡K");
		assertThat(names(null, null, Service131Item.GUIDANCE)).containsExactly("无锡C", "无锡D", "无锡E", "无锡H", "无锡K");
		assertThat(names(null, null, Service131Item.JOBS)).containsExactly("无锡B", "无锡D", "无锡E", "无锡H", "无锡J");
		assertThat(names(null, null, Service131Item.TRAINING)).containsExactly("无锡B", "无锡C", "无锡E", "无锡H", "无锡I");
		assertThat(names(null, null, Service131Item.ANY)).hasSize(8).doesNotContain("无锡A");
		assertThat(names(HUISHAN, null, Service131Item.ANY)).containsExactly("无锡I", "无锡J", "无锡K");
		// letters with an even code (B, D, H, J) are 脱贫人口, the others 残疾人
		assertThat(names(null, KeyGroup.LIFTED_OUT_OF_POVERTY, null)).containsExactly("无锡B", "无锡D", "无锡H", "无锡J");

		ApiClient admin = ApiClient.withToken(port, ADMIN);
		JsonNode page = admin.get("/api/v1/service131/workers?missing=GUIDANCE&size=2&page=1").json();
		assertThat(page.get("totalElements").asLong()).isEqualTo(5);
		assertThat(page.get("items").size()).isEqualTo(2);
		JsonNode first = page.get("items").get(0);
		assertThat(first.get("name").asString()).isEqualTo("无锡E");
		assertThat(first.get("idNumberMasked").asString()).contains("********");
		assertThat(first.get("status").get("guidance").asBoolean()).isFalse();
		assertThat(admin.get("/api/v1/service131/workers?missing=NOTHING").status()).isEqualTo(400);
	}

	@Test
	void theWorkbookHoldsTheListMasked() throws Exception {
		byte[] file = ApiClient.withToken(port, ADMIN).download("/api/v1/service131/workers.xlsx?missing=ANY");
		List<List<String>> rows = read(file);
		assertThat(rows.get(0)).containsExactly("编号", "姓名", "公民身份号码", "手机号码", "现居住地代码", "现居住地", "重点群体",
				"职业指导", "3个岗位信息", "培训项目", "尚缺");
		assertThat(rows).hasSize(9);
		List<String> b = rows.stream().filter(r -> r.get(1).equals("无锡B")).findFirst().orElseThrow();
		Worker worker = people.get("B");
		assertThat(b).containsExactly(String.valueOf(worker.id()), "无锡B", worker.idNumberMasked(),
				worker.mobileMasked(), "320205", "锡山区", "脱贫人口、农村低收入人口", "1", "0", "0", "岗位信息、培训项目");
		// the console's address, in English
		ApiClient console = ApiClient.withSession(port, ADMIN);
		List<List<String>> english = read(console.download("/service131/workers.xlsx?region=320206&lang=en"));
		assertThat(english.get(0).get(1)).isEqualTo("Name");
		assertThat(english).hasSize(4);
	}

	@Test
	void whoSeesWhat() {
		ApiClient caseworker = ApiClient.withToken(port, CASEWORKER);
		JsonNode own = caseworker.get("/api/v1/service131/coverage").json();
		assertThat(own.get("region").get("value").asString()).isEqualTo("320205");
		assertThat(figures(own.get("total"))).containsExactly(6L, 2L, 2L, 2L, 1L);
		Response outside = caseworker.get("/api/v1/service131/coverage?region=320206");
		assertThat(outside.status()).isEqualTo(400);
		assertThat(caseworker.get("/api/v1/service131/workers?size=200").json().get("totalElements").asLong())
			.isEqualTo(6);
		// the rural revitalization office sees the figures, not the people
		ApiClient rural = ApiClient.withToken(port, RURAL);
		assertThat(figures(rural.get("/api/v1/service131/coverage").json().get("total")))
			.containsExactly(9L, 4L, 4L, 4L, 1L);
		assertThat(rural.get("/api/v1/service131/workers").status()).isEqualTo(403);
		assertThat(rural.get("/api/v1/service131/workers.xlsx").status()).isEqualTo(403);
		String page = ApiClient.withSession(port, RURAL).get("/service131").body();
		assertThat(page).contains("锡山区").contains("id=\"coverage-table\"").doesNotContain("无锡A")
			.doesNotContain("service131-table").contains("id=\"nav-service131\"");
		// an agency without the key-groups category sees nothing
		assertThat(ApiClient.withToken(port, TestAccounts.AGENCY).get("/api/v1/service131/coverage").status())
			.isEqualTo(403);
		assertThat(ApiClient.withSession(port, TestAccounts.AGENCY).get("/service131").status()).isEqualTo(403);
		assertThat(ApiClient.withSession(port, TestAccounts.AGENCY).get("/").body()).doesNotContain("nav-service131");
		// Suzhou's administrator does not see Wuxi
		assertThat(ApiClient.withToken(port, TestAccounts.ADMIN).get("/api/v1/service131/coverage?region=320200")
			.status()).isEqualTo(400);
	}

	@Test
	void thePageShowsFiguresAndTheList() {
		ApiClient admin = ApiClient.withSession(port, ADMIN);
		String page = admin.get("/service131").body();
		assertThat(page).contains("锡山区").contains("惠山区").contains("33.3%").contains("id=\"coverage-total\"")
			.contains("无锡B").doesNotContain("无锡A").doesNotContain("无锡F").doesNotContain("无锡G")
			.contains("href=\"/service131?region=320205\"");
		String everybody = admin.get("/service131?missing=&keyGroup=DISABILITY").body();
		assertThat(everybody).contains("无锡A").contains("无锡C").doesNotContain("无锡B");
		String county = admin.get("/service131?region=320206&lang=en").body();
		assertThat(county).contains("Up one level").contains("无锡I").doesNotContain("无锡B").doesNotContain("??");
		admin.get("/service131?lang=zh_CN");
	}

	private List<String> names(RegionCode region, KeyGroup group, Service131Item missing) {
		List<String> names = new ArrayList<>();
		RegionScope.within(CITY, () -> service131.workers(new Service131Query(region, group, missing),
				new PageQuery(0, 200))).items().stream().map(Service131Worker::name).forEach(names::add);
		return names;
	}

	private static List<Long> figures(JsonNode row) {
		return List.of(row.get("workers").asLong(), row.get("guidance").asLong(), row.get("jobs").asLong(),
				row.get("training").asLong(), row.get("complete").asLong());
	}

	private static List<List<String>> read(byte[] file) throws Exception {
		List<List<String>> rows = new ArrayList<>();
		DataFormatter format = new DataFormatter();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
			Sheet sheet = workbook.getSheetAt(0);
			for (Row row : sheet) {
				List<String> cells = new ArrayList<>();
				for (int i = 0; i < row.getLastCellNum(); i++) {
					cells.add(row.getCell(i) == null ? "" : format.formatCellValue(row.getCell(i)));
				}
				rows.add(cells);
			}
		}
		return rows;
	}
}
