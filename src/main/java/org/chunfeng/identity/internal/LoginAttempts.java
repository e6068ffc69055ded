package org.chunfeng.identity.internal;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.chunfeng.identity.Actor;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * Every sign-in, through the form or for a token: counted against the account (slow-down, then lock) and audited,
 * success and failure alike. The password is never logged.
 */
@Component
class LoginAttempts implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

	private final JdbcAccounts accounts;
	private final JdbcAudit audit;
	private final SavedRequestAwareAuthenticationSuccessHandler next = new SavedRequestAwareAuthenticationSuccessHandler();

	LoginAttempts(JdbcAccounts accounts, JdbcAudit audit) {
		this.accounts = accounts;
		this.audit = audit;
	}

	/** Records a successful sign-in by any door. */
	void succeeded(String username, String door) {
		accounts.recordSuccess(username);
		String region = accounts.findByUsername(username).map(a -> a.region().value()).orElse(JdbcAudit.UNKNOWN_REGION);
		audit.record(username, "login.success", "account", username, region, null, null, door);
	}

	/**
	 * Records a refused sign-in; a locked or throttled account does not count the attempt again.
	 *
	 * @param typed the name as typed: a username or a mobile number, which is logged as the account's username, or
	 *              masked when no account has it
	 */
	void failed(String typed, AuthenticationException reason, String door) {
		var account = accounts.findForSignIn(typed);
		String name = account.map(Actor::username).orElseGet(() -> JdbcAccounts.auditableName(typed));
		if (account.isPresent() && !(reason instanceof LockedException)) {
			accounts.recordFailure(name);
		}
		audit.record(name.isEmpty() ? "(blank)" : name, "login.failure", "account", name,
				account.map(a -> a.region().value()).orElse(JdbcAudit.UNKNOWN_REGION), null, null,
				door + ": " + reason.getClass().getSimpleName());
	}

	Duration waitBeforeNextAttempt(String typed) {
		return accounts.waitBeforeNextAttempt(typed);
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, ServletException {
		succeeded(authentication.getName(), "console");
		next.onAuthenticationSuccess(request, response, authentication);
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		String username = request.getParameter("username");
		failed(username, exception, "console");
		String reason = exception instanceof LockedException ? "locked" : "bad";
		response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
	}
}
