package org.chunfeng.matching.internal.guidance;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.chunfeng.identity.Actor;
import org.chunfeng.identity.Audit;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.matching.Guidance;
import org.chunfeng.matching.GuidanceChannel;
import org.chunfeng.matching.GuidanceFollowUp;
import org.chunfeng.matching.GuidanceRequest;
import org.chunfeng.matching.GuidanceRequestStatus;
import org.chunfeng.matching.GuidanceSession;
import org.chunfeng.matching.GuidanceSessionDetails;
import org.chunfeng.matching.GuidanceTopic;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.platform.NotFoundException;
import org.chunfeng.platform.PageQuery;
import org.chunfeng.platform.Paged;
import org.chunfeng.platform.RefusedException;
import org.chunfeng.platform.database.Filtered;
import org.chunfeng.platform.database.PostgresConstraint;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.workers.Worker;
import org.chunfeng.workers.Workers;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Guidance sessions and requests in PostgreSQL. A request is answered by the session recorded next for its worker,
 * in the session's transaction and under the request's row lock; the partial unique index keeps one open request per
 * worker, also against two phones asking at the same moment.
 */
@Service
class JdbcGuidance implements Guidance {

	/** A worker's note on a request. */
	static final int MAX_REQUEST_NOTE = 200;

	private static final String SESSION_COLUMNS = """
			s.id, s.worker_id, s.region_code, s.held_on, s.channel, s.topics, s.notes, s.follow_up_on, s.request_id,
			s.recorded_by, s.recorded_at""";

	private static final String REQUEST_COLUMNS = """
			r.id, r.worker_id, coalesce(w.name, '') as worker_name, r.region_code, r.channel, r.note, r.status,
			r.requested_by, r.requested_at, r.answered_at, r.session_id""";

	private final JdbcClient jdbc;
	private final Workers workers;
	private final Audit audit;
	private final Clock clock;

	JdbcGuidance(JdbcClient jdbc, Workers workers, Audit audit, Clock clock) {
		this.jdbc = jdbc;
		this.workers = workers;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional
	public GuidanceSession record(long workerId, GuidanceSessionDetails details) {
		Worker worker = current(workerId);
		details.check(LocalDate.now(clock));
		Optional<Long> request = jdbc.sql("select id from guidance_request where worker_id = ? and status = 'OPEN' for update")
			.param(workerId)
			.query(Long.class)
			.optional();
		long id;
		try {
			id = jdbc.sql("""
					insert into guidance_session (worker_id, region_code, held_on, channel, topics, notes, follow_up_on,
					                              request_id, recorded_by)
					values (?, ?, ?, ?, ?::text[], ?, ?, ?, ?) returning id""")
				.params(workerId, worker.residence().value(), details.heldOn(), details.channel().name(),
						textArray(details.topics()), details.notes(), details.followUpOn(), request.orElse(null),
						actor())
				.query(Long.class)
				.single();
			// the request is answered where the worker lives now
			request.ifPresent(requestId -> jdbc.sql("""
					update guidance_request set status = 'ANSWERED', answered_at = now(), session_id = ?, region_code = ?
					where id = ? and status = 'OPEN'""")
				.params(id, worker.residence().value(), requestId)
				.update());
		}
		catch (DataIntegrityViolationException ex) {
			throw translate(ex);
		}
		GuidanceSession session = session(id).orElseThrow();
		audit.record("guidance.recorded", "guidance_session", String.valueOf(id), worker.residence(), null, session);
		return session;
	}

	@Override
	public List<GuidanceSession> sessionsOf(long workerId) {
		return jdbc.sql("select " + SESSION_COLUMNS
				+ " from guidance_session s where s.worker_id = ? order by s.held_on desc, s.id desc")
			.param(workerId)
			.query(JdbcGuidance::mapSession)
			.list();
	}

	private Optional<GuidanceSession> session(long id) {
		return jdbc.sql("select " + SESSION_COLUMNS + " from guidance_session s where s.id = ?").param(id)
			.query(JdbcGuidance::mapSession)
			.optional();
	}

	@Override
	@Transactional
	public GuidanceRequest request(long workerId, GuidanceChannel channel, String note) {
		String text = note == null ? "" : note.strip();
		List<InvalidRequestException> problems = new ArrayList<>();
		if (channel == null) {
			problems.add(new InvalidRequestException("channel", "problem.field.required"));
		}
		if (text.length() > MAX_REQUEST_NOTE) {
			problems.add(new InvalidRequestException("note", "guidance.field.tooLong", MAX_REQUEST_NOTE));
		}
		if (!problems.isEmpty()) {
			throw new org.chunfeng.platform.InvalidFieldsException(problems);
		}
		Worker worker = current(workerId);
		if (openRequestOf(workerId).isPresent()) {
			throw new RefusedException("guidance.request.open");
		}
		long id;
		try {
			id = jdbc.sql("""
					insert into guidance_request (worker_id, region_code, channel, note, requested_by)
					values (?, ?, ?, ?, ?) returning id""")
				.params(workerId, worker.residence().value(), channel.name(), text, actor())
				.query(Long.class)
				.single();
		}
		catch (DataIntegrityViolationException ex) {
			throw translate(ex);
		}
		GuidanceRequest request = requestById(id).orElseThrow();
		audit.record("guidance.requested", "guidance_request", String.valueOf(id), worker.residence(), null, request);
		return request;
	}

	@Override
	public List<GuidanceRequest> requestsOf(long workerId) {
		return jdbc.sql("select " + REQUEST_COLUMNS + " from guidance_request r left join worker w on w.id = r.worker_id"
				+ " where r.worker_id = ? order by r.requested_at desc, r.id desc")
			.param(workerId)
			.query(JdbcGuidance::mapRequest)
			.list();
	}

	private Optional<GuidanceRequest> requestById(long id) {
		return jdbc.sql("select " + REQUEST_COLUMNS
				+ " from guidance_request r left join worker w on w.id = r.worker_id where r.id = ?")
			.param(id)
			.query(JdbcGuidance::mapRequest)
			.optional();
	}

	@Override
	@Transactional(readOnly = true)
	public Paged<GuidanceRequest> openRequests(RegionCode within, PageQuery page) {
		List<String> clauses = new ArrayList<>(List.of("r.status = 'OPEN'"));
		List<Object> params = new ArrayList<>();
		if (within != null) {
			clauses.add("r.region_code like ?");
			params.add(within.scopePrefix() + "%");
		}
		return Filtered.of(clauses, params).page(jdbc,
				"select " + REQUEST_COLUMNS + " from guidance_request r left join worker w on w.id = r.worker_id",
				"guidance_request r", "r.requested_at, r.id", page, JdbcGuidance::mapRequest);
	}

	@Override
	@Transactional(readOnly = true)
	public Paged<GuidanceFollowUp> followUpsDue(RegionCode within, LocalDate by, PageQuery page) {
		List<String> clauses = new ArrayList<>(List.of("s.follow_up_on is not null", "s.follow_up_on <= ?",
				"w.merged_into is null", """
						not exists (select 1 from guidance_session later where later.worker_id = s.worker_id
						            and (later.held_on, later.id) > (s.held_on, s.id))"""));
		List<Object> params = new ArrayList<>(List.of(by));
		if (within != null) {
			clauses.add("s.region_code like ?");
			params.add(within.scopePrefix() + "%");
		}
		return Filtered.of(clauses, params).page(jdbc,
				"select " + SESSION_COLUMNS + ", w.name as worker_name"
						+ " from guidance_session s join worker w on w.id = s.worker_id",
				"guidance_session s join worker w on w.id = s.worker_id", "s.follow_up_on, s.id", page,
				(rs, n) -> new GuidanceFollowUp(mapSession(rs, n), rs.getString("worker_name")));
	}

	/** The worker, in the caller's region and not merged. */
	private Worker current(long workerId) {
		Worker worker = workers.find(workerId)
			.orElseThrow(() -> new NotFoundException("kind.worker", String.valueOf(workerId)));
		if (worker.merged()) {
			throw new InvalidRequestException("workerId", "guidance.workerMerged", worker.mergedInto());
		}
		return worker;
	}

	static String actor() {
		return RegionScope.currentActor().map(Actor::username).orElse("system");
	}

	private static String textArray(Set<GuidanceTopic> topics) {
		return "{" + String.join(",", topics.stream().sorted().map(Enum::name).toList()) + "}";
	}

	private static RuntimeException translate(DataIntegrityViolationException ex) {
		return PostgresConstraint.of(ex).<RuntimeException>map(constraint -> switch (constraint) {
			case "guidance_request_one_open" -> new RefusedException("guidance.request.open");
			case "guidance_session_follow_up" -> new InvalidRequestException("followUpOn",
					"guidance.followUp.beforeSession");
			case "guidance_session_notes" -> new InvalidRequestException("notes", "guidance.field.tooLong",
					GuidanceSessionDetails.MAX_NOTES);
			case "guidance_request_note" -> new InvalidRequestException("note", "guidance.field.tooLong",
					MAX_REQUEST_NOTE);
			default -> ex;
		}).orElse(ex);
	}

	static GuidanceSession mapSession(ResultSet rs, int row) throws SQLException {
		Set<GuidanceTopic> topics = EnumSet.noneOf(GuidanceTopic.class);
		Array array = rs.getArray("topics");
		for (Object topic : (Object[]) array.getArray()) {
			topics.add(GuidanceTopic.valueOf((String) topic));
		}
		return new GuidanceSession(rs.getLong("id"), rs.getLong("worker_id"), RegionCode.of(rs.getString("region_code")),
				rs.getObject("held_on", LocalDate.class), GuidanceChannel.valueOf(rs.getString("channel")), topics,
				rs.getString("notes"), rs.getObject("follow_up_on", LocalDate.class),
				(Long) rs.getObject("request_id"), rs.getString("recorded_by"), instant(rs.getTimestamp("recorded_at")));
	}

	static GuidanceRequest mapRequest(ResultSet rs, int row) throws SQLException {
		return new GuidanceRequest(rs.getLong("id"), rs.getLong("worker_id"), rs.getString("worker_name"),
				RegionCode.of(rs.getString("region_code")), GuidanceChannel.valueOf(rs.getString("channel")),
				rs.getString("note"), GuidanceRequestStatus.valueOf(rs.getString("status")),
				rs.getString("requested_by"), instant(rs.getTimestamp("requested_at")),
				instant(rs.getTimestamp("answered_at")), (Long) rs.getObject("session_id"));
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}
}
