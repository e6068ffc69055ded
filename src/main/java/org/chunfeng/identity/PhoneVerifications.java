package org.chunfeng.identity;

import java.time.Duration;
import java.util.Locale;

import org.chunfeng.reference.MobileNumber;

/**
 * SMS verification codes (短信验证码) that prove a person holds a mobile number.
 *
 * <p>A code is six random digits, valid for {@link #CODE_LIFETIME}, good once, for its purpose only, and dead after
 * {@link #MAX_ATTEMPTS} wrong guesses. Sending a new code replaces the earlier one of the same purpose. A number gets
 * at most one code per {@link #RESEND_INTERVAL} and {@link #DAILY_LIMIT} per 24 hours, whatever the purpose. Neither
 * the number nor the code is stored in clear: only the number's blind index and a keyed hash of the code.
 */
public interface PhoneVerifications {

	Duration CODE_LIFETIME = Duration.ofMinutes(10);

	Duration RESEND_INTERVAL = Duration.ofSeconds(60);

	int DAILY_LIMIT = 10;

	int MAX_ATTEMPTS = 5;

	/**
	 * Creates a code and sends it by SMS through the {@link SmsSender}.
	 *
	 * @param locale the language of the message; Chinese when null
	 * @throws VerificationThrottledException on the field {@code mobile} when the number must wait
	 */
	void send(MobileNumber mobile, VerificationPurpose purpose, Locale locale);

	/**
	 * Checks a code and uses it up. Of concurrent checks of the same code exactly one succeeds. Inside a caller's
	 * transaction, a rollback leaves the code unused (the registration it guarded failed), while a wrong guess is
	 * counted in its own transaction and stays counted.
	 *
	 * @throws org.chunfeng.platform.InvalidRequestException on the field {@code code} when it is wrong, expired, used,
	 *         replaced, dead or was never sent
	 */
	void verify(MobileNumber mobile, VerificationPurpose purpose, String code);
}
