package org.chunfeng.identity.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An account whose password must be changed (the first administrator, a reset) can do nothing else first. Part of
 * the console's security chain only (not a servlet filter of its own).
 */
class MustChangePasswordFilter extends OncePerRequestFilter {

	private final JdbcAccounts accounts;

	MustChangePasswordFilter(JdbcAccounts accounts) {
		this.accounts = accounts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		String path = request.getRequestURI();
		if (authentication != null && authentication.getPrincipal() instanceof AccountPrincipal principal
				&& principal.mustChangePassword() && !path.equals("/account/password") && !path.equals("/logout") && !isAsset(path)
				&& accounts.mustChangePassword(principal.getUsername())) {
			response.sendRedirect(request.getContextPath() + "/account/password");
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean isAsset(String path) {
		return path.startsWith("/webjars/") || path.startsWith("/css/") || path.startsWith("/js/");
	}
}
