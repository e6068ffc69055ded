package org.chunfeng.workers.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.chunfeng.identity.Audit;
import org.chunfeng.identity.PersonalData;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.platform.ConflictException;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.platform.NotFoundException;
import org.chunfeng.platform.PageQuery;
import org.chunfeng.platform.Paged;
import org.chunfeng.platform.UpsertCounts;
import org.chunfeng.platform.database.PostgresConstraint;
import org.chunfeng.reference.MobileNumber;
import org.chunfeng.reference.Region;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.reference.Regions;
import org.chunfeng.reference.ResidentIdNumber;
import org.chunfeng.reference.ResidentIdNumber.Sex;
import org.chunfeng.workers.BankAccount;
import org.chunfeng.workers.DuplicateWorkerException;
import org.chunfeng.workers.Education;
import org.chunfeng.workers.EmploymentStatus;
import org.chunfeng.workers.FestivalPlan;
import org.chunfeng.workers.KeyGroup;
import org.chunfeng.workers.NewWorker;
import org.chunfeng.workers.PersonalNumber;
import org.chunfeng.workers.PlanDetails;
import org.chunfeng.workers.PlanVersion;
import org.chunfeng.workers.RegistrationSource;
import org.chunfeng.workers.Worker;
import org.chunfeng.workers.WorkerFigures;
import org.chunfeng.workers.WorkerFigures.ProvinceCount;
import org.chunfeng.workers.WorkerProfile;
import org.chunfeng.workers.WorkerQuery;
import org.chunfeng.workers.Workers;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcWorkers implements Workers {

	static final String BANK_ACCOUNT = "bank-account";

	private static final java.util.HexFormat HEX = java.util.HexFormat.of();

	static final String COLUMNS = """
			id, name, id_number_masked, birth_date, sex, hukou_region, mobile_masked, residence_region, address,
			employer_id, employment_status, occupations, skills, education, expected_wage, preferred_industries,
			preferred_regions, key_groups, consent_at, bank_name, bank_account_masked, festival_plan, plan_leave_date,
			plan_return_date, plan_home_region, plan_waiting_employer_id, plan_note, plan_version, source, merged_into,
			created_at, updated_at, version""";

	/** Separates the items of a list column passed as one text (lists of lists cannot be unnested). */
	private static final String SEPARATOR = "\u001f";

	/**
	 * Many rows in one statement: each column travels as one array. The same select feeds both the plain insert and
	 * the import's upsert.
	 */
	private static final String INSERT = """
			insert into worker (name, id_number_sealed, id_number_index, id_number_masked, birth_date, sex,
			                    hukou_region, mobile_sealed, mobile_index, mobile_masked, residence_region, address,
			                    employer_id, employment_status, occupations, skills, education, expected_wage,
			                    preferred_industries, preferred_regions, key_groups, consent_at, bank_name,
			                    bank_account_sealed, bank_account_index, bank_account_masked, festival_plan,
			                    plan_leave_date, plan_return_date, plan_home_region, plan_waiting_employer_id, plan_note,
			                    source)
			select t.name, t.id_sealed, t.id_index, t.id_masked, t.birth_date::date, t.sex, t.hukou,
			       t.mobile_sealed, t.mobile_index, t.mobile_masked, t.residence, t.address, t.employer, t.status,
			       string_to_array(t.occupations, E'\\x1f'), string_to_array(t.skills, E'\\x1f'), t.education, t.wage,
			       string_to_array(t.industries, E'\\x1f'), string_to_array(t.regions, E'\\x1f')::char(6)[],
			       string_to_array(t.key_groups, E'\\x1f'), case when t.consent then now() end, t.bank_name,
			       t.bank_sealed, t.bank_index, t.bank_masked, t.plan, t.leave_date::date, t.return_date::date,
			       t.home_region, t.waiting_employer, t.note, t.source
			from unnest(?::text[], ?::bytea[], ?::bytea[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bytea[],
			            ?::bytea[], ?::text[], ?::text[], ?::text[], ?::int8[], ?::text[], ?::text[], ?::text[],
			            ?::text[], ?::int4[], ?::text[], ?::text[], ?::text[], ?::bool[], ?::text[], ?::bytea[],
			            ?::bytea[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int8[], ?::text[],
			            ?::text[])
			     as t (name, id_sealed, id_index, id_masked, birth_date, sex, hukou, mobile_sealed, mobile_index,
			           mobile_masked, residence, address, employer, status, occupations, skills, education, wage,
			           industries, regions, key_groups, consent, bank_name, bank_sealed, bank_index, bank_masked,
			           plan, leave_date, return_date, home_region, waiting_employer, note, source)
			""";

	/** The first registration wins; a registered ID number inserts nothing and is reported as a duplicate. */
	private static final String REGISTER = INSERT + " on conflict (id_number_index) do nothing returning id, true, id_number_index";

	/**
	 * The import's upsert: a row whose data equal the stored ones is not touched at all (no new version, no plan
	 * history); personal numbers are compared through their blind indexes, since sealing is randomised. The source
	 * and the first registration time stay as they were.
	 */
	private static final String UPSERT = INSERT + """
			 on conflict (id_number_index) do update set
			    name = excluded.name,
			    mobile_sealed = case when worker.mobile_index is distinct from excluded.mobile_index
			                         then excluded.mobile_sealed else worker.mobile_sealed end,
			    mobile_index = excluded.mobile_index, mobile_masked = excluded.mobile_masked,
			    residence_region = excluded.residence_region, address = excluded.address,
			    employer_id = excluded.employer_id, employment_status = excluded.employment_status,
			    occupations = excluded.occupations, skills = excluded.skills, education = excluded.education,
			    expected_wage = excluded.expected_wage, preferred_industries = excluded.preferred_industries,
			    preferred_regions = excluded.preferred_regions, key_groups = excluded.key_groups,
			    consent_at = case when excluded.consent_at is null then null
			                      else coalesce(worker.consent_at, excluded.consent_at) end,
			    bank_name = excluded.bank_name,
			    bank_account_sealed = case when worker.bank_account_index is distinct from excluded.bank_account_index
			                               then excluded.bank_account_sealed else worker.bank_account_sealed end,
			    bank_account_index = excluded.bank_account_index, bank_account_masked = excluded.bank_account_masked,
			    festival_plan = excluded.festival_plan, plan_leave_date = excluded.plan_leave_date,
			    plan_return_date = excluded.plan_return_date, plan_home_region = excluded.plan_home_region,
			    plan_waiting_employer_id = excluded.plan_waiting_employer_id, plan_note = excluded.plan_note,
			    version = worker.version + 1, updated_at = now()
			where worker.merged_into is null
			  and (worker.name, worker.mobile_index, worker.residence_region, worker.address, worker.employer_id,
			       worker.employment_status, worker.occupations, worker.skills, worker.education, worker.expected_wage,
			       worker.preferred_industries, worker.preferred_regions, worker.key_groups,
			       worker.consent_at is not null, worker.bank_name, worker.bank_account_index, worker.festival_plan,
			       worker.plan_leave_date, worker.plan_return_date, worker.plan_home_region,
			       worker.plan_waiting_employer_id, worker.plan_note)
			      is distinct from
			      (excluded.name, excluded.mobile_index, excluded.residence_region, excluded.address,
			       excluded.employer_id, excluded.employment_status, excluded.occupations, excluded.skills,
			       excluded.education, excluded.expected_wage, excluded.preferred_industries,
			       excluded.preferred_regions, excluded.key_groups, excluded.consent_at is not null,
			       excluded.bank_name, excluded.bank_account_index, excluded.festival_plan, excluded.plan_leave_date,
			       excluded.plan_return_date, excluded.plan_home_region, excluded.plan_waiting_employer_id,
			       excluded.plan_note)
			returning id, (xmax = 0) as added, id_number_index""";

	/** Rows per statement: bounds memory and statement size on large imports. */
	private static final int BATCH = 1000;

	private final JdbcClient jdbc;
	private final JdbcTemplate template;
	private final PersonalData personalData;
	private final Audit audit;
	private final Regions regions;
	private final org.chunfeng.identity.Accounts accounts;

	JdbcWorkers(JdbcClient jdbc, JdbcTemplate template, PersonalData personalData, Regions regions, Audit audit,
			org.chunfeng.identity.Accounts accounts) {
		this.accounts = accounts;
		this.audit = audit;
		this.jdbc = jdbc;
		this.template = template;
		this.personalData = personalData;
		this.regions = regions;
	}

	/** A worker ready to write: personal numbers sealed and indexed. */
	private record Row(NewWorker worker, byte[] idSealed, byte[] idIndex, byte[] mobileSealed, byte[] mobileIndex,
			byte[] bankSealed, byte[] bankIndex) {
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
		byte[] bankSealed = null;
		byte[] bankIndex = null;
		if (worker.bank() != null) {
			bankSealed = personalData.seal(worker.bank().number()).toBytes();
			bankIndex = personalData.blindIndex(BANK_ACCOUNT, worker.bank().number());
		}
		return new Row(worker, personalData.seal(id).toBytes(),
				personalData.blindIndex(PersonalData.RESIDENT_ID_NUMBER, id), mobileSealed, mobileIndex, bankSealed,
				bankIndex);
	}

	/** A record may only be placed inside the caller's region; the database would refuse it anyway, less clearly. */
	private static void checkInScope(RegionCode residence) {
		if (!residence.value().startsWith(RegionScope.currentPrefix())) {
			throw new InvalidRequestException("residence", "worker.residence.outsideScope", residence.value());
		}
	}

	@Override
	@Transactional
	public Worker register(NewWorker worker) {
		checkInScope(worker.profile().residence());
		List<Written> written = write(REGISTER, List.of(protect(worker)));
		if (written.isEmpty()) {
			throw new DuplicateWorkerException(worker.idNumber().masked(),
					findByIdNumber(worker.idNumber()).map(Worker::id).orElse(null));
		}
		Worker registered = find(written.get(0).id()).orElseThrow();
		audit.record("worker.registered", "worker", String.valueOf(registered.id()), registered.residence(), null,
				registered);
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
			rows.forEach(row -> checkInScope(row.worker().profile().residence()));
			Set<String> seen = new HashSet<>();
			for (Row row : rows) {
				if (!seen.add(HEX.formatHex(row.idIndex()))) {
					throw new DuplicateWorkerException(row.worker().idNumber().masked());
				}
			}
			Map<String, Long> ids = new java.util.HashMap<>();
			write(REGISTER, rows).forEach(w -> ids.put(w.index(), w.id()));
			List<Audit.Entry> entries = new ArrayList<>(rows.size());
			for (Row row : rows) {
				Long id = ids.get(HEX.formatHex(row.idIndex()));
				if (id == null) {
					throw new DuplicateWorkerException(row.worker().idNumber().masked());
				}
				entries.add(new Audit.Entry(String.valueOf(id), row.worker().profile().residence(), summary(row.worker())));
			}
			registered += rows.size();
			audit.recordAll("worker.registered", "worker", entries);
		}
		return registered;
	}

	@Override
	@Transactional
	public UpsertCounts upsertAll(List<NewWorker> workers) {
		// one statement cannot write a row twice: a person given twice is refused, naming the number
		Set<String> given = new HashSet<>();
		for (NewWorker worker : workers) {
			if (!given.add(worker.idNumber().value())) {
				throw new DuplicateWorkerException(worker.idNumber().masked());
			}
		}
		UpsertCounts counts = UpsertCounts.NONE;
		for (int from = 0; from < workers.size(); from += BATCH) {
			List<Row> rows = workers.subList(from, Math.min(from + BATCH, workers.size())).stream()
				.map(this::protect)
				.toList();
			rows.forEach(row -> checkInScope(row.worker().profile().residence()));
			List<Written> written = write(UPSERT, rows);
			int added = (int) written.stream().filter(Written::added).count();
			counts = counts.plus(new UpsertCounts(added, written.size() - added, rows.size() - written.size()));
			if (!written.isEmpty()) {
				// one entry per record written, what the row said: no personal number in clear
				Map<String, NewWorker> byIndex = new java.util.HashMap<>();
				rows.forEach(row -> byIndex.put(HEX.formatHex(row.idIndex()), row.worker()));
				List<Audit.Entry> addedEntries = new ArrayList<>();
				List<Audit.Entry> updatedEntries = new ArrayList<>();
				for (Written w : written) {
					NewWorker worker = byIndex.get(w.index());
					(w.added() ? addedEntries : updatedEntries).add(new Audit.Entry(String.valueOf(w.id()),
							worker.profile().residence(), summary(worker)));
				}
				audit.recordAll("worker.imported", "worker", addedEntries);
				audit.recordAll("worker.reimported", "worker", updatedEntries);
			}
		}
		return counts;
	}

	/**
	 * Which of these ID numbers belong to records outside the caller's region (an import reports them instead of
	 * failing as a whole).
	 */
	@Override
	public Set<String> registeredElsewhere(List<ResidentIdNumber> idNumbers) {
		Map<String, String> byIndex = new java.util.HashMap<>();
		for (ResidentIdNumber id : idNumbers) {
			byIndex.put(HEX.formatHex(personalData.blindIndex(PersonalData.RESIDENT_ID_NUMBER, id.value())), id.value());
		}
		if (byIndex.isEmpty()) {
			return Set.of();
		}
		byte[][] indexes = byIndex.keySet().stream().map(HEX::parseHex).toArray(byte[][]::new);
		Set<String> elsewhere = new HashSet<>();
		template.execute((ConnectionCallback<Void>) connection -> {
			try (PreparedStatement ps = connection.prepareStatement("select * from worker_indexes_outside_scope(?)")) {
				ps.setArray(1, connection.createArrayOf("bytea", indexes));
				try (ResultSet rs = ps.executeQuery()) {
					while (rs.next()) {
						elsewhere.add(byIndex.get(HEX.formatHex(rs.getBytes(1))));
					}
				}
			}
			return null;
		});
		return elsewhere;
	}

	/** A row the database wrote. */
	private record Written(long id, boolean added, String index) {
	}

	/** Runs one of the multi-row statements; rows the database skipped do not come back. */
	private List<Written> write(String sql, List<Row> rows) {
		try {
			return template.execute((ConnectionCallback<List<Written>>) connection -> {
				try (PreparedStatement ps = connection.prepareStatement(sql)) {
					bind(connection, ps, rows);
					List<Written> written = new ArrayList<>();
					try (ResultSet rs = ps.executeQuery()) {
						while (rs.next()) {
							written.add(new Written(rs.getLong(1), rs.getBoolean(2), HEX.formatHex(rs.getBytes(3))));
						}
					}
					return written;
				}
			});
		}
		catch (DataIntegrityViolationException ex) {
			throw translate(ex);
		}
	}

	private static void bind(Connection connection, PreparedStatement ps, List<Row> rows) throws SQLException {
		int n = rows.size();
		Object[][] columns = new Object[33][n];
		for (int i = 0; i < n; i++) {
			Row row = rows.get(i);
			NewWorker w = row.worker();
			WorkerProfile p = w.profile();
			ResidentIdNumber id = w.idNumber();
			PlanDetails plan = w.plan();
			Object[] values = { p.name(), row.idSealed(), row.idIndex(), id.masked(), id.birthDate().toString(),
					id.sex().name(), id.origin().value(), row.mobileSealed(), row.mobileIndex(),
					w.mobile() == null ? null : w.mobile().masked(), p.residence().value(), p.address(), p.employerId(),
					p.status().name(), joined(p.occupations()), joined(p.skills()),
					p.education() == null ? null : p.education().name(), p.expectedWage(),
					joined(p.preferredIndustries()), joined(p.preferredRegions().stream().map(RegionCode::value).toList()),
					joined(p.keyGroups().stream().map(KeyGroup::name).toList()), p.consent(),
					w.bank() == null ? null : w.bank().bankName(), row.bankSealed(), row.bankIndex(),
					w.bank() == null ? null : w.bank().masked(), plan.plan().name(),
					plan.leaveDate() == null ? null : plan.leaveDate().toString(),
					plan.returnDate() == null ? null : plan.returnDate().toString(),
					plan.homeRegion() == null ? null : plan.homeRegion().value(), plan.waitingEmployerId(), plan.note(),
					w.source().name() };
			for (int c = 0; c < values.length; c++) {
				columns[c][i] = values[c];
			}
		}
		String[] types = { "text", "bytea", "bytea", "text", "text", "text", "text", "bytea", "bytea", "text", "text",
				"text", "int8", "text", "text", "text", "text", "int4", "text", "text", "text", "bool", "text", "bytea",
				"bytea", "text", "text", "text", "text", "text", "int8", "text", "text" };
		for (int c = 0; c < types.length; c++) {
			ps.setArray(c + 1, connection.createArrayOf(types[c], typed(types[c], columns[c])));
		}
	}

	private static Object[] typed(String type, Object[] values) {
		return switch (type) {
			case "bytea" -> Arrays.copyOf(values, values.length, byte[][].class);
			case "int8" -> Arrays.copyOf(values, values.length, Long[].class);
			case "int4" -> Arrays.copyOf(values, values.length, Integer[].class);
			case "bool" -> Arrays.copyOf(values, values.length, Boolean[].class);
			default -> Arrays.copyOf(values, values.length, String[].class);
		};
	}

	/** A list as one text; an empty list as an empty text, which string_to_array turns into an empty array. */
	private static String joined(List<String> items) {
		return String.join(SEPARATOR, items);
	}

	/** What the audit keeps of a batch registration: no full personal number. */
	private static Map<String, Object> summary(NewWorker worker) {
		return Map.of("name", worker.profile().name(), "idNumber", worker.idNumber().masked(), "residence",
				worker.profile().residence().value(), "status", worker.profile().status().name(), "plan",
				worker.plan().plan().name(), "source", worker.source().name());
	}

	static RuntimeException translate(DataIntegrityViolationException ex) {
		return PostgresConstraint.of(ex).<RuntimeException>map(constraint -> switch (constraint) {
			case "worker_residence_fk" -> new InvalidRequestException("residence", "worker.residence.unknown");
			case "worker_employer_fk" -> new InvalidRequestException("employerId", "worker.employer.unknown");
			case "worker_waiting_employer_fk" ->
				new InvalidRequestException("waitingEmployerId", "worker.employer.unknown");
			case "worker_occupations_fk" -> new InvalidRequestException("occupations", "worker.occupation.unknown");
			case "worker_preferred_industries_fk" ->
				new InvalidRequestException("preferredIndustries", "worker.industry.unknown");
			case "worker_preferred_regions_fk" ->
				new InvalidRequestException("preferredRegions", "worker.region.unknown");
			default -> ex;
		}).orElse(ex);
	}

	@Override
	@Transactional
	public Worker update(long id, int version, WorkerProfile profile, PlanDetails plan, MobileNumber mobile,
			BankAccount bank) {
		Worker before = find(id).orElseThrow(() -> new NotFoundException("kind.worker", String.valueOf(id)));
		if (before.merged()) {
			throw new InvalidRequestException("id", "worker.merged.readOnly", before.mergedInto());
		}
		checkInScope(profile.residence());
		List<Object> params = new ArrayList<>(List.of(profile.name(), profile.residence().value()));
		StringBuilder sql = new StringBuilder("""
				update worker set name = ?, residence_region = ?, address = ?, employer_id = ?, employment_status = ?,
				    occupations = ?, skills = ?, education = ?, expected_wage = ?, preferred_industries = ?,
				    preferred_regions = ?::char(6)[], key_groups = ?,
				    consent_at = case when ? then coalesce(consent_at, now()) end,
				    festival_plan = ?, plan_leave_date = ?, plan_return_date = ?, plan_home_region = ?,
				    plan_waiting_employer_id = ?, plan_note = ?,
				    version = version + 1, updated_at = now()""");
		params.add(profile.address());
		params.add(profile.employerId());
		params.add(profile.status().name());
		params.add(profile.occupations().toArray(String[]::new));
		params.add(profile.skills().toArray(String[]::new));
		params.add(profile.education() == null ? null : profile.education().name());
		params.add(profile.expectedWage());
		params.add(profile.preferredIndustries().toArray(String[]::new));
		params.add(profile.preferredRegions().stream().map(RegionCode::value).toArray(String[]::new));
		params.add(profile.keyGroups().stream().map(KeyGroup::name).toArray(String[]::new));
		params.add(profile.consent());
		params.add(plan.plan().name());
		params.add(plan.leaveDate());
		params.add(plan.returnDate());
		params.add(plan.homeRegion() == null ? null : plan.homeRegion().value());
		params.add(plan.waitingEmployerId());
		params.add(plan.note());
		if (mobile != null) {
			sql.append(", mobile_sealed = ?, mobile_index = ?, mobile_masked = ?");
			params.add(personalData.seal(mobile.value()).toBytes());
			params.add(personalData.blindIndex(PersonalData.MOBILE_NUMBER, mobile.value()));
			params.add(mobile.masked());
		}
		if (bank != null) {
			sql.append(", bank_name = ?, bank_account_sealed = ?, bank_account_index = ?, bank_account_masked = ?");
			params.add(bank.bankName());
			params.add(personalData.seal(bank.number()).toBytes());
			params.add(personalData.blindIndex(BANK_ACCOUNT, bank.number()));
			params.add(bank.masked());
		}
		sql.append(" where id = ? and version = ? and merged_into is null");
		params.add(id);
		params.add(version);
		int updated;
		try {
			updated = template.update(sql.toString(), params.stream().map(JdbcWorkers::sqlValue).toArray());
		}
		catch (DataIntegrityViolationException ex) {
			throw translate(ex);
		}
		if (updated == 0) {
			int current = jdbc.sql("select version from worker where id = ?").param(id).query(Integer.class)
				.optional()
				.orElseThrow(() -> new NotFoundException("kind.worker", String.valueOf(id)));
			throw new ConflictException("kind.worker", String.valueOf(id), current);
		}
		Worker after = find(id).orElseThrow();
		audit.record("worker.updated", "worker", String.valueOf(id), after.residence(), before, after);
		return after;
	}

	/** Arrays as SQL arrays, everything else as it is. */
	private static Object sqlValue(Object value) {
		if (value instanceof String[] strings) {
			return new TextArray(strings);
		}
		return value;
	}

	/** A text[] bound without a connection at hand. */
	private record TextArray(String[] values) implements org.springframework.jdbc.support.SqlValue {

		@Override
		public void setValue(PreparedStatement ps, int index) throws SQLException {
			ps.setArray(index, ps.getConnection().createArrayOf("text", values));
		}

		@Override
		public void cleanup() {
		}
	}

	@Override
	public List<PlanVersion> planHistory(long workerId) {
		return jdbc.sql("""
				select worker_id, version, plan, leave_date, return_date, home_region, waiting_employer_id, note,
				       recorded_at, recorded_by
				from festival_plan_history
				where worker_id = ? or worker_id in (select id from worker where merged_into = ?)
				order by recorded_at desc, version desc""")
			.params(workerId, workerId)
			.query((rs, n) -> new PlanVersion(rs.getLong("worker_id"), rs.getInt("version"), planOf(rs, "plan",
					"leave_date", "return_date", "home_region", "waiting_employer_id", "note"),
					rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by")))
			.list();
	}

	@Override
	@Transactional
	public Worker merge(long keepId, long duplicateId) {
		if (keepId == duplicateId) {
			throw new InvalidRequestException("duplicateId", "worker.merge.same");
		}
		// both rows locked in id order, so two merges of the same pair cannot interleave
		List<Worker> locked = jdbc.sql("select " + COLUMNS + " from worker where id in (?, ?) order by id for update")
			.params(keepId, duplicateId)
			.query(JdbcWorkers::map)
			.list();
		Worker keep = locked.stream().filter(w -> w.id() == keepId).findFirst()
			.orElseThrow(() -> new NotFoundException("kind.worker", String.valueOf(keepId)));
		Worker duplicate = locked.stream().filter(w -> w.id() == duplicateId).findFirst()
			.orElseThrow(() -> new NotFoundException("kind.worker", String.valueOf(duplicateId)));
		if (keep.merged()) {
			throw new InvalidRequestException("keepId", "worker.merged.readOnly", keep.mergedInto());
		}
		if (duplicate.merged()) {
			throw new InvalidRequestException("duplicateId", "worker.merged.readOnly", duplicate.mergedInto());
		}
		// records merged earlier into the duplicate now point at the kept one, so the chain stays one step long
		jdbc.sql("update worker set merged_into = ?, version = version + 1, updated_at = now() where merged_into = ?")
			.params(keepId, duplicateId)
			.update();
		jdbc.sql("update worker set merged_into = ?, version = version + 1, updated_at = now() where id = ?")
			.params(keepId, duplicateId)
			.update();
		jdbc.sql("update worker set version = version + 1, updated_at = now() where id = ?").param(keepId).update();
		boolean accountMoved = accounts.reassignWorker(duplicateId, keepId);
		Worker merged = find(duplicateId).orElseThrow();
		audit.record("worker.merged", "worker", String.valueOf(duplicateId), merged.residence(), duplicate, merged);
		audit.record("worker.mergedInto", "worker", String.valueOf(keepId), keep.residence(), null,
				Map.of("merged", duplicateId, "mergedIdNumber", duplicate.idNumberMasked(), "accountMoved", accountMoved));
		return find(keepId).orElseThrow();
	}

	@Override
	public List<Worker> mergedInto(long workerId) {
		return jdbc.sql("select " + COLUMNS + " from worker where merged_into = ? order by id")
			.param(workerId)
			.query(JdbcWorkers::map)
			.list();
	}

	@Override
	@Transactional
	public Optional<String> reveal(long workerId, PersonalNumber number) {
		String column = switch (number) {
			case ID_NUMBER -> "id_number_sealed";
			case MOBILE -> "mobile_sealed";
			case BANK_ACCOUNT -> "bank_account_sealed";
		};
		record Sealed(byte[] value, String region) {
		}
		Optional<Sealed> sealed = jdbc.sql("select " + column + ", residence_region from worker where id = ?")
			.param(workerId)
			.query((rs, n) -> new Sealed(rs.getBytes(1), rs.getString(2)))
			.optional()
			.filter(s -> s.value() != null);
		sealed.ifPresent(s -> audit.record("personalData.revealed", "worker", String.valueOf(workerId),
				RegionCode.of(s.region()), null, Map.of("field", number.name())));
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

	@Override
	public List<Worker> findByMobile(MobileNumber mobile) {
		return jdbc.sql("select " + COLUMNS + " from worker where mobile_index = ? order by id")
			.param(personalData.blindIndex(PersonalData.MOBILE_NUMBER, mobile.value()))
			.query(JdbcWorkers::map)
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public Paged<Worker> search(WorkerQuery query, PageQuery page) {
		return filter(query).page(jdbc, "select " + COLUMNS + " from worker", "worker", "name, id", page,
				JdbcWorkers::map);
	}

	@Override
	@Transactional(readOnly = true)
	public void forEach(WorkerQuery query, Consumer<Worker> action) {
		filter(query).stream(template, "select " + COLUMNS + " from worker", "name, id", rs -> {
			action.accept(map(rs, 0));
		});
	}

	@Override
	@Transactional
	public void forEachRevealed(WorkerQuery query,
			java.util.function.BiConsumer<Worker, Map<PersonalNumber, String>> action) {
		long[] count = { 0 };
		filter(query).stream(template,
				"select " + COLUMNS + ", id_number_sealed, mobile_sealed, bank_account_sealed from worker", "name, id",
				rs -> {
					Map<PersonalNumber, String> numbers = new EnumMap<>(PersonalNumber.class);
					open(rs.getBytes("id_number_sealed")).ifPresent(v -> numbers.put(PersonalNumber.ID_NUMBER, v));
					open(rs.getBytes("mobile_sealed")).ifPresent(v -> numbers.put(PersonalNumber.MOBILE, v));
					open(rs.getBytes("bank_account_sealed")).ifPresent(v -> numbers.put(PersonalNumber.BANK_ACCOUNT, v));
					action.accept(map(rs, 0), numbers);
					count[0]++;
				});
		// exports are made by users: the entry belongs to their region
		RegionCode region = RegionScope.currentActor().map(org.chunfeng.identity.Actor::region).orElseThrow();
		audit.record("personalData.exported", "worker", null, region, null,
				Map.of("filter", String.valueOf(query), "records", count[0]));
	}

	private Optional<String> open(byte[] sealed) {
		return sealed == null ? Optional.empty()
				: Optional.of(personalData.open(org.chunfeng.identity.Sealed.fromBytes(sealed)));
	}

	private org.chunfeng.platform.database.Filtered filter(WorkerQuery query) {
		List<String> clauses = new ArrayList<>(List.of("merged_into is null"));
		List<Object> params = new ArrayList<>();
		if (query.text() != null) {
			Optional<byte[]> index = exactIndex(query.text());
			if (index.isPresent()) {
				clauses.add("(id_number_index = ? or mobile_index = ?)");
				params.add(index.get());
				params.add(index.get());
			}
			else {
				clauses.add("name like ?");
				params.add("%" + likeEscaped(query.text()) + "%");
			}
		}
		if (query.region() != null) {
			clauses.add("residence_region like ?");
			params.add(query.region().scopePrefix() + "%");
		}
		if (query.status() != null) {
			clauses.add("employment_status = ?");
			params.add(query.status().name());
		}
		if (query.keyGroup() != null) {
			clauses.add("key_groups @> array[?]::text[]");
			params.add(query.keyGroup().name());
		}
		if (query.plan() != null) {
			clauses.add("festival_plan = ?");
			params.add(query.plan().name());
		}
		if (query.occupation() != null) {
			if (query.occupation().matches("[0-9]-[0-9]{2}-[0-9]{2}-[0-9]{2}")) {
				// exact code: the GIN index answers
				clauses.add("occupations @> array[?]::varchar(12)[]");
				params.add(query.occupation());
			}
			else {
				clauses.add("exists (select 1 from unnest(occupations) o where o like ?)");
				params.add(likeEscaped(query.occupation()) + "%");
			}
		}
		return org.chunfeng.platform.database.Filtered.of(clauses, params);
	}

	/**
	 * The blind index to look up when the text is a whole ID number or mobile number (both purposes are tried by
	 * the caller through one index: an ID number's index never equals a mobile's, the purposes differ).
	 */
	private Optional<byte[]> exactIndex(String text) {
		String compact = text.replace(" ", "");
		try {
			ResidentIdNumber id = ResidentIdNumber.parse(compact);
			return Optional.of(personalData.blindIndex(PersonalData.RESIDENT_ID_NUMBER, id.value()));
		}
		catch (RuntimeException notAnIdNumber) {
			// try a mobile number next
		}
		try {
			MobileNumber mobile = MobileNumber.of(compact);
			return Optional.of(personalData.blindIndex(PersonalData.MOBILE_NUMBER, mobile.value()));
		}
		catch (RuntimeException notAMobile) {
			return Optional.empty();
		}
	}

	private static String likeEscaped(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
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
		// plan and status from one grouping, so both sum to the same total; merged records are not people
		jdbc.sql("""
				select festival_plan, employment_status, count(*) from worker
				where residence_region like ? and merged_into is null
				group by festival_plan, employment_status""").param(scope)
			.query(rs -> {
				long n = rs.getLong(3);
				byPlan.merge(FestivalPlan.valueOf(rs.getString(1)), n, Long::sum);
				byStatus.merge(EmploymentStatus.valueOf(rs.getString(2)), n, Long::sum);
				total[0] += n;
			});
		jdbc.sql("""
				select g.key_group, count(*) from worker w cross join unnest(w.key_groups) as g (key_group)
				where w.residence_region like ? and w.merged_into is null group by g.key_group""").param(scope)
			.query(rs -> {
				byKeyGroup.put(KeyGroup.valueOf(rs.getString(1)), rs.getLong(2));
			});
		Map<String, String> provinceNames = regions.children(null).stream()
			.collect(Collectors.toMap(r -> r.code().value(), Region::name));
		List<ProvinceCount> byProvince = new ArrayList<>();
		jdbc.sql("""
				select substr(hukou_region, 1, 2) || '0000' as province, count(*) as n from worker
				where residence_region like ? and merged_into is null group by 1 order by n desc, province""")
			.param(scope)
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

	private static List<String> strings(ResultSet rs, String column) throws SQLException {
		Array array = rs.getArray(column);
		return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(o -> ((String) o).strip()).toList();
	}

	private static PlanDetails planOf(ResultSet rs, String plan, String leave, String ret, String home,
			String waiting, String note) throws SQLException {
		String homeRegion = rs.getString(home);
		return new PlanDetails(FestivalPlan.valueOf(rs.getString(plan)), rs.getObject(leave, LocalDate.class),
				rs.getObject(ret, LocalDate.class), homeRegion == null ? null : RegionCode.of(homeRegion),
				rs.getObject(waiting, Long.class), rs.getString(note));
	}

	static Worker map(ResultSet rs, int row) throws SQLException {
		Set<KeyGroup> groups = EnumSet.noneOf(KeyGroup.class);
		for (String group : strings(rs, "key_groups")) {
			groups.add(KeyGroup.valueOf(group));
		}
		String education = rs.getString("education");
		WorkerProfile profile = new WorkerProfile(rs.getString("name"), RegionCode.of(rs.getString("residence_region")),
				rs.getString("address"), rs.getObject("employer_id", Long.class),
				EmploymentStatus.valueOf(rs.getString("employment_status")), strings(rs, "occupations"),
				strings(rs, "skills"), education == null ? null : Education.valueOf(education),
				rs.getObject("expected_wage", Integer.class), strings(rs, "preferred_industries"),
				strings(rs, "preferred_regions").stream().map(RegionCode::of).toList(), groups,
				rs.getTimestamp("consent_at") != null);
		Timestamp created = rs.getTimestamp("created_at");
		Timestamp updated = rs.getTimestamp("updated_at");
		Timestamp consent = rs.getTimestamp("consent_at");
		return new Worker(rs.getLong("id"), rs.getString("id_number_masked"), rs.getObject("birth_date", LocalDate.class),
				Sex.valueOf(rs.getString("sex")), RegionCode.of(rs.getString("hukou_region")),
				rs.getString("mobile_masked"), rs.getString("bank_name"), rs.getString("bank_account_masked"), profile,
				consent == null ? null : consent.toInstant(),
				planOf(rs, "festival_plan", "plan_leave_date", "plan_return_date", "plan_home_region",
						"plan_waiting_employer_id", "plan_note"),
				rs.getInt("plan_version"), RegistrationSource.valueOf(rs.getString("source")),
				rs.getObject("merged_into", Long.class), created == null ? null : created.toInstant(),
				updated == null ? null : updated.toInstant(), rs.getInt("version"));
	}
}
