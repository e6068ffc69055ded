package org.chunfeng.enterprises.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chunfeng.platform.database.PostgresConstraint;
import org.chunfeng.identity.Audit;
import org.chunfeng.enterprises.DuplicateEnterpriseException;
import org.chunfeng.enterprises.Enterprise;
import org.chunfeng.enterprises.EnterpriseFigures;
import org.chunfeng.enterprises.EnterpriseFigures.SectionCount;
import org.chunfeng.enterprises.Enterprises;
import org.chunfeng.enterprises.KeyCategory;
import org.chunfeng.enterprises.NewEnterprise;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.reference.CreditCode;
import org.chunfeng.reference.RegionCode;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcEnterprises implements Enterprises {

	private static final String COLUMNS = """
			id, credit_code, name, region_code, address, industry_code, employee_count, key_category, labour_dispatch,
			created_at, version""";

	// a taken credit code inserts nothing instead of failing, so it is reported as such, also for a concurrent twin
	private static final String INSERT = """
			insert into enterprise (credit_code, name, region_code, address, industry_code, employee_count,
			                        key_enterprise, key_category, labour_dispatch)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?)
			on conflict (credit_code) do nothing""";

	/** Batches of this size keep a large import's memory and statement size bounded. */
	private static final int BATCH = 1000;

	private final JdbcClient jdbc;
	private final JdbcTemplate template;

	private final Audit audit;

	JdbcEnterprises(JdbcClient jdbc, JdbcTemplate template, Audit audit) {
		this.jdbc = jdbc;
		this.template = template;
		this.audit = audit;
	}

	@Override
	@Transactional
	public Enterprise register(NewEnterprise enterprise) {
		return registerAll(List.of(enterprise)).getFirst();
	}

	@Override
	@Transactional
	public List<Enterprise> registerAll(List<NewEnterprise> enterprises) {
		if (enterprises.isEmpty()) {
			return List.of();
		}
		try {
			for (int from = 0; from < enterprises.size(); from += BATCH) {
				List<NewEnterprise> batch = enterprises.subList(from, Math.min(from + BATCH, enterprises.size()));
				int[] inserted = template.batchUpdate(INSERT, batch, batch.size(), JdbcEnterprises::bind)[0];
				for (int i = 0; i < inserted.length; i++) {
					if (inserted[i] == 0) {
						throw new DuplicateEnterpriseException(batch.get(i).creditCode());
					}
				}
			}
		}
		catch (DataIntegrityViolationException ex) {
			throw translate(ex);
		}
		List<String> codes = enterprises.stream().map(e -> e.creditCode().value()).toList();
		Map<String, Enterprise> byCode = new HashMap<>();
		jdbc.sql("select " + COLUMNS + " from enterprise where credit_code = any(?)")
			.param(codes.toArray(String[]::new))
			.query(JdbcEnterprises::map)
			.list()
			.forEach(e -> byCode.put(e.creditCode().value(), e));
		List<Enterprise> registered = codes.stream().map(byCode::get).toList();
		audit.recordAll("enterprise.registered", "enterprise", registered.stream()
			.map(e -> new Audit.Entry(String.valueOf(e.id()), e.region(), e))
			.toList());
		return registered;
	}

	private static void bind(PreparedStatement ps, NewEnterprise e) throws SQLException {
		ps.setString(1, e.creditCode().value());
		ps.setString(2, e.name());
		ps.setString(3, e.region().value());
		ps.setString(4, e.address());
		ps.setString(5, e.industryCode());
		if (e.employeeCount() == null) {
			ps.setNull(6, Types.INTEGER);
		}
		else {
			ps.setInt(6, e.employeeCount());
		}
		ps.setBoolean(7, e.keyEnterprise());
		ps.setString(8, e.keyCategory() == null ? null : e.keyCategory().name());
		ps.setBoolean(9, e.labourDispatch());
	}

	private static RuntimeException translate(DataIntegrityViolationException ex) {
		return PostgresConstraint.of(ex).<RuntimeException>map(constraint -> switch (constraint) {
			case "enterprise_region_fk" -> new InvalidRequestException("region", "enterprise.region.unknown");
			case "enterprise_industry_fk" -> new InvalidRequestException("industryCode", "enterprise.industry.unknown");
			default -> ex;
		}).orElse(ex);
	}

	@Override
	public Optional<Enterprise> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from enterprise where id = ?").param(id)
			.query(JdbcEnterprises::map).optional();
	}

	@Override
	public Optional<Enterprise> findByCreditCode(CreditCode creditCode) {
		return jdbc.sql("select " + COLUMNS + " from enterprise where credit_code = ?").param(creditCode.value())
			.query(JdbcEnterprises::map).optional();
	}

	/** One repeatable-read snapshot: the parts add up even while enterprises are being registered. */
	@Override
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public EnterpriseFigures figures() {
		return figures("");
	}

	@Override
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public EnterpriseFigures figures(RegionCode within) {
		return figures(within.scopePrefix());
	}

	private EnterpriseFigures figures(String prefix) {
		String scope = prefix + "%";
		long[] totals = jdbc.sql("""
				select count(*), count(*) filter (where key_enterprise), count(*) filter (where labour_dispatch)
				from enterprise where region_code like ?""").param(scope)
			.query((rs, row) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) })
			.single();
		Map<KeyCategory, Long> byCategory = new EnumMap<>(KeyCategory.class);
		for (KeyCategory category : KeyCategory.values()) {
			byCategory.put(category, 0L);
		}
		jdbc.sql("""
				select key_category, count(*) from enterprise
				where region_code like ? and key_category is not null group by key_category""").param(scope)
			.query(rs -> {
				byCategory.put(KeyCategory.valueOf(rs.getString(1)), rs.getLong(2));
			});
		// an enterprise may be classified at any level below its section: climb to the section
		List<SectionCount> bySection = jdbc.sql("""
				with recursive section_of (code, section) as (
				    select code, code from industry where level = 'SECTION'
				    union all
				    select i.code, s.section from industry i join section_of s on i.parent_code = s.code
				), counts as (
				    select industry_code, count(*) as n from enterprise where region_code like ? group by industry_code
				)
				select s.code, s.name_zh, s.name_en, sum(c.n) as n
				from counts c
				left join section_of so on so.code = c.industry_code
				left join industry s on s.code = so.section
				group by s.code, s.name_zh, s.name_en
				order by s.code nulls last""").param(scope)
			.query((rs, row) -> new SectionCount(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
			.list();
		return new EnterpriseFigures(totals[0], totals[1], totals[2], byCategory, bySection);
	}

	static Enterprise map(ResultSet rs, int row) throws SQLException {
		String category = rs.getString("key_category");
		Timestamp created = rs.getTimestamp("created_at");
		return new Enterprise(rs.getLong("id"), CreditCode.of(rs.getString("credit_code")), rs.getString("name"),
				RegionCode.of(rs.getString("region_code")), rs.getString("address"), rs.getString("industry_code"),
				rs.getObject("employee_count", Integer.class), category == null ? null : KeyCategory.valueOf(category),
				rs.getBoolean("labour_dispatch"), created == null ? null : created.toInstant(), rs.getInt("version"));
	}
}
