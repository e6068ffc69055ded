package org.chunfeng.identity.internal;

import java.time.OffsetDateTime;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.chunfeng.identity.RegionScope;
import org.chunfeng.platform.InvalidRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Bearer tokens for scripts and integrators: sign in with a username and password, get a token, revoke it. */
@RestController
@Tag(name = "Authentication")
class AuthApi {

	private final ApiTokens tokens;
	private final LoginAttempts attempts;
	private final AuthenticationManager authentication;

	AuthApi(ApiTokens tokens, LoginAttempts attempts, JdbcAccounts accounts, PasswordEncoder passwords) {
		this.tokens = tokens;
		this.attempts = attempts;
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts);
		provider.setPasswordEncoder(passwords);
		provider.setUserDetailsPasswordService(accounts);
		this.authentication = provider::authenticate;
	}

	record Credentials(String username, String password) {
	}

	record TokenResponse(String token, String tokenType, OffsetDateTime expiresAt) {
	}

	record WhoAmI(String username, String displayName, String role, String region, String agency) {
	}

	@Operation(summary = "Sign in with username and password; returns a bearer token for every other API call",
			security = {})
	@PostMapping("/api/v1/auth/token")
	ResponseEntity<TokenResponse> token(@RequestBody Credentials credentials) {
		if (credentials.username() == null || credentials.username().isBlank()) {
			throw new InvalidRequestException("username", "problem.field.required");
		}
		if (credentials.password() == null || credentials.password().isEmpty()) {
			throw new InvalidRequestException("password", "problem.field.required");
		}
		try {
			Authentication signedIn = authentication
				.authenticate(new UsernamePasswordAuthenticationToken(credentials.username(), credentials.password()));
			attempts.succeeded(signedIn.getName(), "api");
			var actor = ((AccountPrincipal) signedIn.getPrincipal()).actor();
			ApiTokens.Issued issued = tokens.issue(actor);
			return ResponseEntity.status(HttpStatus.CREATED)
				.body(new TokenResponse(issued.token(), "Bearer", issued.expiresAt()));
		}
		catch (LockedException ex) {
			attempts.failed(credentials.username(), ex, "api");
			throw new SignInRefusedException(HttpStatus.TOO_MANY_REQUESTS, "problem.signIn.locked",
					attempts.waitBeforeNextAttempt(credentials.username()).toSeconds() + 1);
		}
		catch (AuthenticationException ex) {
			attempts.failed(credentials.username(), ex, "api");
			throw new SignInRefusedException(HttpStatus.UNAUTHORIZED, "problem.signIn.bad");
		}
	}

	@Operation(summary = "Revoke the token this call is made with")
	@DeleteMapping("/api/v1/auth/token")
	ResponseEntity<Void> revoke(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		tokens.revoke(header.substring("Bearer ".length()).strip());
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "Who the token belongs to, and its region scope")
	@GetMapping("/api/v1/auth/me")
	WhoAmI me() {
		var actor = RegionScope.currentActor().orElseThrow();
		return new WhoAmI(actor.username(), actor.displayName(), actor.role().name(), actor.region().value(),
				actor.agency());
	}
}
