package org.chunfeng.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.chunfeng.campaigns.Campaigns;
import org.chunfeng.identity.Accounts;
import org.chunfeng.identity.DataCategory;
import org.chunfeng.identity.NewAccount;
import org.chunfeng.identity.Role;
import org.chunfeng.campaigns.NewCampaign;
import org.chunfeng.demo.DemoPopulation.GeneratedWorker;
import org.chunfeng.demo.DemoPopulation.Population;
import org.chunfeng.enterprises.Enterprise;
import org.chunfeng.enterprises.Enterprises;
import org.chunfeng.enterprises.NewEnterprise;
import org.chunfeng.jobs.JobPosting;
import org.chunfeng.jobs.Jobs;
import org.chunfeng.matching.Guidance;
import org.chunfeng.matching.GuidanceChannel;
import org.chunfeng.matching.GuidanceSessionDetails;
import org.chunfeng.matching.GuidanceTopic;
import org.chunfeng.platform.PageQuery;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.training.TrainingProject;
import org.chunfeng.training.Trainings;
import org.chunfeng.workers.NewWorker;
import org.chunfeng.workers.Worker;
import org.chunfeng.workers.WorkerQuery;
import org.chunfeng.workers.Workers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo campaign and its population on first start. Each part has its own marker row, claimed in the
 * transaction that loads the part: the primary key makes it happen once per database, whatever restarts or
 * instances, and a database that already has the campaign still gets the population once.
 */
@Component
@org.springframework.core.annotation.Order(0)
@ConditionalOnProperty(name = "chunfeng.demo.enabled", havingValue = "true")
class DemoDataLoader implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

	static final String MARKER = "demo-campaign-2027";
	static final String POPULATION_MARKER = "demo-population-2027";
	static final String ACCOUNTS_MARKER = "demo-accounts-2027";
	static final String POSTINGS_MARKER = "demo-postings-2027";
	static final String TRAINING_MARKER = "demo-training-2027";
	static final String GUIDANCE_MARKER = "demo-guidance-2027";
	static final String BANK_ACCOUNTS_MARKER = "demo-bank-accounts-2027";

	/** Banks the demo enterprises keep their basic accounts with. */
	static final List<String> DEMO_BANKS = List.of("中国工商银行苏州分行", "中国农业银行苏州分行", "中国银行苏州分行",
			"中国建设银行苏州分行", "苏州银行");
	static final String SUBSIDIES_MARKER = "demo-subsidies-2027";

	/** Published postings of the demo enterprises, so the job board has something to find. */
	static final int DEMO_POSTINGS = 60;

	/** The demo accounts' password: demo installations only (the README says so). */
	static final String DEMO_PASSWORD = "chunfeng2027";

	/** Counties that send many workers to southern Jiangsu, in eight provinces. */
	static final List<String> SENDING_COUNTIES = List.of("341221", "341222", "341226", "341322", "321322", "411525",
			"411623", "411625", "511324", "511722", "520526", "530627", "621121", "500242", "431321", "360732");

	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final Campaigns campaigns;
	private final Enterprises enterprises;
	private final Workers workers;
	private final Accounts accounts;
	private final Jobs jobs;
	private final Trainings trainings;
	private final Guidance guidance;
	private final Clock clock;
	private final org.chunfeng.subsidies.SubsidyPrograms subsidyPrograms;

	DemoDataLoader(JdbcClient jdbc, TransactionTemplate transactions, Campaigns campaigns, Enterprises enterprises,
			Workers workers, Accounts accounts, Jobs jobs, Trainings trainings, Guidance guidance, Clock clock,
			org.chunfeng.subsidies.SubsidyPrograms subsidyPrograms) {
		this.subsidyPrograms = subsidyPrograms;
		this.jobs = jobs;
		this.trainings = trainings;
		this.guidance = guidance;
		this.clock = clock;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.campaigns = campaigns;
		this.enterprises = enterprises;
		this.workers = workers;
		this.accounts = accounts;
	}

	@Override
	public void run(ApplicationArguments args) {
		transactions.executeWithoutResult(status -> loadCampaign());
		transactions.executeWithoutResult(status -> loadPopulation());
		transactions.executeWithoutResult(status -> loadAccounts());
		transactions.executeWithoutResult(status -> loadPostings());
		transactions.executeWithoutResult(status -> loadTraining());
		transactions.executeWithoutResult(status -> loadGuidance());
		transactions.executeWithoutResult(status -> loadBankAccounts());
		transactions.executeWithoutResult(status -> loadSubsidies());
	}

	/** The demo enterprise's basic account (对公基本存款账户), number {@code i} of the population: deterministic. */
	static org.chunfeng.enterprises.BasicAccount demoAccount(int i) {
		return new org.chunfeng.enterprises.BasicAccount(DEMO_BANKS.get(i % DEMO_BANKS.size()),
				"3220" + String.format("%014d", 10_000_000_019L + i * 7_919L));
	}

	/** A basic account for every demo enterprise, so that subsidies granted to them can be paid. */
	private void loadBankAccounts() {
		if (!claim(BANK_ACCOUNTS_MARKER)) {
			log.info("Demo bank accounts already loaded");
			return;
		}
		List<NewEnterprise> generated = DemoPopulation.generate().enterprises();
		int set = 0;
		for (int i = 0; i < generated.size(); i++) {
			var enterprise = enterprises.findByCreditCode(generated.get(i).creditCode());
			if (enterprise.isPresent() && !enterprise.get().merged()) {
				enterprises.setBankAccount(enterprise.get().id(), demoAccount(i));
				set++;
			}
		}
		log.info("Demo bank accounts loaded: {}", set);
	}

	/**
	 * An open work-for-training program of the city with a budget, which the demo enterprise applies to, and a county
	 * reviewer of the demo enterprise's district (the city's reviewer is {@code reviewer}): county review, then city
	 * approval.
	 */
	private void loadSubsidies() {
		if (!claim(SUBSIDIES_MARKER)) {
			log.info("Demo subsidies already loaded");
			return;
		}
		Population population = DemoPopulation.generate();
		RegionCode district = population.enterprises().getFirst().region();
		accounts.create(account("reviewer-county", "区人社局初审员", Role.REVIEWER, district, null, Set.of(), null, null));
		LocalDate today = LocalDate.now(clock);
		org.chunfeng.subsidies.rules.ProgramTemplate template = org.chunfeng.subsidies.rules.Templates.WORK_FOR_TRAINING_2021;
		org.chunfeng.subsidies.SubsidyProgram program = subsidyPrograms.create(RegionCode.of("320500"), template.kind(),
				new org.chunfeng.subsidies.ProgramDetails("苏州市以工代训 2027（每人每月 500 元，最长 6 个月）",
						template.beneficiary(), 2027, 200_000_000L, today, LocalDate.of(today.getYear() + 1, 12, 31),
						template.basis(), template.parameters()));
		subsidyPrograms.open(program.id(), program.version());
		log.info("Demo subsidies loaded: program {} open, county reviewer of {}", program.id(), district.value());
	}

	/** The training catalogue, and the demo worker referred to its first project (to accept or decline at /me/training). */
	private void loadTraining() {
		if (!claim(TRAINING_MARKER)) {
			log.info("Demo training already loaded");
			return;
		}
		List<DemoTraining.Draft> drafts = DemoTraining.generate(LocalDate.now(clock));
		List<TrainingProject> projects = drafts.stream().map(d -> trainings.create(d.region(), d.details())).toList();
		var firstWorker = DemoPopulation.generate().workers().getFirst().worker();
		workers.findByIdNumber(firstWorker.idNumber())
			.ifPresent(worker -> trainings.refer(projects.getFirst().id(), worker.id(), "春节留苏期间参加，结业后推荐电工岗位"));
		log.info("Demo training projects loaded: {}", projects.size());
	}

	/**
	 * A few guidance sessions (职业指导) with key-group workers of 虎丘, one follow-up due, and an open request of the
	 * demo worker, so the 131 tracker and the caseworker's list have something to show.
	 */
	private void loadGuidance() {
		if (!claim(GUIDANCE_MARKER)) {
			log.info("Demo guidance already loaded");
			return;
		}
		LocalDate today = LocalDate.now(clock);
		List<Worker> keyGroups = workers.search(new WorkerQuery(null, RegionCode.of("320505"), null, null, null, null),
				new PageQuery(0, PageQuery.MAX_SIZE)).items().stream()
			.filter(w -> !w.keyGroups().isEmpty())
			.limit(5)
			.toList();
		List<GuidanceSessionDetails> sessions = List.of(
				new GuidanceSessionDetails(today.minusDays(12), GuidanceChannel.COUNTER,
						Set.of(GuidanceTopic.JOB_SEARCH, GuidanceTopic.POLICY), "介绍春风行动岗位和稳岗补贴政策，建议参加本周专场招聘会",
						today.minusDays(2)),
				new GuidanceSessionDetails(today.minusDays(8), GuidanceChannel.PHONE,
						Set.of(GuidanceTopic.SKILLS_TRAINING), "有意学习电工，已告知下期电工培训报名方式", today.plusDays(7)),
				new GuidanceSessionDetails(today.minusDays(5), GuidanceChannel.ONLINE,
						Set.of(GuidanceTopic.CAREER_PLANNING, GuidanceTopic.RIGHTS), "讨论返岗后的职业方向，提醒签订劳动合同", null),
				new GuidanceSessionDetails(today.minusDays(3), GuidanceChannel.COUNTER,
						Set.of(GuidanceTopic.ENTREPRENEURSHIP), "咨询返乡创业担保贷款", null));
		for (int i = 0; i < Math.min(sessions.size(), keyGroups.size()); i++) {
			guidance.record(keyGroups.get(i).id(), sessions.get(i));
		}
		Population population = DemoPopulation.generate();
		workers.findByIdNumber(population.workers().getFirst().worker().idNumber())
			.filter(w -> guidance.openRequestOf(w.id()).isEmpty())
			.ifPresent(w -> guidance.request(w.id(), GuidanceChannel.PHONE, "想了解节后返岗的岗位和培训"));
		keyGroups.stream().skip(sessions.size()).findFirst()
			.filter(w -> guidance.openRequestOf(w.id()).isEmpty())
			.ifPresent(w -> guidance.request(w.id(), GuidanceChannel.COUNTER, "想找包吃住的工作"));
		log.info("Demo guidance loaded: {} sessions", Math.min(sessions.size(), keyGroups.size()));
	}

	private void loadPostings() {
		if (!claim(POSTINGS_MARKER)) {
			log.info("Demo postings already loaded");
			return;
		}
		Population population = DemoPopulation.generate();
		// the first enterprise is the demo enterprise user's: it has postings of its own to manage
		List<NewEnterprise> posting = population.enterprises().subList(0, Math.min(40, population.enterprises().size()));
		List<Long> ids = posting.stream()
			.map(e -> enterprises.findByCreditCode(e.creditCode()).orElseThrow().id())
			.toList();
		List<DemoPostings.Draft> drafts = DemoPostings.generate(posting.stream().map(NewEnterprise::region).toList(),
				DEMO_POSTINGS, LocalDate.now(clock), 2027);
		for (int i = 0; i < drafts.size(); i++) {
			DemoPostings.Draft draft = drafts.get(i);
			JobPosting posted = jobs.post(ids.get(draft.enterprise()), draft.details(), "demo");
			// a few wait for the bureau's review, as on a real morning
			if (i % 10 != 9) {
				jobs.approve(posted.id(), posted.version(), "demo");
			}
		}
		log.info("Demo postings loaded: {}", drafts.size());
	}

	/**
	 * The accounts DESIGN.md lists: a city administrator, caseworkers of two sibling districts, a reviewer, a
	 * finance officer, an enterprise user, a worker, and one viewer per partner agency.
	 */
	private void loadAccounts() {
		if (!claim(ACCOUNTS_MARKER)) {
			log.info("Demo accounts already loaded");
			return;
		}
		Population population = DemoPopulation.generate();
		RegionCode city = RegionCode.of("320500");
		long enterprise = enterprises.findByCreditCode(population.enterprises().getFirst().creditCode()).orElseThrow().id();
		var firstWorker = population.workers().getFirst().worker();
		long worker = workers.findByIdNumber(firstWorker.idNumber()).orElseThrow().id();
		List<NewAccount> demo = new java.util.ArrayList<>(List.of(
				account("admin", "苏州市人社局管理员", Role.ADMINISTRATOR, city, null, Set.of(), null, null),
				account("huqiu", "虎丘区就业服务专员", Role.CASEWORKER, RegionCode.of("320505"), null, Set.of(), null, null),
				account("wuzhong", "吴中区就业服务专员", Role.CASEWORKER, RegionCode.of("320506"), null, Set.of(), null, null),
				account("reviewer", "市局审核员", Role.REVIEWER, city, null, Set.of(), null, null),
				account("finance", "市局财务", Role.FINANCE_OFFICER, city, null, Set.of(), null, null),
				account("enterprise", population.enterprises().getFirst().name(), Role.ENTERPRISE_USER,
						population.enterprises().getFirst().region(), null, Set.of(), enterprise, null),
				account("worker", firstWorker.profile().name(), Role.WORKER, firstWorker.profile().residence(), null, Set.of(), null, worker)));
		AGENCY_VIEWERS.forEach((username, agency) -> demo.add(account(username, agency.name, Role.AGENCY_VIEWER, city,
				agency.code, agency.categories, null, null)));
		demo.forEach(accounts::create);
		log.info("Demo accounts loaded: {} (password {} — demo only)",
				demo.stream().map(NewAccount::username).toList(), DEMO_PASSWORD);
	}

	private record Agency(String code, String name, Set<DataCategory> categories) {
	}

	/** One viewer per partner agency, with the data categories of its line of work. */
	private static final java.util.Map<String, Agency> AGENCY_VIEWERS = new java.util.LinkedHashMap<>();
	static {
		AGENCY_VIEWERS.put("hrss", new Agency("HRSS", "市人社局查看", Set.of(DataCategory.WORKERS, DataCategory.ENTERPRISES,
				DataCategory.KEY_GROUPS)));
		AGENCY_VIEWERS.put("miit", new Agency("MIIT", "市工信局查看", Set.of(DataCategory.KEY_ENTERPRISES)));
		AGENCY_VIEWERS.put("civil", new Agency("CIVIL_AFFAIRS", "市民政局查看",
				Set.of(DataCategory.COMMUNITY_POSTS, DataCategory.HARDSHIP)));
		AGENCY_VIEWERS.put("transport", new Agency("TRANSPORT", "市交通运输局查看", Set.of(DataCategory.RETURN_TRIPS)));
		AGENCY_VIEWERS.put("rural", new Agency("RURAL_REVITALIZATION", "市乡村振兴局查看", Set.of(DataCategory.KEY_GROUPS)));
		AGENCY_VIEWERS.put("union", new Agency("TRADE_UNION", "市总工会查看", Set.of(DataCategory.WARMTH_ACTIVITIES)));
		AGENCY_VIEWERS.put("women", new Agency("WOMENS_FEDERATION", "市妇联查看",
				Set.of(DataCategory.WARMTH_ACTIVITIES, DataCategory.WOMEN_WORKERS)));
	}

	private static NewAccount account(String username, String name, Role role, RegionCode region, String agency,
			Set<DataCategory> categories, Long enterprise, Long worker) {
		return new NewAccount(username, name, DEMO_PASSWORD, role, region, agency, categories, enterprise, worker, false);
	}

	/** Claims a marker; a concurrent instance waits on the row until the claimant commits, then skips. */
	private boolean claim(String marker) {
		return jdbc.sql("insert into demo_load (name) values (?) on conflict do nothing").param(marker).update() == 1;
	}

	private void loadCampaign() {
		if (!claim(MARKER)) {
			log.info("Demo campaign already loaded");
			return;
		}
		campaigns.create(new NewCampaign("SZ-2027", "苏州市2027年春节“留岗稳岗·春风行动”专项行动",
				"Suzhou 2027 Spring Festival job retention and Spring Breeze campaign", 2027, RegionCode.of("320500"),
				LocalDate.of(2027, 1, 13), LocalDate.of(2027, 3, 31), LocalDate.of(2027, 2, 6),
				List.of("HRSS", "MIIT", "CIVIL_AFFAIRS", "TRANSPORT", "RURAL_REVITALIZATION", "TRADE_UNION",
						"WOMENS_FEDERATION"),
				SENDING_COUNTIES.stream().map(RegionCode::of).toList()));
		log.info("Demo campaign loaded: Suzhou 2027, {} sending counties", SENDING_COUNTIES.size());
	}

	private void loadPopulation() {
		if (!claim(POPULATION_MARKER)) {
			log.info("Demo population already loaded");
			return;
		}
		long started = System.nanoTime();
		Population population = DemoPopulation.generate();
		List<Long> ids = enterprises.registerAll(population.enterprises()).stream().map(Enterprise::id).toList();
		List<NewWorker> registrations = population.workers().stream()
			.map((GeneratedWorker w) -> w.employer() < 0 ? w.worker() : w.worker().withEmployer(ids.get(w.employer())))
			.toList();
		int registered = workers.registerAll(registrations);
		log.info("Demo population loaded: {} enterprises, {} workers in {} ms", ids.size(), registered,
				(System.nanoTime() - started) / 1_000_000);
	}
}
