package org.chunfeng.identity;

/** What a phone verification code proves possession of the number for; a code is good for its own purpose only. */
public enum VerificationPurpose {
	/** A worker registers with this number (劳动者注册). */
	REGISTRATION,
	/** The holder of the number sets a new password (找回密码). */
	PASSWORD_RESET
}
