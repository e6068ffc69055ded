package org.chunfeng.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.chunfeng.identity.Accounts;
import org.chunfeng.identity.NewAccount;
import org.chunfeng.identity.Role;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.support.ApiClient;
import org.chunfeng.support.ApiClient.Response;
import org.chunfeng.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Sign-in, tokens and the protections around them, attacked from outside over HTTP. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class SignInAndTokenTests {

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void accounts() {
		TestAccounts.ensure(accounts);
	}

	@Test
	void tokensAreStoredHashedWorkUntilRevokedAndAreNeverLogged(CapturedOutput output) {
		ApiClient client = ApiClient.withToken(port, TestAccounts.HUQIU);
		String token = client.token();
		assertThat(token).startsWith("cf_").hasSizeGreaterThan(40);
		assertThat(client.get("/api/v1/auth/me").json().get("region").asString()).isEqualTo("320505");

		List<byte[]> stored = jdbc.sql("select token_hash from api_token").query(byte[].class).list();
		assertThat(stored).anyMatch(hash -> java.util.Arrays.equals(hash, ApiTokens.hash(token)));
		assertThat(jdbc.sql("select count(*) from api_token where encode(token_hash, 'escape') like ?")
			.param("%" + token.substring(3, 20) + "%").query(Long.class).single()).isZero();

		assertThat(client.method("DELETE", "/api/v1/auth/token").status()).isEqualTo(204);
		Response afterRevoke = client.get("/api/v1/auth/me");
		assertThat(afterRevoke.status()).isEqualTo(401);
		assertThat(afterRevoke.contentType()).startsWith("application/problem+json");
		assertThat(output.getAll()).doesNotContain(token).doesNotContain(TestAccounts.PASSWORD);
	}

	@Test
	void anExpiredTokenIsRefused() {
		ApiClient client = ApiClient.withToken(port, TestAccounts.WUZHONG);
		jdbc.sql("update api_token set created_at = now() - interval '2 days', expires_at = now() - interval '1 day'"
				+ " where token_hash = ?").param(ApiTokens.hash(client.token())).update();
		assertThat(client.get("/api/v1/auth/me").status()).isEqualTo(401);
	}

	@Test
	void anonymousAndForgedCallsGet401AsProblemDetails() {
		ApiClient anonymous = new ApiClient(port);
		Response response = anonymous.get("/api/v1/regions");
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
		assertThat(anonymous.get("/api/v1/regions", "Authorization", "Bearer cf_forged").status()).isEqualTo(401);
		Response bad = anonymous.post("/api/v1/auth/token", "application/json",
				"{\"username\": \"" + TestAccounts.ADMIN + "\", \"password\": \"wrong-password-1\"}");
		assertThat(bad.status()).isEqualTo(401);
		assertThat(bad.json().get("detail").asString()).isEqualTo("用户名或密码错误");
	}

	@Test
	void repeatedFailuresSlowDownThenLockTheAccountAndAreAudited() {
		String username = "test-lockout-" + System.nanoTime() % 100000;
		accounts.create(new NewAccount(username, "lockout", TestAccounts.PASSWORD, Role.CASEWORKER,
				RegionCode.of("320505"), null, Set.of(), null, null, false));
		ApiClient anonymous = new ApiClient(port);
		String wrong = "{\"username\": \"" + username + "\", \"password\": \"not-the-password\"}";
		String right = "{\"username\": \"" + username + "\", \"password\": \"" + TestAccounts.PASSWORD + "\"}";
		for (int i = 0; i < JdbcAccounts.SLOW_DOWN_AFTER; i++) {
			assertThat(anonymous.post("/api/v1/auth/token", "application/json", wrong).status()).isEqualTo(401);
		}
		// now even the right password must wait
		Response throttled = anonymous.post("/api/v1/auth/token", "application/json", right);
		assertThat(throttled.status()).isEqualTo(429);
		assertThat(throttled.json().get("detail").asString()).contains("秒后再试");

		// the wait has passed (moved into the past rather than slept through)
		jdbc.sql("update account set last_failed_login_at = now() - interval '1 hour' where username = ?").param(username)
			.update();
		assertThat(anonymous.post("/api/v1/auth/token", "application/json", right).status()).isEqualTo(201);

		for (int i = 0; i < JdbcAccounts.LOCK_AFTER; i++) {
			jdbc.sql("update account set last_failed_login_at = now() - interval '1 hour' where username = ?")
				.param(username).update();
			anonymous.post("/api/v1/auth/token", "application/json", wrong);
		}
		jdbc.sql("update account set last_failed_login_at = now() - interval '1 hour' where username = ?").param(username)
			.update();
		assertThat(anonymous.post("/api/v1/auth/token", "application/json", right).status()).isEqualTo(429);
		assertThat(jdbc.sql("select locked_until > now() + interval '10 minutes' from account where username = ?")
			.param(username).query(Boolean.class).single()).isTrue();

		List<String> audited = jdbc.sql("select action from audit_log where actor = ? order by id").param(username)
			.query(String.class).list();
		assertThat(audited).contains("login.success", "login.failure");
	}

	@Test
	void passwordsAreStoredWithAnAdaptiveHash() {
		List<String> hashes = jdbc.sql("select password_hash from account").query(String.class).list();
		assertThat(hashes).isNotEmpty().allSatisfy(hash -> assertThat(hash).startsWith("{bcrypt}$2"));
		assertThat(hashes).noneMatch(hash -> hash.contains(TestAccounts.PASSWORD));
	}

	@Test
	void responsesCarrySecurityHeadersAndTheSessionCookieIsProtected() {
		ApiClient browser = new ApiClient(port);
		Response login = browser.get("/login");
		String csp = login.headers().firstValue("Content-Security-Policy").orElseThrow();
		assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'");
		assertThat(csp.replaceAll(".*script-src ([^;]*).*", "$1")).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
		assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
		assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(login.body()).doesNotContain("<script>").doesNotContainPattern("<script(?![^>]*src=)[^>]*>");

		Response signIn = browser.postForm("/login", "username=" + TestAccounts.ADMIN + "&password=" + TestAccounts.PASSWORD);
		String cookie = signIn.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION="))
			.findFirst().orElseThrow();
		assertThat(cookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
		Response api = browser.get("/api/v1/regions");
		assertThat(api.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
	}

	@Test
	void aFormWithoutItsCsrfTokenIsRefused() {
		ApiClient browser = ApiClient.withSession(port, TestAccounts.ADMIN);
		Response forged = browser.post("/account/password", "application/x-www-form-urlencoded",
				"currentPassword=x&newPassword=y&confirmPassword=y");
		assertThat(forged.status()).isEqualTo(403);
	}

	@Test
	void aUserChangesItsPasswordAndTheChangeIsAudited() {
		String username = "test-password-" + System.nanoTime() % 100000;
		accounts.create(new NewAccount(username, "password", TestAccounts.PASSWORD, Role.REVIEWER,
				RegionCode.of("320500"), null, Set.of(), null, null, true));
		ApiClient browser = ApiClient.withSession(port, username);
		// must change first: every page leads to the password form
		assertThat(browser.get("/").location()).endsWith("/account/password");
		Response weak = browser.postForm("/account/password",
				"currentPassword=" + TestAccounts.PASSWORD + "&newPassword=short&confirmPassword=short");
		assertThat(weak.status()).isEqualTo(200);
		assertThat(weak.body()).contains("密码至少 10 位");
		Response changed = browser.postForm("/account/password",
				"currentPassword=" + TestAccounts.PASSWORD + "&newPassword=new-password-2027&confirmPassword=new-password-2027");
		assertThat(changed.status()).isEqualTo(302);
		assertThat(browser.get("/").status()).isEqualTo(200);
		assertThat(ApiClient.withToken(port, username, "new-password-2027").token()).isNotBlank();
		assertThat(jdbc.sql("select count(*) from audit_log where actor = ? and action = 'account.password.changed'")
			.param(username).query(Long.class).single()).isEqualTo(1);
	}
}
