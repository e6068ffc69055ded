package org.chunfeng.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chunfeng.identity.Accounts;
import org.chunfeng.identity.NewAccount;
import org.chunfeng.identity.PersonalData;
import org.chunfeng.identity.PhoneVerifications;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.identity.Role;
import org.chunfeng.identity.VerificationPurpose;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.reference.MobileNumber;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.support.ApiClient;
import org.chunfeng.support.ApiClient.Response;
import org.chunfeng.support.TestAccounts;
import org.chunfeng.support.TestPeople;
import org.chunfeng.workers.EmploymentStatus;
import org.chunfeng.workers.FestivalPlan;
import org.chunfeng.workers.NewWorker;
import org.chunfeng.workers.RegistrationSource;
import org.chunfeng.workers.Worker;
import org.chunfeng.workers.Workers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Workers' own accounts: made after an SMS check, signed in with the mobile number at both doors, one per number.
 * The SMS gateway is the installation's default, which logs; the tests read their codes from the log like a
 * developer would.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class WorkerAccountTests {

	private static final RegionCode HUQIU = RegionCode.of("320505");
	private static final String PASSWORD = "worker-password-2027";

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	PhoneVerifications verifications;

	@Autowired
	Workers workers;

	@Autowired
	PersonalData personalData;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aWorkerRegistersWithAnSmsCodeAndSignsInWithTheMobileNumberAtBothDoors(CapturedOutput output) {
		MobileNumber mobile = TestPeople.mobile();
		verifications.send(mobile, VerificationPurpose.REGISTRATION, Locale.SIMPLIFIED_CHINESE);
		verifications.verify(mobile, VerificationPurpose.REGISTRATION, loggedCode(output, mobile));
		Worker worker = register(mobile);
		long id = accounts.createWorkerAccount(worker.id(), HUQIU, worker.name(), mobile, PASSWORD);
		String username = JdbcAccounts.workerUsername(worker.id());

		assertThat(accounts.accountOfWorker(worker.id())).contains(id);
		assertThat(accounts.accountOfWorker(-1)).isEmpty();
		var actor = accounts.findByUsername(username).orElseThrow();
		assertThat(actor.accountId()).isEqualTo(id);
		assertThat(actor.role()).isEqualTo(Role.WORKER);
		assertThat(actor.worker()).isEqualTo(worker.id());
		assertThat(actor.region()).isEqualTo(HUQIU);
		assertThat(jdbc.sql("select mobile_index from account where id = ?").param(id).query(byte[].class).single())
			.isEqualTo(personalData.blindIndex(PersonalData.MOBILE_NUMBER, mobile.value()));
		assertThat(jdbc.sql("select a::text from account a where id = ?").param(id).query(String.class).single())
			.doesNotContain(mobile.value());
		String audited = jdbc.sql("select after::text from audit_log where action = 'account.created' and record_id = ?")
			.param(username).query(String.class).single();
		assertThat(audited).contains(mobile.masked()).contains("WORKER").doesNotContain(mobile.value());

		// the console form, with the number as the name
		ApiClient console = ApiClient.withSession(port, mobile.value(), PASSWORD);
		assertThat(console.get("/account/password").status()).isEqualTo(200);
		// the token API, with the number written as people write it
		String written = "+86 " + mobile.value().substring(0, 3) + "-" + mobile.value().substring(3, 7) + "-"
				+ mobile.value().substring(7);
		ApiClient api = ApiClient.withToken(port, written, PASSWORD);
		var me = api.get("/api/v1/auth/me").json();
		assertThat(me.get("username").asString()).isEqualTo(username);
		assertThat(me.get("role").asString()).isEqualTo("WORKER");
		assertThat(jdbc.sql("select count(*) from audit_log where actor = ? and action = 'login.success'").param(username)
			.query(Long.class).single()).isEqualTo(2);
		assertThat(output.getAll()).doesNotContain(mobile.value());
	}

	@Test
	void signingInByMobileNumberIsThrottledAndAuditedWithoutTheNumber() {
		MobileNumber mobile = TestPeople.mobile();
		Worker worker = register(mobile);
		accounts.createWorkerAccount(worker.id(), HUQIU, worker.name(), mobile, PASSWORD);
		String username = JdbcAccounts.workerUsername(worker.id());
		ApiClient anonymous = new ApiClient(port);
		String wrong = "{\"username\": \"" + mobile.value() + "\", \"password\": \"not-the-password-1\"}";
		String right = "{\"username\": \"" + mobile.value() + "\", \"password\": \"" + PASSWORD + "\"}";
		for (int i = 0; i < JdbcAccounts.SLOW_DOWN_AFTER; i++) {
			assertThat(anonymous.post("/api/v1/auth/token", "application/json", wrong).status()).isEqualTo(401);
		}
		Response throttled = anonymous.post("/api/v1/auth/token", "application/json", right);
		assertThat(throttled.status()).isEqualTo(429);
		assertThat(throttled.json().get("detail").asString()).contains("秒后再试");
		assertThat(jdbc.sql("select failed_logins from account where username = ?").param(username).query(Integer.class)
			.single()).isEqualTo(JdbcAccounts.SLOW_DOWN_AFTER);
		// the console door counts against the same account
		Response form = anonymous.postForm("/login", "username=" + mobile.value() + "&password=" + PASSWORD);
		assertThat(form.location()).endsWith("/login?error=locked");

		jdbc.sql("update account set last_failed_login_at = now() - interval '1 hour' where username = ?").param(username)
			.update();
		assertThat(anonymous.post("/api/v1/auth/token", "application/json", right).status()).isEqualTo(201);
		assertThat(jdbc.sql("select failed_logins from account where username = ?").param(username).query(Integer.class)
			.single()).isZero();

		MobileNumber unknown = TestPeople.mobile();
		assertThat(anonymous.post("/api/v1/auth/token", "application/json",
				"{\"username\": \"" + unknown.value() + "\", \"password\": \"" + PASSWORD + "\"}").status())
			.isEqualTo(401);
		assertThat(jdbc.sql("select count(*) from audit_log where actor = ? and action = 'login.failure'")
			.param(username).query(Long.class).single()).isEqualTo(JdbcAccounts.SLOW_DOWN_AFTER + 2);
		assertThat(jdbc.sql("select count(*) from audit_log where actor = ? and action = 'login.failure'")
			.param(unknown.masked()).query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from audit_log a where strpos(a::text, ?) > 0 or strpos(a::text, ?) > 0")
			.params(mobile.value(), unknown.value()).query(Long.class).single()).isZero();
	}

	@Test
	void theDatabaseKeepsOneAccountPerMobileNumberEvenWhenTwoRegistrationsRace() throws Exception {
		MobileNumber mobile = TestPeople.mobile();
		Worker first = register(mobile);
		Worker second = register(mobile);
		CyclicBarrier start = new CyclicBarrier(2);
		try (var pool = Executors.newFixedThreadPool(2)) {
			var one = pool.submit(create(start, first, mobile));
			var other = pool.submit(create(start, second, mobile));
			assertThat(List.of(one.get(60, TimeUnit.SECONDS), other.get(60, TimeUnit.SECONDS)))
				.containsExactlyInAnyOrder("created", "mobile:account.mobile.taken");
		}
		assertThat(jdbc.sql("select count(*) from account where mobile_index = ?")
			.param(personalData.blindIndex(PersonalData.MOBILE_NUMBER, mobile.value())).query(Long.class).single())
			.isEqualTo(1);

		Worker withAccount = accounts.accountOfWorker(first.id()).isPresent() ? first : second;
		assertThat(refusal(() -> accounts.createWorkerAccount(withAccount.id(), HUQIU, "再来一次", TestPeople.mobile(),
				PASSWORD))).isEqualTo("workerId:account.worker.hasAccount");
		Worker third = register(TestPeople.mobile());
		assertThat(refusal(() -> accounts.createWorkerAccount(third.id(), HUQIU, "弱密码", TestPeople.mobile(),
				"1234567890"))).isEqualTo("password:account.password.weak");
		assertThat(refusal(() -> accounts.createWorkerAccount(Long.MAX_VALUE, HUQIU, "无此人", TestPeople.mobile(),
				PASSWORD))).isEqualTo("workerId:account.admin.worker.required");
	}

	@Test
	void aForgottenPasswordIsResetWithAnSmsCode(CapturedOutput output) {
		MobileNumber mobile = TestPeople.mobile();
		Worker worker = register(mobile);
		accounts.createWorkerAccount(worker.id(), HUQIU, worker.name(), mobile, PASSWORD);
		ApiClient before = ApiClient.withToken(port, mobile.value(), PASSWORD);
		verifications.send(mobile, VerificationPurpose.PASSWORD_RESET, Locale.SIMPLIFIED_CHINESE);
		String code = loggedCode(output, mobile);
		String replacement = "new-worker-password-2028";

		String wrongCode = "%06d".formatted((Integer.parseInt(code) + 1) % 1_000_000);
		assertThat(refusal(() -> accounts.resetPasswordByMobile(mobile, wrongCode, replacement)))
			.isEqualTo("code:verification.wrong");
		assertThat(refusal(() -> accounts.resetPasswordByMobile(mobile, code, "short")))
			.isEqualTo("password:account.password.weak");
		accounts.resetPasswordByMobile(mobile, code, replacement);

		assertThat(before.get("/api/v1/auth/me").status()).isEqualTo(401);
		assertThat(new ApiClient(port).post("/api/v1/auth/token", "application/json",
				"{\"username\": \"" + mobile.value() + "\", \"password\": \"" + PASSWORD + "\"}").status())
			.isEqualTo(401);
		assertThat(ApiClient.withToken(port, mobile.value(), replacement).token()).isNotBlank();
		assertThat(refusal(() -> accounts.resetPasswordByMobile(mobile, code, "another-password-2029")))
			.isEqualTo("code:verification.used");
		assertThat(jdbc.sql("select count(*) from audit_log where action = 'account.passwordReset' and record_id = ?")
			.param(JdbcAccounts.workerUsername(worker.id())).query(Long.class).single()).isEqualTo(1);

		// a number without an account: refused, and the code is not spent on it
		MobileNumber stranger = TestPeople.mobile();
		verifications.send(stranger, VerificationPurpose.PASSWORD_RESET, null);
		String strangerCode = loggedCode(output, stranger);
		assertThat(refusal(() -> accounts.resetPasswordByMobile(stranger, strangerCode, replacement)))
			.isEqualTo("mobile:account.mobile.unknown");
		verifications.verify(stranger, VerificationPurpose.PASSWORD_RESET, strangerCode);
	}

	@Test
	void noUsernameReadsAsAMobileNumberOrTakesAWorkersName() {
		TestAccounts.ensure(accounts);
		for (String name : List.of("13912345678", "139-1234-5678", "8613912345678", "008613912345678")) {
			assertThat(refusal(() -> accounts.create(account(name, Role.CASEWORKER, null))))
				.as(name).isEqualTo("username:account.admin.username.mobile");
		}
		assertThat(refusal(() -> accounts.create(account("w123", Role.CASEWORKER, null))))
			.isEqualTo("username:account.admin.username.reserved");
		Worker worker = register(TestPeople.mobile());
		assertThat(refusal(() -> accounts.create(account("w00" + worker.id(), Role.WORKER, worker.id()))))
			.isEqualTo("username:account.admin.username.reserved");
		// still allowed: names with digits that are not numbers, and a worker's account under its own generated name
		accounts.create(account("cw-1391234567", Role.CASEWORKER, null));
		accounts.create(account(JdbcAccounts.workerUsername(worker.id()), Role.WORKER, worker.id()));
		assertThat(accounts.accountOfWorker(worker.id())).isPresent();
	}

	private Worker register(MobileNumber mobile) {
		return RegionScope.asSystem(() -> workers.register(TestPeople.worker("手机注册", TestPeople.idNumber(), mobile, HUQIU,
				null, EmploymentStatus.SEEKING, null, Set.of(), FestivalPlan.UNDECIDED,
				RegistrationSource.SELF_REGISTERED)));
	}

	private Callable<String> create(CyclicBarrier start, Worker worker, MobileNumber mobile) {
		return () -> {
			start.await(30, TimeUnit.SECONDS);
			try {
				accounts.createWorkerAccount(worker.id(), HUQIU, worker.name(), mobile, PASSWORD);
				return "created";
			}
			catch (InvalidRequestException ex) {
				return ex.field() + ":" + ex.code();
			}
		};
	}

	private static NewAccount account(String username, Role role, Long worker) {
		return new NewAccount(username, "测试", TestAccounts.PASSWORD, role, HUQIU, null, Set.of(), null, worker, false);
	}

	/** {@code field:code} of the refusal. */
	private static String refusal(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
		InvalidRequestException ex = catchThrowableOfType(InvalidRequestException.class, call);
		assertThat(ex).as("refused").isNotNull();
		return ex.field() + ":" + ex.code();
	}

	/** The code of the last SMS to the number, as the logging gateway wrote it (number masked). */
	private static String loggedCode(CapturedOutput output, MobileNumber mobile) {
		Matcher m = Pattern.compile(Pattern.quote("to " + mobile.masked() + ": ") + "\\D*([0-9]{6})")
			.matcher(output.getAll());
		String code = null;
		while (m.find()) {
			code = m.group(1);
		}
		assertThat(code).as("an SMS to " + mobile.masked() + " in the log").isNotNull();
		return code;
	}
}
