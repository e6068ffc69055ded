package org.chunfeng.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chunfeng.identity.PersonalData;
import org.chunfeng.identity.PhoneVerifications;
import org.chunfeng.identity.SmsSender;
import org.chunfeng.identity.VerificationPurpose;
import org.chunfeng.identity.VerificationThrottledException;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.reference.MobileNumber;
import org.chunfeng.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * SMS verification codes against the database, with a clock the test moves and an SMS gateway that keeps what it
 * was given. Every test uses numbers of its own, so the per-number throttle of one test never meets another.
 */
@SpringBootTest(webEnvironment = WebEnvironment.NONE)
@ExtendWith(OutputCaptureExtension.class)
class PhoneVerificationTests {

	private static final VerificationPurpose REGISTRATION = VerificationPurpose.REGISTRATION;

	@Autowired
	PhoneVerifications verifications;

	@Autowired
	SentMessages sms;

	@Autowired
	MutableClock clock;

	@Autowired
	SmsSender sender;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonalData personalData;

	@Autowired
	MessageSource messages;

	@Autowired
	TransactionTemplate transactions;

	@TestConfiguration(proxyBeanMethods = false)
	static class TestBeans {

		@Bean
		@Primary
		MutableClock mutableClock() {
			return new MutableClock();
		}

		@Bean
		SentMessages sentMessages() {
			return new SentMessages();
		}
	}

	@Test
	void aGatewayBeanReplacesTheLoggingDefault() {
		assertThat(sender).isSameAs(sms);
	}

	@Test
	void aCodeIsSentBySmsStoredOnlyAsAKeyedHashAndGoodOnce(CapturedOutput output) {
		MobileNumber mobile = TestPeople.mobile();
		verifications.send(mobile, REGISTRATION, Locale.SIMPLIFIED_CHINESE);
		String text = sms.last(mobile);
		assertThat(text).startsWith("【春风】").contains("10 分钟内有效");
		String code = SentMessages.code(text);

		List<String> rows = jdbc.sql("select t::text from phone_verification t where mobile_index = ?")
			.param(personalData.blindIndex(PersonalData.MOBILE_NUMBER, mobile.value())).query(String.class).list();
		assertThat(rows).hasSize(1).allSatisfy(row -> assertThat(row).doesNotContain(mobile.value())
			.doesNotContain(code));

		verifications.verify(mobile, REGISTRATION, " " + code + " ");
		assertThat(refusal(mobile, REGISTRATION, code)).isEqualTo("code:verification.used");
		assertThat(output.getAll()).doesNotContain(mobile.value());
	}

	@Test
	void theTextIsInTheAskedLanguage() {
		MobileNumber mobile = TestPeople.mobile();
		verifications.send(mobile, VerificationPurpose.PASSWORD_RESET, Locale.ENGLISH);
		assertThat(sms.last(mobile)).startsWith("[Chunfeng]").contains("password reset").contains("10 minutes");
		verifications.verify(mobile, VerificationPurpose.PASSWORD_RESET, SentMessages.code(sms.last(mobile)));
	}

	@Test
	void aCodeIsGoodForItsOwnPurposeOnly() {
		MobileNumber mobile = TestPeople.mobile();
		verifications.send(mobile, REGISTRATION, null);
		String code = SentMessages.code(sms.last(mobile));
		assertThat(refusal(mobile, VerificationPurpose.PASSWORD_RESET, code)).isEqualTo("code:verification.missing");
		assertThat(refusal(TestPeople.mobile(), REGISTRATION, code)).isEqualTo("code:verification.missing");
		assertThat(refusal(mobile, REGISTRATION, "12345")).isEqualTo("code:verification.format");
		assertThat(refusal(mobile, REGISTRATION, "abcdef")).isEqualTo("code:verification.format");
		assertThat(refusal(mobile, REGISTRATION, null)).isEqualTo("code:verification.format");
		verifications.verify(mobile, REGISTRATION, code);
	}

	@Test
	void aWrongCodeIsRefusedWithTheAttemptsLeftAndTheRightOneStillWorks() {
		MobileNumber mobile = TestPeople.mobile();
		verifications.send(mobile, REGISTRATION, null);
		String code = SentMessages.code(sms.last(mobile));
		InvalidRequestException wrong = catchThrowableOfType(InvalidRequestException.class,
				() -> verifications.verify(mobile, REGISTRATION, other(code)));
		assertThat(wrong.field()).isEqualTo("code");
		assertThat(wrong.code()).isEqualTo("verification.wrong");
		assertThat(messages.getMessage(wrong.code(), wrong.args(), Locale.SIMPLIFIED_CHINESE))
			.isEqualTo("验证码不正确，还可再试 4 次");
		verifications.verify(mobile, REGISTRATION, code);
	}

	@Test
	void fiveWrongAttemptsKillTheCode() {
		MobileNumber mobile = TestPeople.mobile();
		verifications.send(mobile, REGISTRATION, null);
		String code = SentMessages.code(sms.last(mobile));
		for (int i = 1; i < PhoneVerifications.MAX_ATTEMPTS; i++) {
			assertThat(refusal(mobile, REGISTRATION, other(code))).isEqualTo("code:verification.wrong");
		}
		assertThat(refusal(mobile, REGISTRATION, other(code))).isEqualTo("code:verification.exhausted");
		assertThat(refusal(mobile, REGISTRATION, code)).isEqualTo("code:verification.exhausted");
		assertThat(refusal(mobile, REGISTRATION, other(code))).isEqualTo("code:verification.exhausted");
	}

	@Test
	void aCodeExpiresAfterTenMinutes() {
		MobileNumber early = TestPeople.mobile();
		MobileNumber late = TestPeople.mobile();
		verifications.send(early, REGISTRATION, null);
		verifications.send(late, REGISTRATION, null);
		clock.advance(PhoneVerifications.CODE_LIFETIME.minusSeconds(1));
		verifications.verify(early, REGISTRATION, SentMessages.code(sms.last(early)));
		clock.advance(Duration.ofSeconds(1));
		assertThat(refusal(late, REGISTRATION, SentMessages.code(sms.last(late)))).isEqualTo("code:verification.expired");
	}

	@Test
	void aNewCodeReplacesTheEarlierOne() {
		MobileNumber mobile = TestPeople.mobile();
		verifications.send(mobile, REGISTRATION, null);
		String first = SentMessages.code(sms.last(mobile));
		clock.advance(PhoneVerifications.RESEND_INTERVAL);
		verifications.send(mobile, REGISTRATION, null);
		String second = SentMessages.code(sms.last(mobile));
		if (!first.equals(second)) {
			assertThat(refusal(mobile, REGISTRATION, first)).isEqualTo("code:verification.wrong");
		}
		verifications.verify(mobile, REGISTRATION, second);
		assertThat(refusal(mobile, REGISTRATION, first)).isIn("code:verification.used", "code:verification.wrong");
	}

	@Test
	void ofEightConcurrentVerificationsOfOneCodeExactlyOneSucceeds() throws Exception {
		MobileNumber mobile = TestPeople.mobile();
		verifications.send(mobile, REGISTRATION, null);
		String code = SentMessages.code(sms.last(mobile));
		int threads = 8;
		CyclicBarrier start = new CyclicBarrier(threads);
		List<Future<String>> results = new ArrayList<>();
		try (var pool = Executors.newFixedThreadPool(threads)) {
			for (int i = 0; i < threads; i++) {
				results.add(pool.submit(() -> {
					start.await(30, TimeUnit.SECONDS);
					try {
						verifications.verify(mobile, REGISTRATION, code);
						return "verified";
					}
					catch (InvalidRequestException ex) {
						return ex.field() + ":" + ex.code();
					}
				}));
			}
			List<String> outcomes = new ArrayList<>();
			for (Future<String> result : results) {
				outcomes.add(result.get(60, TimeUnit.SECONDS));
			}
			assertThat(outcomes).containsOnlyOnce("verified")
				.filteredOn(outcome -> !outcome.equals("verified"))
				.hasSize(threads - 1)
				.containsOnly("code:verification.used");
		}
	}

	@Test
	void aNumberGetsOneCodeAMinuteAndTenADay() {
		MobileNumber mobile = TestPeople.mobile();
		verifications.send(mobile, REGISTRATION, null);
		clock.advance(Duration.ofSeconds(20));
		VerificationThrottledException tooSoon = catchThrowableOfType(VerificationThrottledException.class,
				() -> verifications.send(mobile, VerificationPurpose.PASSWORD_RESET, null));
		assertThat(tooSoon.field()).isEqualTo("mobile");
		assertThat(tooSoon.code()).isEqualTo("verification.tooSoon");
		assertThat(tooSoon.retryAfter()).isEqualTo(Duration.ofSeconds(40));
		assertThat(messages.getMessage(tooSoon.code(), tooSoon.args(), Locale.SIMPLIFIED_CHINESE)).contains("40 秒");
		assertThat(messages.getMessage(tooSoon.code(), tooSoon.args(), Locale.ENGLISH)).contains("40 seconds");
		assertThat(sms.all(mobile)).hasSize(1);

		Instant firstSent = clock.instant().minusSeconds(20);
		for (int sent = 1; sent < PhoneVerifications.DAILY_LIMIT; sent++) {
			clock.advance(PhoneVerifications.RESEND_INTERVAL);
			verifications.send(mobile, REGISTRATION, null);
		}
		clock.advance(PhoneVerifications.RESEND_INTERVAL);
		VerificationThrottledException daily = catchThrowableOfType(VerificationThrottledException.class,
				() -> verifications.send(mobile, REGISTRATION, null));
		assertThat(daily.field()).isEqualTo("mobile");
		assertThat(daily.code()).isEqualTo("verification.dailyLimit");
		assertThat(daily.retryAfter()).isEqualTo(Duration.between(clock.instant(), firstSent.plus(Duration.ofDays(1))));
		assertThat(messages.getMessage(daily.code(), daily.args(), Locale.SIMPLIFIED_CHINESE)).contains("分钟后再试");
		assertThat(sms.all(mobile)).hasSize(PhoneVerifications.DAILY_LIMIT);

		clock.advance(daily.retryAfter());
		verifications.send(mobile, REGISTRATION, null);
		verifications.verify(mobile, REGISTRATION, SentMessages.code(sms.last(mobile)));
	}

	@Test
	void aMessageTheGatewayRefusedNeitherCountsNorWorks() {
		MobileNumber mobile = TestPeople.mobile();
		sms.failFor(mobile);
		assertThat(catchThrowableOfType(IllegalStateException.class,
				() -> verifications.send(mobile, REGISTRATION, null))).hasMessageContaining("gateway down");
		sms.recover(mobile);
		assertThat(refusal(mobile, REGISTRATION, "123456")).isEqualTo("code:verification.missing");
		assertThatNoException().isThrownBy(() -> verifications.send(mobile, REGISTRATION, null));
	}

	@Test
	void aRolledBackVerificationLeavesTheCodeUsableButAWrongGuessStaysCounted() {
		MobileNumber mobile = TestPeople.mobile();
		verifications.send(mobile, REGISTRATION, null);
		String code = SentMessages.code(sms.last(mobile));
		// the registration the code guarded failed after the check
		transactions.executeWithoutResult(status -> {
			verifications.verify(mobile, REGISTRATION, code);
			status.setRollbackOnly();
		});
		// a guess inside a transaction that then rolls back
		assertThat(catchThrowableOfType(InvalidRequestException.class,
				() -> transactions.executeWithoutResult(status -> verifications.verify(mobile, REGISTRATION, other(code))))
			.code()).isEqualTo("verification.wrong");
		InvalidRequestException second = catchThrowableOfType(InvalidRequestException.class,
				() -> verifications.verify(mobile, REGISTRATION, other(code)));
		assertThat(second.args()).containsExactly(PhoneVerifications.MAX_ATTEMPTS - 2);
		verifications.verify(mobile, REGISTRATION, code);
	}

	@Test
	void theLoggingSenderShowsTheCodeButMasksTheNumber(CapturedOutput output) {
		MobileNumber mobile = TestPeople.mobile();
		new LoggingSmsSender().send(mobile, "【春风】您的注册验证码是 246810，10 分钟内有效。");
		assertThat(output.getAll()).contains("246810").contains(mobile.masked()).doesNotContain(mobile.value());
	}

	/** {@code field:code} of the refusal. */
	private String refusal(MobileNumber mobile, VerificationPurpose purpose, String code) {
		InvalidRequestException ex = catchThrowableOfType(InvalidRequestException.class,
				() -> verifications.verify(mobile, purpose, code));
		assertThat(ex).as("refused").isNotNull();
		return ex.field() + ":" + ex.code();
	}

	/** Another well-formed code. */
	private static String other(String code) {
		return "%06d".formatted((Integer.parseInt(code) + 1) % 1_000_000);
	}

	/** A clock that stands still until the test moves it. */
	static final class MutableClock extends Clock {

		// whole seconds, as the database keeps microseconds only
		private volatile Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

		void advance(Duration duration) {
			now = now.plus(duration);
		}

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneId.of("Asia/Shanghai");
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return Clock.fixed(now, zone);
		}
	}

	/** The SMS gateway of the tests: keeps every message, and fails for the numbers it is told to. */
	static final class SentMessages implements SmsSender {

		private static final Pattern CODE = Pattern.compile("(?<![0-9])([0-9]{6})(?![0-9])");

		private final Map<String, List<String>> sent = new ConcurrentHashMap<>();
		private final Set<String> failing = ConcurrentHashMap.newKeySet();

		@Override
		public void send(MobileNumber to, String text) {
			if (failing.contains(to.value())) {
				throw new IllegalStateException("gateway down");
			}
			sent.computeIfAbsent(to.value(), number -> new CopyOnWriteArrayList<>()).add(text);
		}

		List<String> all(MobileNumber to) {
			return sent.getOrDefault(to.value(), List.of());
		}

		String last(MobileNumber to) {
			return all(to).getLast();
		}

		void failFor(MobileNumber to) {
			failing.add(to.value());
		}

		void recover(MobileNumber to) {
			failing.remove(to.value());
		}

		static String code(String text) {
			Matcher m = CODE.matcher(text);
			assertThat(m.find()).as("a code in " + text).isTrue();
			return m.group(1);
		}
	}
}
