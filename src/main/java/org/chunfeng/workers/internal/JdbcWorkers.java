package org.chunfeng.workers.internal;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.chunfeng.platform.database.PostgresConstraint;
import org.chunfeng.identity.Audit;
import org.chunfeng.identity.PersonalData;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.reference.Region;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.reference.Regions;
import org.chunfeng.reference.ResidentIdNumber;
import org.chunfeng.reference.ResidentIdNumber.Sex;
import org.chunfeng.workers.PersonalNumber;
import org.chunfeng.workers.DuplicateWorkerException;
import org.chunfeng.workers.EmploymentStatus;
import org.chunfeng.workers.FestivalPlan;
import org.chunfeng.workers.KeyGroup;
import org.chunfeng.workers.NewWorker;
import org.chunfeng.workers.RegistrationSource;
import org.chunfeng.workers.Worker;
import org.chunfeng.workers.WorkerFigures;
import org.chunfeng.workers.WorkerFigures.ProvinceCount;
import org.chunfeng.workers.Workers;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcWorkers implements Workers {

	private static final String COLUMNS = """
			id, name, id_number_masked, birth_date, sex, hukou_region, mobile_masked, residence_region, employer_id,
			employment_status, occupation_code, key_groups, festival_plan, source, created_at, version""";

	// a registered ID number inserts nothing instead of failing: reported as a duplicate, also when a concurrent
	// registration of the same number commits first (the insert waits for it on the unique index)
	private static final String INSERT = """
			insert into worker (name, id_number_sealed, id_number_index, id_number_masked, birth_date, sex,
			                    hukou_region, mobile_sealed, mobile_index, mobile_masked, residence_region,
			                    employer_id, employment_status, occupation_code, key_groups, festival_plan, source)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			on conflict (id_number_index) do nothing""";

	/** Batches of this size keep a large import's memory and statement size bounded. */
	private static final int BATCH = 1000;

	private final JdbcClient jdbc;
	private final JdbcTemplate template;
	private final PersonalData personalData;
	private final Audit audit;
	private final Regions regions;

	JdbcWorkers(JdbcClient jdbc, JdbcTemplate template, PersonalData personalData, Regions regions, Audit audit) {
		this.audit = audit;
		this.jdbc = jdbc;
		this.template = template;
		this.personalData = personalData;
		this.regions = regions;
	}

	/** A worker ready to insert: personal numbers sealed and indexed. */
	private record Row(NewWorker worker, byte[] idSealed, byte[] idIndex, byte[] mobileSealed, byte[] mobileIndex) {
	}

	private Row protect(NewWorker worker) {
		String id = worker.idNumber().value();
		byte[] mobileSealed = null;
		byte[] mobileIndex = null;
		if (worker.mobile() != null) {
			String mobile = worker.mobile().value();
			mobileSealed = personalData.seal(mobile).toBytes();
			mobileIndex = personalData.blindIndex(PersonalData.MOBILE_NUMBER, mobile);
		}
		return new Row(worker, personalData.seal(id).toBytes(),
				personalData.blindIndex(PersonalData.RESIDENT_ID_NUMBER, id), mobileSealed, mobileIndex);
	}

	@Override
	@Transactional
	public Worker register(NewWorker worker) {
		Row row = protect(worker);
		Long id;
		try {
			id = template.query(connection -> {
				PreparedStatement ps = connection.prepareStatement(INSERT + " returning id");
				bind(ps, row);
				return ps;
			}, rs -> rs.next() ? rs.getLong(1) : null);
		}
		catch (DataIntegrityViolationException ex) {
			throw translate(ex);
		}
		if (id == null) {
			throw new DuplicateWorkerException(worker.idNumber().masked());
		}
		Worker registered = find(id).orElseThrow();
		audit.record("worker.registered", "worker", String.valueOf(id), worker.residence(), null, registered);
		return registered;
	}

	@Override
	@Transactional
	public int registerAll(List<NewWorker> workers) {
		int registered = 0;
		for (int from = 0; from < workers.size(); from += BATCH) {
			List<Row> rows = workers.subList(from, Math.min(from + BATCH, workers.size())).stream()
				.map(this::protect)
				.toList();
			int[] inserted;
			try {
				inserted = template.batchUpdate(INSERT, rows, rows.size(), JdbcWorkers::bind)[0];
			}
			catch (DataIntegrityViolationException ex) {
				throw translate(ex);
			}
			for (int i = 0; i < inserted.length; i++) {
				if (inserted[i] == 0) {
					throw new DuplicateWorkerException(rows.get(i).worker().idNumber().masked());
				}
				registered += inserted[i];
			}
			audit.recordAll("worker.registered", "worker", rows.stream()
				.map(row -> new Audit.Entry(row.worker().idNumber().masked(), row.worker().residence(), summary(row.worker())))
				.toList());
		}
		return registered;
	}

	/** What the audit keeps of a registration: no full personal number. */
	private static java.util.Map<String, Object> summary(NewWorker worker) {
		return java.util.Map.of("name", worker.name(), "idNumber", worker.idNumber().masked(), "residence",
				worker.residence().value(), "status", worker.status().name(), "plan", worker.plan().name(),
				"source", worker.source().name());
	}

	private static void bind(PreparedStatement ps, Row row) throws SQLException {
		NewWorker w = row.worker();
		ResidentIdNumber id = w.idNumber();
		ps.setString(1, w.name());
		ps.setBytes(2, row.idSealed());
		ps.setBytes(3, row.idIndex());
		ps.setString(4, id.masked());
		ps.setObject(5, id.birthDate());
		ps.setString(6, id.sex().name());
		ps.setString(7, id.origin().value());
		ps.setBytes(8, row.mobileSealed());
		ps.setBytes(9, row.mobileIndex());
		ps.setString(10, w.mobile() == null ? null : w.mobile().masked());
		ps.setString(11, w.residence().value());
		if (w.employerId() == null) {
			ps.setNull(12, Types.BIGINT);
		}
		else {
			ps.setLong(12, w.employerId());
		}
		ps.setString(13, w.status().name());
		ps.setString(14, w.occupationCode());
		Array groups = ps.getConnection().createArrayOf("text",
				w.keyGroups().stream().map(KeyGroup::name).toArray(String[]::new));
		ps.setArray(15, groups);
		ps.setString(16, w.plan().name());
		ps.setString(17, w.source().name());
	}

	private static RuntimeException translate(DataIntegrityViolationException ex) {
		return PostgresConstraint.of(ex).<RuntimeException>map(constraint -> switch (constraint) {
			case "worker_residence_fk" -> new InvalidRequestException("residence", "worker.residence.unknown");
			case "worker_employer_fk" -> new InvalidRequestException("employerId", "worker.employer.unknown");
			case "worker_occupation_fk" -> new InvalidRequestException("occupationCode", "worker.occupation.unknown");
			default -> ex;
		}).orElse(ex);
	}

	@Override
	@Transactional
	public Optional<String> reveal(long workerId, PersonalNumber number) {
		String column = number == PersonalNumber.ID_NUMBER ? "id_number_sealed" : "mobile_sealed";
		record Sealed(byte[] value, String region) {
		}
		Optional<Sealed> sealed = jdbc.sql("select " + column + ", residence_region from worker where id = ?")
			.param(workerId)
			.query((rs, n) -> new Sealed(rs.getBytes(1), rs.getString(2)))
			.optional()
			.filter(s -> s.value() != null);
		sealed.ifPresent(s -> audit.record("personalData.revealed", "worker", String.valueOf(workerId),
				RegionCode.of(s.region()), null, java.util.Map.of("field", number.name())));
		return sealed.map(s -> personalData.open(org.chunfeng.identity.Sealed.fromBytes(s.value())));
	}

	@Override
	public Optional<Worker> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from worker where id = ?").param(id).query(JdbcWorkers::map).optional();
	}

	@Override
	public Optional<Worker> findByIdNumber(ResidentIdNumber idNumber) {
		return jdbc.sql("select " + COLUMNS + " from worker where id_number_index = ?")
			.param(personalData.blindIndex(PersonalData.RESIDENT_ID_NUMBER, idNumber.value()))
			.query(JdbcWorkers::map)
			.optional();
	}

	/** One repeatable-read snapshot: the parts add up even while workers are being registered. */
	@Override
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public WorkerFigures figures() {
		return figures("");
	}

	@Override
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public WorkerFigures figures(RegionCode within) {
		return figures(within.scopePrefix());
	}

	private WorkerFigures figures(String prefix) {
		String scope = prefix + "%";
		Map<FestivalPlan, Long> byPlan = zeros(FestivalPlan.class);
		Map<EmploymentStatus, Long> byStatus = zeros(EmploymentStatus.class);
		Map<KeyGroup, Long> byKeyGroup = zeros(KeyGroup.class);
		long[] total = { 0 };
		// plan and status from one grouping, so both sum to the same total
		jdbc.sql("""
				select festival_plan, employment_status, count(*) from worker
				where residence_region like ? group by festival_plan, employment_status""").param(scope)
			.query(rs -> {
				long n = rs.getLong(3);
				byPlan.merge(FestivalPlan.valueOf(rs.getString(1)), n, Long::sum);
				byStatus.merge(EmploymentStatus.valueOf(rs.getString(2)), n, Long::sum);
				total[0] += n;
			});
		jdbc.sql("""
				select g.key_group, count(*) from worker w cross join unnest(w.key_groups) as g (key_group)
				where w.residence_region like ? group by g.key_group""").param(scope)
			.query(rs -> {
				byKeyGroup.put(KeyGroup.valueOf(rs.getString(1)), rs.getLong(2));
			});
		Map<String, String> provinceNames = regions.children(null).stream()
			.collect(Collectors.toMap(r -> r.code().value(), Region::name));
		List<ProvinceCount> byProvince = new ArrayList<>();
		jdbc.sql("""
				select substr(hukou_region, 1, 2) || '0000' as province, count(*) as n from worker
				where residence_region like ? group by 1 order by n desc, province""").param(scope)
			.query(rs -> {
				String province = rs.getString(1);
				byProvince.add(new ProvinceCount(RegionCode.of(province),
						provinceNames.getOrDefault(province, province), rs.getLong(2)));
			});
		return new WorkerFigures(total[0], byPlan, byStatus, byKeyGroup, byProvince);
	}

	private static <E extends Enum<E>> Map<E, Long> zeros(Class<E> type) {
		Map<E, Long> counts = new EnumMap<>(type);
		for (E value : type.getEnumConstants()) {
			counts.put(value, 0L);
		}
		return counts;
	}

	static Worker map(ResultSet rs, int row) throws SQLException {
		Set<KeyGroup> groups = EnumSet.noneOf(KeyGroup.class);
		for (String group : (String[]) rs.getArray("key_groups").getArray()) {
			groups.add(KeyGroup.valueOf(group));
		}
		String mobileMasked = rs.getString("mobile_masked");
		Timestamp created = rs.getTimestamp("created_at");
		return new Worker(rs.getLong("id"), rs.getString("name"), rs.getString("id_number_masked"),
				rs.getObject("birth_date", LocalDate.class), Sex.valueOf(rs.getString("sex")),
				RegionCode.of(rs.getString("hukou_region")), mobileMasked, RegionCode.of(rs.getString("residence_region")),
				rs.getObject("employer_id", Long.class), EmploymentStatus.valueOf(rs.getString("employment_status")),
				rs.getString("occupation_code"), groups, FestivalPlan.valueOf(rs.getString("festival_plan")),
				RegistrationSource.valueOf(rs.getString("source")), created == null ? null : created.toInstant(),
				rs.getInt("version"));
	}
}
