package org.chunfeng.reference.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chunfeng.platform.PageQuery;
import org.chunfeng.platform.Paged;
import org.chunfeng.reference.Region;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.reference.Regions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

@Service
class JdbcRegions implements Regions {

	private static final String COLUMNS = "code, name, level, parent_code";

	private final JdbcClient jdbc;

	JdbcRegions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<Region> find(RegionCode code) {
		return jdbc.sql("select " + COLUMNS + " from region where code = ?").param(code.value()).query(this::map)
			.optional();
	}

	@Override
	public List<Region> children(RegionCode parent) {
		if (parent == null) {
			return jdbc.sql("select " + COLUMNS + " from region where parent_code is null order by code").query(this::map)
				.list();
		}
		return jdbc.sql("select " + COLUMNS + " from region where parent_code = ? order by code").param(parent.value())
			.query(this::map).list();
	}

	@Override
	public List<Region> counties(RegionCode within) {
		return jdbc.sql("select " + COLUMNS + " from region where level = 'COUNTY' and code like ? order by code")
			.param(within.scopePrefix() + "%")
			.query(this::map)
			.list();
	}

	@Override
	public List<Region> path(RegionCode code) {
		List<String> codes = new ArrayList<>();
		codes.add(code.province().value());
		if (code.level() != RegionCode.Level.PROVINCE) {
			codes.add(code.prefecture().value());
		}
		if (code.level() == RegionCode.Level.COUNTY) {
			codes.add(code.value());
		}
		return jdbc.sql("select " + COLUMNS + " from region where code in (:codes) order by code").param("codes", codes)
			.query(this::map).list();
	}

	@Override
	public Paged<Region> search(String text, RegionCode.Level level, RegionCode within, PageQuery page) {
		StringBuilder where = new StringBuilder(" where true");
		var params = new java.util.HashMap<String, Object>();
		if (text != null && !text.isBlank()) {
			where.append(" and (name like :contains escape '\\' or code like :prefix escape '\\')");
			String literal = Sql.likeLiteral(text.strip());
			params.put("contains", "%" + literal + "%");
			params.put("prefix", literal + "%");
		}
		if (level != null) {
			where.append(" and level = :level");
			params.put("level", level.name());
		}
		if (within != null) {
			where.append(" and code like :within and code <> :withinCode");
			params.put("within", within.scopePrefix() + "%");
			params.put("withinCode", within.value());
		}
		long total = jdbc.sql("select count(*) from region" + where).params(params).query(Long.class).single();
		List<Region> items = jdbc.sql("select " + COLUMNS + " from region" + where + " order by code limit :limit offset :offset")
			.params(params).param("limit", page.size()).param("offset", page.offset()).query(this::map).list();
		return new Paged<>(items, page.page(), page.size(), total);
	}

	@Override
	public Map<RegionCode.Level, Long> countByLevel() {
		Map<RegionCode.Level, Long> counts = new EnumMap<>(RegionCode.Level.class);
		jdbc.sql("select level, count(*) from region group by level")
			.query((rs, n) -> counts.put(RegionCode.Level.valueOf(rs.getString(1)), rs.getLong(2))).list();
		return counts;
	}

	private Region map(ResultSet rs, int row) throws SQLException {
		String parent = rs.getString("parent_code");
		return new Region(RegionCode.of(rs.getString("code")), rs.getString("name"),
				RegionCode.Level.valueOf(rs.getString("level")), parent == null ? null : RegionCode.of(parent));
	}
}
