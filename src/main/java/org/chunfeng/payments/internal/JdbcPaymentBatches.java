package org.chunfeng.payments.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.chunfeng.identity.Actor;
import org.chunfeng.identity.Audit;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.identity.Role;
import org.chunfeng.payments.BatchStatus;
import org.chunfeng.payments.PaymentBatch;
import org.chunfeng.payments.PaymentBatches;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.platform.PageQuery;
import org.chunfeng.platform.Paged;
import org.chunfeng.platform.database.Filtered;
import org.chunfeng.platform.database.PostgresConstraint;
import org.chunfeng.reference.RegionCode;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;

/**
 * Payment batches: started here (the batch row and its building task commit together: db-scheduler's DataSource takes
 * part in the transaction), filled by {@link BatchBuilding}.
 */
@Service
class JdbcPaymentBatches implements PaymentBatches {

	static final String COLUMNS = """
			b.id, b.region_code, b.program_id, b.status, b.payments, b.total_fen, b.paid, b.paid_fen, b.failed,
			b.failed_fen, b.created_by, b.created_at, b.built_at, b.sent_at, b.reconciled_at, b.waiting_account""";

	private final JdbcClient jdbc;
	private final Audit audit;
	private final ObjectProvider<SchedulerClient> scheduler;
	private final OneTimeTask<Long> task;
	private final Clock clock;

	JdbcPaymentBatches(JdbcClient jdbc, Audit audit, ObjectProvider<SchedulerClient> scheduler,
			OneTimeTask<Long> paymentBatchTask, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.scheduler = scheduler;
		this.task = paymentBatchTask;
		this.clock = clock;
	}

	/** Finance officers write; the system (no signed-in actor: the automatic refund run) too. */
	static void requireFinance() {
		Optional<Actor> actor = RegionScope.currentActor();
		if (actor.isPresent() && actor.get().role() != Role.FINANCE_OFFICER) {
			throw new AccessDeniedException("finance officers only");
		}
	}

	static String actor() {
		return RegionScope.currentActor().map(Actor::username).orElse("system");
	}

	@Override
	@Transactional
	public PaymentBatch start(RegionCode region, Long programId) {
		requireFinance();
		if (region == null) {
			throw new InvalidRequestException("region", "problem.field.required");
		}
		if (!region.value().startsWith(RegionScope.currentPrefix())) {
			throw new InvalidRequestException("region", "payments.batch.regionOutsideScope", region.value());
		}
		long id;
		try {
			id = jdbc.sql("insert into payment_batch (region_code, program_id, created_by) values (?, ?, ?) returning id")
				.params(region.value(), programId, actor())
				.query(Long.class)
				.single();
		}
		catch (DataIntegrityViolationException ex) {
			throw PostgresConstraint.of(ex).<RuntimeException>map(c -> switch (c) {
				case "payment_batch_region_fk" -> new InvalidRequestException("region", "payments.budget.regionUnknown");
				case "payment_batch_program_fk" -> new InvalidRequestException("programId",
						"payments.budget.programUnknown");
				default -> ex;
			}).orElse(ex);
		}
		scheduler.getObject().scheduleIfNotExists(task.instance(String.valueOf(id), id), clock.instant());
		PaymentBatch batch = find(id).orElseThrow();
		audit.record("payments.batch.started", "payment_batch", String.valueOf(id), region, null, batch);
		return batch;
	}

	@Override
	public Optional<PaymentBatch> find(long batchId) {
		return jdbc.sql("select " + COLUMNS + " from payment_batch b where b.id = ?")
			.param(batchId)
			.query(JdbcPaymentBatches::batch)
			.optional();
	}

	/** Due entitlements of a batch's region and program whose payee has no account yet (counted when built). */
	long waitingAccount(long batchId) {
		return jdbc.sql("select waiting_account from payment_batch where id = ?").param(batchId).query(Long.class)
			.optional()
			.orElse(0L);
	}

	/** Batches in scope, newest first, optionally of one status. */
	@Transactional(readOnly = true)
	Paged<PaymentBatch> search(BatchStatus status, PageQuery page) {
		List<String> clauses = new ArrayList<>();
		List<Object> params = new ArrayList<>();
		if (status != null) {
			clauses.add("b.status = ?");
			params.add(status.name());
		}
		return Filtered.of(clauses, params)
			.page(jdbc, "select " + COLUMNS + " from payment_batch b", "payment_batch b", "b.id desc", page,
					JdbcPaymentBatches::batch);
	}

	static PaymentBatch batch(ResultSet rs, int row) throws SQLException {
		return new PaymentBatch(rs.getLong("id"), RegionCode.of(rs.getString("region_code")),
				rs.getObject("program_id", Long.class), BatchStatus.valueOf(rs.getString("status")),
				rs.getLong("payments"), rs.getLong("total_fen"), rs.getLong("paid"), rs.getLong("paid_fen"),
				rs.getLong("failed"), rs.getLong("failed_fen"), rs.getString("created_by"),
				JdbcEntitlements.instant(rs, "created_at"), JdbcEntitlements.instant(rs, "built_at"),
				JdbcEntitlements.instant(rs, "sent_at"), JdbcEntitlements.instant(rs, "reconciled_at"));
	}
}
