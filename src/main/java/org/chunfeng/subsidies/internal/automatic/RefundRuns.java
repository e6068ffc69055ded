package org.chunfeng.subsidies.internal.automatic;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.chunfeng.enterprises.Enterprises;
import org.chunfeng.enterprises.InsuredEnterprise;
import org.chunfeng.identity.Actor;
import org.chunfeng.identity.Audit;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.identity.Role;
import org.chunfeng.payments.Budgets;
import org.chunfeng.payments.EntitlementGrant;
import org.chunfeng.payments.Entitlements;
import org.chunfeng.payments.GrantSummary;
import org.chunfeng.payments.Payee;
import org.chunfeng.payments.PaymentBatch;
import org.chunfeng.payments.PaymentBatches;
import org.chunfeng.platform.LocalizedMessage;
import org.chunfeng.platform.NotFoundException;
import org.chunfeng.platform.RefusedException;
import org.chunfeng.platform.database.PostgresConstraint;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.subsidies.ProgramStatus;
import org.chunfeng.subsidies.SubsidyProgram;
import org.chunfeng.subsidies.SubsidyPrograms;
import org.chunfeng.subsidies.rules.Assessment;
import org.chunfeng.subsidies.rules.ProgramKind;
import org.chunfeng.subsidies.rules.RefundCase;
import org.chunfeng.subsidies.rules.RefundParameters;
import org.chunfeng.subsidies.rules.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;

/**
 * Automatic refund runs (稳岗返还 免申即享). An administrator of an open automatic refund program's region starts one;
 * the db-scheduler task {@value #TASK} runs it on one instance of the cluster: it streams every enterprise of the
 * program's region with insurance evidence of the assessed year and the year before, assesses each under the
 * program's rules on the automatic route, and grants the eligible ones in chunks through
 * {@link Entitlements#grantAll}, each chunk in one transaction with the run's counts and resume point. A crash
 * loses at most the chunk in progress: db-scheduler revives the dead execution and the run goes on after the last
 * committed enterprise (and {@code grantAll} is idempotent anyway). Then it starts a payment batch of the program's
 * region.
 */
@Service
class RefundRuns {

	static final String TASK = "automatic-refund-run";

	/** The first key of the runs' advisory locks (the second is the run's id). */
	private static final int LOCK_CLASS = 0x52465244;

	private static final Logger log = LoggerFactory.getLogger(RefundRuns.class);

	/** Enterprises assessed, and their grants written, per transaction. */
	static final int CHUNK = Integer.getInteger("chunfeng.refund-run.chunk", 50_000);

	static final String COLUMNS = """
			id, program_id, region_code, policy_year, assessed_year, status, assessed, eligible, granted, granted_fen,
			already_entitled, over_budget, dispatch_excluded, evidence_missing, layoffs_above_limit,
			other_not_eligible, batch_id, message, started_by, created_at, started_at, progress_at, finished_at,
			last_enterprise_id""";

	private final JdbcClient jdbc;
	private final DataSource dataSource;
	private final TransactionTemplate transactions;
	private final TransactionTemplate chunks;
	private final SubsidyPrograms programs;
	private final Enterprises enterprises;
	private final Entitlements entitlements;
	private final Budgets budgets;
	private final PaymentBatches batches;
	private final Audit audit;
	private final ObjectProvider<SchedulerClient> scheduler;
	private final Clock clock;

	RefundRuns(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactionManager, SubsidyPrograms programs,
			Enterprises enterprises, Entitlements entitlements, Budgets budgets, PaymentBatches batches, Audit audit,
			ObjectProvider<SchedulerClient> scheduler, Clock clock) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.transactions = new TransactionTemplate(transactionManager);
		this.chunks = new TransactionTemplate(transactionManager);
		this.chunks.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.programs = programs;
		this.enterprises = enterprises;
		this.entitlements = entitlements;
		this.budgets = budgets;
		this.batches = batches;
		this.audit = audit;
		this.scheduler = scheduler;
		this.clock = clock;
	}

	// ------------------------------------------------------------------------------------------------ access

	static Actor actor() {
		return RegionScope.currentActor().orElseThrow(() -> new AccessDeniedException("no actor"));
	}

	/** The bureau's staff read runs (finance follows them to the batch). */
	static void requireReader() {
		if (!RegionScope.currentActor().map(a -> a.role().seesPersonalRecords()).orElse(false)) {
			throw new AccessDeniedException("the bureau's staff only");
		}
	}

	/** Administrators of the program's region (or a region around it) start runs. */
	static boolean mayStart(SubsidyProgram program) {
		return RegionScope.currentActor()
			.map(a -> a.role() == Role.ADMINISTRATOR && !program.template() && program.region() != null
					&& a.region().contains(program.region()))
			.orElse(false);
	}

	/** Why this program cannot be run automatically now (a message code), or empty if it can. */
	Optional<String> notRunnable(SubsidyProgram program) {
		if (program.template() || program.region() == null || program.kind() != ProgramKind.JOB_STABILIZING_REFUND) {
			return Optional.of("subsidy.refundRun.notRefund");
		}
		if (!(program.details().parameters() instanceof RefundParameters p) || !p.automatic()) {
			return Optional.of("subsidy.refundRun.notAutomatic");
		}
		if (program.status() != ProgramStatus.OPEN) {
			return Optional.of("subsidy.refundRun.notOpen");
		}
		if (!program.takesCasesOn(LocalDate.now(clock))) {
			return Optional.of("subsidy.refundRun.outsideDates");
		}
		return Optional.empty();
	}

	/** An automatic refund program (open or not): its page shows the runs. */
	static boolean automaticRefund(SubsidyProgram program) {
		return !program.template() && program.kind() == ProgramKind.JOB_STABILIZING_REFUND
				&& program.details().parameters() instanceof RefundParameters p && p.automatic();
	}

	// ------------------------------------------------------------------------------------------------ reading

	SubsidyProgram program(long programId) {
		return programs.find(programId)
			.orElseThrow(() -> new NotFoundException("kind.subsidyProgram", String.valueOf(programId)));
	}

	/** Inside the caller's scope. */
	Optional<RefundRun> find(long runId) {
		return jdbc.sql("select " + COLUMNS + " from refund_run where id = ?").param(runId).query(RefundRuns::map)
			.optional();
	}

	/** The runs of a program inside the caller's scope, the latest first. */
	List<RefundRun> ofProgram(long programId, int limit) {
		return jdbc.sql("select " + COLUMNS + " from refund_run where program_id = ? order by id desc limit ?")
			.params(programId, limit)
			.query(RefundRuns::map)
			.list();
	}

	// ------------------------------------------------------------------------------------------------ starting

	/**
	 * Starts a run of the program: queued here, picked up by one instance of the cluster.
	 *
	 * @throws NotFoundException if the caller does not administer the program
	 * @throws RefusedException  if the program cannot run automatically, or a run of it is under way
	 */
	RefundRun start(long programId) {
		return start(programId, true);
	}

	/**
	 * @param schedule false: queued without its task (tests run it with {@link #execute} on their own thread)
	 */
	RefundRun start(long programId, boolean schedule) {
		Actor actor = actor();
		SubsidyProgram program = program(programId);
		if (!mayStart(program)) {
			if (actor.role() != Role.ADMINISTRATOR) {
				throw new AccessDeniedException("administrators only");
			}
			throw new NotFoundException("kind.subsidyProgram", String.valueOf(programId));
		}
		notRunnable(program).ifPresent(code -> {
			throw new RefusedException(code, program.details().name());
		});
		RegionCode region = program.region();
		int policyYear = program.details().policyYear();
		// the program's budget is drawn on in its own region; allotted here if the program has none there yet
		if (budgets.find(programId, region).isEmpty()) {
			String name = program.details().name();
			budgets.allot(programId, region, program.details().budgetFen(),
					name.length() > 60 ? name.substring(0, 60) : name);
		}
		RefundRun run = transactions.execute(status -> {
			long id;
			try {
				id = jdbc.sql("""
						insert into refund_run (program_id, region_code, policy_year, assessed_year, started_by)
						values (?, ?, ?, ?, ?) returning id""")
					.params(programId, region.value(), policyYear, policyYear - 1, actor.username())
					.query(Long.class)
					.single();
			}
			catch (DataIntegrityViolationException ex) {
				if (PostgresConstraint.of(ex).filter("refund_run_one_at_a_time"::equals).isPresent()) {
					throw new RefusedException("subsidy.refundRun.underWay", program.details().name());
				}
				throw ex;
			}
			RefundRun queued = find(id).orElseThrow();
			audit.record("subsidies.refundRun.started", "refundRun", String.valueOf(id), region, null, queued);
			if (schedule) {
				// db-scheduler writes through the transaction: the run and its task commit together
				scheduler.getObject().scheduleIfNotExists(new TaskInstance<>(TASK, String.valueOf(id), id),
						clock.instant());
				TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
					@Override
					public void afterCommit() {
						// no need to wait for the next poll
						if (scheduler.getObject() instanceof Scheduler s) {
							s.triggerCheckForDueExecutions();
						}
					}
				});
			}
			return queued;
		});
		log.info("Automatic refund run {} of program {} started by {}", run.id(), programId, actor.username());
		return run;
	}

	// ------------------------------------------------------------------------------------------------ running

	/** The task: runs (or resumes) the run on this instance; every failure ends as a failed run, never a retry loop. */
	void execute(long runId) {
		Optional<RefundRun> found = RegionScope.asSystem(() -> find(runId));
		if (found.isEmpty() || found.get().finished()) {
			return;
		}
		RefundRun run = found.get();
		// one execution at a time even if db-scheduler revived an execution that was only slow: a session lock held
		// for the whole run, released by PostgreSQL when the instance dies
		try (Connection lock = RegionScope.asSystem(this::connection)) {
			boolean locked;
			try (PreparedStatement ps = lock.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
				ps.setInt(1, LOCK_CLASS);
				ps.setInt(2, (int) runId);
				try (ResultSet rs = ps.executeQuery()) {
					locked = rs.next() && rs.getBoolean(1);
				}
			}
			if (!locked) {
				log.warn("Automatic refund run {} is being executed elsewhere", runId);
				return;
			}
			try {
				executeLocked(run);
			}
			finally {
				try (PreparedStatement ps = lock.prepareStatement("select pg_advisory_unlock(?, ?)")) {
					ps.setInt(1, LOCK_CLASS);
					ps.setInt(2, (int) runId);
					ps.execute();
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("refund run " + runId + ": " + ex.getMessage(), ex);
		}
	}

	private Connection connection() {
		try {
			return dataSource.getConnection();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void executeLocked(RefundRun run) {
		long runId = run.id();
		try {
			RegionScope.within(run.region(), () -> {
				process(run);
				return null;
			});
		}
		catch (RuntimeException ex) {
			String code = ex instanceof LocalizedMessage m ? m.messageCode() : "subsidy.refundRun.failed";
			log.error("Automatic refund run {} failed", runId, ex);
			RegionScope.within(run.region(), () -> jdbc.sql("""
					update refund_run set status = 'FAILED', message = ?, finished_at = now(), progress_at = now()
					where id = ? and status in ('QUEUED', 'RUNNING')""").params(code, runId).update());
		}
	}

	/** What one chunk adds to the run. */
	private static final class Tally {

		long assessed;
		long eligible;
		long dispatch;
		long evidence;
		long layoffs;
		long other;
		long lastId;
		final List<EntitlementGrant> grants = new ArrayList<>();
	}

	private void process(RefundRun queued) {
		long runId = queued.id();
		int moved = jdbc.sql("""
				update refund_run set status = 'RUNNING', started_at = coalesce(started_at, now()), progress_at = now()
				where id = ? and status in ('QUEUED', 'RUNNING')""").param(runId).update();
		if (moved != 1) {
			return;
		}
		RefundRun run = find(runId).orElseThrow();
		SubsidyProgram program = program(run.programId());
		Optional<String> refused = notRunnable(program);
		if (refused.isPresent()) {
			throw new RefusedException(refused.get(), program.details().name());
		}
		if (run.lastEnterpriseId() > 0) {
			log.info("Automatic refund run {} resumes after enterprise {}", runId, run.lastEnterpriseId());
		}
		int policyYear = run.policyYear();
		String period = String.valueOf(run.assessedYear());
		String source = "automatic-refund:" + runId;
		RegionCode budgetRegion = run.region();
		Tally[] tally = { new Tally() };
		// the query streams and the rules assess on this thread while the chunks before are written on another, in
		// order: each chunk's resume point is after the one committed before it
		ChunkWriter writer = new ChunkWriter(runId, run.region());
		try {
			enterprises.forEachInsured(run.region(), run.assessedYear() - 1, run.assessedYear(),
					run.lastEnterpriseId(), enterprise -> {
						Tally t = tally[0];
						assess(program, policyYear, enterprise, t, period, source, budgetRegion);
						if (t.assessed == CHUNK) {
							writer.submit(t);
							tally[0] = new Tally();
						}
					});
			if (tally[0].assessed > 0) {
				writer.submit(tally[0]);
			}
			writer.finish();
			log.info("Automatic refund run {}: {} s writing chunks, {} s of reading held up by the writing", runId,
					writer.writingNanos / 1_000_000_000.0, writer.waitingNanos / 1_000_000_000.0);
		}
		finally {
			writer.close();
		}
		finish(runId, program);
	}

	/** Writes chunks one after the other on its own thread, at most two waiting; the first failure stops the run. */
	private final class ChunkWriter implements AutoCloseable {

		private final long runId;
		private final RegionCode region;
		private final ExecutorService thread = Executors.newSingleThreadExecutor(
				Thread.ofPlatform().name("refund-run-writer-", 1).daemon().factory());
		private final Semaphore room = new Semaphore(2);
		private final List<Future<?>> written = new ArrayList<>();
		private volatile RuntimeException failure;
		/** Time spent writing, and waiting for room to queue a chunk (the reading side was faster). */
		private volatile long writingNanos;
		private long waitingNanos;

		ChunkWriter(long runId, RegionCode region) {
			this.runId = runId;
			this.region = region;
		}

		void submit(Tally t) {
			long waitStarted = System.nanoTime();
			try {
				room.acquire();
				waitingNanos += System.nanoTime() - waitStarted;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("refund run " + runId + " interrupted", ex);
			}
			if (failure != null) {
				room.release();
				throw failure;
			}
			written.add(thread.submit(() -> {
				try {
					if (failure == null) {
						long started = System.nanoTime();
						RegionScope.within(region, () -> {
							commit(runId, t);
							return null;
						});
						writingNanos += System.nanoTime() - started;
					}
				}
				catch (RuntimeException ex) {
					failure = ex;
				}
				finally {
					room.release();
				}
			}));
			written.removeIf(Future::isDone);
		}

		/** Waits for every chunk; throws the first failure. */
		void finish() {
			for (Future<?> f : written) {
				try {
					f.get();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("refund run " + runId + " interrupted", ex);
				}
				catch (ExecutionException ex) {
					throw new IllegalStateException(ex.getCause());
				}
			}
			if (failure != null) {
				throw failure;
			}
		}

		@Override
		public void close() {
			thread.shutdown();
			try {
				// a failure on the reading side: let the chunk being written commit or roll back first
				thread.awaitTermination(5, TimeUnit.MINUTES);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private static void assess(SubsidyProgram program, int policyYear, InsuredEnterprise enterprise, Tally t,
			String period, String source, RegionCode budgetRegion) {
		RefundCase c = RefundCase.forPolicyYear(policyYear, enterprise.sizeClass(), enterprise.labourDispatch(),
				Route.AUTOMATIC, enterprise.years());
		Assessment assessment = program.assess(c);
		t.assessed++;
		t.lastId = enterprise.id();
		if (assessment.eligible()) {
			t.eligible++;
			Payee payee = Payee.enterprise(enterprise.id());
			// one refund per enterprise and assessed year, whichever program (the city's or a county's) grants it
			t.grants.add(new EntitlementGrant(program.id(), budgetRegion, payee, enterprise.name(),
					enterprise.region(), period, assessment.amountFen(),
					List.of(payee.key() + ":refund:" + period), source));
			return;
		}
		List<String> codes = assessment.codes();
		if (codes.contains("subsidy.reason.refund.dispatchMustApply")) {
			t.dispatch++;
		}
		else if (codes.contains("subsidy.reason.refund.evidenceMissing")) {
			t.evidence++;
		}
		else if (codes.contains("subsidy.reason.refund.aboveTarget")) {
			t.layoffs++;
		}
		else {
			t.other++;
		}
	}

	/** One chunk: its grants and the run's counts and resume point commit together, or neither. */
	private void commit(long runId, Tally t) {
		chunks.executeWithoutResult(status -> {
			GrantSummary summary = t.grants.isEmpty() ? new GrantSummary(0, 0, 0, 0)
					: entitlements.grantAll(t.grants);
			int updated = jdbc.sql("""
					update refund_run set assessed = assessed + ?, eligible = eligible + ?, granted = granted + ?,
					    granted_fen = granted_fen + ?, already_entitled = already_entitled + ?,
					    over_budget = over_budget + ?, dispatch_excluded = dispatch_excluded + ?,
					    evidence_missing = evidence_missing + ?, layoffs_above_limit = layoffs_above_limit + ?,
					    other_not_eligible = other_not_eligible + ?, last_enterprise_id = ?, progress_at = now()
					where id = ? and status = 'RUNNING'""")
				.params(t.assessed, t.eligible, summary.granted(), summary.grantedFen(), summary.alreadyEntitled(),
						summary.overBudget(), t.dispatch, t.evidence, t.layoffs, t.other, t.lastId, runId)
				.update();
			if (updated != 1) {
				// somebody ended the run meanwhile: this chunk's grants roll back with it
				throw new IllegalStateException("refund run " + runId + " is no longer running");
			}
		});
	}

	/** Starts the batch of what this run granted (if anything) and marks the run done. */
	private void finish(long runId, SubsidyProgram program) {
		RefundRun run = find(runId).orElseThrow();
		Long batchId = run.batchId();
		String message = null;
		if (batchId == null && run.granted() > 0) {
			try {
				PaymentBatch batch = batches.start(run.region(), run.programId());
				batchId = batch.id();
				// its building task is committed now: no need to wait for the next poll
				if (scheduler.getObject() instanceof Scheduler s) {
					s.triggerCheckForDueExecutions();
				}
			}
			catch (RefusedException ex) {
				// granted and due all the same: finance starts a batch when it can
				message = ex.messageCode();
				log.warn("Automatic refund run {}: no batch started ({})", runId, ex.messageCode());
			}
		}
		else if (run.granted() == 0) {
			message = "subsidy.refundRun.nothingNew";
		}
		Long batch = batchId;
		String note = message;
		transactions.executeWithoutResult(status -> {
			jdbc.sql("""
					update refund_run set status = 'DONE', batch_id = ?, message = ?, finished_at = now(),
					    progress_at = now()
					where id = ? and status = 'RUNNING'""").params(batch, note, runId).update();
			RefundRun done = find(runId).orElseThrow();
			audit.record("subsidies.refundRun.finished", "refundRun", String.valueOf(runId), done.region(), null,
					done);
		});
		log.info("Automatic refund run {} of program {} done: {} assessed, {} eligible, {} granted ({} fen), {} "
				+ "already entitled, {} over budget, batch {}", runId, program.id(), run.assessed(), run.eligible(),
				run.granted(), run.grantedFen(), run.alreadyEntitled(), run.overBudget(), batch);
	}

	static RefundRun map(ResultSet rs, int row) throws SQLException {
		return new RefundRun(rs.getLong("id"), rs.getLong("program_id"), RegionCode.of(rs.getString("region_code")),
				rs.getInt("policy_year"), rs.getInt("assessed_year"), RefundRunStatus.valueOf(rs.getString("status")),
				rs.getLong("assessed"), rs.getLong("eligible"), rs.getLong("granted"), rs.getLong("granted_fen"),
				rs.getLong("already_entitled"), rs.getLong("over_budget"), rs.getLong("dispatch_excluded"),
				rs.getLong("evidence_missing"), rs.getLong("layoffs_above_limit"), rs.getLong("other_not_eligible"),
				rs.getObject("batch_id", Long.class), rs.getString("message"), rs.getString("started_by"),
				instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("started_at")),
				instant(rs.getTimestamp("progress_at")), instant(rs.getTimestamp("finished_at")),
				rs.getLong("last_enterprise_id"));
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}
}
