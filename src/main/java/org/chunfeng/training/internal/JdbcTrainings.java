package org.chunfeng.training.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.chunfeng.identity.Actor;
import org.chunfeng.identity.Audit;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.platform.ConflictException;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.platform.NotFoundException;
import org.chunfeng.platform.PageQuery;
import org.chunfeng.platform.Paged;
import org.chunfeng.platform.RefusedException;
import org.chunfeng.platform.database.Filtered;
import org.chunfeng.platform.database.PostgresConstraint;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.reference.Regions;
import org.chunfeng.training.Delivery;
import org.chunfeng.training.ProjectDetails;
import org.chunfeng.training.ProjectQuery;
import org.chunfeng.training.ProjectStatus;
import org.chunfeng.training.ReferralStatus;
import org.chunfeng.training.TrainingCompleted;
import org.chunfeng.training.TrainingProject;
import org.chunfeng.training.TrainingReferral;
import org.chunfeng.training.TrainingReferred;
import org.chunfeng.training.Trainings;
import org.chunfeng.workers.Worker;
import org.chunfeng.workers.Workers;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Projects and referrals in PostgreSQL. Each state change is one conditional UPDATE on the version read, and the
 * database checks the move again (triggers of V13), so a retry or a second instance cannot skip a step; an enrolment
 * takes its place from the project under the project's row lock, where a CHECK refuses the one too many.
 */
@Service
class JdbcTrainings implements Trainings {

	private static final String PROJECT_COLUMNS = """
			p.id, p.region_code, p.provider, p.title, p.occupation_code, p.skills, p.description, p.delivery,
			p.venue_region, p.venue, p.start_date, p.end_date, p.places, p.enrolled, p.subsidy_eligible,
			p.subsidy_fen, p.status, p.cancel_reason, p.created_by, p.created_at, p.closed_at, p.updated_at,
			p.version""";

	private static final String REFERRAL_SELECT = """
			select r.id, r.project_id, p.title, p.provider, p.delivery, p.venue, p.start_date, p.end_date,
			       r.worker_id, r.region_code, r.worker_name, r.worker_mobile_masked, r.status, r.note,
			       r.outcome_note, r.certificate_no, r.referred_by, r.referred_at, r.enrolled_at, r.completed_at,
			       r.ended_at, r.updated_at, r.version
			from training_referral r join training_project p on p.id = r.project_id""";

	private final JdbcClient jdbc;
	private final Workers workers;
	private final Regions regions;
	private final Audit audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	JdbcTrainings(JdbcClient jdbc, Workers workers, Regions regions, Audit audit, ApplicationEventPublisher events,
			Clock clock) {
		this.jdbc = jdbc;
		this.workers = workers;
		this.regions = regions;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

	private static String actor() {
		return RegionScope.currentActor().map(Actor::username).orElse("system");
	}

	static boolean inScope(RegionCode region) {
		return region.value().startsWith(RegionScope.currentPrefix());
	}

	// ------------------------------------------------------------------------------------------------ projects

	@Override
	@Transactional
	public TrainingProject create(RegionCode region, ProjectDetails details) {
		RegionCode where = organisingRegion(region);
		details.check();
		checkVenueRegion(details);
		long id;
		try {
			id = jdbc.sql("""
					insert into training_project (region_code, provider, title, occupation_code, skills, description,
					    delivery, venue_region, venue, start_date, end_date, places, subsidy_eligible, subsidy_fen,
					    created_by)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
				.params(where.value(), details.provider(), details.title(), details.occupationCode(),
						details.skills().toArray(String[]::new), details.description(), details.delivery().name(),
						details.venueRegion() == null ? null : details.venueRegion().value(), details.venue(),
						details.startDate(), details.endDate(), details.places(), details.subsidyEligible(),
						details.subsidyFen(), actor())
				.query(Long.class)
				.single();
		}
		catch (DataIntegrityViolationException ex) {
			throw translate(ex);
		}
		TrainingProject project = find(id).orElseThrow();
		audit.record("training.project.created", "training_project", String.valueOf(id), where, null, project);
		return project;
	}

	private RegionCode organisingRegion(RegionCode region) {
		RegionCode where = region != null ? region : RegionScope.currentActor().map(Actor::region)
			.orElseThrow(() -> new InvalidRequestException("region", "problem.field.required"));
		if (!inScope(where)) {
			throw new InvalidRequestException("region", "training.region.outsideScope", where.value());
		}
		if (regions.find(where).isEmpty()) {
			throw new InvalidRequestException("region", "training.region.unknown");
		}
		return where;
	}

	private void checkVenueRegion(ProjectDetails details) {
		if (details.venueRegion() != null && regions.find(details.venueRegion()).isEmpty()) {
			throw new InvalidRequestException("venueRegion", "training.region.unknown");
		}
	}

	@Override
	@Transactional
	public TrainingProject revise(long projectId, int version, ProjectDetails details) {
		TrainingProject before = manageable(projectId);
		if (before.status() != ProjectStatus.OPEN) {
			throw new RefusedException("training.project.notRevisable", before.status().name());
		}
		details.check();
		checkVenueRegion(details);
		if (details.places() < before.enrolled()) {
			throw new InvalidRequestException("places", "training.places.belowEnrolled", before.enrolled());
		}
		int updated;
		try {
			updated = jdbc.sql("""
					update training_project set provider = ?, title = ?, occupation_code = ?, skills = ?,
					    description = ?, delivery = ?, venue_region = ?, venue = ?, start_date = ?, end_date = ?,
					    places = ?, subsidy_eligible = ?, subsidy_fen = ?, updated_at = now(), version = version + 1
					where id = ? and version = ? and status = 'OPEN'""")
				.params(details.provider(), details.title(), details.occupationCode(),
						details.skills().toArray(String[]::new), details.description(), details.delivery().name(),
						details.venueRegion() == null ? null : details.venueRegion().value(), details.venue(),
						details.startDate(), details.endDate(), details.places(), details.subsidyEligible(),
						details.subsidyFen(), projectId, version)
				.update();
		}
		catch (DataIntegrityViolationException ex) {
			throw translate(ex);
		}
		return changed(projectId, updated, "training.project.revised", before);
	}

	@Override
	@Transactional
	public TrainingProject close(long projectId, int version) {
		TrainingProject before = manageable(projectId);
		refuseUnlessMove(before, ProjectStatus.CLOSED);
		int updated = moveProject(projectId, version, "status = 'CLOSED', closed_at = now()");
		return changed(projectId, updated, "training.project.closed", before);
	}

	@Override
	@Transactional
	public TrainingProject cancel(long projectId, int version, String reason) {
		String why = reason == null ? "" : reason.strip();
		if (why.isEmpty()) {
			throw new InvalidRequestException("reason", "problem.field.required");
		}
		if (why.length() > 200) {
			throw new InvalidRequestException("reason", "training.field.tooLong", 200);
		}
		TrainingProject before = manageable(projectId);
		refuseUnlessMove(before, ProjectStatus.CANCELLED);
		int updated = moveProject(projectId, version, "status = 'CANCELLED', closed_at = now(), cancel_reason = ?",
				why);
		return changed(projectId, updated, "training.project.cancelled", before);
	}

	private static void refuseUnlessMove(TrainingProject project, ProjectStatus next) {
		if (!project.status().canMoveTo(next)) {
			throw new RefusedException("training.project.transition." + next.name(), project.status().name());
		}
	}

	private int moveProject(long projectId, int version, String assignments, Object... params) {
		List<Object> all = new ArrayList<>(List.of(params));
		all.add(projectId);
		all.add(version);
		try {
			return jdbc.sql("update training_project set " + assignments
					+ ", updated_at = now(), version = version + 1 where id = ? and version = ?")
				.params(all)
				.update();
		}
		catch (DataIntegrityViolationException ex) {
			throw translate(ex);
		}
	}

	private TrainingProject changed(long projectId, int updated, String action, TrainingProject before) {
		if (updated == 0) {
			int current = jdbc.sql("select version from training_project where id = ?").param(projectId)
				.query(Integer.class)
				.optional()
				.orElseThrow(() -> new NotFoundException("kind.trainingProject", String.valueOf(projectId)));
			throw new ConflictException("kind.trainingProject", String.valueOf(projectId), current);
		}
		TrainingProject after = find(projectId).orElseThrow();
		audit.record(action, "training_project", String.valueOf(projectId), after.region(), before, after);
		return after;
	}

	/** A project of the caller's region: anybody reads every project, only its district changes it. */
	private TrainingProject manageable(long projectId) {
		return find(projectId).filter(project -> inScope(project.region()))
			.orElseThrow(() -> new NotFoundException("kind.trainingProject", String.valueOf(projectId)));
	}

	private TrainingProject project(long projectId) {
		return find(projectId)
			.orElseThrow(() -> new NotFoundException("kind.trainingProject", String.valueOf(projectId)));
	}

	@Override
	public Optional<TrainingProject> find(long projectId) {
		return jdbc.sql("select " + PROJECT_COLUMNS + " from training_project p where p.id = ?").param(projectId)
			.query(JdbcTrainings::project)
			.optional();
	}

	@Override
	@Transactional(readOnly = true)
	public Paged<TrainingProject> search(ProjectQuery query, PageQuery page) {
		List<String> clauses = new ArrayList<>();
		List<Object> params = new ArrayList<>();
		if (query.text() != null) {
			clauses.add("(p.title ilike ? or p.provider ilike ?)");
			String pattern = "%" + query.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
			params.add(pattern);
			params.add(pattern);
		}
		if (query.occupation() != null) {
			clauses.add("(p.occupation_code = ? or p.occupation_code like ?)");
			params.add(query.occupation());
			params.add(query.occupation().replace("%", "").replace("_", "") + "-%");
		}
		if (query.region() != null) {
			clauses.add("(p.region_code like ? or p.venue_region like ?)");
			params.add(query.region().scopePrefix() + "%");
			params.add(query.region().scopePrefix() + "%");
		}
		if (query.delivery() != null) {
			clauses.add("p.delivery = ?");
			params.add(query.delivery().name());
		}
		if (query.subsidyEligible() != null) {
			clauses.add("p.subsidy_eligible = ?");
			params.add(query.subsidyEligible());
		}
		if (query.openOn() != null) {
			clauses.add("p.status = 'OPEN' and p.end_date >= ?");
			params.add(query.openOn());
		}
		if (query.status() != null) {
			clauses.add("p.status = ?");
			params.add(query.status().name());
		}
		return Filtered.of(clauses, params)
			.page(jdbc, "select " + PROJECT_COLUMNS + " from training_project p", "training_project p",
					"(p.status = 'OPEN') desc, p.start_date, p.id", page, JdbcTrainings::project);
	}

	// ------------------------------------------------------------------------------------------------ referrals

	@Override
	@Transactional
	public TrainingReferral refer(long projectId, long workerId, String note) {
		String words = words("note", note);
		TrainingProject project = project(projectId);
		if (!project.open(today())) {
			throw new RefusedException("training.project.notOpen");
		}
		if (project.full()) {
			throw new RefusedException("training.project.full");
		}
		Worker worker = workers.find(workerId)
			.orElseThrow(() -> new NotFoundException("kind.worker", String.valueOf(workerId)));
		if (worker.mergedInto() != null) {
			throw new InvalidRequestException("workerId", "worker.merged.readOnly", worker.mergedInto());
		}
		long id;
		try {
			id = jdbc.sql("""
					insert into training_referral (project_id, worker_id, region_code, worker_name,
					    worker_mobile_masked, note, referred_by)
					values (?, ?, ?, ?, ?, ?, ?) returning id""")
				.params(projectId, workerId, worker.residence().value(), worker.name(), worker.mobileMasked(), words,
						actor())
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException ex) {
			throw new RefusedException("training.referral.already");
		}
		catch (DataIntegrityViolationException ex) {
			throw translate(ex);
		}
		TrainingReferral referral = findReferral(id).orElseThrow();
		audit.record("training.referred", "training_referral", String.valueOf(id), worker.residence(), null, referral);
		events.publishEvent(new TrainingReferred(id, projectId, workerId));
		return referral;
	}

	@Override
	@Transactional
	public TrainingReferral enrol(long referralId, int version) {
		TrainingReferral before = referral(referralId);
		refuseUnlessMove(before, ReferralStatus.ENROLLED);
		TrainingProject project = project(before.projectId());
		if (!project.open(today())) {
			throw new RefusedException("training.project.notOpen");
		}
		if (project.full()) {
			throw new RefusedException("training.project.full");
		}
		int updated = moveReferral(referralId, version, "status = 'ENROLLED', enrolled_at = now()");
		return moved(referralId, updated, before);
	}

	@Override
	@Transactional
	public TrainingReferral complete(long referralId, int version, String certificateNo) {
		String certificate = certificateNo == null || certificateNo.isBlank() ? null : certificateNo.strip();
		if (certificate != null && certificate.length() > 60) {
			throw new InvalidRequestException("certificateNo", "training.field.tooLong", 60);
		}
		TrainingReferral before = referral(referralId);
		refuseUnlessMove(before, ReferralStatus.COMPLETED);
		TrainingProject project = project(before.projectId());
		if (project.status() == ProjectStatus.CANCELLED) {
			throw new RefusedException("training.project.cancelled");
		}
		if (project.details().startDate().isAfter(today())) {
			throw new RefusedException("training.completion.notBegun", project.details().startDate());
		}
		int updated = moveReferral(referralId, version, "status = 'COMPLETED', completed_at = now(), certificate_no = ?",
				certificate);
		TrainingReferral after = moved(referralId, updated, before);
		events.publishEvent(new TrainingCompleted(referralId, project.id(), after.workerId(),
				project.details().subsidyEligible(), project.details().subsidyFen()));
		return after;
	}

	@Override
	@Transactional
	public TrainingReferral decline(long referralId, int version, String note) {
		String words = words("note", note);
		TrainingReferral before = referral(referralId);
		refuseUnlessMove(before, ReferralStatus.DECLINED);
		int updated = moveReferral(referralId, version,
				"status = 'DECLINED', ended_at = now(), outcome_note = coalesce(?, outcome_note)", words);
		return moved(referralId, updated, before);
	}

	@Override
	@Transactional
	public TrainingReferral dropOut(long referralId, int version, String note) {
		String words = words("note", note);
		TrainingReferral before = referral(referralId);
		refuseUnlessMove(before, ReferralStatus.DROPPED_OUT);
		int updated = moveReferral(referralId, version,
				"status = 'DROPPED_OUT', ended_at = now(), outcome_note = coalesce(?, outcome_note)", words);
		return moved(referralId, updated, before);
	}

	private static String words(String field, String text) {
		String words = text == null || text.isBlank() ? null : text.strip();
		if (words != null && words.length() > 500) {
			throw new InvalidRequestException(field, "training.field.tooLong", 500);
		}
		return words;
	}

	private static void refuseUnlessMove(TrainingReferral referral, ReferralStatus next) {
		if (!referral.status().canMoveTo(next)) {
			throw new RefusedException("training.referral.transition", referral.status().name(), next.name());
		}
	}

	private int moveReferral(long referralId, int version, String assignments, Object... params) {
		List<Object> all = new ArrayList<>(java.util.Arrays.asList(params));
		all.add(referralId);
		all.add(version);
		try {
			return jdbc.sql("update training_referral set " + assignments
					+ ", updated_at = now(), version = version + 1 where id = ? and version = ?")
				.params(all)
				.update();
		}
		catch (DataIntegrityViolationException ex) {
			throw translate(ex);
		}
	}

	private TrainingReferral moved(long referralId, int updated, TrainingReferral before) {
		if (updated == 0) {
			int current = jdbc.sql("select version from training_referral where id = ?").param(referralId)
				.query(Integer.class)
				.optional()
				.orElseThrow(() -> new NotFoundException("kind.trainingReferral", String.valueOf(referralId)));
			throw new ConflictException("kind.trainingReferral", String.valueOf(referralId), current);
		}
		TrainingReferral after = referral(referralId);
		audit.record("training.referral." + after.status().name().toLowerCase(java.util.Locale.ROOT),
				"training_referral", String.valueOf(referralId), after.region(), before, after);
		return after;
	}

	private TrainingReferral referral(long referralId) {
		return findReferral(referralId)
			.orElseThrow(() -> new NotFoundException("kind.trainingReferral", String.valueOf(referralId)));
	}

	@Override
	public Optional<TrainingReferral> findReferral(long referralId) {
		return jdbc.sql(REFERRAL_SELECT + " where r.id = ?").param(referralId)
			.query(JdbcTrainings::referral)
			.optional();
	}

	@Override
	public List<TrainingReferral> referrals(long projectId) {
		return jdbc.sql(REFERRAL_SELECT + " where r.project_id = ? order by r.referred_at, r.id").param(projectId)
			.query(JdbcTrainings::referral)
			.list();
	}

	@Override
	public List<TrainingReferral> referralsOf(long workerId) {
		return jdbc.sql(REFERRAL_SELECT + " where r.worker_id = ? order by r.referred_at desc, r.id desc")
			.param(workerId)
			.query(JdbcTrainings::referral)
			.list();
	}

	// ------------------------------------------------------------------------------------------------ rows

	/** What the database refused, in the user's words. */
	private static RuntimeException translate(DataIntegrityViolationException ex) {
		return PostgresConstraint.of(ex).<RuntimeException>map(constraint -> switch (constraint) {
			case "training_project_occupation_fk" ->
				new InvalidRequestException("occupationCode", "training.occupation.unknown");
			case "training_project_venue_region_fk", "training_project_region_fk" ->
				new InvalidRequestException("venueRegion", "training.region.unknown");
			case "training_project_places" -> new RefusedException("training.project.full");
			case "training_project_transition", "training_project_cancelled_fixed" ->
				new RefusedException("training.project.transition");
			case "training_referral_project_open", "training_referral_enrolment_open" ->
				new RefusedException("training.project.notOpen");
			case "training_referral_completion_open" -> new RefusedException("training.completion.notOpen");
			case "training_referral_once" -> new RefusedException("training.referral.already");
			case "training_referral_transition" -> new RefusedException("training.referral.transition.any");
			default -> ex;
		}).orElse(ex);
	}

	static TrainingProject project(ResultSet rs, int row) throws SQLException {
		String venueRegion = rs.getString("venue_region");
		long subsidy = rs.getLong("subsidy_fen");
		Long subsidyFen = rs.wasNull() ? null : subsidy;
		ProjectDetails details = new ProjectDetails(rs.getString("provider"), rs.getString("title"),
				rs.getString("occupation_code"), List.of(strings(rs.getArray("skills"))), rs.getString("description"),
				Delivery.valueOf(rs.getString("delivery")), venueRegion == null ? null : RegionCode.of(venueRegion),
				rs.getString("venue"), rs.getObject("start_date", LocalDate.class),
				rs.getObject("end_date", LocalDate.class), rs.getInt("places"), rs.getBoolean("subsidy_eligible"),
				subsidyFen);
		return new TrainingProject(rs.getLong("id"), RegionCode.of(rs.getString("region_code")), details,
				rs.getInt("enrolled"), ProjectStatus.valueOf(rs.getString("status")), rs.getString("cancel_reason"),
				rs.getString("created_by"), instant(rs, "created_at"), instant(rs, "closed_at"),
				instant(rs, "updated_at"), rs.getInt("version"));
	}

	private static TrainingReferral referral(ResultSet rs, int row) throws SQLException {
		return new TrainingReferral(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
				Delivery.valueOf(rs.getString(5)), rs.getString(6), rs.getObject(7, LocalDate.class),
				rs.getObject(8, LocalDate.class), rs.getLong(9), RegionCode.of(rs.getString(10)), rs.getString(11),
				rs.getString(12), ReferralStatus.valueOf(rs.getString(13)), rs.getString(14), rs.getString(15),
				rs.getString(16), rs.getString(17), instant(rs, 18), instant(rs, 19), instant(rs, 20),
				instant(rs, 21), instant(rs, 22), rs.getInt(23));
	}

	private static String[] strings(Array array) throws SQLException {
		return array == null ? new String[0] : (String[]) array.getArray();
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}

	private static Instant instant(ResultSet rs, int column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}
}
