package org.chunfeng.identity;

import java.time.Duration;

import org.chunfeng.platform.InvalidRequestException;

/**
 * A code was asked for too soon after the last one, or too often in a day: a 400 on the field {@code mobile} whose
 * message says how long to wait; {@link #retryAfter()} lets a page count down.
 */
public class VerificationThrottledException extends InvalidRequestException {

	private final Duration retryAfter;

	public VerificationThrottledException(String code, Duration retryAfter) {
		// the message arguments: whole seconds, then whole minutes, both rounded up
		super("mobile", code, retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0),
				(retryAfter.toSeconds() + 59) / 60);
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return retryAfter;
	}
}
