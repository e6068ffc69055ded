package org.chunfeng.enterprises.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.chunfeng.enterprises.Contact;
import org.chunfeng.enterprises.DuplicateEnterpriseException;
import org.chunfeng.enterprises.Enterprise;
import org.chunfeng.enterprises.EnterpriseFigures;
import org.chunfeng.enterprises.EnterpriseFigures.SectionCount;
import org.chunfeng.enterprises.EnterpriseQuery;
import org.chunfeng.enterprises.Enterprises;
import org.chunfeng.enterprises.EnterprisesMerged;
import org.chunfeng.enterprises.EvidenceSource;
import org.chunfeng.enterprises.InsuranceEvidence;
import org.chunfeng.enterprises.InsuranceYear;
import org.chunfeng.enterprises.InsuredEnterprise;
import org.chunfeng.enterprises.KeyCategory;
import org.chunfeng.enterprises.NewContact;
import org.chunfeng.enterprises.NewEnterprise;
import org.chunfeng.enterprises.SizeClass;
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
import org.chunfeng.reference.CreditCode;
import org.chunfeng.reference.Money;
import org.chunfeng.reference.RegionCode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

@Service
class JdbcEnterprises implements Enterprises {

	static final String COLUMNS = """
			id, credit_code, name, region_code, address, industry_code, employee_count, key_category, labour_dispatch,
			revenue_yuan, total_assets_yuan, size_class, merged_into, created_at, updated_at, version""";

	/** Many rows in one statement, each column as one array. */
	private static final String INSERT = """
			insert into enterprise (credit_code, name, region_code, address, industry_code, employee_count,
			                        key_enterprise, key_category, labour_dispatch, revenue_yuan, total_assets_yuan,
			                        size_class)
			select * from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int4[], ?::bool[], ?::text[],
			                     ?::bool[], ?::int8[], ?::int8[], ?::text[])
			""";

	/** A taken credit code inserts nothing and is reported as a duplicate, also for a concurrent twin. */
	private static final String REGISTER = INSERT + " on conflict (credit_code) do nothing returning id, true";

	/** The import's upsert: an equal row is not touched (no new version, no audit entry). */
	private static final String UPSERT = INSERT + """
			 on conflict (credit_code) do update set
			    name = excluded.name, region_code = excluded.region_code, address = excluded.address,
			    industry_code = excluded.industry_code, employee_count = excluded.employee_count,
			    key_enterprise = excluded.key_enterprise, key_category = excluded.key_category,
			    labour_dispatch = excluded.labour_dispatch, revenue_yuan = excluded.revenue_yuan,
			    total_assets_yuan = excluded.total_assets_yuan, size_class = excluded.size_class,
			    version = enterprise.version + 1, updated_at = now()
			where enterprise.merged_into is null
			  and (enterprise.name, enterprise.region_code, enterprise.address, enterprise.industry_code,
			       enterprise.employee_count, enterprise.key_category, enterprise.labour_dispatch,
			       enterprise.revenue_yuan, enterprise.total_assets_yuan)
			      is distinct from
			      (excluded.name, excluded.region_code, excluded.address, excluded.industry_code,
			       excluded.employee_count, excluded.key_category, excluded.labour_dispatch, excluded.revenue_yuan,
			       excluded.total_assets_yuan)
			returning id, (xmax = 0)""";

	/** Rows per statement: bounds memory and statement size on large imports. */
	private static final int BATCH = 1000;

	private final JdbcClient jdbc;
	private final JdbcTemplate template;
	private final Audit audit;
	private final PersonalData personalData;
	private final ApplicationEventPublisher publisher;
	private final org.chunfeng.identity.Accounts accounts;

	JdbcEnterprises(JdbcClient jdbc, JdbcTemplate template, Audit audit, PersonalData personalData,
			ApplicationEventPublisher publisher, org.chunfeng.identity.Accounts accounts) {
		this.accounts = accounts;
		this.publisher = publisher;
		this.jdbc = jdbc;
		this.template = template;
		this.audit = audit;
		this.personalData = personalData;
	}

	/** A record may only be placed inside the caller's region; the database would refuse it anyway, less clearly. */
	private static void checkInScope(RegionCode region) {
		if (!region.value().startsWith(RegionScope.currentPrefix())) {
			throw new InvalidRequestException("region", "enterprise.region.outsideScope", region.value());
		}
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
		Set<String> seen = new HashSet<>();
		for (NewEnterprise e : enterprises) {
			checkInScope(e.region());
			if (!seen.add(e.creditCode().value())) {
				throw new DuplicateEnterpriseException(e.creditCode());
			}
		}
		for (int from = 0; from < enterprises.size(); from += BATCH) {
			List<NewEnterprise> batch = enterprises.subList(from, Math.min(from + BATCH, enterprises.size()));
			if (write(REGISTER, batch).size() < batch.size()) {
				// only records inside the caller's region are found here: one outside stays anonymous
				Map<String, Long> existing = new HashMap<>();
				jdbc.sql("""
						select credit_code, id from enterprise where credit_code = any(?) and created_at < now()""")
					.param(batch.stream().map(e -> e.creditCode().value()).toArray(String[]::new))
					.query(rs -> {
						existing.put(rs.getString(1), rs.getLong(2));
					});
				throw batch.stream()
					.map(NewEnterprise::creditCode)
					.filter(code -> existing.containsKey(code.value()))
					.findFirst()
					.map(code -> new DuplicateEnterpriseException(code, existing.get(code.value())))
					.orElseGet(() -> new DuplicateEnterpriseException(batch.getFirst().creditCode()));
			}
		}
		List<Enterprise> registered = byCodes(enterprises);
		audit.recordAll("enterprise.registered", "enterprise", registered.stream()
			.map(e -> new Audit.Entry(String.valueOf(e.id()), e.region(), e))
			.toList());
		return registered;
	}

	private List<Enterprise> byCodes(List<NewEnterprise> enterprises) {
		List<String> codes = enterprises.stream().map(e -> e.creditCode().value()).toList();
		Map<String, Enterprise> byCode = new HashMap<>();
		jdbc.sql("select " + COLUMNS + " from enterprise where credit_code = any(?)")
			.param(codes.toArray(String[]::new))
			.query(JdbcEnterprises::map)
			.list()
			.forEach(e -> byCode.put(e.creditCode().value(), e));
		return codes.stream().map(byCode::get).toList();
	}

	@Override
	@Transactional
	public UpsertCounts upsertAll(List<NewEnterprise> enterprises) {
		// one statement cannot write a row twice: an enterprise given twice is refused, naming the code
		Set<String> given = new HashSet<>();
		for (NewEnterprise enterprise : enterprises) {
			if (!given.add(enterprise.creditCode().value())) {
				throw new DuplicateEnterpriseException(enterprise.creditCode());
			}
		}
		UpsertCounts counts = UpsertCounts.NONE;
		enterprises.forEach(e -> checkInScope(e.region()));
		for (int from = 0; from < enterprises.size(); from += BATCH) {
			List<NewEnterprise> batch = enterprises.subList(from, Math.min(from + BATCH, enterprises.size()));
			List<long[]> written = write(UPSERT, batch);
			int added = (int) written.stream().filter(w -> w[1] == 1).count();
			counts = counts.plus(new UpsertCounts(added, written.size() - added, batch.size() - written.size()));
			if (!written.isEmpty()) {
				Map<Long, Boolean> addedById = new HashMap<>();
				written.forEach(w -> addedById.put(w[0], w[1] == 1));
				List<Audit.Entry> addedEntries = new ArrayList<>();
				List<Audit.Entry> updatedEntries = new ArrayList<>();
				jdbc.sql("select " + COLUMNS + " from enterprise where id = any(?)")
					.param(addedById.keySet().toArray(Long[]::new))
					.query(JdbcEnterprises::map)
					.list()
					.forEach(e -> (addedById.get(e.id()) ? addedEntries : updatedEntries)
						.add(new Audit.Entry(String.valueOf(e.id()), e.region(), e)));
				audit.recordAll("enterprise.imported", "enterprise", addedEntries);
				audit.recordAll("enterprise.reimported", "enterprise", updatedEntries);
			}
		}
		return counts;
	}

	@Override
	public Set<CreditCode> registeredElsewhere(List<CreditCode> codes) {
		if (codes.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.sql("select * from enterprise_codes_outside_scope(?)")
			.param(codes.stream().map(CreditCode::value).toArray(String[]::new))
			.query((rs, n) -> CreditCode.of(rs.getString(1)))
			.list());
	}

	/** Runs one of the multi-row statements; each written row comes back as {id, 1 if added else 0}. */
	private List<long[]> write(String sql, List<NewEnterprise> rows) {
		try {
			return template.execute((ConnectionCallback<List<long[]>>) connection -> {
				try (PreparedStatement ps = connection.prepareStatement(sql)) {
					int n = rows.size();
					String[][] text = new String[6][n];
					Integer[] employees = new Integer[n];
					Boolean[] key = new Boolean[n];
					Boolean[] dispatch = new Boolean[n];
					Long[] revenue = new Long[n];
					Long[] assets = new Long[n];
					for (int i = 0; i < n; i++) {
						NewEnterprise e = rows.get(i);
						text[0][i] = e.creditCode().value();
						text[1][i] = e.name();
						text[2][i] = e.region().value();
						text[3][i] = e.address();
						text[4][i] = e.industryCode();
						text[5][i] = e.keyCategory() == null ? null : e.keyCategory().name();
						employees[i] = e.employeeCount();
						key[i] = e.keyEnterprise();
						dispatch[i] = e.labourDispatch();
						revenue[i] = e.revenueYuan();
						assets[i] = e.totalAssetsYuan();
					}
					String[] size = rows.stream().map(e -> e.sizeClass().map(Enum::name).orElse(null))
						.toArray(String[]::new);
					ps.setArray(1, connection.createArrayOf("text", text[0]));
					ps.setArray(2, connection.createArrayOf("text", text[1]));
					ps.setArray(3, connection.createArrayOf("text", text[2]));
					ps.setArray(4, connection.createArrayOf("text", text[3]));
					ps.setArray(5, connection.createArrayOf("text", text[4]));
					ps.setArray(6, connection.createArrayOf("int4", employees));
					ps.setArray(7, connection.createArrayOf("bool", key));
					ps.setArray(8, connection.createArrayOf("text", text[5]));
					ps.setArray(9, connection.createArrayOf("bool", dispatch));
					ps.setArray(10, connection.createArrayOf("int8", revenue));
					ps.setArray(11, connection.createArrayOf("int8", assets));
					ps.setArray(12, connection.createArrayOf("text", size));
					List<long[]> written = new ArrayList<>();
					try (ResultSet rs = ps.executeQuery()) {
						while (rs.next()) {
							written.add(new long[] { rs.getLong(1), rs.getBoolean(2) ? 1 : 0 });
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

	@Override
	@Transactional(readOnly = true)
	public Paged<Enterprise> search(EnterpriseQuery query, PageQuery page) {
		return filter(query).page(jdbc, "select " + COLUMNS + " from enterprise", "enterprise", "name, id", page,
				JdbcEnterprises::map);
	}

	@Override
	@Transactional(readOnly = true)
	public void forEach(EnterpriseQuery query, Consumer<Enterprise> action) {
		filter(query).stream(template, "select " + COLUMNS + " from enterprise", "name, id", rs -> {
			action.accept(map(rs, 0));
		});
	}

	private static org.chunfeng.platform.database.Filtered filter(EnterpriseQuery query) {
		List<String> clauses = new ArrayList<>(List.of("merged_into is null"));
		List<Object> params = new ArrayList<>();
		if (query.text() != null) {
			String code = query.text().toUpperCase(java.util.Locale.ROOT).replace(" ", "");
			if (code.matches("[0-9A-Z]{18}")) {
				clauses.add("credit_code = ?");
				params.add(code);
			}
			else {
				clauses.add("name like ?");
				params.add("%" + query.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
			}
		}
		if (query.region() != null) {
			clauses.add("region_code like ?");
			params.add(query.region().scopePrefix() + "%");
		}
		if (query.industry() != null) {
			if (query.industry().matches("[A-T]")) {
				clauses.add("industry_code in (select code from industry where code = ? or parent_code = ?"
						+ " or parent_code in (select code from industry where parent_code = ?))");
				params.add(query.industry());
				params.add(query.industry());
				params.add(query.industry());
			}
			else {
				clauses.add("industry_code like ?");
				params.add(query.industry() + "%");
			}
		}
		if (query.keyOnly()) {
			clauses.add("key_enterprise");
		}
		if (query.sizeClass() != null) {
			clauses.add("size_class = ?");
			params.add(query.sizeClass().name());
		}
		if (query.labourDispatch()) {
			clauses.add("labour_dispatch");
		}
		return org.chunfeng.platform.database.Filtered.of(clauses, params);
	}

	@Override
	@Transactional
	public Enterprise update(long id, int version, NewEnterprise data) {
		Enterprise before = find(id).orElseThrow(() -> new NotFoundException("kind.enterprise", String.valueOf(id)));
		if (before.merged()) {
			throw new InvalidRequestException("id", "enterprise.merged.readOnly", before.mergedInto());
		}
		if (!before.creditCode().equals(data.creditCode())) {
			throw new InvalidRequestException("creditCode", "enterprise.creditCode.fixed");
		}
		checkInScope(data.region());
		int updated;
		try {
			updated = jdbc.sql("""
					update enterprise set name = ?, region_code = ?, address = ?, industry_code = ?, employee_count = ?,
					    key_enterprise = ?, key_category = ?, labour_dispatch = ?, revenue_yuan = ?,
					    total_assets_yuan = ?, size_class = ?, version = version + 1, updated_at = now()
					where id = ? and version = ? and merged_into is null""")
				.params(data.name(), data.region().value(), data.address(), data.industryCode(), data.employeeCount(),
						data.keyEnterprise(), data.keyCategory() == null ? null : data.keyCategory().name(),
						data.labourDispatch(), data.revenueYuan(), data.totalAssetsYuan(),
						data.sizeClass().map(Enum::name).orElse(null), id, version)
				.update();
		}
		catch (DataIntegrityViolationException ex) {
			throw translate(ex);
		}
		if (updated == 0) {
			int current = jdbc.sql("select version from enterprise where id = ?").param(id).query(Integer.class)
				.optional()
				.orElseThrow(() -> new NotFoundException("kind.enterprise", String.valueOf(id)));
			throw new ConflictException("kind.enterprise", String.valueOf(id), current);
		}
		Enterprise after = find(id).orElseThrow();
		audit.record("enterprise.updated", "enterprise", String.valueOf(id), after.region(), before, after);
		return after;
	}

	@Override
	@Transactional
	public void setBankAccount(long id, org.chunfeng.enterprises.BasicAccount account) {
		Enterprise enterprise = find(id).orElseThrow(() -> new NotFoundException("kind.enterprise", String.valueOf(id)));
		if (enterprise.merged()) {
			throw new InvalidRequestException("id", "enterprise.merged.readOnly", enterprise.mergedInto());
		}
		java.util.Map<Long, org.chunfeng.enterprises.BasicAccount> before = bankAccounts(java.util.List.of(id));
		jdbc.sql("update enterprise set bank_name = ?, bank_account = ?, updated_at = now() where id = ?")
			.params(account == null ? null : account.bankName(), account == null ? null : account.number(), id)
			.update();
		audit.record("enterprise.bankAccountSet", "enterprise", String.valueOf(id), enterprise.region(),
				before.get(id), account);
	}

	@Override
	public java.util.Map<Long, org.chunfeng.enterprises.BasicAccount> bankAccounts(java.util.Collection<Long> ids) {
		java.util.Map<Long, org.chunfeng.enterprises.BasicAccount> accounts = new java.util.HashMap<>();
		if (ids.isEmpty()) {
			return accounts;
		}
		jdbc.sql("select id, bank_name, bank_account from enterprise where id = any(?::bigint[]) and bank_account is not null")
			.param(ids.toArray(Long[]::new))
			.query(rs -> {
				accounts.put(rs.getLong(1), new org.chunfeng.enterprises.BasicAccount(rs.getString(2), rs.getString(3)));
			});
		return accounts;
	}

	@Override
	@Transactional
	public Enterprise merge(long keepId, long duplicateId) {
		if (keepId == duplicateId) {
			throw new InvalidRequestException("duplicateId", "enterprise.merge.same");
		}
		List<Enterprise> locked = jdbc.sql("select " + COLUMNS + " from enterprise where id in (?, ?) order by id for update")
			.params(keepId, duplicateId)
			.query(JdbcEnterprises::map)
			.list();
		Enterprise keep = locked.stream().filter(e -> e.id() == keepId).findFirst()
			.orElseThrow(() -> new NotFoundException("kind.enterprise", String.valueOf(keepId)));
		Enterprise duplicate = locked.stream().filter(e -> e.id() == duplicateId).findFirst()
			.orElseThrow(() -> new NotFoundException("kind.enterprise", String.valueOf(duplicateId)));
		if (keep.merged()) {
			throw new InvalidRequestException("keepId", "enterprise.merged.readOnly", keep.mergedInto());
		}
		if (duplicate.merged()) {
			throw new InvalidRequestException("duplicateId", "enterprise.merged.readOnly", duplicate.mergedInto());
		}
		int contacts = jdbc.sql("update enterprise_contact set enterprise_id = ? where enterprise_id = ?")
			.params(keepId, duplicateId)
			.update();
		// the years the kept record lacks move; where both have a year, the kept record's stays authoritative
		int years = jdbc.sql("""
				insert into enterprise_insurance_year (enterprise_id, year, insured_headcount, premiums_fen, source,
				                                       recorded_at)
				select ?, year, insured_headcount, premiums_fen, source, recorded_at
				from enterprise_insurance_year where enterprise_id = ?
				on conflict (enterprise_id, year) do nothing""")
			.params(keepId, duplicateId)
			.update();
		jdbc.sql("update enterprise set merged_into = ?, version = version + 1, updated_at = now() where merged_into = ?")
			.params(keepId, duplicateId)
			.update();
		jdbc.sql("update enterprise set merged_into = ?, version = version + 1, updated_at = now() where id = ?")
			.params(keepId, duplicateId)
			.update();
		jdbc.sql("update enterprise set version = version + 1, updated_at = now() where id = ?").param(keepId).update();
		Enterprise merged = find(duplicateId).orElseThrow();
		audit.record("enterprise.merged", "enterprise", String.valueOf(duplicateId), merged.region(), duplicate, merged);
		int accounts = this.accounts.reassignEnterprise(duplicateId, keepId);
		audit.record("enterprise.mergedInto", "enterprise", String.valueOf(keepId), keep.region(), null,
				Map.of("merged", duplicateId, "mergedCreditCode", duplicate.creditCode().value(), "contactsMoved",
						contacts, "insuranceYearsCopied", years, "accountsMoved", accounts));
		publisher.publishEvent(new EnterprisesMerged(keepId, duplicateId));
		return find(keepId).orElseThrow();
	}

	@Override
	public List<Enterprise> mergedInto(long enterpriseId) {
		return jdbc.sql("select " + COLUMNS + " from enterprise where merged_into = ? order by id")
			.param(enterpriseId)
			.query(JdbcEnterprises::map)
			.list();
	}

	private Enterprise existing(long enterpriseId) {
		Enterprise enterprise = find(enterpriseId)
			.orElseThrow(() -> new NotFoundException("kind.enterprise", String.valueOf(enterpriseId)));
		if (enterprise.merged()) {
			throw new InvalidRequestException("id", "enterprise.merged.readOnly", enterprise.mergedInto());
		}
		return enterprise;
	}

	@Override
	public List<Contact> contacts(long enterpriseId) {
		return jdbc.sql("""
				select id, enterprise_id, name, title, mobile_masked, email from enterprise_contact
				where enterprise_id = ? order by id""")
			.param(enterpriseId)
			.query((rs, n) -> new Contact(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6)))
			.list();
	}

	@Override
	@Transactional
	public Contact addContact(long enterpriseId, NewContact contact) {
		Enterprise enterprise = existing(enterpriseId);
		long id = jdbc.sql("""
				insert into enterprise_contact (enterprise_id, name, title, mobile_sealed, mobile_masked, email)
				values (?, ?, ?, ?, ?, ?) returning id""")
			.params(enterpriseId, contact.name(), contact.title(),
					contact.mobile() == null ? null : personalData.seal(contact.mobile().value()).toBytes(),
					contact.mobile() == null ? null : contact.mobile().masked(), contact.email())
			.query(Long.class)
			.single();
		Contact added = new Contact(id, enterpriseId, contact.name(), contact.title(),
				contact.mobile() == null ? null : contact.mobile().masked(), contact.email());
		audit.record("enterprise.contactAdded", "enterprise", String.valueOf(enterpriseId), enterprise.region(), null,
				added);
		return added;
	}

	@Override
	@Transactional
	public void removeContact(long enterpriseId, long contactId) {
		Enterprise enterprise = existing(enterpriseId);
		Contact contact = contacts(enterpriseId).stream().filter(c -> c.id() == contactId).findFirst()
			.orElseThrow(() -> new NotFoundException("kind.contact", String.valueOf(contactId)));
		jdbc.sql("delete from enterprise_contact where id = ? and enterprise_id = ?").params(contactId, enterpriseId)
			.update();
		audit.record("enterprise.contactRemoved", "enterprise", String.valueOf(enterpriseId), enterprise.region(),
				contact, null);
	}

	@Override
	public List<InsuranceYear> insurance(long enterpriseId) {
		return jdbc.sql("""
				select year, insured_headcount, premiums_fen, source, recorded_at from enterprise_insurance_year
				where enterprise_id = ? order by year desc""")
			.param(enterpriseId)
			.query((rs, n) -> new InsuranceYear(rs.getInt(1), rs.getInt(2), Money.ofFen(rs.getLong(3)),
					EvidenceSource.valueOf(rs.getString(4)), rs.getTimestamp(5).toInstant()))
			.list();
	}

	@Override
	@Transactional
	public InsuranceYear recordInsurance(long enterpriseId, InsuranceYear year) {
		Enterprise enterprise = existing(enterpriseId);
		Optional<InsuranceYear> before = insurance(enterpriseId).stream().filter(y -> y.year() == year.year()).findFirst();
		// the social-insurance system's file is authoritative: an enterprise's own figures never replace its year,
		// checked in the statement itself so that an import committing meanwhile is not overwritten either
		int written = jdbc.sql("""
				insert into enterprise_insurance_year (enterprise_id, year, insured_headcount, premiums_fen, source)
				values (?, ?, ?, ?, ?)
				on conflict (enterprise_id, year) do update set insured_headcount = excluded.insured_headcount,
				    premiums_fen = excluded.premiums_fen, source = excluded.source, recorded_at = now()
				where enterprise_insurance_year.source <> 'IMPORT' or excluded.source <> 'ENTERPRISE'""")
			.params(enterpriseId, year.year(), year.insuredHeadcount(), year.premiums().fen(), year.source().name())
			.update();
		if (written == 0) {
			throw new InvalidRequestException("year", "enterprise.insurance.imported", year.year());
		}
		InsuranceYear after = insurance(enterpriseId).stream().filter(y -> y.year() == year.year()).findFirst()
			.orElseThrow();
		audit.record("enterprise.insuranceRecorded", "enterprise", String.valueOf(enterpriseId), enterprise.region(),
				before.orElse(null), after);
		return after;
	}

	@Override
	@Transactional
	public UpsertCounts upsertInsurance(List<InsuranceEvidence> rows) {
		UpsertCounts counts = UpsertCounts.NONE;
		for (int from = 0; from < rows.size(); from += BATCH) {
			List<InsuranceEvidence> batch = rows.subList(from, Math.min(from + BATCH, rows.size()));
			String[] codes = batch.stream().map(r -> r.creditCode().value()).toArray(String[]::new);
			record Target(long id, RegionCode region) {
			}
			Map<String, Target> targets = new HashMap<>();
			jdbc.sql("""
					select e.credit_code, coalesce(k.id, e.id), coalesce(k.region_code, e.region_code)
					from enterprise e left join enterprise k on k.id = e.merged_into
					where e.credit_code = any(?)""")
				.param(codes)
				// evidence of a merged record goes to the record it was merged into
				.query(rs -> {
					targets.put(rs.getString(1), new Target(rs.getLong(2), RegionCode.of(rs.getString(3))));
				});
			for (InsuranceEvidence row : batch) {
				if (!targets.containsKey(row.creditCode().value())) {
					throw new InvalidRequestException("creditCode", "enterprise.creditCode.unknown",
							row.creditCode().value());
				}
			}
			int[] results = template.batchUpdate("""
					insert into enterprise_insurance_year (enterprise_id, year, insured_headcount, premiums_fen, source)
					values (?, ?, ?, ?, ?)
					on conflict (enterprise_id, year) do update set insured_headcount = excluded.insured_headcount,
					    premiums_fen = excluded.premiums_fen, source = excluded.source, recorded_at = now()
					where (enterprise_insurance_year.insured_headcount, enterprise_insurance_year.premiums_fen,
					       enterprise_insurance_year.source)
					      is distinct from (excluded.insured_headcount, excluded.premiums_fen, excluded.source)""",
					batch, batch.size(), (ps, row) -> {
						ps.setLong(1, targets.get(row.creditCode().value()).id());
						ps.setInt(2, row.year().year());
						ps.setInt(3, row.year().insuredHeadcount());
						ps.setLong(4, row.year().premiums().fen());
						ps.setString(5, row.year().source().name());
					})[0];
			List<Audit.Entry> entries = new ArrayList<>();
			for (int i = 0; i < results.length; i++) {
				if (results[i] > 0) {
					InsuranceEvidence row = batch.get(i);
					Target target = targets.get(row.creditCode().value());
					entries.add(new Audit.Entry(String.valueOf(target.id()), target.region(), row.year()));
				}
			}
			// an insert and an update both count 1: evidence rows are counted as written or unchanged
			counts = counts.plus(new UpsertCounts(0, entries.size(), batch.size() - entries.size()));
			audit.recordAll("enterprise.insuranceImported", "enterprise", entries);
		}
		return counts;
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
				from enterprise where region_code like ? and merged_into is null""").param(scope)
			.query((rs, row) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) })
			.single();
		Map<KeyCategory, Long> byCategory = new EnumMap<>(KeyCategory.class);
		for (KeyCategory category : KeyCategory.values()) {
			byCategory.put(category, 0L);
		}
		jdbc.sql("""
				select key_category, count(*) from enterprise
				where region_code like ? and merged_into is null and key_category is not null group by key_category""").param(scope)
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
				    select industry_code, count(*) as n from enterprise
				    where region_code like ? and merged_into is null group by industry_code
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

	/** Rows per round trip of the bulk read: two or three years per enterprise. */
	private static final int INSURED_FETCH_SIZE = 5_000;

	@Override
	@Transactional(readOnly = true)
	public void forEachInsured(RegionCode within, int fromYear, int toYear, long afterId,
			Consumer<InsuredEnterprise> action) {
		// one query over both primary keys in id order (a merge join), grouped here: no query per enterprise
		String sql = """
				select e.id, e.name, e.region_code, e.size_class, e.labour_dispatch,
				       y.year, y.insured_headcount, y.premiums_fen, y.source, y.recorded_at
				from enterprise e join enterprise_insurance_year y on y.enterprise_id = e.id
				where e.region_code like ? and e.merged_into is null and e.id > ? and y.year between ? and ?
				order by e.id, y.year""";
		class Group {
			long id = -1;
			String name;
			RegionCode region;
			SizeClass size;
			boolean dispatch;
			final List<InsuranceYear> years = new ArrayList<>(4);
			final Map<String, RegionCode> regions = new HashMap<>();

			void emit() {
				if (id >= 0) {
					action.accept(new InsuredEnterprise(id, name, region, size, dispatch, years));
					years.clear();
				}
			}
		}
		Group group = new Group();
		// the region-scope policies hide what the planner needs to know (how many rows a scope lets through): for
		// this one query it merges both primary keys instead of looping, and checks the evidence's policy against
		// one hashed scan of the enterprises instead of one lookup per row
		template.execute("set local enable_nestloop = off");
		template.execute("set local work_mem = '256MB'");
		template.query(connection -> {
			PreparedStatement ps = connection.prepareStatement(sql);
			ps.setFetchSize(INSURED_FETCH_SIZE);
			if (ps.isWrapperFor(org.postgresql.PGStatement.class)) {
				// binary rows: numbers and timestamps are not parsed from text
				ps.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(-1);
			}
			ps.setString(1, within.scopePrefix() + "%");
			ps.setLong(2, afterId);
			ps.setInt(3, fromYear);
			ps.setInt(4, toYear);
			return ps;
		}, rs -> {
			long id = rs.getLong(1);
			if (id != group.id) {
				group.emit();
				group.id = id;
				group.name = rs.getString(2);
				group.region = group.regions.computeIfAbsent(rs.getString(3), RegionCode::of);
				String size = rs.getString(4);
				group.size = size == null ? null : SizeClass.valueOf(size);
				group.dispatch = rs.getBoolean(5);
			}
			group.years.add(new InsuranceYear(rs.getInt(6), rs.getInt(7), Money.ofFen(rs.getLong(8)),
					EvidenceSource.valueOf(rs.getString(9)), rs.getTimestamp(10).toInstant()));
		});
		group.emit();
		template.execute("reset enable_nestloop");
		template.execute("reset work_mem");
	}

	static Enterprise map(ResultSet rs, int row) throws SQLException {
		String category = rs.getString("key_category");
		String size = rs.getString("size_class");
		Timestamp created = rs.getTimestamp("created_at");
		Timestamp updated = rs.getTimestamp("updated_at");
		return new Enterprise(rs.getLong("id"), CreditCode.of(rs.getString("credit_code")), rs.getString("name"),
				RegionCode.of(rs.getString("region_code")), rs.getString("address"), rs.getString("industry_code"),
				rs.getObject("employee_count", Integer.class), category == null ? null : KeyCategory.valueOf(category),
				rs.getBoolean("labour_dispatch"), rs.getObject("revenue_yuan", Long.class),
				rs.getObject("total_assets_yuan", Long.class), size == null ? null : SizeClass.valueOf(size),
				rs.getObject("merged_into", Long.class), created == null ? null : created.toInstant(),
				updated == null ? null : updated.toInstant(), rs.getInt("version"));
	}
}
