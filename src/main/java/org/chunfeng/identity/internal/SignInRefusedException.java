package org.chunfeng.identity.internal;

import org.chunfeng.platform.LocalizedMessage;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** A refused token request: wrong credentials (401) or an account that must wait (429). */
class SignInRefusedException extends ResponseStatusException implements LocalizedMessage {

	private final String code;
	private final transient Object[] args;

	SignInRefusedException(HttpStatus status, String code, Object... args) {
		super(status, code);
		this.code = code;
		this.args = args;
	}

	@Override
	public String messageCode() {
		return code;
	}

	@Override
	public Object[] messageArgs() {
		return args.clone();
	}
}
