package org.chunfeng.payments.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chunfeng.identity.Audit;
import org.chunfeng.identity.PersonalData;
import org.chunfeng.identity.Sealed;
import org.chunfeng.payments.BatchStatus;
import org.chunfeng.payments.Entitlement;
import org.chunfeng.payments.EntitlementStatus;
import org.chunfeng.payments.PaymentBatch;
import org.chunfeng.platform.InvalidFieldsException;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.platform.NotFoundException;
import org.chunfeng.platform.RefusedException;
import org.chunfeng.platform.spreadsheet.SheetRow;
import org.chunfeng.platform.spreadsheet.SpreadsheetFormat;
import org.chunfeng.platform.spreadsheet.SpreadsheetLimits;
import org.chunfeng.platform.spreadsheet.SpreadsheetReader;
import org.chunfeng.platform.spreadsheet.SpreadsheetWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What finance does with a built batch: the bank transfer file (xlsx or csv, streamed), marking it sent, the bank's
 * result file (every payment paid or failed, checked against the batch, all or nothing), reconciliation, and the
 * reissue of a failed entitlement. The database guards each move again (V17 triggers).
 */
@Service
class PaymentFiles {

	/** A payment's reference in the bank files: P&lt;entitlement id&gt;-&lt;attempt no&gt;. */
	static final Pattern REFERENCE = Pattern.compile("P([0-9]{1,18})-([0-9]{1,9})");

	/** Result files: up to a million rows (a batch of the automatic refund run), within the usual zip limits. */
	static final SpreadsheetLimits RESULT_LIMITS = SpreadsheetLimits.DEFAULT.withMaxRows(1_000_000).withMaxColumns(10);

	private static final int MAX_ERRORS = 100;

	private final JdbcClient jdbc;
	private final JdbcTemplate template;
	private final JdbcPaymentBatches batches;
	private final PersonalData personalData;
	private final Audit audit;
	private final JdbcEntitlements entitlements;

	PaymentFiles(JdbcClient jdbc, JdbcTemplate template, JdbcPaymentBatches batches, PersonalData personalData,
			Audit audit, JdbcEntitlements entitlements) {
		this.entitlements = entitlements;
		this.jdbc = jdbc;
		this.template = template;
		this.batches = batches;
		this.personalData = personalData;
		this.audit = audit;
	}

	PaymentBatch batch(long batchId) {
		return batches.find(batchId).orElseThrow(() -> new NotFoundException("kind.paymentBatch", String.valueOf(batchId)));
	}

	static String yuan(long fen) {
		return BigDecimal.valueOf(fen, 2).toPlainString();
	}

	/**
	 * Writes the bank transfer file: a first line {@code 批次 <id>, 笔数 <count>, 总金额 <yuan>}, the column titles, then
	 * one row per payment with the account number in full. Audited as a reveal of the account numbers.
	 */
	@Transactional
	public void export(long batchId, SpreadsheetFormat format, OutputStream out) {
		JdbcPaymentBatches.requireFinance();
		PaymentBatch batch = batch(batchId);
		if (batch.status() == BatchStatus.BUILDING) {
			throw new RefusedException("payments.batch.stillBuilding");
		}
		try (SpreadsheetWriter writer = SpreadsheetWriter.of(format, out, "批次" + batchId)) {
			writer.row(List.of("批次", String.valueOf(batchId), "笔数", String.valueOf(batch.payments()), "总金额",
					yuan(batch.totalFen())));
			writer.row(List.of("付款参考号", "收款人", "开户行", "账号", "金额", "用途"));
			template.query(connection -> {
				var ps = connection.prepareStatement("""
						select p.entitlement_id, p.attempt_no, p.payee_name, p.bank_name, p.account_plain,
						       p.account_sealed, p.amount_fen,
						       coalesce(b.purpose, '补贴项目 ' || e.program_id) || ' ' || e.period as purpose
						from payment p
						join entitlement e on e.id = p.entitlement_id
						left join payment_budget b on b.program_id = e.program_id and b.region_code = e.budget_region
						where p.batch_id = ? order by p.entitlement_id, p.attempt_no""");
				ps.setFetchSize(2_000);
				ps.setLong(1, batchId);
				return ps;
			}, rs -> {
				byte[] sealed = rs.getBytes("account_sealed");
				String account = sealed != null ? personalData.open(Sealed.fromBytes(sealed))
						: rs.getString("account_plain");
				try {
					writer.row(List.of("P" + rs.getLong("entitlement_id") + "-" + rs.getInt("attempt_no"),
							rs.getString("payee_name"), rs.getString("bank_name"), account, yuan(rs.getLong("amount_fen")),
							rs.getString("purpose")));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		audit.record("payments.batch.exported", "payment_batch", String.valueOf(batchId), batch.region(), null,
				Map.of("format", format.name(), "payments", batch.payments(), "totalFen", batch.totalFen(),
						"revealed", "bank account numbers"));
	}

	/** READY → SENT: the file went to the bank; its payments are SENT. */
	@Transactional
	public PaymentBatch markSent(long batchId) {
		JdbcPaymentBatches.requireFinance();
		PaymentBatch before = batch(batchId);
		int moved = jdbc.sql("""
				update payment_batch set status = 'SENT', sent_at = now(), sent_by = ? where id = ? and status = 'READY'""")
			.params(JdbcPaymentBatches.actor(), batchId)
			.update();
		if (moved == 0) {
			throw new RefusedException("payments.batch.notReady", before.status().name());
		}
		jdbc.sql("update payment set status = 'SENT' where batch_id = ? and status = 'QUEUED'").param(batchId).update();
		PaymentBatch after = batch(batchId);
		audit.record("payments.batch.sent", "payment_batch", String.valueOf(batchId), after.region(), before, after);
		return after;
	}

	/** What a result file did. */
	/** What a result file did (also the API's answer). */
	public record ImportOutcome(long rows, long paid, long failed, long unchanged, boolean reconciled, PaymentBatch batch) {

		public boolean changedNothing() {
			return paid == 0 && failed == 0;
		}
	}

	private record Answer(int row, long entitlementId, int attempt, long amountFen, boolean paid, String reason) {
	}

	/**
	 * Reads the bank's result file: columns reference, amount (yuan), result ({@code PAID}/{@code 成功} or
	 * {@code FAILED}/{@code 失败}), reason (required for a failure); the first row is the titles. Every row is checked
	 * first (the reference belongs to the batch, the amount matches, an answered payment is answered the same way);
	 * any bad row refuses the whole file, naming the rows. A payment answered the same way again is unchanged, so a
	 * second import of the same file changes nothing. When every payment is answered the batch is reconciled.
	 */
	@Transactional
	public ImportOutcome importResults(long batchId, Path file, String fileName) {
		JdbcPaymentBatches.requireFinance();
		PaymentBatch before = batch(batchId);
		if (before.status() != BatchStatus.SENT && before.status() != BatchStatus.RECONCILED) {
			throw new RefusedException("payments.results.notSent", before.status().name());
		}
		List<Answer> answers = new ArrayList<>();
		List<InvalidRequestException> errors = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		try (SpreadsheetReader reader = SpreadsheetReader.open(file, fileName, RESULT_LIMITS)) {
			Iterator<SheetRow> rows = reader.rows().iterator();
			while (rows.hasNext()) {
				SheetRow row = rows.next();
				Answer answer = parse(row, errors);
				if (answer != null && !seen.add(answer.entitlementId() + "-" + answer.attempt())) {
					errors.add(rowError(row.rowNumber(), "payments.results.duplicate"));
					answer = null;
				}
				if (answer != null) {
					answers.add(answer);
				}
				if (errors.size() >= MAX_ERRORS) {
					break;
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		long unchanged = 0;
		List<Answer> changes = new ArrayList<>();
		for (int from = 0; from < answers.size() && errors.size() < MAX_ERRORS; from += 5_000) {
			List<Answer> chunk = answers.subList(from, Math.min(answers.size(), from + 5_000));
			Map<String, Object[]> stored = new HashMap<>();
			jdbc.sql("""
					select entitlement_id, attempt_no, amount_fen, status, failure_reason from payment
					where batch_id = ? and entitlement_id = any(?::bigint[])""")
				.params(batchId, chunk.stream().map(Answer::entitlementId).toArray(Long[]::new))
				.query(rs -> {
					stored.put(rs.getLong(1) + "-" + rs.getInt(2),
							new Object[] { rs.getLong(3), rs.getString(4), rs.getString(5) });
				});
			for (Answer a : chunk) {
				Object[] payment = stored.get(a.entitlementId() + "-" + a.attempt());
				if (payment == null) {
					errors.add(rowError(a.row(), "payments.results.notInBatch", "P" + a.entitlementId() + "-" + a.attempt(),
							batchId));
				}
				else if ((Long) payment[0] != a.amountFen()) {
					errors.add(rowError(a.row(), "payments.results.amountMismatch", yuan(a.amountFen()),
							yuan((Long) payment[0])));
				}
				else if ("SENT".equals(payment[1])) {
					changes.add(a);
				}
				else if (("PAID".equals(payment[1]) && a.paid())
						|| ("FAILED".equals(payment[1]) && !a.paid() && a.reason().equals(payment[2]))) {
					unchanged++;
				}
				else {
					errors.add(rowError(a.row(), "payments.results.contradicts", payment[1]));
				}
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidFieldsException(errors);
		}
		if (!changes.isEmpty()) {
			template.batchUpdate("""
					update payment set status = ?, failure_reason = ?, answered_at = now()
					where entitlement_id = ? and attempt_no = ? and batch_id = ? and status = 'SENT'""", changes, 1_000,
					(ps, a) -> {
						ps.setString(1, a.paid() ? "PAID" : "FAILED");
						ps.setString(2, a.paid() ? null : a.reason());
						ps.setLong(3, a.entitlementId());
						ps.setInt(4, a.attempt());
						ps.setLong(5, batchId);
					});
		}
		boolean reconciled = reconcile(batchId);
		PaymentBatch after = batch(batchId);
		long paid = changes.stream().filter(Answer::paid).count();
		ImportOutcome outcome = new ImportOutcome(answers.size(), paid, changes.size() - paid, unchanged, reconciled,
				after);
		if (!changes.isEmpty()) {
			audit.record("payments.batch.resultsImported", "payment_batch", String.valueOf(batchId), after.region(),
					before, Map.of("file", fileName == null ? "" : fileName, "rows", answers.size(), "paid", paid,
							"failed", changes.size() - paid, "unchanged", unchanged, "batch", after));
		}
		return outcome;
	}

	/** Counts the answers; when every payment has one, the batch is reconciled (count and sum checked by a CHECK). */
	private boolean reconcile(long batchId) {
		jdbc.sql("""
				update payment_batch b set paid = s.paid, paid_fen = s.paid_fen, failed = s.failed, failed_fen = s.failed_fen
				from (select count(*) filter (where status = 'PAID') as paid,
				             coalesce(sum(amount_fen) filter (where status = 'PAID'), 0) as paid_fen,
				             count(*) filter (where status = 'FAILED') as failed,
				             coalesce(sum(amount_fen) filter (where status = 'FAILED'), 0) as failed_fen
				      from payment where batch_id = ?) s
				where b.id = ? and b.status = 'SENT'""")
			.params(batchId, batchId)
			.update();
		return jdbc.sql("""
				update payment_batch set status = 'RECONCILED', reconciled_at = now()
				where id = ? and status = 'SENT' and paid + failed = payments and paid_fen + failed_fen = total_fen""")
			.param(batchId)
			.update() == 1 || batch(batchId).status() == BatchStatus.RECONCILED;
	}

	private static InvalidRequestException rowError(int row, String code, Object... args) {
		Object[] all = new Object[args.length + 1];
		all[0] = row;
		System.arraycopy(args, 0, all, 1, args.length);
		return new InvalidRequestException("row" + row, code, all);
	}

	private static Answer parse(SheetRow row, List<InvalidRequestException> errors) {
		int n = row.rowNumber();
		Matcher ref = REFERENCE.matcher(row.cell(0).strip());
		if (!ref.matches()) {
			errors.add(rowError(n, "payments.results.reference", row.cell(0)));
			return null;
		}
		long fen;
		try {
			BigDecimal amount = new BigDecimal(row.cell(1).strip().replace(",", ""));
			fen = amount.movePointRight(2).longValueExact();
		}
		catch (ArithmeticException | NumberFormatException ex) {
			errors.add(rowError(n, "payments.results.amount", row.cell(1)));
			return null;
		}
		String result = row.cell(2).strip().toUpperCase(Locale.ROOT);
		boolean paid;
		if (result.equals("PAID") || result.equals("成功")) {
			paid = true;
		}
		else if (result.equals("FAILED") || result.equals("失败")) {
			paid = false;
		}
		else {
			errors.add(rowError(n, "payments.results.result", row.cell(2)));
			return null;
		}
		String reason = row.cell(3).strip();
		if (!paid && (reason.isEmpty() || reason.length() > 200)) {
			errors.add(rowError(n, "payments.results.reason"));
			return null;
		}
		return new Answer(n, Long.parseLong(ref.group(1)), Integer.parseInt(ref.group(2)), fen, paid,
				paid ? null : reason);
	}

	/**
	 * Reissues a failed entitlement: FAILED → DUE, and the next batch makes attempt n + 1. Refused for a paid one
	 * (never again) and for one whose attempt has no answer yet.
	 */
	@Transactional
	public Entitlement reissue(long entitlementId) {
		JdbcPaymentBatches.requireFinance();
		Entitlement before = entitlements.find(entitlementId)
			.orElseThrow(() -> new NotFoundException("kind.entitlement", String.valueOf(entitlementId)));
		int moved = jdbc.sql("""
				update entitlement set status = 'DUE', failure_reason = null, updated_at = now()
				where id = ? and status = 'FAILED'""")
			.param(entitlementId)
			.update();
		if (moved == 0) {
			throw new RefusedException(before.status() == EntitlementStatus.PAID ? "payments.reissue.paid"
					: "payments.reissue.notFailed", before.status().name());
		}
		Entitlement after = entitlements.find(entitlementId).orElseThrow();
		audit.record("payments.entitlement.reissued", "entitlement", String.valueOf(entitlementId),
				after.payeeRegion(), before, after);
		return after;
	}
}
