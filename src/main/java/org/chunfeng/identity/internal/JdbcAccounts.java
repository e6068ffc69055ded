package org.chunfeng.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.chunfeng.identity.Accounts;
import org.chunfeng.identity.Actor;
import org.chunfeng.identity.DataCategory;
import org.chunfeng.identity.NewAccount;
import org.chunfeng.identity.PersonalData;
import org.chunfeng.identity.PhoneVerifications;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.identity.Role;
import org.chunfeng.identity.VerificationPurpose;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.platform.database.PostgresConstraint;
import org.chunfeng.reference.InvalidValueException;
import org.chunfeng.reference.MobileNumber;
import org.chunfeng.reference.RegionCode;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts in PostgreSQL, and the sign-in rules on them: after {@value #SLOW_DOWN_AFTER} failures each further
 * attempt must wait twice as long as the one before; after {@value #LOCK_AFTER} the account is locked for
 * {@link #LOCK_DURATION}. A success clears the count.
 *
 * <p>A name typed at sign-in that reads as a mainland mobile number ({@link MobileNumber}) is looked up by the
 * number's blind index instead of as a username; the database refuses usernames that read as one, so the two never
 * compete. The throttle and the lock apply to the account found either way.
 */
@Service
class JdbcAccounts implements Accounts, UserDetailsService, UserDetailsPasswordService {

	static final int SLOW_DOWN_AFTER = 3;
	static final int LOCK_AFTER = 8;
	static final Duration LOCK_DURATION = Duration.ofMinutes(15);
	static final int MIN_PASSWORD_LENGTH = 10;

	private static final String COLUMNS = """
			id, username, display_name, password_hash, role, region_code, agency_code, data_categories, enterprise_id,
			worker_id, must_change_password, enabled, failed_logins, last_failed_login_at, locked_until""";

	private final JdbcClient jdbc;
	private final PasswordEncoder passwords;
	private final Clock clock;
	private final PersonalData personalData;
	private final PhoneVerifications verifications;
	private final JdbcAudit audit;

	JdbcAccounts(JdbcClient jdbc, PasswordEncoder passwords, Clock clock, PersonalData personalData,
			PhoneVerifications verifications, JdbcAudit audit) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.clock = clock;
		this.personalData = personalData;
		this.verifications = verifications;
		this.audit = audit;
	}

	@Override
	@Transactional
	public Actor create(NewAccount account) {
		checkPassword("password", account.password());
		// the unique key decides a race between two administrators creating the same name: the loser gets a 400
		Long id;
		try {
			id = jdbc.sql("""
					insert into account (username, display_name, password_hash, role, region_code, agency_code,
					    data_categories, enterprise_id, worker_id, must_change_password)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
					on conflict on constraint account_username_unique do nothing returning id""")
				.params(account.username(), account.displayName(), passwords.encode(account.password()),
						account.role().name(), account.region().value(), account.agency(),
						account.categories().stream().map(Enum::name).sorted().toArray(String[]::new),
						account.enterprise(), account.worker(), account.mustChangePassword())
				.query(Long.class).optional()
				.orElseThrow(() -> new InvalidRequestException("username", "account.admin.username.taken"));
		}
		catch (DataIntegrityViolationException ex) {
			throw translate(ex);
		}
		return new Actor(id, account.username(), account.displayName(), account.role(), account.region(),
				account.agency(), account.categories(), account.enterprise(), account.worker());
	}

	@Override
	public Optional<Actor> findByUsername(String username) {
		return row(username).map(Row::actor);
	}

	@Override
	public long count() {
		return jdbc.sql("select count(*) from account").query(Long.class).single();
	}

	@Override
	@Transactional
	public long createWorkerAccount(long workerId, RegionCode region, String displayName, MobileNumber mobile,
			String password) {
		String name = displayName == null ? "" : displayName.strip();
		if (name.isEmpty() || name.length() > 60) {
			throw new InvalidRequestException("displayName", "account.admin.displayName.invalid");
		}
		if (region == null) {
			throw new InvalidRequestException("region", "account.admin.region.invalid");
		}
		if (mobile == null) {
			throw new InvalidRequestException("mobile", "problem.field.required");
		}
		checkPassword("password", password);
		String username = workerUsername(workerId);
		long id;
		try {
			// the unique indexes decide races: one account per number and one per worker
			id = jdbc.sql("""
					insert into account (username, display_name, password_hash, role, region_code, worker_id,
					    mobile_index, must_change_password)
					values (?, ?, ?, 'WORKER', ?, ?, ?, false) returning id""")
				.params(username, name, passwords.encode(password), region.value(), workerId, mobileIndex(mobile))
				.query(Long.class).single();
		}
		catch (DataIntegrityViolationException ex) {
			throw translate(ex);
		}
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("username", username);
		after.put("displayName", name);
		after.put("role", Role.WORKER.name());
		after.put("region", region.value());
		after.put("workerId", workerId);
		after.put("mobile", mobile.masked());
		after.put("mustChangePassword", false);
		after.put("enabled", true);
		// a worker registering itself is its own actor; a caseworker doing it for the worker is named instead
		audit.record(RegionScope.currentActor().map(Actor::username).orElse(username), "account.created", "account",
				username, region.value(), null, after, null);
		return id;
	}

	@Override
	public Optional<Long> accountOfWorker(long workerId) {
		return jdbc.sql("select id from account where worker_id = ?").param(workerId).query(Long.class).optional();
	}

	@Override
	@Transactional
	public boolean reassignWorker(long duplicateId, long keptId) {
		return jdbc.sql("""
				update account set worker_id = :kept, version = version + 1
				where worker_id = :duplicate and not exists (select 1 from account where worker_id = :kept)""")
			.param("kept", keptId)
			.param("duplicate", duplicateId)
			.update() > 0;
	}

	@Override
	public java.util.List<org.chunfeng.identity.AccountSummary> ofEnterprise(long enterpriseId) {
		return jdbc.sql("select id, username, display_name, enabled from account where enterprise_id = ? order by username")
			.param(enterpriseId)
			.query((rs, n) -> new org.chunfeng.identity.AccountSummary(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getBoolean(4)))
			.list();
	}

	@Override
	@Transactional
	public int reassignEnterprise(long duplicateId, long keptId) {
		return jdbc.sql("update account set enterprise_id = ?, version = version + 1 where enterprise_id = ?")
			.params(keptId, duplicateId)
			.update();
	}

	@Override
	@Transactional
	public void resetPasswordByMobile(MobileNumber mobile, String code, String newPassword) {
		checkPassword("password", newPassword);
		// in this transaction: should anything below fail, the code stays usable
		verifications.verify(mobile, VerificationPurpose.PASSWORD_RESET, code);
		Row row = rowByMobile(mobile)
			.orElseThrow(() -> new InvalidRequestException("mobile", "account.mobile.unknown"));
		long id = row.actor().accountId();
		boolean locked = row.lockedUntil() != null && row.lockedUntil().isAfter(clock.instant());
		jdbc.sql("""
				update account set password_hash = ?, must_change_password = false, failed_logins = 0,
				    last_failed_login_at = null, locked_until = null, version = version + 1
				where id = ?""").params(passwords.encode(newPassword), id).update();
		// whoever held the old password may have made tokens with it
		jdbc.sql("update api_token set revoked_at = now() where account_id = ? and revoked_at is null").param(id)
			.update();
		String username = row.actor().username();
		audit.record(username, "account.passwordReset", "account", username, row.actor().region().value(),
				Map.of("mustChangePassword", row.mustChangePassword(), "locked", locked),
				Map.of("mustChangePassword", false, "locked", false), "sms");
	}

	/** The account a name typed at sign-in stands for: a username, or a mobile number. */
	Optional<Actor> findForSignIn(String typed) {
		return signInRow(typed).map(Row::actor);
	}

	/**
	 * How a name typed at sign-in may appear in the audit log when it matches no account: a mobile number only
	 * masked.
	 */
	static String auditableName(String typed) {
		if (typed == null) {
			return "";
		}
		return asMobile(typed).map(MobileNumber::masked).orElseGet(() -> typed.strip().toLowerCase(java.util.Locale.ROOT));
	}

	/** The generated username of a worker's own account: {@code w} and the worker id, at least two digits. */
	static String workerUsername(long workerId) {
		return "w%02d".formatted(workerId);
	}

	/** For Spring Security's sign-in: throttled or locked accounts are reported as locked. */
	@Override
	public UserDetails loadUserByUsername(String username) {
		Row row = signInRow(username).orElseThrow(() -> new UsernameNotFoundException("unknown account"));
		Instant now = clock.instant();
		boolean locked = row.lockedUntil() != null && row.lockedUntil().isAfter(now) || throttled(row, now);
		return new AccountPrincipal(row.actor(), row.passwordHash(), row.enabled(), locked, row.mustChangePassword());
	}

	/** Re-hashes a password whose hash used weaker settings, on a successful sign-in. */
	@Override
	public UserDetails updatePassword(UserDetails user, String newPasswordHash) {
		jdbc.sql("update account set password_hash = ? where username = ?").params(newPasswordHash, user.getUsername())
			.update();
		return user;
	}

	/** How long the account must still wait before its next attempt (zero when it may try now). */
	Duration waitBeforeNextAttempt(String typed) {
		return signInRow(typed).map(row -> {
			Instant now = clock.instant();
			if (row.lockedUntil() != null && row.lockedUntil().isAfter(now)) {
				return Duration.between(now, row.lockedUntil());
			}
			Instant next = nextAttemptAllowedAt(row);
			return next.isAfter(now) ? Duration.between(now, next) : Duration.ZERO;
		}).orElse(Duration.ZERO);
	}

	boolean mustChangePassword(String username) {
		return row(username).map(Row::mustChangePassword).orElse(false);
	}

	void recordFailure(String username) {
		OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
		jdbc.sql("""
				update account set failed_logins = failed_logins + 1, last_failed_login_at = :now,
				    locked_until = case when failed_logins + 1 >= :lockAfter then :lockedUntil else locked_until end
				where username = :username""")
			.param("now", now).param("lockAfter", LOCK_AFTER).param("lockedUntil", now.plus(LOCK_DURATION))
			.param("username", username).update();
	}

	void recordSuccess(String username) {
		jdbc.sql("update account set failed_logins = 0, last_failed_login_at = null, locked_until = null where username = ?")
			.param(username).update();
	}

	@Transactional
	void changePassword(String username, String current, String replacement) {
		Row row = row(username).orElseThrow(() -> new InvalidRequestException("currentPassword", "account.password.wrong"));
		if (!passwords.matches(current, row.passwordHash())) {
			throw new InvalidRequestException("currentPassword", "account.password.wrong");
		}
		checkPassword("newPassword", replacement);
		if (replacement.equals(current)) {
			throw new InvalidRequestException("newPassword", "account.password.unchanged");
		}
		jdbc.sql("update account set password_hash = ?, must_change_password = false, version = version + 1"
				+ " where username = ?").params(passwords.encode(replacement), username).update();
	}

	private static void checkPassword(String field, String password) {
		if (password == null || password.length() < MIN_PASSWORD_LENGTH || password.length() > 200
				|| password.chars().allMatch(Character::isDigit) || password.chars().allMatch(Character::isLetter)) {
			throw new InvalidRequestException(field, "account.password.weak", MIN_PASSWORD_LENGTH);
		}
	}

	private boolean throttled(Row row, Instant now) {
		return nextAttemptAllowedAt(row).isAfter(now);
	}

	/** 1 s after the 3rd failure, then 2, 4, 8 … s: slow enough to stop guessing, quick enough for a typo. */
	private static Instant nextAttemptAllowedAt(Row row) {
		if (row.failedLogins() < SLOW_DOWN_AFTER || row.lastFailedLoginAt() == null) {
			return Instant.MIN;
		}
		return row.lastFailedLoginAt().plusSeconds(1L << Math.min(20, row.failedLogins() - SLOW_DOWN_AFTER));
	}

	private RuntimeException translate(DataIntegrityViolationException ex) {
		return PostgresConstraint.of(ex).<RuntimeException>map(constraint -> switch (constraint) {
			case "account_mobile_unique" -> new InvalidRequestException("mobile", "account.mobile.taken");
			// only a worker's generated name can collide here (create() skips a taken name): the worker has an account
			case "account_worker_unique", "account_username_unique" ->
				new InvalidRequestException("workerId", "account.worker.hasAccount");
			case "account_worker_id_fkey" -> new InvalidRequestException("workerId", "account.admin.worker.required");
			case "account_region_code_fkey" -> new InvalidRequestException("region", "account.admin.region.invalid");
			case "account_username_not_mobile" -> new InvalidRequestException("username", "account.admin.username.mobile");
			case "account_worker_username" -> new InvalidRequestException("username", "account.admin.username.reserved");
			default -> ex;
		}).orElse(ex);
	}

	private Optional<Row> signInRow(String typed) {
		if (typed == null) {
			return Optional.empty();
		}
		Optional<MobileNumber> mobile = asMobile(typed);
		return mobile.isPresent() ? rowByMobile(mobile.get()) : row(typed);
	}

	private Optional<Row> rowByMobile(MobileNumber mobile) {
		return jdbc.sql("select " + COLUMNS + " from account where mobile_index = ?").param(mobileIndex(mobile))
			.query(this::map).optional();
	}

	private byte[] mobileIndex(MobileNumber mobile) {
		return personalData.blindIndex(PersonalData.MOBILE_NUMBER, mobile.value());
	}

	private static Optional<MobileNumber> asMobile(String typed) {
		try {
			return Optional.of(MobileNumber.of(typed));
		}
		catch (InvalidValueException ex) {
			return Optional.empty();
		}
	}

	private Optional<Row> row(String username) {
		if (username == null) {
			return Optional.empty();
		}
		return jdbc.sql("select " + COLUMNS + " from account where username = ?")
			.param(username.strip().toLowerCase(java.util.Locale.ROOT)).query(this::map).optional();
	}

	private Row map(ResultSet rs, int n) throws SQLException {
		String[] categories = (String[]) rs.getArray("data_categories").getArray();
		Actor actor = new Actor(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
				Role.valueOf(rs.getString("role")), RegionCode.of(rs.getString("region_code")), rs.getString("agency_code"),
				Arrays.stream(categories).map(DataCategory::valueOf).collect(Collectors.toSet()),
				(Long) rs.getObject("enterprise_id"), (Long) rs.getObject("worker_id"));
		return new Row(actor, rs.getString("password_hash"), rs.getBoolean("enabled"), rs.getBoolean("must_change_password"),
				rs.getInt("failed_logins"), instant(rs, "last_failed_login_at"), instant(rs, "locked_until"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	record Row(Actor actor, String passwordHash, boolean enabled, boolean mustChangePassword, int failedLogins,
			Instant lastFailedLoginAt, Instant lockedUntil) {
	}
}
