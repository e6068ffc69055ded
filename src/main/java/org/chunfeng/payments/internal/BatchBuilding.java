package org.chunfeng.payments.internal;

import org.chunfeng.identity.RegionScope;
import org.chunfeng.reference.RegionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

/**
 * Fills a payment batch: the db-scheduler one-time task {@value #TASK} (instance = the batch id), so exactly one
 * instance of the cluster runs it, and a task whose instance died is picked up again by db-scheduler's dead-execution
 * detection and continues where the last committed chunk ended.
 *
 * <p>Each chunk is one transaction and one statement: it locks the batch row, takes the next due entitlements of the
 * batch's region (and program) after the batch's cursor FOR UPDATE SKIP LOCKED (another batch's rows are skipped, never
 * waited for), snapshots each payee's account (an enterprise's basic account plain, a worker's subsidy account still
 * sealed, as stored), inserts the payments, moves the entitlements to IN_BATCH and adds to the batch's counts and
 * cursor. Entitlements whose payee has no account stay DUE: the cursor passes them, and the built batch counts them as
 * waiting for an account (a later batch takes them once the account is there).
 */
@Configuration(proxyBeanMethods = false)
class BatchBuilding {

	static final String TASK = "payment-batch";
	private static final Logger log = LoggerFactory.getLogger(BatchBuilding.class);

	static final String CHUNK = """
			with batch as (
			    select id, region_code, program_id, cursor_id from payment_batch where id = ? and status = 'BUILDING'
			), picked as (
			    select e.id, e.payee_kind, e.payee_id, e.payee_name, e.payee_region, e.amount_fen, e.attempts
			    from entitlement e, batch b
			    where e.status = 'DUE' and e.payee_region like ? and (b.program_id is null or e.program_id = b.program_id)
			      and e.id > b.cursor_id
			    order by e.id limit ?
			    for update of e skip locked
			), accounts as (
			    select p.*, coalesce(en.bank_name, w.bank_name) as bank_name, en.bank_account as plain,
			           w.bank_account_sealed as sealed,
			           coalesce(w.bank_account_masked, left(en.bank_account, 4)
			                    || repeat('*', length(en.bank_account) - 8) || right(en.bank_account, 4)) as masked
			    from picked p
			    left join enterprise en on p.payee_kind = 'ENTERPRISE' and en.id = p.payee_id
			    left join worker w on p.payee_kind = 'WORKER' and w.id = p.payee_id
			), ins as (
			    insert into payment (entitlement_id, attempt_no, batch_id, amount_fen, payee_kind, payee_name, payee_region,
			                         bank_name, account_plain, account_sealed, account_masked)
			    select a.id, a.attempts + 1, ?, a.amount_fen, a.payee_kind, a.payee_name, a.payee_region, a.bank_name,
			           a.plain, a.sealed, a.masked
			    from accounts a
			    where (a.payee_kind = 'ENTERPRISE' and a.plain is not null) or (a.payee_kind = 'WORKER' and a.sealed is not null)
			    returning entitlement_id, amount_fen
			), moved as (
			    update entitlement e set status = 'IN_BATCH', attempts = e.attempts + 1, updated_at = now()
			    from ins where e.id = ins.entitlement_id
			), counted as (
			    update payment_batch b set payments = b.payments + (select count(*) from ins),
			        total_fen = b.total_fen + (select coalesce(sum(amount_fen), 0) from ins),
			        cursor_id = coalesce((select max(id) from picked), b.cursor_id)
			    where b.id = (select id from batch)
			)
			select (select count(*) from picked) as picked, (select count(*) from ins) as paid""";

	/** Due entitlements of a built batch's region (and program) left waiting because their payee has no account. */
	static final String WAITING = """
			select count(*) from entitlement e
			left join enterprise en on e.payee_kind = 'ENTERPRISE' and en.id = e.payee_id
			left join worker w on e.payee_kind = 'WORKER' and w.id = e.payee_id
			where e.status = 'DUE' and e.payee_region like ? and (?::bigint is null or e.program_id = ?)
			  and ((e.payee_kind = 'ENTERPRISE' and en.bank_account is null)
			       or (e.payee_kind = 'WORKER' and w.bank_account_sealed is null))""";

	@Bean
	OneTimeTask<Long> paymentBatchTask(JdbcClient jdbc, TransactionTemplate transactions,
			@Value("${chunfeng.payments.batch-chunk:50000}") int chunk) {
		return Tasks.oneTime(TASK, Long.class)
			.execute((instance, context) -> RegionScope.asSystem(() -> build(jdbc, transactions, instance.getData(),
					chunk)));
	}

	/** Fills the batch chunk by chunk until no due entitlement is left after its cursor, then marks it READY. */
	static void build(JdbcClient jdbc, TransactionTemplate transactions, long batchId, int chunk) {
		long chunks = 0;
		while (true) {
			long picked = transactions.execute(status -> {
				// one builder per batch at a time, whatever db-scheduler does
				String region = jdbc
					.sql("select region_code from payment_batch where id = ? and status = 'BUILDING' for update")
					.param(batchId)
					.query(String.class)
					.optional()
					.orElse(null);
				if (region == null) {
					return -1L;
				}
				return jdbc.sql(CHUNK)
					.params(batchId, RegionCode.of(region).scopePrefix() + "%", chunk, batchId)
					.query((rs, n) -> rs.getLong("picked"))
					.single();
			});
			if (picked < 0) {
				log.info("Payment batch {} is not building (anymore)", batchId);
				return;
			}
			chunks++;
			if (picked == 0) {
				break;
			}
		}
		transactions.executeWithoutResult(status -> {
			Object[] batch = jdbc.sql("""
					select region_code, program_id from payment_batch
					where id = ? and status = 'BUILDING' for update""")
				.param(batchId)
				.query((rs, n) -> new Object[] { RegionCode.of(rs.getString(1)).scopePrefix() + "%",
						rs.getObject(2, Long.class) })
				.optional()
				.orElse(null);
			if (batch == null) {
				return;
			}
			long waiting = jdbc.sql(WAITING).params(batch[0], batch[1], batch[1]).query(Long.class).single();
			jdbc.sql("""
					update payment_batch set status = 'READY', built_at = now(), waiting_account = ? where id = ?""")
				.params(waiting, batchId)
				.update();
		});
		log.info("Payment batch {} built in {} chunks", batchId, chunks);
	}
}
