package org.chunfeng.identity.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.chunfeng.identity.Actor;
import org.chunfeng.identity.Role;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A console session's principal: the account's actor, without its password once signed in. */
final class AccountPrincipal implements UserDetails, CredentialsContainer, Actor.Holder {

	/** Permission to see a resident ID or mobile number in full (always audited). */
	static final String REVEAL_PERSONAL_DATA = "PERSONAL_DATA_REVEAL";

	private final Actor actor;
	private String passwordHash;
	private final boolean enabled;
	private final boolean locked;
	private final boolean mustChangePassword;

	AccountPrincipal(Actor actor, String passwordHash, boolean enabled, boolean locked, boolean mustChangePassword) {
		this.actor = actor;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
		this.locked = locked;
		this.mustChangePassword = mustChangePassword;
	}

	static List<GrantedAuthority> authorities(Role role) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
		if (role == Role.ADMINISTRATOR || role == Role.CASEWORKER) {
			authorities.add(new SimpleGrantedAuthority(REVEAL_PERSONAL_DATA));
		}
		return authorities;
	}

	@Override
	public Actor actor() {
		return actor;
	}

	boolean mustChangePassword() {
		return mustChangePassword;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return authorities(actor.role());
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return actor.username();
	}

	@Override
	public boolean isAccountNonLocked() {
		return !locked;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

	@Override
	public String toString() {
		return "AccountPrincipal[" + actor.username() + "]";
	}
}
