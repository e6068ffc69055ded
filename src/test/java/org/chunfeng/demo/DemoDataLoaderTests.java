package org.chunfeng.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.chunfeng.campaigns.Campaigns;
import org.chunfeng.demo.DemoPopulation.GeneratedWorker;
import org.chunfeng.demo.DemoPopulation.Population;
import org.chunfeng.enterprises.Enterprise;
import org.chunfeng.enterprises.EnterpriseFigures;
import org.chunfeng.enterprises.Enterprises;
import org.chunfeng.enterprises.NewEnterprise;
import org.chunfeng.identity.PersonalData;
import org.chunfeng.identity.Sealed;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.workers.NewWorker;
import org.chunfeng.workers.Worker;
import org.chunfeng.workers.WorkerFigures;
import org.chunfeng.workers.Workers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo load on the shared test database: it ran when this context started, and never runs twice. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "chunfeng.demo.enabled=true")
class DemoDataLoaderTests {

	private static final RegionCode SUZHOU = RegionCode.of("320500");

	@Autowired
	DemoDataLoader loader;

	@Autowired
	Campaigns campaigns;

	@Autowired
	Enterprises enterprises;

	@Autowired
	Workers workers;

	@Autowired
	PersonalData personalData;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theCampaignAndThePopulationAreLoaded() {
		assertThat(jdbc.sql("select name from demo_load order by name").query(String.class).list())
			.contains(DemoDataLoader.MARKER, DemoDataLoader.POPULATION_MARKER, DemoDataLoader.POSTINGS_MARKER,
					DemoDataLoader.TRAINING_MARKER, DemoDataLoader.GUIDANCE_MARKER, DemoDataLoader.SUBSIDIES_MARKER);
		// an open work-for-training program of the city with its budget allotted, and a county reviewer
		assertThat(org.chunfeng.identity.RegionScope.asSystem(() -> jdbc.sql("select count(*) from subsidy_program p"
				+ " join payment_budget b on b.program_id = p.id where p.kind = 'WORK_FOR_TRAINING' and p.status = 'OPEN'"
				+ " and p.region_code = '320500' and p.created_by = 'system' and b.budget_fen = p.budget_fen")
			.query(Long.class).single())).isPositive();
		assertThat(jdbc.sql("select role from account where username = 'reviewer-county'").query(String.class).single())
			.isEqualTo("REVIEWER");
		// a training catalogue, some of it subsidised, and the demo worker referred to its first project
		assertThat(jdbc.sql("select distinct title from training_project where subsidy_eligible and provider in"
				+ " ('苏州高新区职业技能培训中心', '吴中区家政服务培训学校', '苏州市电子商务协会')").query(String.class).list())
			.contains("电工上岗证培训", "育婴员（保育师）培训", "电商直播培训");
		assertThat(jdbc.sql("select count(*) from training_referral r join training_project p on p.id = r.project_id"
				+ " where p.title = '电工上岗证培训' and r.status = 'REFERRED'").query(Long.class).single()).isPositive();
		// the job board has postings to find, and the bureau a few to review
		assertThat(jdbc.sql("select status, count(*) from job_posting where posted_by = 'demo' group by status")
			.query((rs, n) -> rs.getString(1) + "=" + rs.getLong(2)).list())
			.containsExactlyInAnyOrder("PUBLISHED=" + (DemoDataLoader.DEMO_POSTINGS * 9 / 10),
					"PENDING_REVIEW=" + (DemoDataLoader.DEMO_POSTINGS / 10));
		assertThat(campaigns.all()).anyMatch(c -> c.code().equals("SZ-2027"));
		// guidance sessions with key-group workers of 虎丘, and open requests for the caseworkers' list
		assertThat(jdbc.sql("select count(*) from guidance_session where region_code = '320505' and recorded_by = 'system'").query(Long.class)
			.single()).isEqualTo(4);
		assertThat(jdbc.sql("select count(*) from guidance_request where status = 'OPEN' and requested_by = 'system'")
			.query(Long.class).single()).isBetween(1L, 2L);
		// and every write of the load is in the audit log
		assertThat(jdbc.sql("select action, count(*) from audit_log where action in ('campaign.created',"
				+ " 'enterprise.registered', 'worker.registered') and actor = 'system' group by action")
			.query((rs, n) -> rs.getString(1) + "=" + (rs.getLong(2) > 0)).list())
			.contains("campaign.created=true", "enterprise.registered=true", "worker.registered=true");

		Population population = DemoPopulation.generate();
		// every generated enterprise is there, as generated, with a basic account subsidies can be paid to
		List<Long> ids = new java.util.ArrayList<>();
		for (NewEnterprise generated : population.enterprises()) {
			Enterprise stored = enterprises.findByCreditCode(generated.creditCode()).orElseThrow();
			assertThat(stored.name()).isEqualTo(generated.name());
			assertThat(stored.keyCategory()).isEqualTo(generated.keyCategory());
			ids.add(stored.id());
		}
		var accounts = enterprises.bankAccounts(ids);
		assertThat(accounts).hasSize(ids.size());
		assertThat(accounts.get(ids.getFirst())).isEqualTo(DemoDataLoader.demoAccount(0));
		assertThat(jdbc.sql("select name from demo_load").query(String.class).list())
			.contains(DemoDataLoader.BANK_ACCOUNTS_MARKER);
		// the demo's finance officer (README's table)
		assertThat(jdbc.sql("select role from account where username = 'finance'").query(String.class).list())
			.containsExactly("FINANCE_OFFICER");
		// a sample of the workers, found by ID number through the blind index, with their employer
		for (GeneratedWorker generated : population.workers().subList(0, 200)) {
			NewWorker expected = generated.worker();
			Worker stored = workers.findByIdNumber(expected.idNumber()).orElseThrow();
			assertThat(stored.name()).isEqualTo(expected.name());
			assertThat(stored.festivalPlan()).isEqualTo(expected.plan().plan());
			assertThat(stored.plan().leaveDate()).isEqualTo(expected.plan().leaveDate());
			assertThat(stored.keyGroups()).isEqualTo(expected.keyGroups());
			assertThat(stored.birthDate()).isEqualTo(expected.idNumber().birthDate());
			if (generated.employer() >= 0) {
				Enterprise employer = enterprises.find(stored.employerId()).orElseThrow();
				assertThat(employer.creditCode())
					.isEqualTo(population.enterprises().get(generated.employer()).creditCode());
			}
			else {
				assertThat(stored.employerId()).isNull();
			}
		}
	}

	@Test
	void personalNumbersOfTheDemoAreSealed() {
		NewWorker first = DemoPopulation.generate().workers().getFirst().worker();
		Worker stored = workers.findByIdNumber(first.idNumber()).orElseThrow();
		byte[] sealed = jdbc.sql("select id_number_sealed from worker where id = ?").param(stored.id())
			.query(byte[].class).single();
		assertThat(personalData.open(Sealed.fromBytes(sealed))).isEqualTo(first.idNumber().value());
		assertThat(stored.idNumberMasked()).isEqualTo(first.idNumber().masked());
		assertThat(stored.mobileMasked()).isEqualTo(first.mobile() == null ? null : first.mobile().masked());
	}

	@Test
	void aSecondRunLoadsNothing() {
		WorkerFigures workersBefore = workers.figures();
		EnterpriseFigures enterprisesBefore = enterprises.figures();
		loader.run(new DefaultApplicationArguments());
		loader.run(new DefaultApplicationArguments());
		assertThat(workers.figures()).isEqualTo(workersBefore);
		assertThat(enterprises.figures()).isEqualTo(enterprisesBefore);
		assertThat(campaigns.all().stream().filter(c -> c.code().equals("SZ-2027"))).hasSize(1);
	}

	@Test
	void theOverviewFiguresAddUp() {
		WorkerFigures suzhou = workers.figures(SUZHOU);
		assertThat(suzhou.total()).isGreaterThanOrEqualTo(DemoPopulation.WORKERS);
		assertThat(suzhou.byPlan().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(suzhou.total());
		assertThat(suzhou.byStatus().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(suzhou.total());
		assertThat(suzhou.employed() + suzhou.seeking()).isEqualTo(suzhou.total());
		assertThat(suzhou.byHukouProvince().stream().mapToLong(WorkerFigures.ProvinceCount::workers).sum())
			.isEqualTo(suzhou.total());
		// the sending provinces and Jiangsu itself; Anhui sends the most
		assertThat(suzhou.byHukouProvince()).extracting(p -> p.province().value())
			.contains("340000", "410000", "320000", "510000", "520000", "530000", "620000", "500000", "430000",
					"360000");
		assertThat(suzhou.byHukouProvince().getFirst().name()).isEqualTo("安徽省");
		List<Long> counts = suzhou.byHukouProvince().stream().map(WorkerFigures.ProvinceCount::workers).toList();
		assertThat(counts).isSortedAccordingTo((a, b) -> Long.compare(b, a));

		EnterpriseFigures enterprisesInSuzhou = enterprises.figures(SUZHOU);
		assertThat(enterprisesInSuzhou.total()).isGreaterThanOrEqualTo(DemoPopulation.ENTERPRISES);
		assertThat(enterprisesInSuzhou.bySection().stream().mapToLong(EnterpriseFigures.SectionCount::enterprises)
			.sum()).isEqualTo(enterprisesInSuzhou.total());
		assertThat(enterprisesInSuzhou.bySection().getFirst().section()).isEqualTo("A");
		assertThat(enterprisesInSuzhou.keyEnterprises()).isGreaterThanOrEqualTo(32);
	}
}
