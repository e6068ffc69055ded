package org.chunfeng.subsidies.internal;

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
import org.chunfeng.payments.Budgets;
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
import org.chunfeng.subsidies.ProgramDetails;
import org.chunfeng.subsidies.ProgramQuery;
import org.chunfeng.subsidies.ProgramStatus;
import org.chunfeng.subsidies.ReviewLevel;
import org.chunfeng.subsidies.SubsidyProgram;
import org.chunfeng.subsidies.SubsidyPrograms;
import org.chunfeng.subsidies.rules.Beneficiary;
import org.chunfeng.subsidies.rules.ProgramKind;
import org.chunfeng.subsidies.rules.ProgramParameters;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Programs in PostgreSQL. Each change is one conditional UPDATE on the version read, and the database checks the move
 * again (trigger and policies of V16): a program only moves forward, an open program keeps its rules, templates are
 * read-only to the application.
 */
@Service
class JdbcSubsidyPrograms implements SubsidyPrograms {

	private static final String COLUMNS = """
			p.id, p.region_code, p.template_key, p.kind, p.beneficiary, p.name, p.policy_year, p.budget_fen,
			p.open_date, p.close_date, p.basis, p.parameters::text as parameters, p.is_template, p.status,
			p.created_by, p.created_at, p.opened_at, p.closed_at, p.updated_at, p.version,
			p.review_steps::text as review_steps""";

	private final JdbcClient jdbc;
	private final Regions regions;
	private final Audit audit;
	private final Clock clock;
	private final Budgets budgets;

	JdbcSubsidyPrograms(JdbcClient jdbc, Regions regions, Audit audit, Clock clock, Budgets budgets) {
		this.budgets = budgets;
		this.jdbc = jdbc;
		this.regions = regions;
		this.audit = audit;
		this.clock = clock;
	}

	private static String actor() {
		return RegionScope.currentActor().map(Actor::username).orElse("system");
	}

	static boolean inScope(RegionCode region) {
		return region != null && region.value().startsWith(RegionScope.currentPrefix());
	}

	@Override
	@Transactional
	public SubsidyProgram create(RegionCode region, ProgramKind kind, ProgramDetails details) {
		if (kind == null) {
			throw new InvalidRequestException("kind", "problem.field.required");
		}
		SubsidyProgram program = insert(region, kind, details, SubsidyProgram.DEFAULT_REVIEW_STEPS);
		audit.record("subsidies.program.created", "subsidy_program", String.valueOf(program.id()), program.region(),
				null, program);
		return program;
	}

	private SubsidyProgram insert(RegionCode region, ProgramKind kind, ProgramDetails details,
			List<ReviewLevel> reviewSteps) {
		RegionCode where = runningRegion(region);
		details.check(kind);
		long id;
		try {
			id = jdbc.sql("""
					insert into subsidy_program (region_code, kind, beneficiary, name, policy_year, budget_fen,
					    open_date, close_date, basis, parameters, created_by, review_steps)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb) returning id""")
				.params(where.value(), kind.name(), details.beneficiary().name(), details.name(), details.policyYear(),
						details.budgetFen(), details.openDate(), details.closeDate(), details.basis(),
						ParametersJson.write(details.parameters()), actor(), CaseJson.write(reviewSteps))
				.query(Long.class)
				.single();
		}
		catch (DataIntegrityViolationException ex) {
			throw translate(ex);
		}
		return find(id).orElseThrow();
	}

	private RegionCode runningRegion(RegionCode region) {
		RegionCode where = region != null ? region : RegionScope.currentActor().map(Actor::region)
			.orElseThrow(() -> new InvalidRequestException("region", "problem.field.required"));
		if (!inScope(where)) {
			throw new InvalidRequestException("region", "subsidy.program.regionOutsideScope", where.value());
		}
		if (regions.find(where).isEmpty()) {
			throw new InvalidRequestException("region", "subsidy.program.regionUnknown");
		}
		return where;
	}

	@Override
	@Transactional
	public SubsidyProgram copy(long programId, RegionCode region, int policyYear, String name) {
		SubsidyProgram source = program(programId);
		if (policyYear < ProgramDetails.FIRST_YEAR || policyYear > ProgramDetails.LAST_YEAR) {
			throw new InvalidRequestException("policyYear", "subsidy.program.yearRange", ProgramDetails.FIRST_YEAR,
					ProgramDetails.LAST_YEAR);
		}
		ProgramDetails from = source.details();
		String newName = name != null && !name.isBlank() ? name : copyName(from.name(), from.policyYear(), policyYear);
		ProgramDetails details = from.shifted(policyYear - from.policyYear(), newName);
		SubsidyProgram copy = insert(region, source.kind(), details, source.reviewSteps());
		audit.record("subsidies.program.copied", "subsidy_program", String.valueOf(copy.id()), copy.region(),
				java.util.Map.of("from", programId), copy);
		return copy;
	}

	/** The source's name with its year replaced, e.g. 稳岗返还 2021（…） → 稳岗返还 2027（…）. */
	static String copyName(String name, int fromYear, int toYear) {
		String from = String.valueOf(fromYear);
		if (fromYear != toYear && name.contains(from)) {
			return name.replace(from, String.valueOf(toYear));
		}
		return name + " (" + toYear + ")";
	}

	@Override
	@Transactional
	public SubsidyProgram revise(long programId, int version, ProgramDetails details) {
		return revise(programId, version, details, null);
	}

	@Override
	@Transactional
	public SubsidyProgram revise(long programId, int version, ProgramDetails details, List<ReviewLevel> reviewSteps) {
		SubsidyProgram before = manageable(programId);
		List<ReviewLevel> steps = reviewSteps == null ? before.reviewSteps() : checkedSteps(reviewSteps);
		if (before.status() == ProgramStatus.CLOSED) {
			throw new RefusedException("subsidy.program.closedFixed");
		}
		details.check(before.kind());
		ProgramDetails now = before.details();
		if (before.status() == ProgramStatus.OPEN) {
			if (details.beneficiary() != now.beneficiary() || !details.policyYear().equals(now.policyYear())
					|| !details.openDate().equals(now.openDate()) || !details.parameters().equals(now.parameters())) {
				throw new RefusedException("subsidy.program.openRulesFixed");
			}
			if (details.budgetFen() == 0) {
				throw new InvalidRequestException("budgetFen", "subsidy.program.budgetToOpen");
			}
			if (!steps.equals(before.reviewSteps())) {
				throw new RefusedException("subsidy.program.openRulesFixed");
			}
		}
		int updated;
		try {
			updated = jdbc.sql("""
					update subsidy_program set beneficiary = ?, name = ?, policy_year = ?, budget_fen = ?, open_date = ?,
					    close_date = ?, basis = ?, parameters = ?::jsonb, review_steps = ?::jsonb, updated_at = now(),
					    version = version + 1
					where id = ? and version = ?""")
				.params(details.beneficiary().name(), details.name(), details.policyYear(), details.budgetFen(),
						details.openDate(), details.closeDate(), details.basis(),
						ParametersJson.write(details.parameters()), CaseJson.write(steps), programId, version)
				.update();
		}
		catch (DataIntegrityViolationException ex) {
			throw translate(ex);
		}
		SubsidyProgram after = changed(programId, updated, "subsidies.program.revised", before);
		if (after.status() == ProgramStatus.OPEN && after.details().budgetFen() != before.details().budgetFen()) {
			// the budget the entitlements draw on follows, in the same transaction: below what is committed is refused
			budgets.allot(programId, after.region(), after.details().budgetFen(), purpose(after));
		}
		return after;
	}

	/** What the bank files say the payments are for: the program's name, cut to 60 characters. */
	private static String purpose(SubsidyProgram program) {
		String name = program.details().name();
		return name.length() <= 60 ? name : name.substring(0, 60);
	}

	/** One to three distinct levels, from the lower to the higher. */
	static List<ReviewLevel> checkedSteps(List<ReviewLevel> steps) {
		if (steps.isEmpty() || steps.size() > 3 || steps.stream().anyMatch(java.util.Objects::isNull) || steps.stream().distinct().count() < steps.size()) {
			throw new InvalidRequestException("reviewSteps", "subsidy.program.reviewSteps");
		}
		for (int i = 1; i < steps.size(); i++) {
			if (steps.get(i).ordinal() < steps.get(i - 1).ordinal()) {
				throw new InvalidRequestException("reviewSteps", "subsidy.program.reviewSteps");
			}
		}
		return List.copyOf(steps);
	}

	@Override
	@Transactional
	public SubsidyProgram open(long programId, int version) {
		SubsidyProgram before = manageable(programId);
		refuseUnlessMove(before, ProgramStatus.OPEN);
		ProgramDetails details = before.details();
		if (details.budgetFen() == 0) {
			throw new RefusedException("subsidy.program.open.noBudget");
		}
		List<InvalidRequestException> missing = details.parameters().missingToOpen();
		if (!missing.isEmpty()) {
			throw new RefusedException(missing.get(0).code(), missing.get(0).args());
		}
		if (details.closeDate().isBefore(LocalDate.now(clock))) {
			throw new RefusedException("subsidy.program.open.ended", details.closeDate());
		}
		int updated = move(programId, version, "status = 'OPEN', opened_at = now()");
		SubsidyProgram opened = changed(programId, updated, "subsidies.program.opened", before);
		// the money it may commit, in the same transaction as the opening
		budgets.allot(programId, opened.region(), opened.details().budgetFen(), purpose(opened));
		return opened;
	}

	@Override
	@Transactional
	public SubsidyProgram close(long programId, int version) {
		SubsidyProgram before = manageable(programId);
		refuseUnlessMove(before, ProgramStatus.CLOSED);
		int updated = move(programId, version, "status = 'CLOSED', closed_at = now()");
		return changed(programId, updated, "subsidies.program.closed", before);
	}

	private static void refuseUnlessMove(SubsidyProgram program, ProgramStatus next) {
		if (!program.status().canMoveTo(next)) {
			throw new RefusedException("subsidy.program.transition." + next.name(), program.status().name());
		}
	}

	private int move(long programId, int version, String assignments) {
		try {
			return jdbc.sql("update subsidy_program set " + assignments
					+ ", updated_at = now(), version = version + 1 where id = ? and version = ?")
				.params(programId, version)
				.update();
		}
		catch (DataIntegrityViolationException ex) {
			throw translate(ex);
		}
	}

	private SubsidyProgram changed(long programId, int updated, String action, SubsidyProgram before) {
		if (updated == 0) {
			int current = jdbc.sql("select version from subsidy_program where id = ?").param(programId)
				.query(Integer.class)
				.optional()
				.orElseThrow(() -> new NotFoundException("kind.subsidyProgram", String.valueOf(programId)));
			throw new ConflictException("kind.subsidyProgram", String.valueOf(programId), current);
		}
		SubsidyProgram after = find(programId).orElseThrow();
		audit.record(action, "subsidy_program", String.valueOf(programId), after.region(), before, after);
		return after;
	}

	/** A program of the caller's region (or inside it); a template is copied, never changed. */
	private SubsidyProgram manageable(long programId) {
		SubsidyProgram program = program(programId);
		if (program.template()) {
			throw new RefusedException("subsidy.program.templateFixed");
		}
		if (!inScope(program.region())) {
			throw new NotFoundException("kind.subsidyProgram", String.valueOf(programId));
		}
		return program;
	}

	private SubsidyProgram program(long programId) {
		return find(programId)
			.orElseThrow(() -> new NotFoundException("kind.subsidyProgram", String.valueOf(programId)));
	}

	@Override
	public Optional<SubsidyProgram> find(long programId) {
		return jdbc.sql("select " + COLUMNS + " from subsidy_program p where p.id = ?").param(programId)
			.query(JdbcSubsidyPrograms::program)
			.optional();
	}

	@Override
	@Transactional(readOnly = true)
	public Paged<SubsidyProgram> search(ProgramQuery query, PageQuery page) {
		List<String> clauses = new ArrayList<>();
		List<Object> params = new ArrayList<>();
		if (query.text() != null) {
			clauses.add("p.name ilike ?");
			params.add("%" + query.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		if (query.kind() != null) {
			clauses.add("p.kind = ?");
			params.add(query.kind().name());
		}
		if (query.policyYear() != null) {
			clauses.add("p.policy_year = ?");
			params.add(query.policyYear());
		}
		if (query.status() != null) {
			clauses.add("p.status = ?");
			params.add(query.status().name());
		}
		if (query.template() != null) {
			clauses.add("p.is_template = ?");
			params.add(query.template());
		}
		return Filtered.of(clauses, params)
			.page(jdbc, "select " + COLUMNS + " from subsidy_program p", "subsidy_program p",
					"p.is_template, (p.status = 'OPEN') desc, p.policy_year desc, p.name, p.id", page,
					JdbcSubsidyPrograms::program);
	}

	/** What the database refused, in the user's words. */
	private static RuntimeException translate(DataIntegrityViolationException ex) {
		return PostgresConstraint.of(ex).<RuntimeException>map(constraint -> switch (constraint) {
			case "subsidy_program_name_once" -> new InvalidRequestException("name", "subsidy.program.nameTaken");
			case "subsidy_program_region_fk" -> new InvalidRequestException("region", "subsidy.program.regionUnknown");
			case "subsidy_program_dates" -> new InvalidRequestException("closeDate", "subsidy.program.datesOrder");
			case "subsidy_program_budget", "subsidy_program_budget_open" ->
				new InvalidRequestException("budgetFen", "subsidy.program.budgetToOpen");
			case "subsidy_program_transition", "subsidy_program_fixed", "subsidy_program_closed_fixed" ->
				new RefusedException("subsidy.program.transition");
			case "subsidy_program_rules_fixed" -> new RefusedException("subsidy.program.openRulesFixed");
			case "subsidy_program_review_steps" -> new InvalidRequestException("reviewSteps", "subsidy.program.reviewSteps");
			default -> ex;
		}).orElse(ex);
	}

	static SubsidyProgram program(ResultSet rs, int row) throws SQLException {
		ProgramKind kind = ProgramKind.valueOf(rs.getString("kind"));
		ProgramParameters parameters = ParametersJson.read(kind, rs.getString("parameters"));
		ProgramDetails details = new ProgramDetails(rs.getString("name"),
				Beneficiary.valueOf(rs.getString("beneficiary")), rs.getInt("policy_year"), rs.getLong("budget_fen"),
				rs.getObject("open_date", LocalDate.class), rs.getObject("close_date", LocalDate.class),
				rs.getString("basis"), parameters);
		String region = rs.getString("region_code");
		return new SubsidyProgram(rs.getLong("id"), region == null ? null : RegionCode.of(region), kind, details,
				ProgramStatus.valueOf(rs.getString("status")), rs.getBoolean("is_template"),
				rs.getString("template_key"), rs.getString("created_by"), instant(rs, "created_at"),
				instant(rs, "opened_at"), instant(rs, "closed_at"), instant(rs, "updated_at"), rs.getInt("version"),
				CaseJson.readSteps(rs.getString("review_steps")));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}
}
