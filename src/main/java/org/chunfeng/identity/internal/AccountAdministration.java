package org.chunfeng.identity.internal;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.chunfeng.identity.Actor;
import org.chunfeng.identity.DataCategory;
import org.chunfeng.identity.NewAccount;
import org.chunfeng.identity.Role;
import org.chunfeng.platform.InvalidFieldsException;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.platform.NotFoundException;
import org.chunfeng.platform.PageQuery;
import org.chunfeng.platform.Paged;
import org.chunfeng.reference.RegionCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Account management (账号管理) by an administrator, inside its own region scope.
 *
 * <p>The {@code account} table has no row-level security (sign-in reads it before any scope exists), so this class
 * is the one place that scopes it: every query takes the administrator and adds {@link #IN_SCOPE} with its
 * {@link RegionCode#scopePrefix()}. An account outside the scope is reported as not found; a region outside it is
 * refused on the field {@code region}. Every change is audited, never with a password hash.
 */
@Service
class AccountAdministration {

	/** The condition every query of this class carries: the account lies inside the administrator's region. */
	private static final String IN_SCOPE = " a.region_code like :scope || '%' ";

	private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,39}");

	private static final String COLUMNS = """
			a.id, a.username, a.display_name, a.role, a.region_code, r.name as region_name, a.agency_code,
			a.data_categories, a.enterprise_id, a.worker_id, a.must_change_password, a.enabled, a.locked_until,
			a.created_at""";

	private static final String FROM = " from account a left join region r on r.code = a.region_code ";

	private static final char[] PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
		.toCharArray();

	private final JdbcClient jdbc;
	private final JdbcAccounts accounts;
	private final JdbcAudit audit;
	private final PasswordEncoder passwords;
	private final SecureRandom random = new SecureRandom();

	AccountAdministration(JdbcClient jdbc, JdbcAccounts accounts, JdbcAudit audit, PasswordEncoder passwords) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.audit = audit;
		this.passwords = passwords;
	}

	/** An account as an administrator sees it: never its password hash. */
	record AccountView(long id, String username, String displayName, Role role, String regionCode, String regionName,
			String agency, Set<DataCategory> categories, Long enterpriseId, Long workerId, boolean mustChangePassword,
			boolean enabled, boolean locked, OffsetDateTime createdAt) {

		/** What the audit log keeps of the account: everything that can change, nothing secret. */
		Map<String, Object> audited() {
			Map<String, Object> values = new LinkedHashMap<>();
			values.put("username", username);
			values.put("displayName", displayName);
			values.put("role", role.name());
			values.put("region", regionCode);
			values.put("agency", agency);
			values.put("categories", new TreeSet<>(categories.stream().map(Enum::name).toList()));
			values.put("enterpriseId", enterpriseId);
			values.put("workerId", workerId);
			values.put("mustChangePassword", mustChangePassword);
			values.put("enabled", enabled);
			return values;
		}
	}

	/** A new account (新建账号); strings as entered, checked here. */
	record AccountDraft(String username, String displayName, String password, String role, String region,
			String agency, Set<String> categories, Long enterpriseId, Long workerId, Boolean mustChangePassword) {
	}

	/** Changes to an account (修改账号): null leaves a value as it is. */
	record AccountChanges(String displayName, String role, String region, String agency, Set<String> categories,
			Boolean enabled) {
	}

	/** A password reset: the one-time password is shown once and never stored in clear. */
	record PasswordReset(long id, String username, String oneTimePassword) {
	}

	record Agency(String code, String nameZh, String nameEn) {

		public String name(Locale locale) {
			return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
		}
	}

	/** The signed-in administrator, or 403 for anyone else. */
	static Actor administrator() {
		return org.chunfeng.identity.RegionScope.currentActor()
			.filter(actor -> actor.role() == Role.ADMINISTRATOR)
			.orElseThrow(() -> new AccessDeniedException("administrators only"));
	}

	Paged<AccountView> search(Actor admin, String q, Role role, PageQuery page) {
		String text = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
		String where = " where" + IN_SCOPE + """
				and (:q = '' or lower(a.username) like '%' || :q || '%' escape '\\' or lower(a.display_name) like '%' || :q || '%' escape '\\')
				and (cast(:role as text) is null or a.role = :role)""";
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("scope", scope(admin));
		params.put("q", escapeLike(text));
		params.put("role", role == null ? null : role.name());
		long total = jdbc.sql("select count(*)" + FROM + where).params(params).query(Long.class).single();
		List<AccountView> items = jdbc.sql("select " + COLUMNS + FROM + where + " order by a.username, a.id"
				+ " limit :limit offset :offset")
			.params(params).param("limit", page.size()).param("offset", page.offset()).query(this::map).list();
		return new Paged<>(items, page.page(), page.size(), total);
	}

	Optional<AccountView> find(Actor admin, long id) {
		return jdbc.sql("select " + COLUMNS + FROM + " where a.id = :id and" + IN_SCOPE)
			.param("id", id).param("scope", scope(admin)).query(this::map).optional();
	}

	AccountView get(Actor admin, long id) {
		return find(admin, id).orElseThrow(() -> new NotFoundException("kind.account", String.valueOf(id)));
	}

	@Transactional
	AccountView create(Actor admin, AccountDraft draft) {
		List<InvalidRequestException> problems = new ArrayList<>();
		String username = draft.username() == null ? "" : draft.username().strip().toLowerCase(Locale.ROOT);
		if (!USERNAME.matcher(username).matches()) {
			problems.add(new InvalidRequestException("username", "account.admin.username.invalid"));
		}
		else if (jdbc.sql("select exists (select 1 from account where username = ?)").param(username)
			.query(Boolean.class).single()) {
			// deliberately unscoped: usernames are unique over the installation
			problems.add(new InvalidRequestException("username", "account.admin.username.taken"));
		}
		String displayName = displayName(draft.displayName(), problems);
		if (!strongEnough(draft.password())) {
			problems.add(new InvalidRequestException("password", "account.password.weak", JdbcAccounts.MIN_PASSWORD_LENGTH));
		}
		Role role = role(draft.role(), problems);
		RegionCode region = region(admin, draft.region(), problems);
		Set<DataCategory> categories = categories(draft.categories(), problems);
		String agency = agency(role, draft.agency(), problems);
		if (role == Role.ENTERPRISE_USER && !visible("enterprise", draft.enterpriseId())) {
			problems.add(new InvalidRequestException("enterpriseId", "account.admin.enterprise.required"));
		}
		if (role == Role.WORKER && !visible("worker", draft.workerId())) {
			problems.add(new InvalidRequestException("workerId", "account.admin.worker.required"));
		}
		failIfAny(problems);
		Long enterprise = role == Role.ENTERPRISE_USER ? draft.enterpriseId() : null;
		Long worker = role == Role.WORKER ? draft.workerId() : null;
		Actor created = accounts.create(new NewAccount(username, displayName, draft.password(), role, region, agency,
				role == Role.AGENCY_VIEWER ? categories : Set.of(), enterprise, worker,
				draft.mustChangePassword() == null || draft.mustChangePassword()));
		AccountView view = get(admin, created.accountId());
		audit.record(admin.username(), "account.created", "account", view.username(), view.regionCode(), null,
				view.audited(), null);
		return view;
	}

	@Transactional
	AccountView update(Actor admin, long id, AccountChanges changes) {
		AccountView before = get(admin, id);
		List<InvalidRequestException> problems = new ArrayList<>();
		String displayName = changes.displayName() == null ? before.displayName()
				: displayName(changes.displayName(), problems);
		Role role = changes.role() == null ? before.role() : role(changes.role(), problems);
		RegionCode region = changes.region() == null ? RegionCode.of(before.regionCode())
				: region(admin, changes.region(), problems);
		Set<DataCategory> categories = changes.categories() == null ? before.categories()
				: categories(changes.categories(), problems);
		String agency = role != Role.AGENCY_VIEWER ? null
				: agency(role, changes.agency() == null ? before.agency() : changes.agency(), problems);
		boolean enabled = changes.enabled() == null ? before.enabled() : changes.enabled();
		if (before.id() == admin.accountId() && role != before.role()) {
			problems.add(new InvalidRequestException("role", "account.admin.self"));
		}
		if (before.id() == admin.accountId() && !enabled) {
			problems.add(new InvalidRequestException("enabled", "account.admin.self"));
		}
		if (role == Role.ENTERPRISE_USER && before.enterpriseId() == null) {
			problems.add(new InvalidRequestException("role", "account.admin.enterprise.required"));
		}
		if (role == Role.WORKER && before.workerId() == null) {
			problems.add(new InvalidRequestException("role", "account.admin.worker.required"));
		}
		failIfAny(problems);
		jdbc.sql("update account a set display_name = :displayName, role = :role, region_code = :region,"
				+ " agency_code = :agency, data_categories = :categories, enabled = :enabled, version = version + 1"
				+ " where a.id = :id and" + IN_SCOPE)
			.param("displayName", displayName).param("role", role.name()).param("region", region.value())
			.param("agency", agency)
			.param("categories", (role == Role.AGENCY_VIEWER ? categories : Set.<DataCategory>of()).stream()
				.map(Enum::name).sorted().toArray(String[]::new))
			.param("enabled", enabled).param("id", id).param("scope", scope(admin)).update();
		if (!enabled) {
			revokeTokens(id);
		}
		AccountView after = get(admin, id);
		audit.record(admin.username(), "account.updated", "account", after.username(), after.regionCode(),
				before.audited(), after.audited(), null);
		return after;
	}

	/** Sets a one-time password (must be changed at the next sign-in), clears the lockout, revokes API tokens. */
	@Transactional
	PasswordReset resetPassword(Actor admin, long id) {
		AccountView account = get(admin, id);
		String password = oneTimePassword();
		jdbc.sql("update account a set password_hash = :hash, must_change_password = true, failed_logins = 0,"
				+ " last_failed_login_at = null, locked_until = null, version = version + 1 where a.id = :id and"
				+ IN_SCOPE)
			.param("hash", passwords.encode(password)).param("id", id).param("scope", scope(admin)).update();
		revokeTokens(id);
		audit.record(admin.username(), "account.passwordReset", "account", account.username(), account.regionCode(),
				Map.of("mustChangePassword", account.mustChangePassword(), "locked", account.locked()),
				Map.of("mustChangePassword", true, "locked", false), null);
		return new PasswordReset(id, account.username(), password);
	}

	List<Agency> agencies() {
		return jdbc.sql("select code, name_zh, name_en from partner_agency order by sort_order")
			.query(Agency.class).list();
	}

	private static String scope(Actor admin) {
		return admin.region().scopePrefix();
	}

	private void revokeTokens(long accountId) {
		jdbc.sql("update api_token set revoked_at = now() where account_id = ? and revoked_at is null")
			.param(accountId).update();
	}

	/** Whether the record exists in the administrator's scope (enterprise and worker have row-level security). */
	private boolean visible(String table, Long id) {
		return id != null && jdbc.sql("select exists (select 1 from " + table + " where id = ?)").param(id)
			.query(Boolean.class).single();
	}

	private String oneTimePassword() {
		while (true) {
			StringBuilder password = new StringBuilder();
			for (int i = 0; i < 16; i++) {
				password.append(PASSWORD_ALPHABET[random.nextInt(PASSWORD_ALPHABET.length)]);
			}
			if (strongEnough(password.toString())) {
				return password.toString();
			}
		}
	}

	/** The same rule as a password chosen by the user itself. */
	private static boolean strongEnough(String password) {
		return password != null && password.length() >= JdbcAccounts.MIN_PASSWORD_LENGTH && password.length() <= 200
				&& !password.chars().allMatch(Character::isDigit) && !password.chars().allMatch(Character::isLetter);
	}

	private static String displayName(String raw, List<InvalidRequestException> problems) {
		String name = raw == null ? "" : raw.strip();
		if (name.isEmpty() || name.length() > 60) {
			problems.add(new InvalidRequestException("displayName", "account.admin.displayName.invalid"));
		}
		return name;
	}

	private static Role role(String raw, List<InvalidRequestException> problems) {
		try {
			return Role.valueOf(raw == null ? "" : raw.strip());
		}
		catch (IllegalArgumentException ex) {
			problems.add(new InvalidRequestException("role", "account.admin.role.invalid"));
			return null;
		}
	}

	private RegionCode region(Actor admin, String raw, List<InvalidRequestException> problems) {
		RegionCode region;
		try {
			region = RegionCode.of(raw == null ? "" : raw.strip());
		}
		catch (RuntimeException ex) {
			problems.add(new InvalidRequestException("region", "account.admin.region.invalid"));
			return null;
		}
		if (!admin.region().contains(region)) {
			problems.add(new InvalidRequestException("region", "account.admin.region.outOfScope"));
			return null;
		}
		if (!jdbc.sql("select exists (select 1 from region where code = ?)").param(region.value()).query(Boolean.class)
			.single()) {
			problems.add(new InvalidRequestException("region", "account.admin.region.invalid"));
			return null;
		}
		return region;
	}

	private static Set<DataCategory> categories(Set<String> raw, List<InvalidRequestException> problems) {
		Set<DataCategory> categories = new TreeSet<>();
		for (String value : raw == null ? Set.<String>of() : raw) {
			try {
				categories.add(DataCategory.valueOf(value));
			}
			catch (IllegalArgumentException | NullPointerException ex) {
				problems.add(new InvalidRequestException("categories", "account.admin.categories.invalid"));
				break;
			}
		}
		return categories;
	}

	private String agency(Role role, String raw, List<InvalidRequestException> problems) {
		if (role != Role.AGENCY_VIEWER) {
			return null;
		}
		String code = raw == null ? "" : raw.strip();
		if (agencies().stream().noneMatch(agency -> agency.code().equals(code))) {
			problems.add(new InvalidRequestException("agency", "account.admin.agency.required"));
			return null;
		}
		return code;
	}

	private static void failIfAny(List<InvalidRequestException> problems) {
		if (problems.size() == 1) {
			throw problems.getFirst();
		}
		if (!problems.isEmpty()) {
			throw new InvalidFieldsException(problems);
		}
	}

	private static String escapeLike(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private AccountView map(ResultSet rs, int n) throws SQLException {
		String[] categories = (String[]) rs.getArray("data_categories").getArray();
		OffsetDateTime lockedUntil = rs.getObject("locked_until", OffsetDateTime.class);
		return new AccountView(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
				Role.valueOf(rs.getString("role")), rs.getString("region_code"), rs.getString("region_name"),
				rs.getString("agency_code"),
				Set.copyOf(Arrays.stream(categories).map(DataCategory::valueOf).toList()),
				(Long) rs.getObject("enterprise_id"), (Long) rs.getObject("worker_id"),
				rs.getBoolean("must_change_password"), rs.getBoolean("enabled"),
				lockedUntil != null && lockedUntil.toInstant().isAfter(Instant.now()),
				rs.getObject("created_at", OffsetDateTime.class));
	}
}
