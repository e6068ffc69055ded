package org.chunfeng.jobs.internal.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.chunfeng.enterprises.Enterprises;
import org.chunfeng.jobs.JobBoard;
import org.chunfeng.jobs.JobHit;
import org.chunfeng.jobs.JobKind;
import org.chunfeng.jobs.JobSearch;
import org.chunfeng.jobs.PostingChanged;
import org.chunfeng.platform.PageQuery;
import org.chunfeng.platform.Paged;
import org.chunfeng.reference.RegionCode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The job board finds what a seeker means: Chinese words (电工, 普工), places (苏州), wages typed as text (月薪5000) and
 * benefit words (包吃住), with filters; ranks and pages stably; and follows postings as they change, through the event
 * of this instance and through the look at the database that catches other instances' changes. The shared test
 * database holds other tests' postings too: each test judges only its own.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "chunfeng.jobs.board.poll-interval=0")
class JobBoardSearchTests {

	@Autowired
	JobBoard board;

	@Autowired
	JobBoardIndex index;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Enterprises enterprises;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	BoardFixtures fixtures;

	long electrician;
	long assembly;
	long withoutHousing;
	long nanjing;
	long bricklayer;
	long storekeeper;

	@BeforeEach
	void postings() {
		fixtures = new BoardFixtures(jdbc, enterprises);
		electrician = fixtures.posting("维修电工").occupation("6-31-01-03").in("320506").wage(6000, 8000).meals()
			.housing().skills("电工证,低压电工").insert();
		assembly = fixtures.posting("装配普工").in("320505").wage(5000, 6500).meals().housing()
			.description("电子厂流水线，长白班，坐着上班").insert();
		withoutHousing = fixtures.posting("普工").in("320506").wage(4000, 4500).meals().insert();
		nanjing = fixtures.posting("普工").occupation("6-22-01-01").in("320102").wage(6000, 7000).meals().housing()
			.insert();
		bricklayer = fixtures.posting("砌筑工").occupation("6-29-01-01").in("320505").wage(7000, 9000)
			.kind(JobKind.SEASONAL).insert();
		storekeeper = fixtures.posting("仓库管理员").occupation("4-02-06-01").in("320505").wage(4000, 4800)
			.description("需要懂一点电工知识，会开叉车优先").insert();
		index.catchUp();
	}

	@Test
	void findsAnElectricianByTheWordTitleFirst() {
		assertThat(mine("电工")).containsExactly(electrician, storekeeper);
		assertThat(mine("低压电工")).containsExactly(electrician);
	}

	@Test
	void findsGeneralWorkersWithMealsAndHousingAnywhere() {
		// 包吃住 is a hard condition: the one without housing is not found, however well its title matches
		assertThat(mine("普工 包吃住")).containsExactlyInAnyOrder(assembly, nanjing);
		assertThat(mine("普工")).containsExactlyInAnyOrder(assembly, withoutHousing, nanjing);
		assertThat(mine("包住")).contains(electrician, assembly, nanjing).doesNotContain(withoutHousing, bricklayer);
		assertThat(mine("包吃")).contains(withoutHousing);
	}

	@Test
	void findsWorkInSuzhouPayingAtLeastTheWageTyped() {
		// Nanjing's posting is left out although its enterprise's name starts with 苏州; 4,500 and 4,800 a month are
		// too little
		assertThat(mine("苏州 月薪5000")).containsExactlyInAnyOrder(electrician, assembly, bricklayer);
		assertThat(mine("苏州市 5k")).containsExactlyInAnyOrder(electrician, assembly, bricklayer);
		assertThat(mine("吴中 普工")).containsExactly(withoutHousing);
		assertThat(mine("南京 普工")).containsExactly(nanjing);
		assertThat(mine("苏州 南京 普工 6000以上")).containsExactlyInAnyOrder(nanjing, assembly);
		assertThat(mine("苏州普工")).containsExactlyInAnyOrder(assembly, withoutHousing);
	}

	@Test
	void filtersByRegionPrefixOccupationGroupWageAndKind() {
		assertThat(mine(new JobSearch(null, RegionCode.of("320500"), null, null, null)))
			.containsExactlyInAnyOrder(electrician, assembly, withoutHousing, bricklayer, storekeeper);
		assertThat(mine(new JobSearch(null, RegionCode.of("320505"), null, null, null)))
			.containsExactlyInAnyOrder(assembly, bricklayer, storekeeper);
		assertThat(mine(new JobSearch(null, RegionCode.of("320000"), null, null, null))).contains(nanjing);
		assertThat(mine(new JobSearch(null, null, "6-29", null, null))).containsExactly(bricklayer);
		assertThat(mine(new JobSearch(null, null, "6-25", null, null)))
			.containsExactlyInAnyOrder(assembly, withoutHousing);
		assertThat(mine(new JobSearch(null, null, "6-31-01-03", null, null))).containsExactly(electrician);
		assertThat(mine(new JobSearch(null, null, null, 7000, null)))
			.containsExactlyInAnyOrder(electrician, nanjing, bricklayer);
		assertThat(mine(new JobSearch(null, null, null, null, JobKind.SEASONAL))).containsExactly(bricklayer);
		// the stricter of the typed wage and the filter wins
		assertThat(mine(new JobSearch("月薪8000", null, null, 5000, null))).containsExactlyInAnyOrder(electrician,
				bricklayer);
		assertThat(mine(new JobSearch("5000", null, null, 8500, null))).containsExactly(bricklayer);
		// an occupation code typed into the box filters like the occupation filter
		assertThat(mine("6-29")).containsExactly(bricklayer);
	}

	@Test
	void withoutTextTheNewestComeFirst() {
		assertThat(mine("")).containsExactly(storekeeper, bricklayer, nanjing, withoutHousing, assembly, electrician);
	}

	@Test
	void pagesAreStableAndCoverEveryHitOnce() {
		List<Long> sorters = new ArrayList<>();
		for (int i = 0; i < 23; i++) {
			sorters.add(fixtures.posting(i % 2 == 0 ? "快递分拣员" : "分拣员").in("320507").wage(4500 + i, 6000).insert());
		}
		index.catchUp();
		JobSearch search = new JobSearch("分拣", RegionCode.of("320507"), null, null, null);
		List<Long> whole = ids(board.search(search, new PageQuery(0, 200)));
		assertThat(whole).containsAll(sorters);
		List<Long> paged = new ArrayList<>();
		Paged<JobHit> page = board.search(search, new PageQuery(0, 7));
		while (true) {
			assertThat(page.totalElements()).isEqualTo(whole.size());
			paged.addAll(ids(page));
			if (!page.hasNext()) {
				break;
			}
			page = board.search(search, new PageQuery(page.page() + 1, 7));
		}
		assertThat(paged).containsExactlyElementsOf(whole);
		assertThat(board.search(search, new PageQuery(50, 7)).items()).isEmpty();
	}

	@Test
	void aHitCarriesWhatTheListShows() {
		JobHit hit = board.search(new JobSearch("低压电工", null, null, null, null), new PageQuery(0, 50)).items()
			.stream().filter(h -> h.postingId() == electrician).findFirst().orElseThrow();
		assertThat(hit.title()).isEqualTo("维修电工");
		assertThat(hit.enterpriseName()).isEqualTo("苏州春风测试实业有限公司");
		assertThat(hit.workplaceRegion()).isEqualTo(RegionCode.of("320506"));
		assertThat(hit.workplaceName()).isEqualTo("苏州市吴中区");
		assertThat(hit.occupationCode()).isEqualTo("6-31-01-03");
		assertThat(hit.wageMin()).isEqualTo(6000);
		assertThat(hit.wageMax()).isEqualTo(8000);
		assertThat(hit.remaining()).isEqualTo(5);
		assertThat(hit.meals()).isTrue();
		assertThat(hit.housing()).isTrue();
		assertThat(hit.kind()).isEqualTo(JobKind.REGULAR);
	}

	@Test
	void theLookAtTheDatabaseFollowsChangesOfOtherInstances() {
		fixtures.update(electrician, "status = 'CLOSED', closed_at = now()");
		fixtures.update(assembly, "title = '焊工学徒'");
		long added = fixtures.posting("叉车司机").in("320505").insert();

		assertThat(index.catchUp()).isGreaterThanOrEqualTo(3);
		assertThat(mine("电工")).containsExactly(storekeeper);
		assertThat(mine("焊工")).containsExactly(assembly);
		assertThat(mine("装配普工")).doesNotContain(assembly);
		assertThat(mine("叉车司机")).contains(added);
		// looking again applies nothing twice
		assertThat(index.catchUp()).isZero();
	}

	@Test
	void aChangeOnThisInstanceIsOnTheBoardAtOnce() {
		long posting = fixtures.posting("保安").occupation("4-07-05-01").in("320505").insert();
		assertThat(mine("保安")).doesNotContain(posting);
		events.publishEvent(new PostingChanged(posting));
		assertThat(mine("保安")).containsExactly(posting);

		// published inside a transaction: followed after the commit
		transactions.executeWithoutResult(status -> {
			fixtures.update(posting, "title = '夜班保安'");
			events.publishEvent(new PostingChanged(posting));
		});
		assertThat(mine("夜班保安")).containsExactly(posting);

		// taken off the board
		fixtures.update(posting, "status = 'CLOSED', closed_at = now()");
		events.publishEvent(new PostingChanged(posting));
		assertThat(mine("保安")).doesNotContain(posting);
	}

	@Test
	void onlyPublishedPostingsWithinTheirDatesAreOnTheBoard() {
		long expired = fixtures.posting("搬运工").in("320505").endingOn(LocalDate.now().minusDays(1)).insert();
		long pending = fixtures.posting("搬运工").in("320505").pendingReview().insert();
		long open = fixtures.posting("搬运工").in("320505").insert();
		index.catchUp();
		assertThat(mine("搬运工")).containsExactly(open);
		assertThat(mine("")).doesNotContain(expired, pending);
	}

	@Test
	void facetsCountTheOpenPostingsByPlaceAndOccupationGroup() {
		BoardIndex.Facets facets = index.facets();
		assertThat(facets.regions()).containsKeys("320500", "320505", "320506", "320100", "320102");
		assertThat(facets.regions().get("320500")).isGreaterThanOrEqualTo(5);
		assertThat(facets.occupationGroups()).containsKeys("6-25", "6-29", "6-31", "4-02");
	}

	@Test
	void theIndexCanBeBuiltAnewFromTheDatabase() {
		index.rebuild();
		assertThat(mine("普工 包吃住")).containsExactlyInAnyOrder(assembly, nanjing);
	}

	private List<Long> mine(String text) {
		return mine(JobSearch.text(text));
	}

	/** This test's postings among the hits, in the board's order. */
	private List<Long> mine(JobSearch search) {
		return ids(board.search(search, new PageQuery(0, 200))).stream().filter(fixtures.created::contains).toList();
	}

	private static List<Long> ids(Paged<JobHit> page) {
		return page.items().stream().map(JobHit::postingId).toList();
	}
}
