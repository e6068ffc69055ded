package org.chunfeng.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.chunfeng.identity.RegionScope;
import org.chunfeng.platform.ConflictException;
import org.chunfeng.platform.InvalidFieldsException;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.platform.NotFoundException;
import org.chunfeng.platform.PageQuery;
import org.chunfeng.platform.RefusedException;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.support.TestPeople;
import org.chunfeng.workers.Worker;
import org.chunfeng.workers.Workers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The rules of training projects and referrals, attacked: moves the state does not allow (in Java and straight in
 * SQL), one referral per worker and project, the region scope of both sides, the completion event the subsidy will
 * be paid on, and above all the places, which the database keeps under concurrent enrolments.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@RecordApplicationEvents
class TrainingsTests {

	static final RegionCode HUQIU = RegionCode.of("320505");
	static final RegionCode WUZHONG = RegionCode.of("320506");

	@Autowired
	Trainings trainings;

	@Autowired
	Workers workers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	static ProjectDetails details(String title, int places, LocalDate start) {
		return new ProjectDetails("虎丘职业培训学校", title, "6-31-01-03", List.of("低压电工作业", "安全用电"), "理论加实操",
				Delivery.OFFLINE, HUQIU, "金山路 88 号", start, start.plusDays(30), places, true, 180_000L);
	}

	TrainingProject project(RegionCode region, String title, int places) {
		return RegionScope.within(region, () -> trainings.create(region, details(title, places, LocalDate.now())));
	}

	Worker worker(RegionCode residence) {
		return RegionScope.asSystem(() -> workers.register(TestPeople.worker("学员", residence)));
	}

	@Test
	void aReferralIsEnrolledAndCompletedOnceAndTheSubsidyIsAnnounced() {
		TrainingProject project = project(HUQIU, "电工上岗证培训", 5);
		assertThat(project.status()).isEqualTo(ProjectStatus.OPEN);
		assertThat(project.details().subsidyFen()).isEqualTo(180_000L);
		Worker worker = worker(HUQIU);
		RegionScope.within(HUQIU, () -> {
			TrainingReferral referral = trainings.refer(project.id(), worker.id(), "春节留苏期间参加");
			assertThat(referral.status()).isEqualTo(ReferralStatus.REFERRED);
			assertThat(referral.region()).isEqualTo(HUQIU);
			assertThat(referral.workerName()).isEqualTo("学员");
			assertThat(events.stream(TrainingReferred.class))
				.contains(new TrainingReferred(referral.id(), project.id(), worker.id()));
			// completing before enrolling is not a move
			assertThatThrownBy(() -> trainings.complete(referral.id(), referral.version(), null))
				.isInstanceOfSatisfying(RefusedException.class,
						ex -> assertThat(ex.messageCode()).isEqualTo("training.referral.transition"));
			TrainingReferral enrolled = trainings.enrol(referral.id(), referral.version());
			assertThat(enrolled.status()).isEqualTo(ReferralStatus.ENROLLED);
			assertThat(enrolled.enrolledAt()).isNotNull();
			assertThat(trainings.find(project.id()).orElseThrow().enrolled()).isEqualTo(1);
			// a stale version is a conflict, not a silent second step
			assertThatThrownBy(() -> trainings.complete(referral.id(), referral.version(), "X"))
				.isInstanceOf(ConflictException.class);
			TrainingReferral completed = trainings.complete(referral.id(), enrolled.version(), "JS2027-0001");
			assertThat(completed.status()).isEqualTo(ReferralStatus.COMPLETED);
			assertThat(completed.certificateNo()).isEqualTo("JS2027-0001");
			assertThat(completed.completedAt()).isNotNull();
			assertThatThrownBy(() -> trainings.complete(referral.id(), completed.version(), null))
				.isInstanceOf(RefusedException.class);
			assertThatThrownBy(() -> trainings.dropOut(referral.id(), completed.version(), null))
				.isInstanceOf(RefusedException.class);
			// a completion keeps its place
			assertThat(trainings.find(project.id()).orElseThrow().enrolled()).isEqualTo(1);
			return null;
		});
		List<TrainingCompleted> completions = events.stream(TrainingCompleted.class)
			.filter(e -> e.projectId() == project.id())
			.toList();
		assertThat(completions).hasSize(1);
		assertThat(completions.getFirst().workerId()).isEqualTo(worker.id());
		assertThat(completions.getFirst().subsidyEligible()).isTrue();
		assertThat(completions.getFirst().subsidyFen()).isEqualTo(180_000L);
	}

	@Test
	void aWorkerIsReferredOnceAndDeclinedOrDroppedOutReferralsEnd() {
		TrainingProject project = project(HUQIU, "焊工技能提升班", 3);
		Worker declining = worker(HUQIU);
		Worker leaving = worker(HUQIU);
		RegionScope.within(HUQIU, () -> {
			TrainingReferral first = trainings.refer(project.id(), declining.id(), null);
			assertThatThrownBy(() -> trainings.refer(project.id(), declining.id(), "again"))
				.isInstanceOfSatisfying(RefusedException.class,
						ex -> assertThat(ex.messageCode()).isEqualTo("training.referral.already"));
			TrainingReferral declined = trainings.decline(first.id(), first.version(), "家中有事");
			assertThat(declined.status()).isEqualTo(ReferralStatus.DECLINED);
			assertThat(declined.outcomeNote()).isEqualTo("家中有事");
			assertThatThrownBy(() -> trainings.enrol(first.id(), declined.version()))
				.isInstanceOf(RefusedException.class);
			// declined, and still not a second referral
			assertThatThrownBy(() -> trainings.refer(project.id(), declining.id(), null))
				.isInstanceOf(RefusedException.class);

			TrainingReferral second = trainings.refer(project.id(), leaving.id(), null);
			TrainingReferral enrolled = trainings.enrol(second.id(), second.version());
			assertThat(trainings.find(project.id()).orElseThrow().enrolled()).isEqualTo(1);
			TrainingReferral dropped = trainings.dropOut(second.id(), enrolled.version(), "找到工作");
			assertThat(dropped.status()).isEqualTo(ReferralStatus.DROPPED_OUT);
			// the place is free again
			assertThat(trainings.find(project.id()).orElseThrow().enrolled()).isZero();
			return null;
		});
	}

	@Test
	void closedAndCancelledProjectsTakeNobodyButClosedOnesStillComplete() {
		TrainingProject project = project(HUQIU, "叉车司机培训", 5);
		Worker enrolledWorker = worker(HUQIU);
		Worker lateWorker = worker(HUQIU);
		Worker referredWorker = worker(HUQIU);
		RegionScope.within(HUQIU, () -> {
			TrainingReferral enrolled = trainings.refer(project.id(), enrolledWorker.id(), null);
			enrolled = trainings.enrol(enrolled.id(), enrolled.version());
			TrainingReferral waiting = trainings.refer(project.id(), referredWorker.id(), null);
			TrainingProject current = trainings.find(project.id()).orElseThrow();
			TrainingProject closed = trainings.close(current.id(), current.version());
			assertThat(closed.status()).isEqualTo(ProjectStatus.CLOSED);
			assertThat(closed.closedAt()).isNotNull();
			assertThatThrownBy(() -> trainings.refer(project.id(), lateWorker.id(), null))
				.isInstanceOfSatisfying(RefusedException.class,
						ex -> assertThat(ex.messageCode()).isEqualTo("training.project.notOpen"));
			assertThatThrownBy(() -> trainings.enrol(waiting.id(), waiting.version()))
				.isInstanceOfSatisfying(RefusedException.class,
						ex -> assertThat(ex.messageCode()).isEqualTo("training.project.notOpen"));
			assertThat(trainings.complete(enrolled.id(), enrolled.version(), null).status())
				.isEqualTo(ReferralStatus.COMPLETED);
			assertThatThrownBy(() -> trainings.revise(closed.id(), closed.version(), details("改名", 5, LocalDate.now())))
				.isInstanceOf(RefusedException.class);
			assertThatThrownBy(() -> trainings.cancel(closed.id(), closed.version(), "场地取消"))
				.isInstanceOf(RefusedException.class);

			TrainingProject other = trainings.create(HUQIU, details("取消的项目", 5, LocalDate.now()));
			assertThatThrownBy(() -> trainings.cancel(other.id(), other.version(), " "))
				.isInstanceOf(InvalidRequestException.class);
			TrainingProject cancelled = trainings.cancel(other.id(), other.version(), "培训机构资质到期");
			assertThat(cancelled.status()).isEqualTo(ProjectStatus.CANCELLED);
			assertThat(cancelled.cancelReason()).isEqualTo("培训机构资质到期");
			assertThatThrownBy(() -> trainings.refer(other.id(), lateWorker.id(), null))
				.isInstanceOf(RefusedException.class);
			return null;
		});
	}

	@Test
	void fiftyConcurrentEnrolmentsOnTenPlacesEnrolExactlyTen() throws Exception {
		TrainingProject project = project(HUQIU, "电商直播培训", 10);
		List<TrainingReferral> referrals = RegionScope.within(HUQIU, () -> {
			List<TrainingReferral> all = new ArrayList<>();
			for (int i = 0; i < 50; i++) {
				Worker w = RegionScope.asSystem(() -> workers.register(TestPeople.worker("学员", HUQIU)));
				all.add(trainings.refer(project.id(), w.id(), null));
			}
			return all;
		});
		ExecutorService pool = Executors.newFixedThreadPool(16);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<String>> outcomes = new ArrayList<>();
		for (TrainingReferral referral : referrals) {
			outcomes.add(pool.submit(() -> {
				start.await();
				try {
					RegionScope.within(HUQIU, () -> trainings.enrol(referral.id(), referral.version()));
					return "enrolled";
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
		assertThat(results).filteredOn("enrolled"::equals).hasSize(10);
		assertThat(results).filteredOn("training.project.full"::equals).hasSize(40);
		assertThat(RegionScope.within(HUQIU, () -> trainings.find(project.id()).orElseThrow().enrolled())).isEqualTo(10);
		assertThat(RegionScope.asSystem(() -> jdbc
			.sql("select count(*) from training_referral where project_id = ? and status = 'ENROLLED'")
			.param(project.id())
			.query(Integer.class)
			.single())).isEqualTo(10);
	}

	@Test
	void theDatabaseRefusesWhatTheJavaCodeWouldNeverDo() {
		TrainingProject project = project(HUQIU, "养老护理员培训", 1);
		Worker first = worker(HUQIU);
		Worker second = worker(HUQIU);
		RegionScope.within(HUQIU, () -> {
			// enrolments are counted from referrals, never set by hand
			assertThatThrownBy(() -> jdbc.sql("update training_project set enrolled = 1 where id = ?")
				.param(project.id())
				.update()).isInstanceOf(DataAccessException.class).hasMessageContaining("counts its enrolments");
			TrainingReferral a = trainings.refer(project.id(), first.id(), null);
			TrainingReferral b = trainings.refer(project.id(), second.id(), null);
			jdbc.sql("update training_referral set status = 'ENROLLED', enrolled_at = now() where id = ?")
				.param(a.id())
				.update();
			// the one place is taken: even straight SQL cannot enrol a second trainee
			assertThatThrownBy(() -> jdbc
				.sql("update training_referral set status = 'ENROLLED', enrolled_at = now() where id = ?")
				.param(b.id())
				.update()).isInstanceOf(DataAccessException.class).hasMessageContaining("training_project_places");
			// referrals only move forward
			assertThatThrownBy(() -> jdbc.sql("update training_referral set status = 'REFERRED', enrolled_at = null where id = ?")
				.param(a.id())
				.update()).isInstanceOf(DataAccessException.class).hasMessageContaining("cannot go from ENROLLED");
			// nor do they start anywhere but at the start
			assertThatThrownBy(() -> jdbc.sql("""
					insert into training_referral (project_id, worker_id, region_code, worker_name, status,
					    enrolled_at, completed_at, referred_by)
					values (?, ?, '320505', 'x', 'COMPLETED', now(), now(), 'sql')""")
				.params(project.id(), worker(HUQIU).id())
				.update()).isInstanceOf(DataAccessException.class).hasMessageContaining("takes no referrals");
			TrainingProject current = trainings.find(project.id()).orElseThrow();
			// places never below those taken
			assertThatThrownBy(() -> trainings.revise(current.id(), current.version(),
					details("养老护理员培训", 0, LocalDate.now())))
				.isInstanceOf(InvalidFieldsException.class);
			assertThatThrownBy(() -> jdbc.sql("update training_project set places = 0 where id = ?")
				.param(project.id())
				.update()).isInstanceOf(DataAccessException.class);
			trainings.cancel(current.id(), current.version(), "停办");
			assertThatThrownBy(() -> jdbc.sql("update training_project set status = 'OPEN', closed_at = null, cancel_reason = null where id = ?")
				.param(project.id())
				.update()).isInstanceOf(DataAccessException.class).hasMessageContaining("cannot go from CANCELLED");
			// nobody completes a cancelled project
			TrainingReferral enrolled = trainings.findReferral(a.id()).orElseThrow();
			assertThatThrownBy(() -> trainings.complete(enrolled.id(), enrolled.version(), null))
				.isInstanceOfSatisfying(RefusedException.class,
						ex -> assertThat(ex.messageCode()).isEqualTo("training.project.cancelled"));
			return null;
		});
	}

	@Test
	void nobodyCompletesACourseBeforeItBegins() {
		TrainingProject later = RegionScope.within(HUQIU,
				() -> trainings.create(HUQIU, details("下月开班", 5, LocalDate.now().plusDays(20))));
		Worker worker = worker(HUQIU);
		RegionScope.within(HUQIU, () -> {
			TrainingReferral referral = trainings.refer(later.id(), worker.id(), null);
			TrainingReferral enrolled = trainings.enrol(referral.id(), referral.version());
			assertThatThrownBy(() -> trainings.complete(enrolled.id(), enrolled.version(), null))
				.isInstanceOfSatisfying(RefusedException.class,
						ex -> assertThat(ex.messageCode()).isEqualTo("training.completion.notBegun"));
			assertThatThrownBy(() -> jdbc.sql("update training_referral set status = 'COMPLETED', completed_at = now() where id = ?")
				.param(enrolled.id())
				.update()).isInstanceOf(DataAccessException.class).hasMessageContaining("completes nobody now");
			return null;
		});
	}

	@Test
	void eachSideSeesAndChangesOnlyWhatIsInItsRegion() {
		TrainingProject huqiuProject = project(HUQIU, "虎丘电工培训", 5);
		Worker huqiuWorker = worker(HUQIU);
		Worker wuzhongWorker = worker(WUZHONG);
		// a project of another district is listed only by its own
		assertThatThrownBy(() -> RegionScope.within(WUZHONG,
				() -> trainings.create(HUQIU, details("越权", 5, LocalDate.now()))))
			.isInstanceOf(InvalidRequestException.class);
		RegionScope.within(WUZHONG, () -> {
			// the catalogue is public: the other district reads the project
			assertThat(trainings.find(huqiuProject.id())).isPresent();
			assertThat(trainings.search(new ProjectQuery(null, "6-31", HUQIU, Delivery.OFFLINE, true,
					LocalDate.now(), null), PageQuery.of(0, 200)).items())
				.extracting(TrainingProject::id)
				.contains(huqiuProject.id());
			// but does not change it
			assertThatThrownBy(() -> trainings.close(huqiuProject.id(), huqiuProject.version()))
				.isInstanceOf(NotFoundException.class);
			assertThat(jdbc.sql("update training_project set title = 'x' where id = ?").param(huqiuProject.id())
				.update()).isZero();
			// it refers its own worker to the other district's project, not the other district's worker
			assertThatThrownBy(() -> trainings.refer(huqiuProject.id(), huqiuWorker.id(), null))
				.isInstanceOf(NotFoundException.class);
			TrainingReferral referral = trainings.refer(huqiuProject.id(), wuzhongWorker.id(), "跨区推荐");
			assertThat(referral.region()).isEqualTo(WUZHONG);
			return null;
		});
		RegionScope.within(HUQIU, () -> {
			// the project's bureau sees the referral from elsewhere, with the name copied in
			assertThat(trainings.referrals(huqiuProject.id())).extracting(TrainingReferral::workerId)
				.containsExactly(wuzhongWorker.id());
			trainings.refer(huqiuProject.id(), huqiuWorker.id(), null);
			return null;
		});
		RegionScope.within(WUZHONG, () -> {
			// the worker's bureau sees only its own workers' referrals to the other district's project
			assertThat(trainings.referrals(huqiuProject.id())).extracting(TrainingReferral::workerId)
				.containsExactly(wuzhongWorker.id());
			TrainingReferral mine = trainings.referralsOf(wuzhongWorker.id()).getFirst();
			// and may enrol its worker there: the place is taken on the project of the other district
			assertThat(trainings.enrol(mine.id(), mine.version()).status()).isEqualTo(ReferralStatus.ENROLLED);
			return null;
		});
		RegionScope.within(RegionCode.of("320507"), () -> {
			assertThat(trainings.referrals(huqiuProject.id())).isEmpty();
			assertThat(trainings.referralsOf(wuzhongWorker.id())).isEmpty();
			return null;
		});
		assertThat(RegionScope.within(HUQIU, () -> trainings.find(huqiuProject.id()).orElseThrow().enrolled()))
			.isEqualTo(1);
	}

	@Test
	void badDetailsAreNamedFieldByField() {
		LocalDate today = LocalDate.now();
		ProjectDetails bad = new ProjectDetails(" ", null, null, null, null, Delivery.OFFLINE, null, null, today,
				today.minusDays(1), 0, false, 100L);
		assertThatThrownBy(() -> RegionScope.within(HUQIU, () -> trainings.create(HUQIU, bad)))
			.isInstanceOfSatisfying(InvalidFieldsException.class,
					ex -> assertThat(ex.problems()).extracting(InvalidRequestException::field)
						.contains("provider", "title", "occupationCode", "venueRegion", "venue", "endDate", "places",
								"subsidyFen"));
		ProjectDetails unknownOccupation = new ProjectDetails("机构", "培训", "9-99-99-99", null, null,
				Delivery.ONLINE, null, null, today, today, 1, false, null);
		assertThatThrownBy(() -> RegionScope.within(HUQIU, () -> trainings.create(HUQIU, unknownOccupation)))
			.isInstanceOfSatisfying(InvalidRequestException.class,
					ex -> assertThat(ex.field()).isEqualTo("occupationCode"));
	}
}
