package org.chunfeng.matching.internal.tracker;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.chunfeng.identity.Actor;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.matching.Service131;
import org.chunfeng.matching.Service131Coverage;
import org.chunfeng.matching.Service131Query;
import org.chunfeng.matching.Service131Status;
import org.chunfeng.matching.Service131Worker;
import org.chunfeng.platform.PageQuery;
import org.chunfeng.platform.Paged;
import org.chunfeng.platform.database.Filtered;
import org.chunfeng.reference.Region;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.reference.Regions;
import org.chunfeng.workers.KeyGroup;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 131 tracker in PostgreSQL. The population is the key-group workers of a region prefix, read from the partial
 * index {@code worker_key_group_population} that holds exactly them; each worker's three parts are index probes
 * (guidance sessions and training referrals by worker, job leads by their primary key). So the cost grows with the
 * key-group workers of the region asked about, not with the size of the other tables, and nothing is counted in Java.
 */
@Service
class JdbcService131 implements Service131 {

	/** Who the 131 service is for: a worker in at least one key group; a merged record is not a person. */
	static final String POPULATION = "w.key_groups <> '{}' and w.merged_into is null";

	/** The population with each worker's three parts, as a derived table {@code p}. */
	private static final String WORKERS = """
			(select w.id, w.name, w.id_number_masked, w.mobile_masked, w.residence_region, w.key_groups,
			        (select count(*) from guidance_session s where s.worker_id = w.id) as guidance_sessions,
			        (select count(*) from job_lead l where l.worker_id = w.id) as job_leads,
			        (select count(*) from service131_training t where t.worker_id = w.id) as training_referrals
			 from worker w where %s) p""".formatted(POPULATION);

	private static final String ORDER = "p.residence_region, p.name, p.id";

	private final JdbcClient jdbc;
	private final JdbcTemplate template;
	private final Regions regions;

	JdbcService131(JdbcClient jdbc, JdbcTemplate template, Regions regions) {
		this.jdbc = jdbc;
		this.template = template;
		this.regions = regions;
	}

	@Override
	@Transactional(readOnly = true)
	public Service131Coverage coverage(RegionCode within) {
		RegionCode region = within != null ? within : RegionScope.currentActor().map(Actor::region).orElse(null);
		String prefix = region == null ? "" : region.scopePrefix();
		// the child regions: the provinces of everything, the prefectures of a province, the counties of a prefecture
		int digits = Math.min(6, prefix.length() + 2);
		Map<String, String> names = new HashMap<>();
		(region == null ? regions.children(null) : regions.children(region))
			.forEach(r -> names.put(r.code().value(), r.name()));
		List<Service131Coverage.Row> rows = new ArrayList<>();
		long[] total = new long[5];
		jdbc.sql("""
				select rpad(substr(p.residence_region, 1, ?), 6, '0') as region, count(*) as workers,
				       count(*) filter (where p.guided) as guidance,
				       count(*) filter (where p.leads >= ?) as jobs,
				       count(*) filter (where p.trained) as training,
				       count(*) filter (where p.guided and p.leads >= ? and p.trained) as complete
				from (select w.residence_region,
				             exists (select 1 from guidance_session s where s.worker_id = w.id) as guided,
				             (select count(*) from job_lead l where l.worker_id = w.id) as leads,
				             exists (select 1 from service131_training t where t.worker_id = w.id) as trained
				      from worker w
				      where %s and w.residence_region like ?) p
				group by 1 order by 1""".formatted(POPULATION))
			.params(digits, Service131Status.JOB_LEADS, Service131Status.JOB_LEADS, prefix + "%")
			.query(rs -> {
				String code = rs.getString("region");
				long[] figures = { rs.getLong("workers"), rs.getLong("guidance"), rs.getLong("jobs"),
						rs.getLong("training"), rs.getLong("complete") };
				for (int i = 0; i < figures.length; i++) {
					total[i] += figures[i];
				}
				RegionCode child = RegionCode.of(code);
				String name = names.computeIfAbsent(code,
						c -> regions.find(child).map(Region::name).orElse(c));
				rows.add(new Service131Coverage.Row(child, name, figures[0], figures[1], figures[2], figures[3],
						figures[4]));
			});
		String totalName = region == null ? "" : regions.find(region).map(Region::name).orElse(region.value());
		return new Service131Coverage(region, rows, new Service131Coverage.Row(region, totalName, total[0], total[1],
				total[2], total[3], total[4]));
	}

	@Override
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public Paged<Service131Worker> workers(Service131Query query, PageQuery page) {
		return filter(query).page(jdbc, "select * from " + WORKERS, WORKERS, ORDER, page, JdbcService131::map);
	}

	@Override
	@Transactional(readOnly = true)
	public long count(Service131Query query) {
		Filtered filter = filter(query);
		return jdbc.sql("select count(*) from " + WORKERS + " where " + filter.where()).params(filter.params())
			.query(Long.class)
			.single();
	}

	@Override
	@Transactional(readOnly = true)
	public void forEach(Service131Query query, Consumer<Service131Worker> action) {
		filter(query).stream(template, "select * from " + WORKERS, ORDER, rs -> action.accept(map(rs, 0)));
	}

	@Override
	public Service131Status status(long workerId) {
		return jdbc.sql("""
				select (select count(*) from guidance_session where worker_id = ?) as guidance_sessions,
				       (select count(*) from job_lead where worker_id = ?) as job_leads,
				       (select count(*) from service131_training where worker_id = ?) as training_referrals""")
			.params(workerId, workerId, workerId)
			.query((rs, n) -> status(rs))
			.single();
	}

	private static Filtered filter(Service131Query query) {
		List<String> clauses = new ArrayList<>();
		List<Object> params = new ArrayList<>();
		if (query.region() != null) {
			clauses.add("p.residence_region like ?");
			params.add(query.region().scopePrefix() + "%");
		}
		if (query.keyGroup() != null) {
			clauses.add("p.key_groups @> array[?]::text[]");
			params.add(query.keyGroup().name());
		}
		if (query.missing() != null) {
			String guidance = "p.guidance_sessions = 0";
			String jobs = "p.job_leads < " + Service131Status.JOB_LEADS;
			String training = "p.training_referrals = 0";
			clauses.add(switch (query.missing()) {
				case GUIDANCE -> guidance;
				case JOBS -> jobs;
				case TRAINING -> training;
				case ANY -> "(" + guidance + " or " + jobs + " or " + training + ")";
			});
		}
		return Filtered.of(clauses, params);
	}

	private static Service131Status status(ResultSet rs) throws SQLException {
		return new Service131Status(rs.getInt("guidance_sessions"), rs.getInt("job_leads"),
				rs.getInt("training_referrals"));
	}

	private static Service131Worker map(ResultSet rs, int row) throws SQLException {
		Set<KeyGroup> groups = EnumSet.noneOf(KeyGroup.class);
		Array array = rs.getArray("key_groups");
		for (Object group : (Object[]) array.getArray()) {
			groups.add(KeyGroup.valueOf((String) group));
		}
		return new Service131Worker(rs.getLong("id"), rs.getString("name"), rs.getString("id_number_masked"),
				rs.getString("mobile_masked"), RegionCode.of(rs.getString("residence_region")), groups, status(rs));
	}
}
