package org.chunfeng.payments.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.chunfeng.identity.Actor;
import org.chunfeng.payments.PayeeKind;
import org.chunfeng.platform.FieldErrors;
import org.chunfeng.platform.PageQuery;
import org.chunfeng.platform.Paged;
import org.chunfeng.platform.database.Filtered;
import org.chunfeng.reference.Money;
import org.chunfeng.reference.Region;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.reference.Regions;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the finance pages read besides the API's records (due counts, program labels, a batch's payments with the
 * masked accounts) and what they say in the reader's language. Every read is inside the caller's region scope
 * (row-level security on entitlements, payments and batches).
 */
@Component("paymentTexts")
class PaymentViews {

	private final JdbcClient jdbc;
	private final MessageSource messages;
	private final Regions regions;

	PaymentViews(JdbcClient jdbc, MessageSource messages, Regions regions) {
		this.jdbc = jdbc;
		this.messages = messages;
		this.regions = regions;
	}

	String text(String code, Object... args) {
		return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
	}

	/** Each problem's message, in the order found (a result file's rows name themselves). */
	List<String> errors(RuntimeException refusal) {
		return new ArrayList<>(FieldErrors.of(refusal, messages, LocaleContextHolder.getLocale()).values());
	}

	/** e.g. 1,500.00 */
	public String yuan(long fen) {
		return Money.ofFen(fen).format();
	}

	/** e.g. 江苏省 苏州市 虎丘区 */
	public String place(RegionCode code) {
		if (code == null) {
			return "";
		}
		List<Region> path = regions.path(code);
		return path.isEmpty() ? code.value() : path.stream().map(Region::name).collect(Collectors.joining(" "));
	}

	/** A program as finance knows it: its budget's purpose (用途) if one was given, else its number. */
	public String program(Map<Long, String> labels, Long programId) {
		if (programId == null) {
			return text("payments.program.all");
		}
		String label = labels.get(programId);
		return label != null ? label : text("payments.program.numbered", String.valueOf(programId));
	}

	/** Purposes of the programs that have a budget (budgets hold no person: no region scope). */
	Map<Long, String> programLabels() {
		Map<Long, String> labels = new HashMap<>();
		jdbc.sql("select program_id, max(purpose) from payment_budget where purpose is not null group by program_id")
			.query(rs -> {
				labels.put(rs.getLong(1), rs.getString(2));
			});
		return labels;
	}

	/** Programs with a budget, for the entitlements filter: id to label, by id. */
	Map<Long, String> budgetedPrograms(Map<Long, String> labels) {
		Map<Long, String> programs = new LinkedHashMap<>();
		jdbc.sql("select distinct program_id from payment_budget order by program_id")
			.query(Long.class)
			.list()
			.forEach(id -> programs.put(id, program(labels, id)));
		return programs;
	}

	/** Due entitlements of one program in scope. */
	record DueProgram(long programId, String label, long due, long dueFen) {
	}

	/** What is due in the caller's scope: per program (for the start form), and how many wait for an account. */
	record Dues(long due, long dueFen, long waitingAccount, List<DueProgram> programs) {
	}

	Dues dues(Map<Long, String> labels) {
		List<DueProgram> programs = jdbc.sql("""
				select program_id, count(*), coalesce(sum(amount_fen), 0) from entitlement where status = 'DUE'
				group by program_id order by program_id""")
			.query((rs, n) -> new DueProgram(rs.getLong(1), program(labels, rs.getLong(1)), rs.getLong(2), rs.getLong(3)))
			.list();
		long waiting = jdbc.sql("""
				select count(*) from entitlement e
				left join enterprise en on e.payee_kind = 'ENTERPRISE' and en.id = e.payee_id
				left join worker w on e.payee_kind = 'WORKER' and w.id = e.payee_id
				where e.status = 'DUE'
				  and ((e.payee_kind = 'ENTERPRISE' and en.bank_account is null)
				       or (e.payee_kind = 'WORKER' and w.bank_account_sealed is null))""")
			.query(Long.class)
			.single();
		return new Dues(programs.stream().mapToLong(DueProgram::due).sum(),
				programs.stream().mapToLong(DueProgram::dueFen).sum(), waiting, programs);
	}

	/** Where the actor may start a batch: the own region, then the counties inside it. */
	List<Region> batchRegions(Actor actor) {
		List<Region> choices = new ArrayList<>();
		RegionCode own = actor.region();
		regions.find(own).ifPresent(choices::add);
		if (own.level() != RegionCode.Level.COUNTY) {
			regions.counties(own).stream().filter(r -> own.contains(r.code())).forEach(choices::add);
		}
		return choices;
	}

	/**
	 * One payment attempt of a batch as the page shows it: the account masked.
	 *
	 * @param reissuable its entitlement failed on this very attempt and may be reissued
	 */
	record PaymentRow(long entitlementId, int attempt, PayeeKind payeeKind, String payeeName, String bankName,
			String accountMasked, long amountFen, String status, String failureReason, boolean reissuable) {

		public String reference() {
			return "P" + entitlementId + "-" + attempt;
		}
	}

	Paged<PaymentRow> payments(long batchId, String status, PageQuery page) {
		List<String> clauses = new ArrayList<>(List.of("p.batch_id = ?"));
		List<Object> params = new ArrayList<>(List.of(batchId));
		if (status != null) {
			clauses.add("p.status = ?");
			params.add(status);
		}
		return Filtered.of(clauses, params)
			.page(jdbc, """
					select p.entitlement_id, p.attempt_no, p.payee_kind, p.payee_name, p.bank_name, p.account_masked,
					       p.amount_fen, p.status, p.failure_reason,
					       (e.status = 'FAILED' and e.attempts = p.attempt_no) as reissuable
					from payment p join entitlement e on e.id = p.entitlement_id""",
					"payment p", "p.entitlement_id, p.attempt_no", page,
					(rs, n) -> new PaymentRow(rs.getLong(1), rs.getInt(2), PayeeKind.valueOf(rs.getString(3)),
							rs.getString(4), rs.getString(5), rs.getString(6), rs.getLong(7), rs.getString(8),
							rs.getString(9), rs.getBoolean(10)));
	}
}
