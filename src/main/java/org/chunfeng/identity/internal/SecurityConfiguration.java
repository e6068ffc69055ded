package org.chunfeng.identity.internal;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.servlet.LocaleResolver;

import tools.jackson.databind.json.JsonMapper;

/**
 * Two doors: the API ({@code /api/**}) takes bearer tokens only, keeps no session and answers 401/403 as Problem
 * Details; the console takes a form login with CSRF protection and a session kept in PostgreSQL. Both send a strict
 * Content-Security-Policy (no inline scripts), deny framing and sniffing.
 */
@Configuration(proxyBeanMethods = false)
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' "
			+ "'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
			+ "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

	@Bean
	ProblemResponses problemResponses(MessageSource messages, LocaleResolver locales, JsonMapper json) {
		return new ProblemResponses(messages, locales, json);
	}

	/** The bureau's own staff: they read the registries; agency viewers, enterprises and workers do not. */
	private static final String[] STAFF = { "ADMINISTRATOR", "CASEWORKER", "REVIEWER", "FINANCE_OFFICER" };

	/** Postings under management: the bureau's staff and the posting enterprises (each sees its own). */
	private static final String[] POSTING_READERS = { "ADMINISTRATOR", "CASEWORKER", "REVIEWER", "FINANCE_OFFICER",
			"ENTERPRISE_USER" };

	/** The training catalogue: the bureau's staff and workers (who look for a course and follow their referrals). */
	private static final String[] TRAINING_READERS = { "ADMINISTRATOR", "CASEWORKER", "REVIEWER", "FINANCE_OFFICER",
			"WORKER" };

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, ProblemResponses problems) throws Exception {
		http.securityMatcher("/api/**")
			.authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.POST, "/api/v1/auth/token")
				.permitAll()
				// a personal number in full: only with the reveal permission (and audited by the module)
				.requestMatchers(HttpMethod.POST, "/api/v1/workers/*/reveal")
				.hasAuthority(AccountPrincipal.REVEAL_PERSONAL_DATA)
				// self-registration: anyone, throttled per mobile number
				.requestMatchers(HttpMethod.POST, "/api/v1/registrations/**")
				.permitAll()
				// fairs: the public list and pages; booths of the own enterprise, the own registrations; planning
				// and the door by the bureau of the fair's region
				.requestMatchers(HttpMethod.GET, "/api/v1/public/fairs", "/api/v1/public/fairs/*")
				.permitAll()
				.requestMatchers("/api/v1/me/booths", "/api/v1/me/booths/**")
				.hasRole("ENTERPRISE_USER")
				.requestMatchers("/api/v1/me/fair-registrations", "/api/v1/me/fair-registrations/**")
				.hasRole("WORKER")
				.requestMatchers(HttpMethod.GET, "/api/v1/fairs/**", "/api/v1/fair-series/**")
				.hasAnyRole(STAFF)
				.requestMatchers("/api/v1/fairs/**", "/api/v1/fair-series/**")
				.hasAnyRole("ADMINISTRATOR", "CASEWORKER")
				// training: the catalogue for staff and workers; projects kept and referrals moved by caseworkers and
				// administrators; a worker answers its own referrals
				.requestMatchers("/api/v1/me/training-referrals", "/api/v1/me/training-referrals/**")
				.hasRole("WORKER")
				.requestMatchers(HttpMethod.GET, "/api/v1/training-projects", "/api/v1/training-projects/*")
				.hasAnyRole(TRAINING_READERS)
				.requestMatchers(HttpMethod.GET, "/api/v1/training-projects/**", "/api/v1/training-referrals/**")
				.hasAnyRole(STAFF)
				.requestMatchers("/api/v1/training-projects", "/api/v1/training-projects/**",
						"/api/v1/training-referrals/**")
				.hasAnyRole("ADMINISTRATOR", "CASEWORKER")
				// the 131 service: a worker asks for guidance and reads the own record; caseworkers and administrators
				// record guidance and follow the tracker; agency viewers (key-groups category, checked by the module)
				// see the coverage figures only
				.requestMatchers("/api/v1/me/guidance-requests", "/api/v1/me/guidance-requests/**",
						"/api/v1/me/guidance-sessions", "/api/v1/me/service131")
				.hasRole("WORKER")
				.requestMatchers("/api/v1/workers/*/guidance-sessions", "/api/v1/workers/*/guidance-sessions/**",
						"/api/v1/guidance-requests", "/api/v1/guidance-requests/**", "/api/v1/guidance-follow-ups")
				.hasAnyRole("ADMINISTRATOR", "CASEWORKER")
				.requestMatchers(HttpMethod.GET, "/api/v1/service131/coverage")
				.hasAnyRole("ADMINISTRATOR", "CASEWORKER", "AGENCY_VIEWER")
				.requestMatchers("/api/v1/service131/**")
				.hasAnyRole("ADMINISTRATOR", "CASEWORKER")
				// recommendations: a worker's own; the runs for the bureau's staff, started by administrators
				.requestMatchers("/api/v1/me/recommendations")
				.hasRole("WORKER")
				.requestMatchers(HttpMethod.GET, "/api/v1/matching/**")
				.hasAnyRole("ADMINISTRATOR", "CASEWORKER")
				.requestMatchers("/api/v1/matching/**")
				.hasRole("ADMINISTRATOR")
				// a worker's and an enterprise user's own record
				.requestMatchers("/api/v1/me/worker/**")
				.hasRole("WORKER")
				.requestMatchers("/api/v1/me/enterprise/**")
				.hasRole("ENTERPRISE_USER")
				// jobs: the board is public; postings are managed by their enterprise and reviewed by the bureau
				.requestMatchers(HttpMethod.GET, "/api/v1/jobs", "/api/v1/jobs/*")
				.permitAll()
				.requestMatchers("/api/v1/me/applications/**")
				.hasRole("WORKER")
				.requestMatchers(HttpMethod.POST, "/api/v1/postings/*/approval", "/api/v1/postings/*/return")
				.hasAnyRole("ADMINISTRATOR", "CASEWORKER")
				.requestMatchers(HttpMethod.GET, "/api/v1/postings/**", "/api/v1/applications/**")
				.hasAnyRole(POSTING_READERS)
				.requestMatchers("/api/v1/postings/**", "/api/v1/applications/**")
				.hasAnyRole("ADMINISTRATOR", "CASEWORKER", "ENTERPRISE_USER")
				.requestMatchers(HttpMethod.POST, "/api/v1/workers/*/merge", "/api/v1/enterprises/*/merge")
				.hasRole("ADMINISTRATOR")
				// payments: finance officers work them; administrators and reviewers read; the bank file (accounts in
				// full) is finance's alone
				.requestMatchers(HttpMethod.GET, "/api/v1/payment-batches/*/bank-file")
				.hasRole("FINANCE_OFFICER")
				.requestMatchers(HttpMethod.GET, "/api/v1/payment-batches", "/api/v1/payment-batches/**",
						"/api/v1/entitlements", "/api/v1/entitlements/**")
				.hasAnyRole("ADMINISTRATOR", "REVIEWER", "FINANCE_OFFICER")
				.requestMatchers("/api/v1/payment-batches", "/api/v1/payment-batches/**", "/api/v1/entitlements/**")
				.hasRole("FINANCE_OFFICER")
				// subsidy applications: applicants (their own), caseworkers (on behalf), reviewers (decide), staff read
				.requestMatchers(HttpMethod.POST, "/api/v1/subsidy-applications/*/decisions")
				.hasRole("REVIEWER")
				.requestMatchers("/api/v1/subsidy-applications", "/api/v1/subsidy-applications/**")
				.hasAnyRole("ADMINISTRATOR", "CASEWORKER", "REVIEWER", "FINANCE_OFFICER", "ENTERPRISE_USER", "WORKER")
				// subsidy programs: the bureau's staff read them (they work under them); administrators set them up
				.requestMatchers(HttpMethod.GET, "/api/v1/subsidy-programs", "/api/v1/subsidy-programs/**")
				.hasAnyRole(STAFF)
				.requestMatchers("/api/v1/subsidy-programs", "/api/v1/subsidy-programs/**")
				.hasRole("ADMINISTRATOR")
				// automatic refund runs: followed by the bureau's staff, started by administrators (above)
				.requestMatchers(HttpMethod.GET, "/api/v1/automatic-runs/**")
				.hasAnyRole(STAFF)
				// records of people and enterprises: the bureau's staff only, never agency viewers; changes and
				// imports by caseworkers and administrators
				.requestMatchers(HttpMethod.GET, "/api/v1/workers/**", "/api/v1/enterprises/**", "/api/v1/exports/**")
				.hasAnyRole(STAFF)
				.requestMatchers("/api/v1/workers/**", "/api/v1/enterprises/**", "/api/v1/imports/**")
				.hasAnyRole("ADMINISTRATOR", "CASEWORKER")
				.anyRequest()
				.authenticated())
			.oauth2ResourceServer(server -> server.opaqueToken(token -> token.introspector(tokens))
				.authenticationEntryPoint(problems::unauthorized)
				.accessDeniedHandler(problems::forbidden))
			.exceptionHandling(errors -> errors.authenticationEntryPoint(problems::unauthorized)
				.accessDeniedHandler(problems::forbidden))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// tokens travel in a header, never automatically: there is no cross-site request to forge
			.csrf(csrf -> csrf.disable())
			.headers(this::headers);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain console(HttpSecurity http, LoginAttempts attempts, JdbcAccounts accounts) throws Exception {
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/login", "/webjars/**", "/css/**", "/js/**", "/favicon.ico", "/error",
					"/actuator/health/**", "/actuator/prometheus", "/v3/api-docs/**")
			.permitAll()
			.requestMatchers("/register", "/register/**", "/password-reset", "/password-reset/**")
			.permitAll()
			.requestMatchers(HttpMethod.GET, "/public/fairs", "/public/fairs/*")
			.permitAll()
			.requestMatchers(HttpMethod.GET, "/fairs", "/fairs/**")
			.hasAnyRole(STAFF)
			.requestMatchers("/fairs", "/fairs/**")
			.hasAnyRole("ADMINISTRATOR", "CASEWORKER")
			.requestMatchers("/guidance", "/guidance/**")
			.hasAnyRole("ADMINISTRATOR", "CASEWORKER")
			.requestMatchers(HttpMethod.GET, "/matching/**")
			.hasAnyRole("ADMINISTRATOR", "CASEWORKER")
			.requestMatchers("/matching/**")
			.hasRole("ADMINISTRATOR")
			.requestMatchers(HttpMethod.GET, "/service131")
			.hasAnyRole("ADMINISTRATOR", "CASEWORKER", "AGENCY_VIEWER")
			.requestMatchers("/service131", "/service131/**")
			.hasAnyRole("ADMINISTRATOR", "CASEWORKER")
			.requestMatchers("/me", "/me/**")
			.hasRole("WORKER")
			.requestMatchers(HttpMethod.GET, "/training", "/training/*")
			.hasAnyRole(TRAINING_READERS)
			.requestMatchers(HttpMethod.GET, "/training/**")
			.hasAnyRole(STAFF)
			.requestMatchers("/training", "/training/**")
			.hasAnyRole("ADMINISTRATOR", "CASEWORKER")
			.requestMatchers("/my-enterprise", "/my-enterprise/**")
			.hasRole("ENTERPRISE_USER")
			// payments: finance officers work them; administrators and reviewers read; the bank file (accounts in
			// full) is finance's alone
			.requestMatchers(HttpMethod.GET, "/payments/batches/*/bank-file.*")
			.hasRole("FINANCE_OFFICER")
			.requestMatchers(HttpMethod.GET, "/payments", "/payments/**")
			.hasAnyRole("ADMINISTRATOR", "REVIEWER", "FINANCE_OFFICER")
			.requestMatchers("/payments", "/payments/**")
			.hasRole("FINANCE_OFFICER")
			.requestMatchers(HttpMethod.POST, "/subsidies/applications/*/decisions")
			.hasRole("REVIEWER")
			.requestMatchers("/subsidies/applications", "/subsidies/applications/**")
			.hasAnyRole("ADMINISTRATOR", "CASEWORKER", "REVIEWER", "FINANCE_OFFICER", "ENTERPRISE_USER", "WORKER")
			.requestMatchers(HttpMethod.GET, "/subsidies/programs", "/subsidies/programs/*")
			.hasAnyRole(STAFF)
			.requestMatchers(HttpMethod.GET, "/subsidies/programs/*/automatic-runs",
					"/subsidies/programs/*/automatic-runs/progress")
			.hasAnyRole(STAFF)
			.requestMatchers("/subsidies", "/subsidies/**")
			.hasRole("ADMINISTRATOR")
			.requestMatchers(HttpMethod.GET, "/jobs", "/jobs/*")
			.permitAll()
			.requestMatchers("/jobs/*/apply")
			.hasRole("WORKER")
			.requestMatchers(HttpMethod.POST, "/postings/*/approve", "/postings/*/return")
			.hasAnyRole("ADMINISTRATOR", "CASEWORKER")
			.requestMatchers(HttpMethod.GET, "/postings", "/postings/**")
			.hasAnyRole(POSTING_READERS)
			.requestMatchers("/postings", "/postings/**", "/applications/**")
			.hasAnyRole("ADMINISTRATOR", "CASEWORKER", "ENTERPRISE_USER")
			.requestMatchers(HttpMethod.POST, "/workers/*/merge", "/enterprises/*/merge")
			.hasRole("ADMINISTRATOR")
			.requestMatchers(HttpMethod.GET, "/workers/**", "/enterprises/**", "/exports/**")
			.hasAnyRole(STAFF)
			.requestMatchers("/workers/**", "/enterprises/**", "/imports", "/imports/**")
			.hasAnyRole("ADMINISTRATOR", "CASEWORKER")
			.anyRequest()
			.authenticated())
			.formLogin(form -> form.loginPage("/login").failureHandler(attempts).successHandler(attempts).permitAll())
			.logout(logout -> logout.logoutSuccessUrl("/login?logout").deleteCookies("SESSION"))
			.addFilterAfter(new MustChangePasswordFilter(accounts), BasicAuthenticationFilter.class)
			.headers(this::headers)
			.requestCache(Customizer.withDefaults());
		return http.build();
	}

	private void headers(org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity> headers) {
		headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.frameOptions(frame -> frame.deny())
			.contentTypeOptions(Customizer.withDefaults())
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN));
	}

	/** 401 and 403 of the API in the same Problem Details shape as every other API failure. */
	static class ProblemResponses {

		private final MessageSource messages;
		private final LocaleResolver locales;
		private final JsonMapper json;

		ProblemResponses(MessageSource messages, LocaleResolver locales, JsonMapper json) {
			this.messages = messages;
			this.locales = locales;
			this.json = json;
		}

		void unauthorized(HttpServletRequest request, HttpServletResponse response,
				org.springframework.security.core.AuthenticationException ex) throws IOException {
			response.setHeader("WWW-Authenticate", "Bearer");
			write(request, response, HttpStatus.UNAUTHORIZED, "problem.unauthorized");
		}

		void forbidden(HttpServletRequest request, HttpServletResponse response,
				org.springframework.security.access.AccessDeniedException ex) throws IOException {
			write(request, response, HttpStatus.FORBIDDEN, "problem.forbidden");
		}

		private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code)
				throws IOException {
			Locale locale = locales.resolveLocale(request);
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
					messages.getMessage(code + ".detail", null, locale));
			problem.setTitle(messages.getMessage(code, null, locale));
			problem.setInstance(URI.create(request.getRequestURI()));
			response.setStatus(status.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			response.getWriter().write(json.writeValueAsString(problem));
		}
	}
}
