package org.chunfeng.subsidies.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chunfeng.identity.Actor;
import org.chunfeng.identity.Audit;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.payments.Entitlement;
import org.chunfeng.payments.Entitlements;
import org.chunfeng.platform.ConflictException;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.platform.NotFoundException;
import org.chunfeng.platform.PageQuery;
import org.chunfeng.platform.Paged;
import org.chunfeng.platform.RefusedException;
import org.chunfeng.platform.database.Filtered;
import org.chunfeng.platform.database.PostgresConstraint;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.subsidies.Applicant;
import org.chunfeng.subsidies.ApplicationDecision;
import org.chunfeng.subsidies.ApplicationQuery;
import org.chunfeng.subsidies.ApplicationStatus;
import org.chunfeng.subsidies.CaseFacts;
import org.chunfeng.subsidies.CasePreview;
import org.chunfeng.subsidies.Decision;
import org.chunfeng.subsidies.Evidence;
import org.chunfeng.subsidies.ReviewLevel;
import org.chunfeng.subsidies.SubsidyApplication;
import org.chunfeng.subsidies.SubsidyApplications;
import org.chunfeng.subsidies.SubsidyProgram;
import org.chunfeng.subsidies.SubsidyPrograms;
import org.chunfeng.subsidies.rules.Assessment;
import org.chunfeng.subsidies.rules.AssessmentCase;
import org.chunfeng.subsidies.rules.Beneficiary;
import org.chunfeng.subsidies.rules.ProgramKind;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applications in PostgreSQL. Each move is one conditional UPDATE on the version and step read, and the database
 * checks it again (trigger {@code subsidy_application_guard} of V18); a decision is kept once per version (unique
 * key), so two reviewers deciding the same step at once make one decision and, for a final approval, one entitlement.
 */
@Service
@EnableConfigurationProperties(EvidenceProperties.class)
class JdbcSubsidyApplications implements SubsidyApplications {

	private static final String COLUMNS = """
			a.id, a.program_id, p.name as program_name, a.kind, a.applicant_kind, a.enterprise_id, a.worker_id,
			a.applicant_name, a.region_code, a.status, a.steps::text as steps, a.step, a.facts::text as facts,
			a.case_data::text as case_data, a.assessment::text as assessment, a.approved_fen, a.reason, a.rounds,
			a.submitted_by, a.submitted_at, a.decided_at, a.updated_at, a.version""";

	private static final String FROM = " from subsidy_application a join subsidy_program p on p.id = a.program_id";

	private final JdbcClient jdbc;
	private final JdbcTemplate template;
	private final SubsidyPrograms programs;
	private final CaseBuilder cases;
	private final Entitlements entitlements;
	private final Audit audit;
	private final Clock clock;
	private final EvidenceProperties limits;

	JdbcSubsidyApplications(JdbcClient jdbc, JdbcTemplate template, SubsidyPrograms programs, CaseBuilder cases,
			Entitlements entitlements, Audit audit, Clock clock, EvidenceProperties limits) {
		this.jdbc = jdbc;
		this.template = template;
		this.programs = programs;
		this.cases = cases;
		this.entitlements = entitlements;
		this.audit = audit;
		this.clock = clock;
		this.limits = limits;
	}

	private static String actorName() {
		return RegionScope.currentActor().map(Actor::username).orElse("system");
	}

	// ------------------------------------------------------------------------------------------------ applying

	/** An open program that takes this applicant's case today. */
	private SubsidyProgram programFor(long programId, CaseBuilder.ApplicantRecord who) {
		SubsidyProgram program = programs.find(programId)
			.filter(p -> !p.template())
			.orElseThrow(() -> new NotFoundException("kind.subsidyProgram", String.valueOf(programId)));
		if (!program.takesCasesOn(LocalDate.now(clock))) {
			throw new RefusedException("subsidy.application.programClosed", program.details().name());
		}
		if (program.details().beneficiary() != who.applicant().kind()) {
			throw new RefusedException("subsidy.application.wrongApplicant", program.details().name());
		}
		if (!program.region().contains(who.region())) {
			throw new RefusedException("subsidy.application.outsideRegion", program.details().name());
		}
		return program;
	}

	@Override
	@Transactional(readOnly = true)
	public CasePreview preview(long programId, Applicant applicant, CaseFacts facts) {
		ApplicationAccess.requireApplyingFor(applicant);
		CaseBuilder.ApplicantRecord who = cases.applicant(applicant);
		SubsidyProgram program = programFor(programId, who);
		AssessmentCase built = cases.build(program, who, facts == null ? CaseFacts.none() : facts);
		return new CasePreview(who.name(), built, program.assess(built));
	}

	@Override
	@Transactional
	public SubsidyApplication submit(long programId, Applicant applicant, CaseFacts facts) {
		ApplicationAccess.requireApplyingFor(applicant);
		CaseFacts stated = facts == null ? CaseFacts.none() : facts;
		CaseBuilder.ApplicantRecord who = cases.applicant(applicant);
		SubsidyProgram program = programFor(programId, who);
		AssessmentCase built = cases.build(program, who, stated);
		Assessment assessment = program.assess(built);
		long id;
		try {
			id = jdbc.sql("""
					insert into subsidy_application (program_id, kind, applicant_kind, enterprise_id, worker_id,
					    applicant_name, region_code, steps, facts, case_data, assessment, eligible, amount_fen,
					    submitted_by)
					values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?::jsonb, ?, ?, ?) returning id""")
				.params(programId, program.kind().name(), applicant.kind().name(),
						applicant.kind() == Beneficiary.ENTERPRISE ? applicant.id() : null,
						applicant.kind() == Beneficiary.WORKER ? applicant.id() : null, who.name(), who.region().value(),
						CaseJson.write(program.reviewSteps()), CaseJson.write(stated), CaseJson.write(built),
						CaseJson.write(assessment), assessment.eligible(), assessment.amountFen(), actorName())
				.query(Long.class)
				.single();
		}
		catch (DataIntegrityViolationException ex) {
			throw translate(ex);
		}
		SubsidyApplication application = find(id).orElseThrow();
		audit.record("subsidies.application.submitted", "subsidy_application", String.valueOf(id),
				application.region(), null, Map.of("program", programId, "applicant", who.name(),
						"amountFen", assessment.amountFen(), "eligible", assessment.eligible()));
		return application;
	}

	@Override
	@Transactional
	public SubsidyApplication resubmit(long applicationId, int version, CaseFacts facts) {
		SubsidyApplication before = application(applicationId);
		if (!ApplicationAccess.actsFor(before)) {
			throw new AccessDeniedException("the applicant resubmits");
		}
		if (before.status() != ApplicationStatus.RETURNED) {
			throw new RefusedException("subsidy.application.notReturned", before.status().name());
		}
		CaseFacts stated = facts == null ? CaseFacts.none() : facts;
		CaseBuilder.ApplicantRecord who = cases.applicant(before.applicant());
		SubsidyProgram program = programs.find(before.programId())
			.orElseThrow(() -> new NotFoundException("kind.subsidyProgram", String.valueOf(before.programId())));
		if (!program.takesCasesOn(LocalDate.now(clock))) {
			throw new RefusedException("subsidy.application.programClosed", program.details().name());
		}
		AssessmentCase built = cases.build(program, who, stated);
		Assessment assessment = program.assess(built);
		int updated = update("""
				update subsidy_application set status = 'SUBMITTED', step = 1, rounds = rounds + 1, reason = null,
				    facts = ?::jsonb, case_data = ?::jsonb, assessment = ?::jsonb, eligible = ?, amount_fen = ?,
				    updated_at = now(), version = version + 1
				where id = ? and version = ? and status = 'RETURNED'""", CaseJson.write(stated), CaseJson.write(built),
				CaseJson.write(assessment), assessment.eligible(), assessment.amountFen(), applicationId, version);
		conflictUnless(updated, applicationId);
		record(before, version, before.rounds() + 1, 0, null, "RESUBMIT", null, assessment);
		SubsidyApplication after = find(applicationId).orElseThrow();
		audit.record("subsidies.application.resubmitted", "subsidy_application", String.valueOf(applicationId),
				after.region(), Map.of("amountFen", before.assessment().amountFen()),
				Map.of("amountFen", assessment.amountFen(), "eligible", assessment.eligible()));
		return after;
	}

	// ------------------------------------------------------------------------------------------------ deciding

	@Override
	@Transactional
	public SubsidyApplication decide(long applicationId, int step, int version, Decision decision, String reason) {
		if (ApplicationAccess.role() != org.chunfeng.identity.Role.REVIEWER) {
			throw new AccessDeniedException("reviewers decide");
		}
		if (decision == null) {
			throw new InvalidRequestException("decision", "problem.field.required");
		}
		String why = reason == null || reason.isBlank() ? null : reason.strip();
		if (decision != Decision.APPROVE && why == null) {
			throw new InvalidRequestException("reason", "subsidy.decision.reasonRequired");
		}
		if (why != null && why.length() > 500) {
			throw new InvalidRequestException("reason", "subsidy.field.tooLong", 500);
		}
		SubsidyApplication before = application(applicationId);
		if (!before.status().waitingForReview()) {
			throw new RefusedException("subsidy.application.notWaiting", before.status().name());
		}
		if (before.version() != version || before.step() != step) {
			throw new ConflictException("kind.subsidyApplication", String.valueOf(applicationId), before.version());
		}
		if (!ApplicationAccess.decides(before)) {
			throw new RefusedException("subsidy.decision.notYourStep", before.waitingLevel().name());
		}
		ReviewLevel level = before.waitingLevel();
		boolean last = step == before.steps().size();
		Assessment reassessed = null;
		int updated;
		switch (decision) {
			case APPROVE -> {
				if (!last) {
					updated = update("""
							update subsidy_application set status = 'IN_REVIEW', step = step + 1, updated_at = now(),
							    version = version + 1
							where id = ? and version = ? and step = ? and status in ('SUBMITTED', 'IN_REVIEW')""",
							applicationId, version, step);
				}
				else {
					SubsidyProgram program = programs.find(before.programId()).orElseThrow(
							() -> new NotFoundException("kind.subsidyProgram", String.valueOf(before.programId())));
					// the frozen case, under the program's rules (fixed since it opened): later registry edits do not count
					reassessed = program.assess(before.frozenCase());
					if (!reassessed.eligible()) {
						throw new RefusedException("subsidy.decision.notEligible");
					}
					updated = update("""
							update subsidy_application set status = 'APPROVED', approved_fen = ?, decided_at = now(),
							    updated_at = now(), version = version + 1
							where id = ? and version = ? and step = ? and status in ('SUBMITTED', 'IN_REVIEW')""",
							reassessed.amountFen(), applicationId, version, step);
					conflictUnless(updated, applicationId);
					// in this transaction: a refusal (budget, already entitled) rolls the approval back
					Grants.Granted granted = Grants.of(before, program, reassessed);
					entitlements.grant(granted.grant());
					for (Grants.Unit unit : granted.units()) {
						jdbc.sql("""
								insert into subsidy_granted_unit (application_id, kind, worker_id, enterprise_id, unit,
								    quantity, amount_fen, program_id, policy_year, region_code)
								values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
							.params(applicationId, before.kind().name(), unit.workerId(), unit.enterpriseId(),
									unit.unit(), unit.quantity(), unit.amountFen(), program.id(),
									program.details().policyYear(), before.region().value())
							.update();
					}
				}
			}
			case RETURN -> updated = update("""
					update subsidy_application set status = 'RETURNED', reason = ?, updated_at = now(),
					    version = version + 1
					where id = ? and version = ? and step = ? and status in ('SUBMITTED', 'IN_REVIEW')""", why,
					applicationId, version, step);
			case REJECT -> updated = update("""
					update subsidy_application set status = 'REJECTED', reason = ?, decided_at = now(),
					    updated_at = now(), version = version + 1
					where id = ? and version = ? and step = ? and status in ('SUBMITTED', 'IN_REVIEW')""", why,
					applicationId, version, step);
			default -> throw new IllegalStateException();
		}
		conflictUnless(updated, applicationId);
		record(before, version, before.rounds(), step, level, decision.name(), why, reassessed);
		SubsidyApplication after = find(applicationId).orElseThrow();
		audit.record("subsidies.application." + decision.name().toLowerCase(java.util.Locale.ROOT),
				"subsidy_application", String.valueOf(applicationId), after.region(),
				Map.of("status", before.status().name(), "step", step),
				reassessed == null ? Map.of("status", after.status().name(), "reason", why == null ? "" : why)
						: Map.of("status", after.status().name(), "approvedFen", reassessed.amountFen()));
		return after;
	}

	private void record(SubsidyApplication application, int basedOn, int round, int step, ReviewLevel level,
			String decision, String reason, Assessment assessment) {
		try {
			jdbc.sql("""
					insert into subsidy_decision (application_id, based_on, round, step, level, decision, reason,
					    assessment, decided_by)
					values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?)""")
				.params(application.id(), basedOn, round, step, level == null ? "APPLICANT" : level.name(), decision,
						reason, assessment == null ? null : CaseJson.write(assessment), actorName())
				.update();
		}
		catch (DataIntegrityViolationException ex) {
			throw translate(ex);
		}
	}

	private int update(String sql, Object... params) {
		try {
			return jdbc.sql(sql).params(params).update();
		}
		catch (DataIntegrityViolationException ex) {
			throw translate(ex);
		}
	}

	private void conflictUnless(int updated, long applicationId) {
		if (updated == 0) {
			int current = jdbc.sql("select version from subsidy_application where id = ?").param(applicationId)
				.query(Integer.class)
				.optional()
				.orElseThrow(() -> new NotFoundException("kind.subsidyApplication", String.valueOf(applicationId)));
			throw new ConflictException("kind.subsidyApplication", String.valueOf(applicationId), current);
		}
	}

	// ------------------------------------------------------------------------------------------------ reading

	/** An application the caller may read, or 404. */
	private SubsidyApplication application(long applicationId) {
		return find(applicationId)
			.orElseThrow(() -> new NotFoundException("kind.subsidyApplication", String.valueOf(applicationId)));
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<SubsidyApplication> find(long applicationId) {
		ApplicationAccess.requireReader();
		return jdbc.sql("select " + COLUMNS + FROM + " where a.id = ?").param(applicationId)
			.query(JdbcSubsidyApplications::application)
			.optional()
			.filter(ApplicationAccess::reads);
	}

	@Override
	@Transactional(readOnly = true)
	public Paged<SubsidyApplication> search(ApplicationQuery query, PageQuery page) {
		ApplicationAccess.requireReader();
		List<String> clauses = new ArrayList<>();
		List<Object> params = new ArrayList<>();
		Optional<Applicant> own = ApplicationAccess.own();
		if (!ApplicationAccess.staff()) {
			Applicant applicant = own.orElseThrow();
			clauses.add(applicant.kind() == Beneficiary.ENTERPRISE ? "a.enterprise_id = ?" : "a.worker_id = ?");
			params.add(applicant.id());
		}
		if (query.text() != null) {
			clauses.add("(a.applicant_name ilike ? or p.name ilike ?)");
			String like = "%" + query.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
			params.add(like);
			params.add(like);
		}
		if (query.kind() != null) {
			clauses.add("a.kind = ?");
			params.add(query.kind().name());
		}
		if (query.status() != null) {
			clauses.add("a.status = ?");
			params.add(query.status().name());
		}
		if (query.programId() != null) {
			clauses.add("a.program_id = ?");
			params.add(query.programId());
		}
		if (query.waitingMe()) {
			Actor actor = ApplicationAccess.actor();
			if (actor.role() != org.chunfeng.identity.Role.REVIEWER) {
				clauses.add("false");
			}
			else {
				clauses.add("a.status in ('SUBMITTED', 'IN_REVIEW') and a.steps ->> (a.step - 1) = ?");
				params.add(ReviewLevel.of(actor.region()).name());
			}
		}
		return Filtered.of(clauses, params)
			.page(jdbc, "select " + COLUMNS + FROM, "subsidy_application a join subsidy_program p on p.id = a.program_id",
					"a.submitted_at desc, a.id desc", page, JdbcSubsidyApplications::application);
	}

	@Override
	@Transactional(readOnly = true)
	public List<ApplicationDecision> history(long applicationId) {
		application(applicationId);
		return jdbc.sql("""
				select id, round, step, level, decision, reason, assessment::text as assessment, decided_by, decided_at
				from subsidy_decision where application_id = ? order by id""")
			.param(applicationId)
			.query((rs, row) -> new ApplicationDecision(rs.getLong("id"), rs.getInt("round"), rs.getInt("step"),
					"APPLICANT".equals(rs.getString("level")) ? null : ReviewLevel.valueOf(rs.getString("level")),
					rs.getString("decision"), rs.getString("reason"), CaseJson.readAssessment(rs.getString("assessment")),
					rs.getString("decided_by"), instant(rs, "decided_at")))
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public List<Entitlement> entitlements(long applicationId) {
		SubsidyApplication application = application(applicationId);
		return entitlements.bySource(application.source());
	}

	// ------------------------------------------------------------------------------------------------ evidence

	@Override
	@Transactional
	public Evidence attach(long applicationId, String fileName, InputStream content) {
		SubsidyApplication application = application(applicationId);
		if (!ApplicationAccess.actsFor(application)) {
			throw new AccessDeniedException("the applicant attaches evidence");
		}
		if (!application.status().takesEvidence()) {
			throw new RefusedException("subsidy.evidence.closed", application.status().name());
		}
		String name = fileName == null ? "" : Path.of(fileName.replace('\\', '/')).getFileName() == null ? ""
				: Path.of(fileName.replace('\\', '/')).getFileName().toString().strip();
		if (name.isEmpty()) {
			name = "evidence";
		}
		if (name.length() > 200) {
			name = name.substring(name.length() - 200);
		}
		// one at a time per application: the count below holds
		jdbc.sql("select id from subsidy_application where id = ? for update").param(applicationId).query(Long.class)
			.single();
		long count = jdbc.sql("select count(*) from subsidy_evidence where application_id = ?").param(applicationId)
			.query(Long.class).single();
		if (count >= limits.maxFiles()) {
			throw new InvalidRequestException("file", "subsidy.evidence.tooMany", limits.maxFiles());
		}
		Path spool = null;
		try {
			spool = Files.createTempFile("chunfeng-evidence-", ".bin");
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			long size;
			try (InputStream in = new DigestInputStream(content, sha); OutputStream out = Files.newOutputStream(spool)) {
				size = copyBounded(in, out, limits.maxBytes());
			}
			if (size == 0) {
				throw new InvalidRequestException("file", "subsidy.evidence.empty");
			}
			String type;
			try (InputStream head = Files.newInputStream(spool)) {
				type = EvidenceTypes.detect(head.readNBytes(8));
			}
			if (type == null) {
				throw new InvalidRequestException("file", "subsidy.evidence.type");
			}
			String digest = HexFormat.of().formatHex(sha.digest());
			String stored = name;
			Path file = spool;
			long id = template.execute((java.sql.Connection connection) -> {
				try (var statement = connection.prepareStatement("""
						insert into subsidy_evidence (application_id, file_name, content_type, size_bytes, sha256,
						    content, uploaded_by)
						values (?, ?, ?, ?, ?, ?, ?) returning id""");
						InputStream body = Files.newInputStream(file)) {
					statement.setLong(1, applicationId);
					statement.setString(2, stored);
					statement.setString(3, type);
					statement.setLong(4, size);
					statement.setString(5, digest);
					statement.setBinaryStream(6, body, size);
					statement.setString(7, actorName());
					try (ResultSet rs = statement.executeQuery()) {
						rs.next();
						return rs.getLong(1);
					}
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
			update("update subsidy_application set updated_at = now(), version = version + 1 where id = ?",
					applicationId);
			Evidence evidence = evidence(applicationId).stream().filter(e -> e.id() == id).findFirst().orElseThrow();
			audit.record("subsidies.evidence.attached", "subsidy_application", String.valueOf(applicationId),
					application.region(), null, evidence);
			return evidence;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			if (spool != null) {
				try {
					Files.deleteIfExists(spool);
				}
				catch (IOException ignored) {
					// a temporary file
				}
			}
		}
	}

	/** Copies at most {@code max} bytes; one more is refused before it is stored. */
	private static long copyBounded(InputStream in, OutputStream out, long max) throws IOException {
		byte[] buffer = new byte[64 * 1024];
		long total = 0;
		int read;
		while ((read = in.read(buffer)) != -1) {
			total += read;
			if (total > max) {
				throw new InvalidRequestException("file", "subsidy.evidence.tooLarge", max / (1024 * 1024));
			}
			out.write(buffer, 0, read);
		}
		return total;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Evidence> evidence(long applicationId) {
		application(applicationId);
		return jdbc.sql("""
				select id, application_id, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at
				from subsidy_evidence where application_id = ? order by id""")
			.param(applicationId)
			.query((rs, row) -> new Evidence(rs.getLong("id"), rs.getLong("application_id"), rs.getString("file_name"),
					rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
					rs.getString("uploaded_by"), instant(rs, "uploaded_at")))
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Evidence> download(long applicationId, long evidenceId, OutputStream out) {
		SubsidyApplication application = application(applicationId);
		Optional<Evidence> evidence = evidence(applicationId).stream().filter(e -> e.id() == evidenceId).findFirst();
		evidence.ifPresent(e -> template.query("select content from subsidy_evidence where id = ? and application_id = ?",
				rs -> {
					try (InputStream in = rs.getBinaryStream(1)) {
						in.transferTo(out);
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				}, evidenceId, applicationId));
		evidence.ifPresent(e -> audit.record("subsidies.evidence.downloaded", "subsidy_application",
				String.valueOf(applicationId), application.region(), null, Map.of("evidence", evidenceId)));
		return evidence;
	}

	// ------------------------------------------------------------------------------------------------ mapping

	private static RuntimeException translate(DataIntegrityViolationException ex) {
		return PostgresConstraint.of(ex).<RuntimeException>map(constraint -> switch (constraint) {
			case "subsidy_application_program_open" -> new RefusedException("subsidy.application.programClosed", "");
			case "subsidy_application_transition", "subsidy_application_final", "subsidy_application_fixed",
					"subsidy_application_case_frozen" -> new RefusedException("subsidy.application.transition");
			case "subsidy_decision_once" -> new ConflictException("kind.subsidyApplication", "", -1);
			default -> ex;
		}).orElse(ex);
	}

	static SubsidyApplication application(ResultSet rs, int row) throws SQLException {
		ProgramKind kind = ProgramKind.valueOf(rs.getString("kind"));
		Beneficiary who = Beneficiary.valueOf(rs.getString("applicant_kind"));
		Applicant applicant = new Applicant(who,
				who == Beneficiary.ENTERPRISE ? rs.getLong("enterprise_id") : rs.getLong("worker_id"));
		long approvedFen = rs.getLong("approved_fen");
		Long approved = rs.wasNull() ? null : approvedFen;
		return new SubsidyApplication(rs.getLong("id"), rs.getLong("program_id"), rs.getString("program_name"), kind,
				applicant, rs.getString("applicant_name"), RegionCode.of(rs.getString("region_code")),
				ApplicationStatus.valueOf(rs.getString("status")), CaseJson.readSteps(rs.getString("steps")),
				rs.getInt("step"), CaseJson.readFacts(rs.getString("facts")),
				CaseJson.readCase(kind, rs.getString("case_data")), CaseJson.readAssessment(rs.getString("assessment")),
				approved, rs.getString("reason"), rs.getInt("rounds"), rs.getString("submitted_by"),
				instant(rs, "submitted_at"), instant(rs, "decided_at"), instant(rs, "updated_at"), rs.getInt("version"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}
}
