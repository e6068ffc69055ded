package org.chunfeng.platform;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * An action the record's present state does not allow (a posting that is full, an application already decided):
 * answered with 409 and a localised message saying why. Unlike {@link ConflictException}, trying again with fresh
 * data does not help.
 */
@ResponseStatus(HttpStatus.CONFLICT)
public class RefusedException extends RuntimeException implements LocalizedMessage {

	private static final long serialVersionUID = 1L;

	private final String code;

	private final transient Object[] args;

	public RefusedException(String code, Object... args) {
		super(code);
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
