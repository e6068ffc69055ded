package org.chunfeng.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.chunfeng.enterprises.Enterprise;
import org.chunfeng.enterprises.Enterprises;
import org.chunfeng.enterprises.NewEnterprise;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.platform.ConflictException;
import org.chunfeng.platform.InvalidFieldsException;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.platform.RefusedException;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.support.TestPeople;
import org.chunfeng.workers.EmploymentStatus;
import org.chunfeng.workers.FestivalPlan;
import org.chunfeng.workers.KeyGroup;
import org.chunfeng.workers.RegistrationSource;
import org.chunfeng.workers.Worker;
import org.chunfeng.workers.Workers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rules of postings and applications, attacked: the review steps, moves the state does not allow, applications
 * to closed or reserved postings, and above all the headcount, which the database keeps under concurrent hires.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class JobsTests {

	static final RegionCode HUQIU = RegionCode.of("320505");

	@Autowired
	Jobs jobs;

	@Autowired
	Enterprises enterprises;

	@Autowired
	Workers workers;

	@Autowired
	JdbcClient jdbc;

	Enterprise enterprise;

	@BeforeEach
	void enterprise() {
		enterprise = RegionScope.asSystem(() -> enterprises.register(new NewEnterprise(TestPeople.creditCode(),
				"岗位测试电子厂", HUQIU, null, "39", 300, null, false)));
	}

	static PostingDetails details(String title, int headcount) {
		LocalDate today = LocalDate.now();
		return new PostingDetails(title, "6-29-01-01", "流水线装配，长白班", List.of("电焊"), HUQIU, "虎丘区某路1号", 4500,
				6000, headcount, today, today.plusMonths(2), Set.of(Shift.DAY), true, true, true, JobKind.REGULAR,
				KeyGroupAccess.OPEN, null);
	}

	JobPosting published(PostingDetails details) {
		return RegionScope.within(HUQIU, () -> {
			JobPosting posting = jobs.post(enterprise.id(), details, "test");
			return jobs.approve(posting.id(), posting.version(), "test-reviewer");
		});
	}

	Worker worker(Set<KeyGroup> groups) {
		return RegionScope.asSystem(() -> workers.register(TestPeople.worker("求职者", TestPeople.idNumber(),
				TestPeople.mobile(), HUQIU, null, EmploymentStatus.SEEKING, null, groups, FestivalPlan.STAYING_PUT,
				RegistrationSource.CASEWORKER)));
	}

	@Test
	void aPostingIsReviewedReturnedRevisedAndPublished() {
		RegionScope.within(HUQIU, () -> {
			JobPosting posting = jobs.post(enterprise.id(), details("普工", 5), "test");
			assertThat(posting.status()).isEqualTo(PostingStatus.PENDING_REVIEW);
			assertThat(posting.enterpriseName()).isEqualTo("岗位测试电子厂");
			assertThatThrownBy(() -> jobs.returnForChanges(posting.id(), posting.version(), "r", " "))
				.isInstanceOf(InvalidRequestException.class);
			JobPosting returned = jobs.returnForChanges(posting.id(), posting.version(), "r", "工资范围请写清楚");
			assertThat(returned.status()).isEqualTo(PostingStatus.RETURNED);
			assertThat(returned.reviewNote()).isEqualTo("工资范围请写清楚");
			assertThatThrownBy(() -> jobs.approve(returned.id(), returned.version(), "r"))
				.isInstanceOf(RefusedException.class);
			// a stale version is a conflict, not a silent overwrite
			assertThatThrownBy(() -> jobs.revise(returned.id(), posting.version(), details("普工（长白班）", 5)))
				.isInstanceOf(ConflictException.class);
			JobPosting revised = jobs.revise(returned.id(), returned.version(), details("普工（长白班）", 5));
			assertThat(revised.status()).isEqualTo(PostingStatus.PENDING_REVIEW);
			JobPosting approved = jobs.approve(revised.id(), revised.version(), "r");
			assertThat(approved.status()).isEqualTo(PostingStatus.PUBLISHED);
			assertThat(approved.publishedAt()).isNotNull();
			assertThatThrownBy(() -> jobs.revise(approved.id(), approved.version(), details("改", 5)))
				.isInstanceOf(RefusedException.class);
			return null;
		});
	}

	@Test
	void badDetailsAreNamedFieldByField() {
		LocalDate today = LocalDate.now();
		PostingDetails bad = new PostingDetails(" ", null, null, null, null, null, 6000, 5000, 0, today,
				today.minusDays(1), null, false, false, false, null, KeyGroupAccess.KEY_GROUPS_FIRST, null);
		assertThatThrownBy(() -> RegionScope.within(HUQIU, () -> jobs.post(enterprise.id(), bad, "test")))
			.isInstanceOfSatisfying(InvalidFieldsException.class,
					ex -> assertThat(ex.problems()).extracting(InvalidRequestException::field)
						.contains("title", "occupationCode", "workplaceRegion", "wageMax", "headcount", "endDate",
								"kind", "priorityUntil"));
		PostingDetails unknownOccupation = new PostingDetails("普工", "9-99-99-99", null, null, HUQIU, null, 1, 2, 1,
				today, today, null, false, false, false, JobKind.REGULAR, null, null);
		assertThatThrownBy(() -> RegionScope.within(HUQIU, () -> jobs.post(enterprise.id(), unknownOccupation, "t")))
			.isInstanceOfSatisfying(InvalidRequestException.class,
					ex -> assertThat(ex.field()).isEqualTo("occupationCode"));
	}

	@Test
	void twoHundredConcurrentHiresOnTenPlacesMakeExactlyTenHires() throws Exception {
		JobPosting posting = published(details("装配工", 10));
		List<JobApplication> applications = RegionScope.asSystem(() -> {
			List<JobApplication> all = new ArrayList<>();
			for (var newWorker : IntStream.range(0, 200).mapToObj(i -> TestPeople.worker("应聘" + i, HUQIU)).toList()) {
				Worker w = workers.register(newWorker);
				all.add(jobs.apply(posting.id(), w.id(), ApplicationChannel.SELF, null, "test"));
			}
			return all;
		});
		ExecutorService pool = Executors.newFixedThreadPool(16);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<String>> outcomes = new ArrayList<>();
		for (JobApplication application : applications) {
			outcomes.add(pool.submit(() -> {
				start.await();
				try {
					RegionScope.within(HUQIU,
							() -> jobs.move(application.id(), application.version(), ApplicationStatus.HIRED, null));
					return "hired";
				}
				catch (RefusedException ex) {
					return ex.messageCode();
				}
			}));
		}
		start.countDown();
		List<String> results = new ArrayList<>();
		for (Future<String> outcome : outcomes) {
			results.add(outcome.get(2, TimeUnit.MINUTES));
		}
		pool.shutdown();
		assertThat(results).filteredOn("hired"::equals).hasSize(10);
		assertThat(results).filteredOn("posting.full"::equals).hasSize(190);
		JobPosting after = RegionScope.within(HUQIU, () -> jobs.find(posting.id()).orElseThrow());
		assertThat(after.hired()).isEqualTo(10);
		assertThat(after.status()).isEqualTo(PostingStatus.FILLED);
		assertThat(RegionScope.asSystem(() -> jdbc
			.sql("select count(*) from job_application where posting_id = ? and status = 'HIRED'")
			.param(posting.id())
			.query(Integer.class)
			.single())).isEqualTo(10);
	}

	@Test
	void theDatabaseRefusesWhatTheJavaCodeWouldNeverDo() {
		JobPosting posting = published(details("叉车工", 2));
		Worker worker = worker(Set.of());
		JobApplication application = RegionScope.within(HUQIU,
				() -> jobs.apply(posting.id(), worker.id(), ApplicationChannel.SELF, "我有叉车证", "test"));
		RegionScope.within(HUQIU, () -> {
			// hires are counted from applications, never set by hand
			assertThatThrownBy(() -> jdbc.sql("update job_posting set hired = 1 where id = ?").param(posting.id())
				.update()).isInstanceOf(DataAccessException.class).hasMessageContaining("hires are counted from its applications");
			// a posting does not go back to review once published
			assertThatThrownBy(() -> jdbc.sql("update job_posting set status = 'PENDING_REVIEW' where id = ?")
				.param(posting.id())
				.update()).isInstanceOf(DataAccessException.class).hasMessageContaining("cannot go from PUBLISHED");
			jobs.move(application.id(), application.version(), ApplicationStatus.HIRED, "下周一报到");
			// a hire is final
			assertThatThrownBy(() -> jdbc.sql("update job_application set status = 'APPLIED' where id = ?")
				.param(application.id())
				.update()).isInstanceOf(DataAccessException.class)
				.hasMessageContaining("cannot go from HIRED");
			return null;
		});
		JobPosting pending = RegionScope.within(HUQIU, () -> jobs.post(enterprise.id(), details("未审核", 1), "t"));
		Worker other = worker(Set.of());
		// nobody applies to a posting the bureau has not published, not even by SQL
		assertThatThrownBy(() -> RegionScope.within(HUQIU, () -> jdbc.sql("""
				insert into job_application (posting_id, worker_id, applicant_name, channel, applied_by)
				values (?, ?, 'x', 'SELF', 'sql')""").params(pending.id(), other.id()).update()))
			.isInstanceOf(DataAccessException.class)
			.hasMessageContaining("takes no applications");
	}

	@Test
	void aWorkerAppliesOnceAndOnlyToOpenPostings() {
		JobPosting posting = published(details("电工", 3));
		Worker worker = worker(Set.of());
		RegionScope.within(HUQIU, () -> {
			jobs.apply(posting.id(), worker.id(), ApplicationChannel.SELF, null, "test");
			assertThatThrownBy(() -> jobs.apply(posting.id(), worker.id(), ApplicationChannel.SELF, null, "test"))
				.isInstanceOfSatisfying(RefusedException.class,
						ex -> assertThat(ex.messageCode()).isEqualTo("application.already"));
			JobPosting current = jobs.find(posting.id()).orElseThrow();
			jobs.close(current.id(), current.version());
			Worker late = worker(Set.of());
			assertThatThrownBy(() -> jobs.apply(posting.id(), late.id(), ApplicationChannel.SELF, null, "test"))
				.isInstanceOfSatisfying(RefusedException.class,
						ex -> assertThat(ex.messageCode()).isEqualTo("application.postingClosed"));
			return null;
		});
	}

	@Test
	void reservedPostingsTakeKeyGroupsOnlyAndPriorityEnds() {
		LocalDate today = LocalDate.now();
		PostingDetails base = details("社区防疫", 5);
		JobPosting reserved = published(new PostingDetails(base.title(), base.occupationCode(), null, null, HUQIU,
				null, 3000, 3500, 5, today, today.plusDays(30), null, false, false, true,
				JobKind.PUBLIC_EPIDEMIC_PREVENTION, KeyGroupAccess.KEY_GROUPS_ONLY, null));
		JobPosting firstUntilYesterday = published(new PostingDetails("社区服务", base.occupationCode(), null, null,
				HUQIU, null, 3000, 3500, 5, today, today.plusDays(30), null, false, false, true,
				JobKind.PUBLIC_COMMUNITY_SERVICE, KeyGroupAccess.KEY_GROUPS_FIRST, today.minusDays(1)));
		Worker ordinary = worker(Set.of());
		Worker lifted = worker(Set.of(KeyGroup.LIFTED_OUT_OF_POVERTY));
		RegionScope.within(HUQIU, () -> {
			assertThatThrownBy(() -> jobs.apply(reserved.id(), ordinary.id(), ApplicationChannel.SELF, null, "t"))
				.isInstanceOfSatisfying(RefusedException.class,
						ex -> assertThat(ex.messageCode()).isEqualTo("application.keyGroupsOnly"));
			assertThat(jobs.apply(reserved.id(), lifted.id(), ApplicationChannel.SELF, null, "t").status())
				.isEqualTo(ApplicationStatus.APPLIED);
			assertThat(jobs.apply(firstUntilYesterday.id(), ordinary.id(), ApplicationChannel.SELF, null, "t")
				.status()).isEqualTo(ApplicationStatus.APPLIED);
			return null;
		});
	}

	@Test
	void postingsPastTheirEndDateClose() {
		JobPosting posting = published(details("季节工", 4));
		int closed = RegionScope.asSystem(() -> jobs.closeExpired(posting.details().endDate().plusDays(1)));
		assertThat(closed).isGreaterThanOrEqualTo(1);
		assertThat(RegionScope.within(HUQIU, () -> jobs.find(posting.id()).orElseThrow().status()))
			.isEqualTo(PostingStatus.CLOSED);
	}

	@Test
	void applicationsOnlyMoveForward() {
		JobPosting posting = published(details("包装工", 3));
		Worker worker = worker(Set.of());
		RegionScope.within(HUQIU, () -> {
			JobApplication applied = jobs.apply(posting.id(), worker.id(), ApplicationChannel.CASEWORKER, null, "t");
			JobApplication interview = jobs.move(applied.id(), applied.version(), ApplicationStatus.INTERVIEW,
					"周二上午十点面试");
			assertThat(interview.note()).isEqualTo("周二上午十点面试");
			JobApplication rejected = jobs.move(interview.id(), interview.version(), ApplicationStatus.REJECTED,
					null);
			assertThatThrownBy(() -> jobs.move(rejected.id(), rejected.version(), ApplicationStatus.HIRED, null))
				.isInstanceOf(RefusedException.class);
			assertThat(jobs.find(posting.id()).orElseThrow().hired()).isZero();
			return null;
		});
	}
}
