package org.chunfeng.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;

import org.chunfeng.identity.Actor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.stereotype.Service;

/**
 * Bearer tokens for scripts and integrators: random, shown once, stored only as their SHA-256, expiring and
 * revocable. Checked on every API call (an opaque-token introspector for Spring Security's resource server).
 */
@Service
class ApiTokens implements OpaqueTokenIntrospector {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;
	private final JdbcAccounts accounts;
	private final Clock clock;
	private final Duration lifetime;

	ApiTokens(JdbcClient jdbc, JdbcAccounts accounts, Clock clock,
			@Value("${chunfeng.api.token-lifetime:PT8H}") Duration lifetime) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.clock = clock;
		this.lifetime = lifetime;
	}

	record Issued(String token, OffsetDateTime expiresAt) {
	}

	Issued issue(Actor actor) {
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		String token = "cf_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
		OffsetDateTime expires = now.plus(lifetime);
		jdbc.sql("insert into api_token (account_id, token_hash, created_at, expires_at) values (?, ?, ?, ?)")
			.params(actor.accountId(), hash(token), now, expires).update();
		return new Issued(token, expires);
	}

	/** Revokes the token; true if it was live. */
	boolean revoke(String token) {
		return jdbc.sql("update api_token set revoked_at = ? where token_hash = ? and revoked_at is null")
			.params(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), hash(token)).update() == 1;
	}

	@Override
	public OAuth2AuthenticatedPrincipal introspect(String token) {
		OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
		byte[] hash = hash(token);
		// a read on every call; the last use is written at most once a minute, not on every request
		record Live(long id, String username, OffsetDateTime lastUsedAt) {
		}
		Live live = jdbc.sql("""
				select t.id, a.username, t.last_used_at from api_token t join account a on a.id = t.account_id
				where t.token_hash = :hash and t.revoked_at is null and t.expires_at > :now and a.enabled""")
			.param("hash", hash).param("now", now)
			.query((rs, n) -> new Live(rs.getLong(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class)))
			.optional()
			.orElseThrow(() -> new BadOpaqueTokenException("unknown, expired or revoked token"));
		if (live.lastUsedAt() == null || live.lastUsedAt().isBefore(now.minusMinutes(1))) {
			jdbc.sql("update api_token set last_used_at = ? where id = ?").params(now, live.id()).update();
		}
		Actor actor = accounts.findByUsername(live.username())
			.orElseThrow(() -> new BadOpaqueTokenException("unknown, expired or revoked token"));
		return new TokenPrincipal(actor);
	}

	static byte[] hash(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** An API call's principal. */
	record TokenPrincipal(Actor actor) implements OAuth2AuthenticatedPrincipal, Actor.Holder {

		@Override
		public Map<String, Object> getAttributes() {
			return Map.of("username", actor.username());
		}

		@Override
		public Collection<? extends GrantedAuthority> getAuthorities() {
			return AccountPrincipal.authorities(actor.role());
		}

		@Override
		public String getName() {
			return actor.username();
		}
	}
}
