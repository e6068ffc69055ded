package org.chunfeng.matching.internal.recommend;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.chunfeng.identity.Actor;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.jobs.Jobs;
import org.chunfeng.jobs.OpenPosting;
import org.chunfeng.matching.JobLead;
import org.chunfeng.matching.Reason;
import org.chunfeng.matching.Recommendation;
import org.chunfeng.matching.RecommendationRun;
import org.chunfeng.matching.Recommendations;
import org.chunfeng.matching.internal.engine.Scoring;
import org.chunfeng.matching.internal.engine.Search;
import org.chunfeng.matching.internal.engine.SeekerFacts;
import org.chunfeng.platform.NotFoundException;
import org.chunfeng.platform.RefusedException;
import org.chunfeng.workers.Worker;
import org.chunfeng.workers.Workers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Live recommendations from the {@link LiveIndex}, and the job leads kept in {@code job_lead}. */
@Service
class JdbcRecommendations implements Recommendations {

	private static final TypeReference<List<Reason>> REASONS = new TypeReference<>() {
	};

	private final Workers workers;
	private final Jobs jobs;
	private final LiveIndex live;
	private final Explanations explanations;
	private final MatchingProperties properties;
	private final JdbcClient jdbc;
	private final RecommendationRunner runner;
	private final JsonMapper json = JsonMapper.builder().build();
	private final ThreadLocal<Search> searches = new ThreadLocal<>();

	JdbcRecommendations(Workers workers, Jobs jobs, LiveIndex live, Explanations explanations,
			MatchingProperties properties, JdbcClient jdbc, RecommendationRunner runner) {
		this.workers = workers;
		this.jobs = jobs;
		this.live = live;
		this.explanations = explanations;
		this.properties = properties;
		this.jdbc = jdbc;
		this.runner = runner;
	}

	@Override
	public List<Recommendation> forWorker(long workerId) {
		Worker worker = workers.find(workerId)
			.orElseThrow(() -> new NotFoundException("kind.worker", String.valueOf(workerId)));
		return recommend(worker);
	}

	/** The signed-in worker's own recommendations (its record is read whatever its region). */
	List<Recommendation> mine() {
		long id = RegionScope.currentActor().filter(a -> a.role() == org.chunfeng.identity.Role.WORKER)
			.map(Actor::worker)
			.orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("not a worker"));
		Worker worker = RegionScope.asSystem(() -> workers.find(id))
			.orElseThrow(() -> new NotFoundException("kind.worker", String.valueOf(id)));
		if (worker.merged()) {
			Long kept = worker.mergedInto();
			worker = RegionScope.asSystem(() -> workers.find(kept)).orElse(worker);
		}
		return recommend(worker);
	}

	List<Recommendation> recommend(Worker worker) {
		LiveIndex.Snapshot snapshot = live.current();
		Search search = searches.get();
		if (search == null || !search.searches(snapshot.index())) {
			search = snapshot.index().search();
			searches.set(search);
		}
		SeekerFacts seeker = Facts.seeker(worker);
		// postings the worker has applied to are not shown again (read as the system: inside a caseworker's
		// transaction its own scope holds, and the worker is in that scope)
		List<Long> applied = RegionScope.asSystem(() -> jobs.postingsAppliedTo(List.of(worker.id())))
			.getOrDefault(worker.id(), List.of());
		Scoring scoring = new Scoring(properties.weights());
		List<Recommendation> found = new ArrayList<>(3);
		for (int i : search.top3(seeker, Facts.indexes(snapshot.index(), applied))) {
			OpenPosting posting = snapshot.postings().get(snapshot.index().id(i));
			Scoring.Breakdown breakdown = scoring.explain(seeker, snapshot.index().facts(i));
			found.add(new Recommendation(posting.id(), posting.title(), posting.enterpriseName(),
					posting.workplaceRegion(), explanations.region(posting.workplaceRegion()), posting.wageMin(),
					posting.wageMax(), posting.meals(), posting.housing(), breakdown.score(),
					explanations.reasons(breakdown, posting, seeker.expectedWage())));
		}
		return found;
	}

	@Override
	@Transactional
	public List<JobLead> giveLeads(long workerId) {
		Worker worker = workers.find(workerId)
			.orElseThrow(() -> new NotFoundException("kind.worker", String.valueOf(workerId)));
		if (worker.merged()) {
			throw new RefusedException("match.leads.merged");
		}
		List<Recommendation> recommendations = recommend(worker);
		String by = RegionScope.currentActor().map(Actor::username).orElse("system");
		jdbc.sql("delete from job_lead where worker_id = ?").param(workerId).update();
		int rank = 1;
		for (Recommendation r : recommendations) {
			jdbc.sql("""
					insert into job_lead (worker_id, rank, posting_id, region_code, given_by, score, reasons)
					values (?, ?, ?, ?, ?, ?, ?::jsonb)""")
				.params(workerId, rank++, r.postingId(), worker.residence().value(), by, r.score(), toJson(r.reasons()))
				.update();
		}
		return leadsOf(workerId);
	}

	@Override
	@Transactional(readOnly = true)
	public List<JobLead> leadsOf(long workerId) {
		workers.find(workerId).orElseThrow(() -> new NotFoundException("kind.worker", String.valueOf(workerId)));
		return jdbc.sql("""
				select l.rank, l.posting_id, p.title, p.enterprise_name, l.score, l.reasons::text, l.run_id, l.given_by,
				       l.given_at
				from job_lead l join job_posting p on p.id = l.posting_id
				where l.worker_id = ? order by l.rank""")
			.param(workerId)
			.query(this::lead)
			.list();
	}

	@Override
	public void requestRun() {
		if (!runner.request()) {
			throw new RefusedException("match.run.underWay");
		}
	}

	@Override
	@Transactional(readOnly = true)
	public List<RecommendationRun> runs(int limit) {
		return jdbc.sql("select * from recommendation_run order by id desc limit ?").param(limit)
			.query(JdbcRecommendations::run)
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<RecommendationRun> run(long id) {
		return jdbc.sql("select * from recommendation_run where id = ?").param(id)
			.query(JdbcRecommendations::run)
			.optional();
	}

	String toJson(List<Reason> reasons) {
		return json.writeValueAsString(reasons);
	}

	private JobLead lead(ResultSet rs, int row) throws SQLException {
		List<Reason> reasons = json.readValue(rs.getString("reasons"), REASONS);
		Long run = rs.getObject("run_id", Long.class);
		return new JobLead(rs.getInt("rank"), rs.getLong("posting_id"), rs.getString("title"),
				rs.getString("enterprise_name"), rs.getInt("score"), reasons, run,
				rs.getString("given_by"), rs.getObject("given_at", java.time.OffsetDateTime.class).toInstant());
	}

	static RecommendationRun run(ResultSet rs, int row) throws SQLException {
		java.time.OffsetDateTime finished = rs.getObject("finished_at", java.time.OffsetDateTime.class);
		return new RecommendationRun(rs.getLong("id"), rs.getString("trigger"), rs.getString("status"),
				rs.getBigDecimal("alpha"), rs.getString("requested_by"),
				rs.getObject("started_at", java.time.OffsetDateTime.class).toInstant(),
				finished == null ? null : finished.toInstant(), (Integer) rs.getObject("postings"),
				(Integer) rs.getObject("seekers"), rs.getInt("done"), (Integer) rs.getObject("with_three"),
				(Integer) rs.getObject("with_any"), (Integer) rs.getObject("unconstrained_with_three"),
				(Integer) rs.getObject("postings_used"), (Integer) rs.getObject("unconstrained_postings_used"),
				(Integer) rs.getObject("max_per_posting"), (Integer) rs.getObject("unconstrained_max_per_posting"),
				rs.getBigDecimal("gini"), rs.getBigDecimal("unconstrained_gini"), rs.getString("failure"));
	}
}
