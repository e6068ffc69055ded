package org.chunfeng.jobs.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.chunfeng.enterprises.Enterprise;
import org.chunfeng.enterprises.Enterprises;
import org.chunfeng.identity.Audit;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.jobs.ApplicationChannel;
import org.chunfeng.jobs.ApplicationMoved;
import org.chunfeng.jobs.ApplicationStatus;
import org.chunfeng.jobs.JobApplication;
import org.chunfeng.jobs.JobKind;
import org.chunfeng.jobs.JobPosting;
import org.chunfeng.jobs.Jobs;
import org.chunfeng.jobs.KeyGroupAccess;
import org.chunfeng.jobs.PostingChanged;
import org.chunfeng.jobs.PostingDetails;
import org.chunfeng.jobs.PostingQuery;
import org.chunfeng.jobs.PostingStatus;
import org.chunfeng.jobs.Shift;
import org.chunfeng.platform.ConflictException;
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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Postings and applications in PostgreSQL. Each state change is one conditional UPDATE on the version read, and
 * the database checks the move again (triggers of V11), so a retry or a second instance cannot skip a step; a hire
 * takes its place from the posting under the posting's row lock, where a CHECK refuses the one too many.
 */
@Service
class JdbcJobs implements Jobs {

	private static final String POSTING_COLUMNS = """
			p.id, p.enterprise_id, p.enterprise_name, p.region_code, p.title, p.occupation_code, p.description,
			p.skills, p.workplace_region, p.workplace_address, p.wage_min, p.wage_max, p.headcount, p.hired,
			p.start_date, p.end_date, p.shifts, p.meals, p.housing, p.through_festival, p.kind, p.access,
			p.priority_until, p.status, p.review_note, p.reviewed_by, p.reviewed_at, p.published_at, p.closed_at,
			p.posted_by, p.created_at, p.updated_at, p.version""";

	private static final String APPLICATION_SELECT = """
			select a.id, a.posting_id, p.title, p.enterprise_id, p.enterprise_name, a.worker_id, a.applicant_name,
			       a.applicant_mobile_masked, a.channel, a.status, a.message, a.note, a.applied_by, a.created_at,
			       a.updated_at, a.version
			from job_application a join job_posting p on p.id = a.posting_id""";

	private final JdbcClient jdbc;
	private final Enterprises enterprises;
	private final Workers workers;
	private final Audit audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	JdbcJobs(JdbcClient jdbc, Enterprises enterprises, Workers workers, Audit audit,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.enterprises = enterprises;
		this.workers = workers;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

	// ------------------------------------------------------------------------------------------------ postings

	@Override
	@Transactional
	public JobPosting post(long enterpriseId, PostingDetails details, String postedBy) {
		details.check();
		Enterprise enterprise = enterprises.find(enterpriseId)
			.orElseThrow(() -> new NotFoundException("kind.enterprise", String.valueOf(enterpriseId)));
		if (enterprise.mergedInto() != null) {
			throw new InvalidRequestException("enterpriseId", "enterprise.merged.readOnly", enterprise.mergedInto());
		}
		if (!enterprise.region().value().startsWith(RegionScope.currentPrefix())) {
			throw new NotFoundException("kind.enterprise", String.valueOf(enterpriseId));
		}
		long id;
		try {
			id = jdbc.sql("""
					insert into job_posting (enterprise_id, enterprise_name, industry_code, region_code, title,
					    occupation_code, description, skills, workplace_region, workplace_address, wage_min, wage_max,
					    headcount, start_date, end_date, shifts, meals, housing, through_festival, kind, access,
					    priority_until, posted_by)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
					returning id""")
				.params(enterprise.id(), enterprise.name(), enterprise.industryCode(), enterprise.region().value(),
						details.title(),
						details.occupationCode(), details.description(), details.skills().toArray(String[]::new),
						details.workplaceRegion().value(), details.workplaceAddress(), details.wageMin(),
						details.wageMax(), details.headcount(), details.startDate(), details.endDate(),
						shifts(details.shifts()), details.meals(), details.housing(), details.throughFestival(),
						details.kind().name(), details.access().name(), details.priorityUntil(), postedBy)
				.query(Long.class)
				.single();
		}
		catch (DataIntegrityViolationException ex) {
			throw translate(ex);
		}
		JobPosting posting = find(id).orElseThrow();
		audit.record("posting.submitted", "job_posting", String.valueOf(id), posting.region(), null, posting);
		events.publishEvent(new PostingChanged(id));
		return posting;
	}

	@Override
	@Transactional
	public JobPosting revise(long postingId, int version, PostingDetails details) {
		details.check();
		JobPosting before = posting(postingId);
		if (!before.status().revisable()) {
			throw new RefusedException("posting.notRevisable", before.status().name());
		}
		Optional<Enterprise> enterprise = enterprises.find(before.enterpriseId());
		String enterpriseName = enterprise.map(Enterprise::name).orElse(before.enterpriseName());
		String industryCode = enterprise.map(Enterprise::industryCode).orElse(null);
		int updated;
		try {
			updated = jdbc.sql("""
					update job_posting set enterprise_name = ?, industry_code = coalesce(?, industry_code),
					    title = ?, occupation_code = ?, description = ?,
					    skills = ?, workplace_region = ?, workplace_address = ?, wage_min = ?, wage_max = ?,
					    headcount = ?, start_date = ?, end_date = ?, shifts = ?, meals = ?, housing = ?,
					    through_festival = ?, kind = ?, access = ?, priority_until = ?, status = 'PENDING_REVIEW',
					    updated_at = now(), version = version + 1
					where id = ? and version = ? and status in ('PENDING_REVIEW', 'RETURNED')""")
				.params(enterpriseName, industryCode, details.title(), details.occupationCode(), details.description(),
						details.skills().toArray(String[]::new), details.workplaceRegion().value(),
						details.workplaceAddress(), details.wageMin(), details.wageMax(), details.headcount(),
						details.startDate(), details.endDate(), shifts(details.shifts()), details.meals(),
						details.housing(), details.throughFestival(), details.kind().name(), details.access().name(),
						details.priorityUntil(), postingId, version)
				.update();
		}
		catch (DataIntegrityViolationException ex) {
			throw translate(ex);
		}
		return changed(postingId, updated, "posting.revised", before);
	}

	@Override
	@Transactional
	public JobPosting approve(long postingId, int version, String reviewer) {
		JobPosting before = posting(postingId);
		refuseUnlessMove(before, PostingStatus.PUBLISHED);
		if (before.details().endDate().isBefore(today())) {
			throw new RefusedException("posting.ended", before.details().endDate());
		}
		int updated = move(postingId, version, """
				status = 'PUBLISHED', reviewed_by = ?, reviewed_at = now(), published_at = now()""", reviewer);
		return changed(postingId, updated, "posting.approved", before);
	}

	@Override
	@Transactional
	public JobPosting returnForChanges(long postingId, int version, String reviewer, String reason) {
		String why = reason == null ? "" : reason.strip();
		if (why.isEmpty()) {
			throw new InvalidRequestException("reason", "problem.field.required");
		}
		if (why.length() > 500) {
			throw new InvalidRequestException("reason", "posting.field.tooLong", 500);
		}
		JobPosting before = posting(postingId);
		refuseUnlessMove(before, PostingStatus.RETURNED);
		int updated = move(postingId, version, """
				status = 'RETURNED', review_note = ?, reviewed_by = ?, reviewed_at = now()""", why, reviewer);
		return changed(postingId, updated, "posting.returned", before);
	}

	@Override
	@Transactional
	public JobPosting close(long postingId, int version) {
		JobPosting before = posting(postingId);
		refuseUnlessMove(before, PostingStatus.CLOSED);
		int updated = move(postingId, version, "status = 'CLOSED', closed_at = now()");
		return changed(postingId, updated, "posting.closed", before);
	}

	@Override
	@Transactional
	public int closeExpired(LocalDate today) {
		List<Long> closed = jdbc.sql("""
				update job_posting set status = 'CLOSED', closed_at = now(), updated_at = now(), version = version + 1
				where status = 'PUBLISHED' and end_date < ? returning id""")
			.param(today)
			.query(Long.class)
			.list();
		closed.forEach(id -> events.publishEvent(new PostingChanged(id)));
		return closed.size();
	}

	@Override
	@Transactional(readOnly = true)
	public void forEachOpen(LocalDate today, java.util.function.Consumer<org.chunfeng.jobs.OpenPosting> action) {
		try (java.util.stream.Stream<org.chunfeng.jobs.OpenPosting> postings = jdbc.sql("""
				select id, enterprise_name, industry_code, title, occupation_code, skills, workplace_region, wage_min,
				       wage_max, start_date, end_date, meals, housing, through_festival,
				       access = 'KEY_GROUPS_ONLY' or (access = 'KEY_GROUPS_FIRST' and priority_until >= ?) as reserved,
				       headcount - hired as remaining
				from job_posting
				where status = 'PUBLISHED' and end_date >= ? and hired < headcount
				order by id""")
			.params(today, today)
			.withFetchSize(1_000)
			.query((rs, row) -> new org.chunfeng.jobs.OpenPosting(rs.getLong("id"), rs.getString("enterprise_name"),
					rs.getString("industry_code"), rs.getString("title"), rs.getString("occupation_code"),
					List.of((String[]) rs.getArray("skills").getArray()), rs.getString("workplace_region").strip(),
					rs.getInt("wage_min"), rs.getInt("wage_max"), rs.getObject("start_date", LocalDate.class),
					rs.getObject("end_date", LocalDate.class), rs.getBoolean("meals"), rs.getBoolean("housing"),
					rs.getBoolean("through_festival"), rs.getBoolean("reserved"), rs.getInt("remaining")))
			.stream()) {
			postings.forEach(action);
		}
	}

	private static void refuseUnlessMove(JobPosting posting, PostingStatus next) {
		if (!posting.status().canMoveTo(next)) {
			throw new RefusedException("posting.transition." + next.name(), posting.status().name());
		}
	}

	private int move(long postingId, int version, String assignments, Object... params) {
		List<Object> all = new ArrayList<>(Arrays.asList(params));
		all.add(postingId);
		all.add(version);
		try {
			return jdbc.sql("update job_posting set " + assignments
					+ ", updated_at = now(), version = version + 1 where id = ? and version = ?")
				.params(all)
				.update();
		}
		catch (DataIntegrityViolationException ex) {
			throw translate(ex);
		}
	}

	/** After a conditional update: the new state, audited and announced, or the conflict that stopped it. */
	private JobPosting changed(long postingId, int updated, String action, JobPosting before) {
		if (updated == 0) {
			int current = jdbc.sql("select version from job_posting where id = ?").param(postingId)
				.query(Integer.class)
				.optional()
				.orElseThrow(() -> new NotFoundException("kind.posting", String.valueOf(postingId)));
			throw new ConflictException("kind.posting", String.valueOf(postingId), current);
		}
		JobPosting after = posting(postingId);
		audit.record(action, "job_posting", String.valueOf(postingId), after.region(), before, after);
		events.publishEvent(new PostingChanged(postingId));
		return after;
	}

	private JobPosting posting(long postingId) {
		return find(postingId).orElseThrow(() -> new NotFoundException("kind.posting", String.valueOf(postingId)));
	}

	@Override
	public Optional<JobPosting> find(long postingId) {
		return jdbc.sql("select " + POSTING_COLUMNS + " from job_posting p where p.id = ?").param(postingId)
			.query(JdbcJobs::posting)
			.optional();
	}

	@Override
	public List<JobPosting> findAll(Collection<Long> postingIds) {
		if (postingIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select " + POSTING_COLUMNS + " from job_posting p where p.id = any(?) order by p.id")
			.param(postingIds.toArray(Long[]::new))
			.query(JdbcJobs::posting)
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public Paged<JobPosting> search(PostingQuery query, PageQuery page) {
		List<String> clauses = new ArrayList<>();
		List<Object> params = new ArrayList<>();
		// the management list shows the caller's own region, not every public posting elsewhere
		clauses.add("p.region_code like ?");
		params.add(RegionScope.currentPrefix() + "%");
		if (query.enterpriseId() != null) {
			clauses.add("p.enterprise_id = ?");
			params.add(query.enterpriseId());
		}
		if (query.region() != null) {
			clauses.add("p.region_code like ?");
			params.add(query.region().scopePrefix() + "%");
		}
		if (query.status() != null) {
			clauses.add("p.status = ?");
			params.add(query.status().name());
		}
		if (query.kind() != null) {
			clauses.add("p.kind = ?");
			params.add(query.kind().name());
		}
		if (query.text() != null && !query.text().isBlank()) {
			clauses.add("(p.title ilike ? or p.enterprise_name ilike ?)");
			String pattern = "%" + query.text().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
					+ "%";
			params.add(pattern);
			params.add(pattern);
		}
		// postings waiting for review first: that is what the bureau works through
		return Filtered.of(clauses, params)
			.page(jdbc, "select " + POSTING_COLUMNS + " from job_posting p", "job_posting p",
					"(p.status = 'PENDING_REVIEW') desc, p.created_at desc, p.id desc", page, JdbcJobs::posting);
	}

	// ------------------------------------------------------------------------------------------------ applications

	@Override
	@Transactional
	public JobApplication apply(long postingId, long workerId, ApplicationChannel channel, String message,
			String appliedBy) {
		String words = message == null || message.isBlank() ? null : message.strip();
		if (words != null && words.length() > 500) {
			throw new InvalidRequestException("message", "posting.field.tooLong", 500);
		}
		JobPosting posting = posting(postingId);
		if (!posting.open(today())) {
			throw new RefusedException("application.postingClosed");
		}
		// the caller's scope decides whose record may be read; a fair's booth applies over every region, in a
		// transaction of its own, because the worker stands there with the ticket (see fairs)
		Worker worker = workers.find(workerId)
			.orElseThrow(() -> new NotFoundException("kind.worker", String.valueOf(workerId)));
		if (worker.mergedInto() != null) {
			throw new InvalidRequestException("workerId", "worker.merged.readOnly", worker.mergedInto());
		}
		if (posting.keyGroupsOnly(today()) && worker.keyGroups().isEmpty()) {
			throw new RefusedException(posting.details().access() == KeyGroupAccess.KEY_GROUPS_ONLY
					? "application.keyGroupsOnly" : "application.keyGroupsFirst", posting.details().priorityUntil());
		}
		long id;
		try {
			id = jdbc.sql("""
					insert into job_application (posting_id, worker_id, applicant_name, applicant_mobile_masked,
					    channel, message, applied_by)
					values (?, ?, ?, ?, ?, ?, ?) returning id""")
				.params(postingId, workerId, worker.name(), worker.mobileMasked(), channel.name(), words, appliedBy)
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException ex) {
			throw new RefusedException("application.already");
		}
		catch (DataIntegrityViolationException ex) {
			throw translate(ex);
		}
		JobApplication application = findApplication(id).orElseThrow();
		audit.record("application.submitted", "job_application", String.valueOf(id), posting.region(), null,
				application);
		events.publishEvent(new ApplicationMoved(id, postingId, workerId, ApplicationStatus.APPLIED));
		return application;
	}

	@Override
	@Transactional
	public JobApplication move(long applicationId, int version, ApplicationStatus to, String note) {
		String words = note == null || note.isBlank() ? null : note.strip();
		if (words != null && words.length() > 500) {
			throw new InvalidRequestException("note", "posting.field.tooLong", 500);
		}
		JobApplication before = findApplication(applicationId)
			.orElseThrow(() -> new NotFoundException("kind.application", String.valueOf(applicationId)));
		if (!before.status().canMoveTo(to)) {
			throw new RefusedException("application.transition", before.status().name(), to.name());
		}
		int updated;
		try {
			updated = jdbc.sql("""
					update job_application set status = ?, note = coalesce(?, note), updated_at = now(),
					    version = version + 1
					where id = ? and version = ?""")
				.params(to.name(), words, applicationId, version)
				.update();
		}
		catch (DataIntegrityViolationException ex) {
			throw translate(ex);
		}
		if (updated == 0) {
			int current = jdbc.sql("select version from job_application where id = ?").param(applicationId)
				.query(Integer.class)
				.optional()
				.orElseThrow(() -> new NotFoundException("kind.application", String.valueOf(applicationId)));
			throw new ConflictException("kind.application", String.valueOf(applicationId), current);
		}
		JobApplication after = findApplication(applicationId).orElseThrow();
		RegionCode region = jdbc.sql("select region_code from job_posting where id = ?").param(after.postingId())
			.query((rs, n) -> RegionCode.of(rs.getString(1)))
			.single();
		audit.record("application." + to.name().toLowerCase(java.util.Locale.ROOT), "job_application",
				String.valueOf(applicationId), region, before, after);
		events.publishEvent(new ApplicationMoved(applicationId, after.postingId(), after.workerId(), to));
		if (to == ApplicationStatus.HIRED) {
			events.publishEvent(new PostingChanged(after.postingId()));
		}
		return after;
	}

	@Override
	public Optional<JobApplication> findApplication(long applicationId) {
		return jdbc.sql(APPLICATION_SELECT + " where a.id = ?").param(applicationId)
			.query(JdbcJobs::application)
			.optional();
	}

	@Override
	public List<JobApplication> findApplications(Collection<Long> applicationIds) {
		if (applicationIds.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(APPLICATION_SELECT + " where a.id = any(?) order by a.id")
			.param(applicationIds.toArray(Long[]::new))
			.query(JdbcJobs::application)
			.list();
	}

	@Override
	public List<JobApplication> applications(long postingId) {
		return jdbc.sql(APPLICATION_SELECT + " where a.posting_id = ? order by a.created_at, a.id").param(postingId)
			.query(JdbcJobs::application)
			.list();
	}

	@Override
	public List<JobApplication> applicationsOf(long workerId) {
		return jdbc.sql(APPLICATION_SELECT + " where a.worker_id = ? order by a.created_at desc, a.id desc")
			.param(workerId)
			.query(JdbcJobs::application)
			.list();
	}

	@Override
	public Map<Long, List<Long>> postingsAppliedTo(Collection<Long> workerIds) {
		Map<Long, List<Long>> applied = new HashMap<>();
		if (workerIds.isEmpty()) {
			return applied;
		}
		jdbc.sql("select worker_id, posting_id from job_application where worker_id = any(?) order by 1, 2")
			.param(workerIds.toArray(Long[]::new))
			.query(rs -> {
				applied.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getLong(2));
			});
		return applied;
	}

	@Override
	public Optional<JobApplication> applicationOf(long postingId, long workerId) {
		return jdbc.sql(APPLICATION_SELECT + " where a.posting_id = ? and a.worker_id = ?").params(postingId, workerId)
			.query(JdbcJobs::application)
			.optional();
	}

	// ------------------------------------------------------------------------------------------------ rows

	/** What the database refused, in the user's words. */
	private static RuntimeException translate(DataIntegrityViolationException ex) {
		return PostgresConstraint.of(ex).<RuntimeException>map(constraint -> switch (constraint) {
			case "job_posting_occupation_fk" -> new InvalidRequestException("occupationCode", "posting.occupation.unknown");
			case "job_posting_workplace_region_fk" ->
				new InvalidRequestException("workplaceRegion", "posting.region.unknown");
			// a hire one too many breaks both, and PostgreSQL names whichever it checks first
			case "job_posting_headcount", "job_posting_filled" -> new RefusedException("posting.full");
			case "job_posting_transition" -> new RefusedException("posting.transition");
			case "job_application_posting_open" -> new RefusedException("application.postingClosed");
			case "job_application_once" -> new RefusedException("application.already");
			case "job_application_transition" -> new RefusedException("application.transition.any");
			default -> ex;
		}).orElse(ex);
	}

	private static String[] shifts(Set<Shift> shifts) {
		return shifts.stream().sorted().map(Enum::name).toArray(String[]::new);
	}

	static JobPosting posting(ResultSet rs, int row) throws SQLException {
		PostingDetails details = new PostingDetails(rs.getString("title"), rs.getString("occupation_code"),
				rs.getString("description"), List.of(strings(rs.getArray("skills"))),
				RegionCode.of(rs.getString("workplace_region")), rs.getString("workplace_address"),
				rs.getInt("wage_min"), rs.getInt("wage_max"), rs.getInt("headcount"),
				rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
				Arrays.stream(strings(rs.getArray("shifts"))).map(Shift::valueOf)
					.collect(Collectors.toCollection(() -> EnumSet.noneOf(Shift.class))),
				rs.getBoolean("meals"), rs.getBoolean("housing"), rs.getBoolean("through_festival"),
				JobKind.valueOf(rs.getString("kind")), KeyGroupAccess.valueOf(rs.getString("access")),
				rs.getObject("priority_until", LocalDate.class));
		return new JobPosting(rs.getLong("id"), rs.getLong("enterprise_id"), rs.getString("enterprise_name"),
				RegionCode.of(rs.getString("region_code")), details, rs.getInt("hired"),
				PostingStatus.valueOf(rs.getString("status")), rs.getString("review_note"),
				rs.getString("reviewed_by"), instant(rs, "reviewed_at"), instant(rs, "published_at"),
				instant(rs, "closed_at"), rs.getString("posted_by"), instant(rs, "created_at"),
				instant(rs, "updated_at"), rs.getInt("version"));
	}

	private static JobApplication application(ResultSet rs, int row) throws SQLException {
		return new JobApplication(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5),
				rs.getLong(6), rs.getString(7), rs.getString(8), ApplicationChannel.valueOf(rs.getString(9)),
				ApplicationStatus.valueOf(rs.getString(10)), rs.getString(11), rs.getString(12), rs.getString(13),
				rs.getTimestamp(14).toInstant(), rs.getTimestamp(15).toInstant(), rs.getInt(16));
	}

	private static String[] strings(Array array) throws SQLException {
		return array == null ? new String[0] : (String[]) array.getArray();
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}
}
