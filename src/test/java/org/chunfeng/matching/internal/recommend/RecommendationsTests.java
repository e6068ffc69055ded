package org.chunfeng.matching.internal.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.chunfeng.enterprises.Enterprises;
import org.chunfeng.identity.Accounts;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.jobs.ApplicationChannel;
import org.chunfeng.jobs.JobPosting;
import org.chunfeng.jobs.Jobs;
import org.chunfeng.matching.JobLead;
import org.chunfeng.matching.Recommendation;
import org.chunfeng.matching.RecommendationRun;
import org.chunfeng.support.ApiClient;
import org.chunfeng.support.TestAccounts;
import org.chunfeng.support.TestPeople;
import org.chunfeng.workers.Worker;
import org.chunfeng.workers.Workers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Live recommendations, the 3 jobs of the 131 record, the nightly run and its capacity, through the API too. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class RecommendationsTests {

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Enterprises enterprises;

	@Autowired
	Jobs jobs;

	@Autowired
	Workers workers;

	@Autowired
	JdbcRecommendations recommendations;

	@Autowired
	RecommendationRunner runner;

	@Autowired
	JdbcClient jdbc;

	MatchingFixture fixture;

	@BeforeEach
	void setUp() {
		TestAccounts.ensure(accounts);
		fixture = new MatchingFixture(enterprises, jobs, workers);
	}

	@Test
	void aWorkerGetsTheThreeBestOpenPostingsWithReasonsAndACaseworkerGivesThemAsThe131Jobs() {
		JobPosting best = fixture.posting("管工（包住）", 6500, 2, true);
		JobPosting second = fixture.posting("管工", 6000, 2, false);
		JobPosting lowWage = fixture.posting("管工学徒", 4400, 2, false);
		JobPosting third = fixture.posting("管道工", 5200, 2, false);
		Worker worker = fixture.worker("匹配甲", TestPeople.mobile());

		List<Recommendation> found = RegionScope.within(MatchingFixture.HUQIU,
				() -> recommendations.forWorker(worker.id()));
		assertThat(found).extracting(Recommendation::postingId)
			.containsExactly(best.id(), second.id(), third.id())
			.doesNotContain(lowWage.id());
		assertThat(found.getFirst().reasons()).extracting(r -> r.code())
			.contains("match.reason.occupation.exact", "match.reason.place.county", "match.reason.wage.reaches",
					"match.reason.skills", "match.reason.plan.throughFestival", "match.reason.mealsAndHousing");
		assertThat(found.getFirst().reasons().getFirst().args()).contains(MatchingFixture.OCCUPATION, "管工");

		List<JobLead> leads = RegionScope.within(MatchingFixture.HUQIU, () -> recommendations.giveLeads(worker.id()));
		assertThat(leads).extracting(JobLead::postingId).containsExactly(best.id(), second.id(), third.id());
		assertThat(leads).allSatisfy(lead -> assertThat(lead.runId()).isNull());

		// through the API: the caseworker of the district, not the sibling district's; the worker its own, in words
		ApiClient huqiu = ApiClient.withToken(port, TestAccounts.HUQIU);
		var live = huqiu.get("/api/v1/workers/" + worker.id() + "/recommendations");
		assertThat(live.status()).as(live.body()).isEqualTo(200);
		assertThat(live.json().get(0).get("postingId").asLong()).isEqualTo(best.id());
		assertThat(live.json().get(0).get("reasons").get(0).get("text").asString()).startsWith("职业相同：6-29-03-04");
		assertThat(ApiClient.withToken(port, TestAccounts.WUZHONG)
			.get("/api/v1/workers/" + worker.id() + "/recommendations").status()).isEqualTo(404);
		assertThat(huqiu.get("/api/v1/workers/" + worker.id() + "/job-leads").json().size()).isEqualTo(3);
		assertThat(ApiClient.withToken(port, TestAccounts.WUZHONG).get("/api/v1/workers/" + worker.id() + "/job-leads")
			.status()).isEqualTo(404);
		// a posting the worker has applied to is not recommended again
		RegionScope.within(MatchingFixture.HUQIU,
				() -> jobs.apply(best.id(), worker.id(), ApplicationChannel.CASEWORKER, null, "test"));
		assertThat(RegionScope.within(MatchingFixture.HUQIU, () -> recommendations.forWorker(worker.id())))
			.extracting(Recommendation::postingId)
			.startsWith(second.id(), third.id())
			.hasSize(3)
			.doesNotContain(best.id());
		assertThat(huqiu.get("/api/v1/matching/runs/987654321").status()).isEqualTo(404);
		assertThat(huqiu.post("/api/v1/matching/runs", "application/json", "").status()).isEqualTo(403);
	}

	@Test
	void aRunBroughtForwardByARequestIsRecordedAsManualWithWhoAskedAndTheNextScheduledOneAsNightly() {
		RegionScope.asSystem(() -> jdbc.sql("insert into recommendation_request (requested_by) values ('admin'), ('huqiu')")
			.update());

		RecommendationRun asked = recommendations.run(runner.runScheduled()).orElseThrow();
		RecommendationRun nightly = recommendations.run(runner.runScheduled()).orElseThrow();

		assertThat(asked.trigger()).isEqualTo("MANUAL");
		assertThat(asked.requestedBy()).isEqualTo("admin, huqiu");
		assertThat(nightly.trigger()).as("the requests were taken by the first run").isEqualTo("NIGHTLY");
		assertThat(nightly.requestedBy()).isNull();
	}

	@Test
	void theRunGivesEverySeekerItsBestPostingsWithRoomAndNoPostingToMoreThanAlphaTimesItsPlaces() {
		// one place: at most 3 seekers (alpha 3) may be sent to it; four seekers want it most
		JobPosting onePlace = fixture.posting("管工（一名）", 9000, 1, true);
		JobPosting others = fixture.posting("管工（多名）", 6000, 10, false);
		List<Worker> seekers = List.of(fixture.worker("批量甲", TestPeople.mobile()),
				fixture.worker("批量乙", TestPeople.mobile()), fixture.worker("批量丙", TestPeople.mobile()),
				fixture.worker("批量丁", TestPeople.mobile()));

		long runId = runner.runNow("MANUAL", "test");

		RecommendationRun run = recommendations.run(runId).orElseThrow();
		assertThat(run.status()).as(run.failure()).isEqualTo("FINISHED");
		assertThat(run.done()).isEqualTo(run.seekers());
		assertThat(run.withThree()).isLessThanOrEqualTo(run.unconstrainedWithThree());
		assertThat(run.maxPerPosting()).isLessThanOrEqualTo(run.unconstrainedMaxPerPosting());
		List<Long> sentTo = RegionScope.asSystem(() -> jdbc.sql("""
				select worker_id from job_lead where run_id = ? and posting_id = ?""")
			.params(runId, onePlace.id()).query(Long.class).list());
		// at least these four want it most (other tests' seekers of the same occupation may want it too): exactly 3 get it
		assertThat(sentTo).hasSize(3);
		for (Worker seeker : seekers) {
			List<JobLead> leads = RegionScope.asSystem(() -> recommendations.leadsOf(seeker.id()));
			assertThat(leads).isNotEmpty().allSatisfy(lead -> assertThat(lead.runId()).isEqualTo(runId));
			assertThat(leads).extracting(JobLead::postingId).contains(others.id());
		}
		// across all postings of the run, in the database: none above ceil(alpha x remaining places)
		List<Map<String, Object>> over = RegionScope.asSystem(() -> jdbc.sql("""
				select l.posting_id, count(*) from job_lead l join job_posting p on p.id = l.posting_id
				where l.run_id = ? group by l.posting_id, p.headcount, p.hired
				having count(*) > ceil(3 * (p.headcount - p.hired))""").param(runId).query().listOfRows());
		assertThat(over).isEmpty();
		assertThat(recommendations.runs(5)).extracting(RecommendationRun::id).contains(runId);
	}
}
