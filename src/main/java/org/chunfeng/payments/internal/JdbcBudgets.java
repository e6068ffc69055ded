package org.chunfeng.payments.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chunfeng.identity.Audit;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.payments.Budget;
import org.chunfeng.payments.Budgets;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.platform.RefusedException;
import org.chunfeng.platform.database.PostgresConstraint;
import org.chunfeng.reference.RegionCode;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Budgets in {@code payment_budget}. Setting one locks its row first, so a budget is never set below what concurrent
 * grants have committed; the table's CHECK refuses it anyway.
 */
@Service
class JdbcBudgets implements Budgets {

	static final String COLUMNS = "program_id, region_code, budget_fen, committed_fen, paid_fen";

	private final JdbcClient jdbc;
	private final Audit audit;

	JdbcBudgets(JdbcClient jdbc, Audit audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	@Override
	@Transactional
	public Budget allot(long programId, RegionCode region, long budgetFen) {
		return allot(programId, region, budgetFen, null);
	}

	@Override
	@Transactional
	public Budget allot(long programId, RegionCode region, long budgetFen, String purpose) {
		if (region == null) {
			throw new InvalidRequestException("region", "problem.field.required");
		}
		if (!region.value().startsWith(RegionScope.currentPrefix())) {
			throw new InvalidRequestException("region", "payments.budget.regionOutsideScope", region.value());
		}
		if (budgetFen < 0) {
			throw new InvalidRequestException("budgetFen", "payments.budget.negative");
		}
		String label = purpose == null ? null : purpose.strip();
		if (label != null && (label.isEmpty() || label.length() > 60)) {
			throw new InvalidRequestException("purpose", "payments.budget.purposeLength", 60);
		}
		Optional<Budget> before = jdbc
			.sql("select " + COLUMNS + " from payment_budget where program_id = ? and region_code = ? for update")
			.params(programId, region.value())
			.query(JdbcBudgets::budget)
			.optional();
		if (before.isPresent() && budgetFen < before.get().committedFen()) {
			throw new RefusedException("payments.budget.belowCommitted", before.get().committedFen());
		}
		Budget after;
		try {
			after = jdbc.sql("""
					insert into payment_budget (program_id, region_code, budget_fen, purpose) values (?, ?, ?, ?)
					on conflict (program_id, region_code) do update set budget_fen = excluded.budget_fen,
					    purpose = coalesce(excluded.purpose, payment_budget.purpose), updated_at = now()
					returning """ + " " + COLUMNS)
				.params(programId, region.value(), budgetFen, label)
				.query(JdbcBudgets::budget)
				.single();
		}
		catch (DataIntegrityViolationException ex) {
			throw PostgresConstraint.of(ex).<RuntimeException>map(c -> switch (c) {
				case "payment_budget_program_fk" -> new InvalidRequestException("programId",
						"payments.budget.programUnknown");
				case "payment_budget_region_fk" -> new InvalidRequestException("region", "payments.budget.regionUnknown");
				case "payment_budget_amounts" -> new RefusedException("payments.budget.belowCommitted", budgetFen);
				default -> ex;
			}).orElse(ex);
		}
		audit.record("payments.budget.allotted", "payment_budget", programId + ":" + region.value(), region,
				before.orElse(null), label == null ? after : Map.of("budget", after, "purpose", label));
		return after;
	}

	@Override
	public Optional<Budget> find(long programId, RegionCode region) {
		return jdbc.sql("select " + COLUMNS + " from payment_budget where program_id = ? and region_code = ?")
			.params(programId, region.value())
			.query(JdbcBudgets::budget)
			.optional();
	}

	@Override
	public List<Budget> ofProgram(long programId) {
		return jdbc.sql("select " + COLUMNS + " from payment_budget where program_id = ? order by region_code")
			.param(programId)
			.query(JdbcBudgets::budget)
			.list();
	}

	static Budget budget(ResultSet rs, int row) throws SQLException {
		return new Budget(rs.getLong("program_id"), RegionCode.of(rs.getString("region_code")), rs.getLong("budget_fen"),
				rs.getLong("committed_fen"), rs.getLong("paid_fen"));
	}
}
