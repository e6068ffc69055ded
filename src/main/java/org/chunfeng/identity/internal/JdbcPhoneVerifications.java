package org.chunfeng.identity.internal;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.chunfeng.identity.PersonalData;
import org.chunfeng.identity.PhoneVerifications;
import org.chunfeng.identity.SmsSender;
import org.chunfeng.identity.VerificationPurpose;
import org.chunfeng.identity.VerificationThrottledException;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.reference.MobileNumber;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Verification codes in PostgreSQL ({@code phone_verification}). The database decides every race: sends of one number
 * are serialised by an advisory lock, and a code is used up by one conditional update, which PostgreSQL lets only
 * one of several concurrent transactions win. Times come from the application {@link Clock}.
 */
@Service
class JdbcPhoneVerifications implements PhoneVerifications {

	/** Domain separation of the code hash from every other blind index. */
	static final String CODE_PURPOSE = "phone-verification-code";

	/** The first key of the two-part advisory lock: "phone verification" rather than any other lock. */
	private static final int LOCK_CLASS = 0x70766572;

	private static final Duration DAY = Duration.ofHours(24);

	private static final Pattern CODE = Pattern.compile("[0-9]{6}");

	/** The newest code of a number and purpose: only that one may be used, earlier ones are replaced. */
	private static final String NEWEST = "(select max(id) from phone_verification where mobile_index = :index"
			+ " and purpose = :purpose)";

	private final JdbcClient jdbc;
	private final PersonalData personalData;
	private final SmsSender sms;
	private final MessageSource messages;
	private final Clock clock;
	private final TransactionTemplate transaction;
	private final TransactionTemplate ownTransaction;
	private final SecureRandom random = new SecureRandom();

	JdbcPhoneVerifications(JdbcClient jdbc, PersonalData personalData, SmsSender sms, MessageSource messages,
			Clock clock, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.personalData = personalData;
		this.sms = sms;
		this.messages = messages;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@Override
	public void send(MobileNumber mobile, VerificationPurpose purpose, Locale locale) {
		required(mobile, purpose);
		byte[] index = index(mobile);
		String code = "%06d".formatted(random.nextInt(1_000_000));
		OffsetDateTime now = now();
		long id = transaction.execute(status -> {
			// one sender per number at a time, so two quick requests cannot both pass the throttle
			jdbc.sql("select 1 from pg_advisory_xact_lock(?, ?)").params(LOCK_CLASS, ByteBuffer.wrap(index).getInt())
				.query(Integer.class).single();
			refuseIfThrottled(index, now);
			// codes older than the throttle window serve no rule any more
			jdbc.sql("delete from phone_verification where sent_at < ?").param(now.minus(DAY)).update();
			return jdbc.sql("""
					insert into phone_verification (mobile_index, purpose, code_hash, sent_at, expires_at)
					values (?, ?, ?, ?, ?) returning id""")
				.params(index, purpose.name(), codeHash(mobile, purpose, code), now, now.plus(CODE_LIFETIME))
				.query(Long.class).single();
		});
		String text = messages.getMessage("sms.verification." + purpose.name(),
				new Object[] { code, CODE_LIFETIME.toMinutes() }, locale == null ? Locale.SIMPLIFIED_CHINESE : locale);
		try {
			sms.send(mobile, text);
		}
		catch (RuntimeException ex) {
			// not delivered: neither a usable code nor a reason to make the person wait
			jdbc.sql("delete from phone_verification where id = ?").param(id).update();
			throw ex;
		}
	}

	private void refuseIfThrottled(byte[] index, OffsetDateTime now) {
		List<OffsetDateTime> sent = jdbc.sql("""
				select sent_at from phone_verification where mobile_index = ? and sent_at > ? order by sent_at""")
			.params(index, now.minus(DAY)).query(OffsetDateTime.class).list();
		if (sent.isEmpty()) {
			return;
		}
		Duration sinceLast = Duration.between(sent.getLast(), now);
		if (sinceLast.compareTo(RESEND_INTERVAL) < 0) {
			throw new VerificationThrottledException("verification.tooSoon", RESEND_INTERVAL.minus(sinceLast));
		}
		if (sent.size() >= DAILY_LIMIT) {
			// the window is rolling: the next code may go once the oldest of the last 24 hours leaves it
			throw new VerificationThrottledException("verification.dailyLimit",
					Duration.between(now, sent.get(sent.size() - DAILY_LIMIT).plus(DAY)));
		}
	}

	@Override
	public void verify(MobileNumber mobile, VerificationPurpose purpose, String code) {
		required(mobile, purpose);
		String typed = code == null ? "" : code.strip();
		if (!CODE.matcher(typed).matches()) {
			throw new InvalidRequestException("code", "verification.format");
		}
		byte[] index = index(mobile);
		byte[] hash = codeHash(mobile, purpose, typed);
		OffsetDateTime now = now();
		// in the caller's transaction: a concurrent verification waits for this row, then sees it used
		Optional<Long> used = jdbc.sql("update phone_verification set used_at = :now where id = " + NEWEST + """
				 and code_hash = :hash and used_at is null and expires_at > :now and failed_attempts < :max
				returning id""")
			.param("now", now).param("index", index).param("purpose", purpose.name()).param("hash", hash)
			.param("max", MAX_ATTEMPTS).query(Long.class).optional();
		if (used.isPresent()) {
			return;
		}
		// a wrong guess counts in a transaction of its own, so that no rollback of the caller can undo it; a code that
		// another transaction is using right now is skipped rather than waited for (it may be this caller's own)
		Optional<Integer> failed = ownTransaction.execute(status -> jdbc.sql("""
				update phone_verification set failed_attempts = failed_attempts + 1
				where id = (select id from phone_verification where id = %s for update skip locked)
				  and code_hash <> :hash and used_at is null and expires_at > :now and failed_attempts < :max
				returning failed_attempts""".formatted(NEWEST))
			.param("now", now).param("index", index).param("purpose", purpose.name()).param("hash", hash)
			.param("max", MAX_ATTEMPTS).query(Integer.class).optional());
		if (failed.isPresent()) {
			int left = MAX_ATTEMPTS - failed.get();
			throw left > 0 ? new InvalidRequestException("code", "verification.wrong", left)
					: new InvalidRequestException("code", "verification.exhausted");
		}
		throw new InvalidRequestException("code", reason(index, purpose, now));
	}

	/** Why the newest code could not be used, when it was not simply a wrong guess. */
	private String reason(byte[] index, VerificationPurpose purpose, OffsetDateTime now) {
		return jdbc.sql("""
				select case when used_at is not null then 'verification.used'
				            when failed_attempts >= :max then 'verification.exhausted'
				            when expires_at <= :now then 'verification.expired'
				            else 'verification.wrong' end
				from phone_verification where id = """ + NEWEST)
			.param("max", MAX_ATTEMPTS).param("now", now).param("index", index).param("purpose", purpose.name())
			.query(String.class).optional().orElse("verification.missing");
	}

	private static void required(MobileNumber mobile, VerificationPurpose purpose) {
		if (mobile == null) {
			throw new InvalidRequestException("mobile", "problem.field.required");
		}
		if (purpose == null) {
			throw new IllegalArgumentException("purpose is required");
		}
	}

	private byte[] index(MobileNumber mobile) {
		return personalData.blindIndex(PersonalData.MOBILE_NUMBER, mobile.value());
	}

	/** Keyed (HMAC under the blind-index key) and bound to number and purpose: the table never gives codes away. */
	private byte[] codeHash(MobileNumber mobile, VerificationPurpose purpose, String code) {
		return personalData.blindIndex(CODE_PURPOSE, purpose.name() + ":" + mobile.value() + ":" + code);
	}

	private OffsetDateTime now() {
		Instant now = clock.instant();
		return OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
	}
}
