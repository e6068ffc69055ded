package org.chunfeng.matching.internal.recommend;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.chunfeng.identity.Actor;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.jobs.Jobs;
import org.chunfeng.jobs.OpenPosting;
import org.chunfeng.matching.internal.engine.Allocation;
import org.chunfeng.matching.internal.engine.Scoring;
import org.chunfeng.matching.internal.engine.Search;
import org.chunfeng.matching.internal.engine.SeekerFacts;
import org.chunfeng.workers.Worker;
import org.chunfeng.workers.WorkerQuery;
import org.chunfeng.workers.Workers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

/**
 * The nightly run (每晚批量推荐): every active seeker gets the 3 best open postings that still have room, within
 * ⌈α × remaining places⌉ seekers per posting, key-group workers served first and the others in an order that changes
 * from run to run; the result replaces each seeker's job leads, and the run keeps its figures against the
 * unconstrained top-3. It runs as the db-scheduler task {@value #TASK}: once in the cluster, also when an
 * administrator asks for it early (the task is rescheduled to now). A run interrupted by a crash is marked failed by
 * the next one.
 */
@Component
class RecommendationRunner {

	static final String TASK = "nightly-recommendations";
	private static final Logger log = LoggerFactory.getLogger(RecommendationRunner.class);
	private static final int CHUNK = 1_000;

	private final LiveIndex live;
	private final Workers workers;
	private final Jobs jobs;
	private final Explanations explanations;
	private final MatchingProperties properties;
	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final ObjectProvider<SchedulerClient> scheduler;
	private final Clock clock;

	RecommendationRunner(LiveIndex live, Workers workers, Jobs jobs, Explanations explanations,
			MatchingProperties properties, JdbcClient jdbc, TransactionTemplate transactions,
			ObjectProvider<SchedulerClient> scheduler, Clock clock) {
		this.live = live;
		this.workers = workers;
		this.jobs = jobs;
		this.explanations = explanations;
		this.properties = properties;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.scheduler = scheduler;
		this.clock = clock;
	}

	/** Asks for the run now; false when one is under way. */
	boolean request() {
		String by = RegionScope.currentActor().map(Actor::username).orElse("system");
		boolean running = RegionScope.asSystem(() -> transactions.execute(status -> jdbc
			.sql("select count(*) from recommendation_run where status = 'RUNNING'").query(Long.class).single()) > 0);
		if (running) {
			return false;
		}
		log.info("Recommendation run requested by {}", by);
		// the task carries no data: the request waits in a table until the run it brings forward starts
		long request = RegionScope.asSystem(() -> transactions.execute(status -> jdbc
			.sql("insert into recommendation_request (requested_by) values (?) returning id").param(by)
			.query(Long.class).single()));
		if (scheduler.getObject().reschedule(TaskInstanceId.of(TASK, RecurringTask.INSTANCE), clock.instant())) {
			return true;
		}
		RegionScope.asSystem(() -> transactions.executeWithoutResult(status -> jdbc
			.sql("delete from recommendation_request where id = ?").param(request).update()));
		return false;
	}

	/**
	 * The task's run: {@code MANUAL}, recorded with who asked, when requests are waiting (they are taken with it);
	 * {@code NIGHTLY} otherwise.
	 */
	long runScheduled() {
		return run(null, null);
	}

	/** Runs once, on this instance, now; returns the run's id. */
	long runNow(String trigger, String requestedBy) {
		return run(trigger, requestedBy);
	}

	private long run(String givenTrigger, String givenRequestedBy) {
		return RegionScope.asSystem(() -> {
			long runId = transactions.execute(status -> {
				String trigger = givenTrigger;
				String requestedBy = givenRequestedBy;
				if (trigger == null) {
					List<String> asked = jdbc.sql("delete from recommendation_request returning requested_by")
						.query(String.class).list();
					trigger = asked.isEmpty() ? "NIGHTLY" : "MANUAL";
					requestedBy = asked.isEmpty() ? null : String.join(", ", new java.util.TreeSet<>(asked));
				}
				jdbc.sql("""
						update recommendation_run set status = 'FAILED', finished_at = now(),
						    failure = 'interrupted (the instance stopped)' where status = 'RUNNING'""").update();
				return jdbc.sql("""
						insert into recommendation_run (trigger, alpha, requested_by) values (?, ?, ?) returning id""")
					.params(trigger, properties.alpha(), requestedBy)
					.query(Long.class)
					.single();
			});
			try {
				allocate(runId);
			}
			catch (RuntimeException ex) {
				log.error("Recommendation run {} failed", runId, ex);
				transactions.executeWithoutResult(status -> jdbc.sql("""
						update recommendation_run set status = 'FAILED', finished_at = now(), failure = ? where id = ?""")
					.params(String.valueOf(ex.getMessage()), runId)
					.update());
			}
			return runId;
		});
	}

	/** A position drawn from a value and the run: the same within a run, different from run to run. */
	private static long drawn(long value, long runId) {
		return Long.rotateLeft((value ^ runId * 0xC2B2AE3D27D4EB4FL) * 0x9E3779B97F4A7C15L, 17);
	}

	private void allocate(long runId) {
		LiveIndex.Snapshot snapshot = live.build();
		List<Worker> seekers = new ArrayList<>();
		transactions.executeWithoutResult(status -> workers.forEach(WorkerQuery.ALL, worker -> {
			if (Facts.active(worker)) {
				seekers.add(worker);
			}
		}));
		// key groups first; then occupation by occupation (seekers of one occupation read the same lists of the index,
		// which then stay in the processor's cache), occupations and the seekers of each in an order drawn anew each
		// run, so that nobody is always last
		seekers.sort(Comparator.comparing((Worker w) -> w.keyGroups().isEmpty())
			.thenComparingLong(w -> drawn(w.occupations().isEmpty() ? 0 : w.occupations().getFirst().hashCode(), runId))
			.thenComparingLong(w -> drawn(w.id(), runId)));
		jdbc.sql("update recommendation_run set postings = ?, seekers = ? where id = ?")
			.params(snapshot.index().size(), seekers.size(), runId)
			.update();
		Allocation allocation = new Allocation(snapshot.index(), properties.alpha().doubleValue());
		Search search = snapshot.index().search();
		Scoring scoring = new Scoring(properties.weights());
		try (Allocation.Tally tally = allocation.tally()) {
			for (int from = 0; from < seekers.size(); from += CHUNK) {
				List<Worker> chunk = seekers.subList(from, Math.min(seekers.size(), from + CHUNK));
				List<Object[]> leads = new ArrayList<>();
				Map<Long, List<Long>> applied = transactions
					.execute(status -> jobs.postingsAppliedTo(chunk.stream().map(Worker::id).toList()));
				for (Worker worker : chunk) {
					SeekerFacts seeker = Facts.seeker(worker);
					int[] passedOver = Facts.indexes(snapshot.index(), applied.getOrDefault(worker.id(), List.of()));
					int rank = 1;
					for (int i : allocation.recommend(search, seeker, passedOver, tally)) {
						OpenPosting posting = snapshot.postings().get(snapshot.index().id(i));
						Scoring.Breakdown breakdown = scoring.explain(seeker, snapshot.index().facts(i));
						leads.add(new Object[] { worker.id(), rank++, posting.id(), worker.residence().value(), runId,
								breakdown.score(),
								json(explanations.reasons(breakdown, posting, seeker.expectedWage())) });
					}
				}
				int done = from + chunk.size();
				transactions.executeWithoutResult(status -> {
					jdbc.sql("delete from job_lead where worker_id = any(?)")
						.param(chunk.stream().map(Worker::id).toArray(Long[]::new))
						.update();
					for (Object[] lead : leads) {
						jdbc.sql("""
								insert into job_lead (worker_id, rank, posting_id, region_code, run_id, score, reasons)
								values (?, ?, ?, ?, ?, ?, ?::jsonb)""").params(lead).update();
					}
					jdbc.sql("update recommendation_run set done = ? where id = ?").params(done, runId).update();
				});
			}
		}
		Allocation.Figures f = allocation.figures();
		transactions.executeWithoutResult(status -> jdbc.sql("""
				update recommendation_run set status = 'FINISHED', finished_at = ?, with_three = ?, with_any = ?,
				    unconstrained_with_three = ?, postings_used = ?, unconstrained_postings_used = ?,
				    max_per_posting = ?, unconstrained_max_per_posting = ?, gini = ?, unconstrained_gini = ?
				where id = ?""")
			.params(java.sql.Timestamp.from(Instant.now(clock)), f.withThree(), f.withAny(), f.unconstrainedWithThree(),
					f.postingsUsed(), f.unconstrainedPostingsUsed(), f.maxPerPosting(), f.unconstrainedMaxPerPosting(),
					round(f.gini()), round(f.unconstrainedGini()), runId)
			.update());
		log.info("Recommendation run {}: {} seekers, {} postings, {}", runId, seekers.size(), snapshot.index().size(), f);
	}

	private static java.math.BigDecimal round(double value) {
		return java.math.BigDecimal.valueOf(value).setScale(4, java.math.RoundingMode.HALF_UP);
	}

	private final tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();

	private String json(Object value) {
		return json.writeValueAsString(value);
	}
}
