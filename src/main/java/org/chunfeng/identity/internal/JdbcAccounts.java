package org.chunfeng.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import org.chunfeng.identity.Accounts;
import org.chunfeng.identity.Actor;
import org.chunfeng.identity.DataCategory;
import org.chunfeng.identity.NewAccount;
import org.chunfeng.identity.Role;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.reference.RegionCode;
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

	JdbcAccounts(JdbcClient jdbc, PasswordEncoder passwords, Clock clock) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.clock = clock;
	}

	@Override
	@Transactional
	public Actor create(NewAccount account) {
		checkPassword("password", account.password());
		// the unique key decides a race between two administrators creating the same name: the loser gets a 400
		Long id = jdbc.sql("""
				insert into account (username, display_name, password_hash, role, region_code, agency_code, data_categories,
				    enterprise_id, worker_id, must_change_password)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				on conflict on constraint account_username_unique do nothing returning id""")
			.params(account.username(), account.displayName(), passwords.encode(account.password()),
					account.role().name(), account.region().value(), account.agency(),
					account.categories().stream().map(Enum::name).sorted().toArray(String[]::new), account.enterprise(),
					account.worker(), account.mustChangePassword())
			.query(Long.class).optional()
			.orElseThrow(() -> new InvalidRequestException("username", "account.admin.username.taken"));
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

	/** For Spring Security's sign-in: throttled or locked accounts are reported as locked. */
	@Override
	public UserDetails loadUserByUsername(String username) {
		Row row = row(username).orElseThrow(() -> new UsernameNotFoundException("unknown account"));
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
	Duration waitBeforeNextAttempt(String username) {
		return row(username).map(row -> {
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
