package org.chunfeng.payments.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.HashSet;

import javax.sql.DataSource;

import org.chunfeng.identity.Audit;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.payments.AlreadyEntitledException;
import org.chunfeng.payments.BudgetExceededException;
import org.chunfeng.payments.Entitlement;
import org.chunfeng.payments.EntitlementGrant;
import org.chunfeng.payments.EntitlementStatus;
import org.chunfeng.payments.Entitlements;
import org.chunfeng.payments.GrantSummary;
import org.chunfeng.payments.Payee;
import org.chunfeng.payments.PayeeKind;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.platform.RefusedException;
import org.chunfeng.platform.database.PostgresConstraint;
import org.chunfeng.reference.RegionCode;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Entitlements in PostgreSQL. A grant joins the caller's transaction: the decision and its entitlement commit or roll
 * back together. The budget is drawn with a conditional UPDATE (which locks its row), the entitlement and its claims
 * are kept unique by the database, so two approvals at once, a retry or a second instance never grant twice or past
 * the budget.
 *
 * <p>{@link #grantAll} is set-based: the grants are copied (COPY) into a temporary table, the budget rows they draw on
 * are locked FOR UPDATE (in key order, so two runs never deadlock), what the payees already hold is marked, the grants
 * that fit are chosen in the order given, and one INSERT … SELECT writes the entitlements, their claims and the budgets'
 * new commitments.
 */
@Service
class JdbcEntitlements implements Entitlements {



	static final String COLUMNS = """
			e.id, e.program_id, e.budget_region, e.payee_kind, e.payee_id, e.payee_name, e.payee_region, e.period,
			e.amount_fen, e.source, e.status, e.attempts, e.failure_reason, e.granted_at, e.paid_at""";

	private static final int STATE_ALREADY = 1;
	private static final int STATE_OVER_BUDGET = 2;

	private final JdbcClient jdbc;
	private final DataSource dataSource;
	private final Audit audit;

	JdbcEntitlements(JdbcClient jdbc, DataSource dataSource, Audit audit) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.audit = audit;
	}

	private static void requireInScope(EntitlementGrant grant) {
		if (!grant.payeeRegion().value().startsWith(RegionScope.currentPrefix())) {
			throw new InvalidRequestException("payeeRegion", "payments.entitlement.outsideScope",
					grant.payeeRegion().value());
		}
	}

	@Override
	@Transactional
	public Entitlement grant(EntitlementGrant grant) {
		requireInScope(grant);
		// the budget first: its row lock orders concurrent grants of the same budget, here and in grantAll
		int drawn = jdbc.sql("""
				update payment_budget set committed_fen = committed_fen + ?, updated_at = now()
				where program_id = ? and region_code = ? and committed_fen + ? <= budget_fen""")
			.params(grant.amountFen(), grant.programId(), grant.budgetRegion().value(), grant.amountFen())
			.update();
		if (drawn == 0) {
			long remaining = jdbc.sql("""
					select budget_fen - committed_fen from payment_budget where program_id = ? and region_code = ?""")
				.params(grant.programId(), grant.budgetRegion().value())
				.query(Long.class)
				.optional()
				.orElseThrow(() -> new RefusedException("payments.budget.missing", grant.programId(),
						grant.budgetRegion().value()));
			throw new BudgetExceededException(grant.amountFen(), remaining);
		}
		Optional<Long> id;
		try {
			id = jdbc.sql("""
					insert into entitlement (program_id, budget_region, payee_kind, payee_id, payee_name, payee_region,
					    period, amount_fen, source)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?)
					on conflict (program_id, payee_kind, payee_id, period) do nothing
					returning id""")
				.params(grant.programId(), grant.budgetRegion().value(), grant.payee().kind().name(), grant.payee().id(),
						grant.payeeName().strip(), grant.payeeRegion().value(), grant.period().strip(),
						grant.amountFen(), grant.source().strip())
				.query(Long.class)
				.optional();
		}
		catch (DataIntegrityViolationException ex) {
			throw translate(ex, grant.period());
		}
		if (id.isEmpty()) {
			throw new AlreadyEntitledException(grant.period());
		}
		List<String> claims = List.copyOf(new LinkedHashSet<>(grant.claims()));
		if (!claims.isEmpty()) {
			int inserted = jdbc.sql("""
					insert into entitlement_claim (claim_key, entitlement_id) select unnest(?::text[]), ?
					on conflict (claim_key) do nothing""")
				.params(claims.toArray(String[]::new), id.get())
				.update();
			if (inserted != claims.size()) {
				throw new AlreadyEntitledException(grant.period());
			}
		}
		Entitlement entitlement = find(id.get()).orElseThrow();
		audit.record("payments.entitlement.granted", "entitlement", String.valueOf(entitlement.id()),
				entitlement.payeeRegion(), null, Map.of("entitlement", entitlement, "claims", claims));
		return entitlement;
	}

	private static RuntimeException translate(DataIntegrityViolationException ex, String period) {
		return PostgresConstraint.of(ex).<RuntimeException>map(c -> switch (c) {
			case "entitlement_once", "entitlement_claim_once" -> new AlreadyEntitledException(period);
			case "entitlement_payee_name" -> new InvalidRequestException("payeeName", "payments.entitlement.payeeName");
			case "entitlement_period" -> new InvalidRequestException("period", "payments.entitlement.period");
			case "entitlement_source" -> new InvalidRequestException("source", "payments.entitlement.source");
			case "payment_budget_amounts" -> new BudgetExceededException(0, 0);
			default -> ex;
		}).orElse(ex);
	}

	@Override
	@Transactional
	public GrantSummary grantAll(List<EntitlementGrant> grants) {
		int n = grants.size();
		if (n == 0) {
			return new GrantSummary(0, 0, 0, 0);
		}
		// 0. checked and de-duplicated here: within one call the first grant of a program, payee and period, or of a
		// claim, is the candidate; the later ones count as already held
		byte[] state = new byte[n];
		Set<GrantKey> keys = new HashSet<>(n * 2);
		Set<String> claimsSeen = new HashSet<>();
		Map<BudgetKey, Long> room = new TreeMap<>();
		boolean anyClaims = false;
		for (int i = 0; i < n; i++) {
			EntitlementGrant g = grants.get(i);
			requireInScope(g);
			if (g.payeeName().strip().length() > 200 || g.period().strip().length() > 100
					|| g.source().strip().length() > 200) {
				throw new InvalidRequestException("grants", "payments.entitlement.tooLong");
			}
			room.put(new BudgetKey(g.programId(), g.budgetRegion().value()), 0L);
			if (!keys.add(new GrantKey(g.programId(), g.payee(), g.period().strip()))) {
				state[i] = STATE_ALREADY;
				continue;
			}
			for (String claim : new LinkedHashSet<>(g.claims())) {
				anyClaims = true;
				if (!claimsSeen.add(claim)) {
					state[i] = STATE_ALREADY;
				}
			}
		}
		keys = null;
		claimsSeen = null;

		// 1. lock every budget drawn on, in key order: concurrent runs and single grants queue here
		List<Long> programs = room.keySet().stream().map(BudgetKey::programId).distinct().toList();
		for (BudgetKey key : room.keySet()) {
			Long left = jdbc.sql("""
					select budget_fen - committed_fen from payment_budget where program_id = ? and region_code = ?
					for update""")
				.params(key.programId(), key.region())
				.query(Long.class)
				.optional()
				.orElseThrow(() -> new RefusedException("payments.budget.missing", key.programId(), key.region()));
			room.put(key, left);
		}

		// 2. what the payees hold already (the budgets are locked: a concurrent run has committed or waits)
		jdbc.sql("drop table if exists pay_grant_in, pay_grant_claim").update();
		jdbc.sql("""
				create temporary table pay_grant_in (ord int not null, program_id bigint not null,
				    budget_region char(6) not null, payee_kind text not null, payee_id bigint not null,
				    payee_name text not null, payee_region char(6) not null, period text not null,
				    amount_fen bigint not null, source text not null)
				on commit drop""").update();
		jdbc.sql("create temporary table pay_grant_claim (ord int not null, claim_key text not null) on commit drop")
			.update();
		copyIn(grants, state, anyClaims);
		jdbc.sql("analyze pay_grant_in").update();
		boolean programsHaveEntitlements = jdbc
			.sql("select exists (select 1 from entitlement where program_id = any(?::bigint[]))")
			.param(programs.toArray(Long[]::new))
			.query(Boolean.class)
			.single();
		if (programsHaveEntitlements) {
			jdbc.sql("""
					select g.ord from pay_grant_in g where exists (
					    select 1 from entitlement e where e.program_id = g.program_id and e.payee_kind = g.payee_kind
					                                  and e.payee_id = g.payee_id and e.period = g.period)""")
				.query(rs -> {
					state[rs.getInt(1)] = STATE_ALREADY;
				});
		}
		if (anyClaims) {
			jdbc.sql("analyze pay_grant_claim").update();
			jdbc.sql("""
					select gc.ord from pay_grant_claim gc
					where exists (select 1 from entitlement_claim ec where ec.claim_key = gc.claim_key)""")
				.query(rs -> {
					state[rs.getInt(1)] = STATE_ALREADY;
				});
		}

		// 3. what fits, in the order given: a grant past the room left is left out, later smaller ones may still fit
		long candidates = 0;
		long overBudget = 0;
		List<Integer> excluded = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			if (state[i] != 0) {
				excluded.add(i);
				continue;
			}
			EntitlementGrant g = grants.get(i);
			BudgetKey key = new BudgetKey(g.programId(), g.budgetRegion().value());
			long left = room.get(key);
			if (g.amountFen() <= left) {
				room.put(key, left - g.amountFen());
				candidates++;
			}
			else {
				state[i] = STATE_OVER_BUDGET;
				overBudget++;
				excluded.add(i);
			}
		}

		// 4. write: the entitlements, their claims, the budgets' commitments, in one statement
		long[] granted = { 0, 0 };
		if (candidates > 0) {
			try {
				granted = jdbc.sql(WRITE)
					.param(excluded.toArray(Integer[]::new))
					.query((rs, row) -> new long[] { rs.getLong(1), rs.getLong(2) })
					.single();
			}
			catch (DataIntegrityViolationException ex) {
				throw translate(ex, "*");
			}
		}
		GrantSummary summary = new GrantSummary(granted[0], granted[1], n - granted[0] - overBudget, overBudget);
		auditBulk(grants, state, summary);
		return summary;
	}

	private static final String WRITE = """
						with skip as (
						    select unnest(?::int[]) as ord
						), ins as (
						    insert into entitlement (program_id, budget_region, payee_kind, payee_id, payee_name,
						                             payee_region, period, amount_fen, source)
						    select g.program_id, g.budget_region, g.payee_kind, g.payee_id, g.payee_name, g.payee_region,
						           g.period, g.amount_fen, g.source
						    from pay_grant_in g where not exists (select 1 from skip where skip.ord = g.ord)
						    order by g.ord
						    returning id, program_id, budget_region, payee_kind, payee_id, period, amount_fen
						), claims as (
						    insert into entitlement_claim (claim_key, entitlement_id)
						    select gc.claim_key, ins.id
						    from ins
						    join pay_grant_in g on g.program_id = ins.program_id and g.payee_kind = ins.payee_kind
						         and g.payee_id = ins.payee_id and g.period = ins.period
						    join pay_grant_claim gc on gc.ord = g.ord
						), drawn as (
						    update payment_budget b set committed_fen = b.committed_fen + s.fen, updated_at = now()
						    from (select program_id, budget_region, sum(amount_fen) as fen from ins
						          group by program_id, budget_region) s
						    where b.program_id = s.program_id and b.region_code = s.budget_region
						)
						select count(*), coalesce(sum(amount_fen), 0) from ins""";

	private record GrantKey(long programId, Payee payee, String period) {
	}

	private record BudgetKey(long programId, String region) implements Comparable<BudgetKey> {

		@Override
		public int compareTo(BudgetKey other) {
			int c = Long.compare(programId, other.programId);
			return c != 0 ? c : region.compareTo(other.region);
		}
	}

	/** One audit entry per budget drawn on (a run grants up to millions: one entry each would double its time). */
	private void auditBulk(List<EntitlementGrant> grants, byte[] state, GrantSummary summary) {
		Map<BudgetKey, long[]> perBudget = new TreeMap<>();
		Map<BudgetKey, String> sources = new HashMap<>();
		for (int i = 0; i < grants.size(); i++) {
			EntitlementGrant g = grants.get(i);
			BudgetKey key = new BudgetKey(g.programId(), g.budgetRegion().value());
			long[] counts = perBudget.computeIfAbsent(key, k -> new long[4]);
			counts[state[i]]++;
			if (state[i] == 0) {
				counts[3] += g.amountFen();
			}
			sources.putIfAbsent(key, g.source());
		}
		perBudget.forEach((key, counts) -> {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("programId", key.programId());
			row.put("budgetRegion", key.region());
			row.put("candidates", counts[0]);
			row.put("candidateFen", counts[3]);
			row.put("alreadyEntitled", counts[STATE_ALREADY]);
			row.put("overBudget", counts[STATE_OVER_BUDGET]);
			row.put("source", sources.get(key));
			row.put("summaryOfCall", summary);
			audit.record("payments.entitlements.grantedInBulk", "payment_budget", key.programId() + ":" + key.region(),
					RegionCode.of(key.region()), null, row);
		});
	}

	/** COPY of the candidate grants (and their claims) into the temporary tables, in large chunks. */
	private void copyIn(List<EntitlementGrant> grants, byte[] state, boolean anyClaims) {
		Connection connection = DataSourceUtils.getConnection(dataSource);
		try {
			PGConnection pg = connection.unwrap(PGConnection.class);
			CopyIn copy = pg.getCopyAPI().copyIn("copy pay_grant_in (ord, program_id, budget_region, payee_kind, "
					+ "payee_id, payee_name, payee_region, period, amount_fen, source) from stdin");
			StringBuilder line = new StringBuilder(1 << 20);
			try {
				for (int i = 0; i < grants.size(); i++) {
					if (state[i] != 0) {
						continue;
					}
					EntitlementGrant g = grants.get(i);
					line.append(i).append('\t').append(g.programId()).append('\t').append(g.budgetRegion().value())
						.append('\t').append(g.payee().kind().name()).append('\t').append(g.payee().id()).append('\t');
					escape(line, g.payeeName().strip()).append('\t').append(g.payeeRegion().value()).append('\t');
					escape(line, g.period().strip()).append('\t').append(g.amountFen()).append('\t');
					escape(line, g.source().strip()).append('\n');
					flushIfFull(copy, line);
				}
				flush(copy, line);
				copy.endCopy();
			}
			finally {
				if (copy.isActive()) {
					copy.cancelCopy();
				}
			}
			if (anyClaims) {
				CopyIn claims = pg.getCopyAPI().copyIn("copy pay_grant_claim (ord, claim_key) from stdin");
				try {
					for (int i = 0; i < grants.size(); i++) {
						if (state[i] != 0) {
							continue;
						}
						for (String claim : new LinkedHashSet<>(grants.get(i).claims())) {
							line.append(i).append('\t');
							escape(line, claim).append('\n');
						}
						flushIfFull(claims, line);
					}
					flush(claims, line);
					claims.endCopy();
				}
				finally {
					if (claims.isActive()) {
						claims.cancelCopy();
					}
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("copying the grants failed", ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, dataSource);
		}
	}

	private static void flushIfFull(CopyIn copy, StringBuilder buffer) throws SQLException {
		if (buffer.length() > (1 << 20) - 2_000) {
			flush(copy, buffer);
		}
	}

	private static void flush(CopyIn copy, StringBuilder buffer) throws SQLException {
		byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
		copy.writeToCopy(bytes, 0, bytes.length);
		buffer.setLength(0);
	}

	/** COPY's text format: backslash, tab, newline and carriage return escaped. */
	private static StringBuilder escape(StringBuilder out, String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> out.append("\\\\");
				case '\t' -> out.append("\\t");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				default -> out.append(c);
			}
		}
		return out;
	}

	@Override
	public Optional<Entitlement> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from entitlement e where e.id = ?")
			.param(id)
			.query(JdbcEntitlements::entitlement)
			.optional();
	}

	@Override
	public List<Entitlement> bySource(String source) {
		return jdbc.sql("select " + COLUMNS + " from entitlement e where e.source = ? order by e.id")
			.param(source)
			.query(JdbcEntitlements::entitlement)
			.list();
	}

	/** Entitlements in scope by status, program and payee, newest first. */
	org.chunfeng.platform.Paged<Entitlement> search(EntitlementStatus status, Long programId, PayeeKind kind,
			Long payeeId, org.chunfeng.platform.PageQuery page) {
		List<String> clauses = new ArrayList<>();
		List<Object> params = new ArrayList<>();
		if (status != null) {
			clauses.add("e.status = ?");
			params.add(status.name());
		}
		if (programId != null) {
			clauses.add("e.program_id = ?");
			params.add(programId);
		}
		if (kind != null) {
			clauses.add("e.payee_kind = ?");
			params.add(kind.name());
		}
		if (payeeId != null) {
			clauses.add("e.payee_id = ?");
			params.add(payeeId);
		}
		return org.chunfeng.platform.database.Filtered.of(clauses, params)
			.page(jdbc, "select " + COLUMNS + " from entitlement e", "entitlement e", "e.id desc", page,
					JdbcEntitlements::entitlement);
	}

	static Entitlement entitlement(ResultSet rs, int row) throws SQLException {
		return new Entitlement(rs.getLong("id"), rs.getLong("program_id"), RegionCode.of(rs.getString("budget_region")),
				new Payee(PayeeKind.valueOf(rs.getString("payee_kind")), rs.getLong("payee_id")),
				rs.getString("payee_name"), RegionCode.of(rs.getString("payee_region")), rs.getString("period"),
				rs.getLong("amount_fen"), rs.getString("source"), EntitlementStatus.valueOf(rs.getString("status")),
				rs.getInt("attempts"), rs.getString("failure_reason"), instant(rs, "granted_at"),
				instant(rs, "paid_at"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return t == null ? null : t.toInstant();
	}
}
