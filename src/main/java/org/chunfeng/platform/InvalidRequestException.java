package org.chunfeng.platform;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A request parameter or field that breaks a rule: answered with 400 and a localised message naming the field.
 *
 * @see org.chunfeng.platform.web.ProblemDetailsAdvice
 */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class InvalidRequestException extends RuntimeException {

	private final String field;
	private final String code;
	private final transient Object[] args;

	public InvalidRequestException(String field, String code, Object... args) {
		super(field + ": " + code);
		this.field = field;
		this.code = code;
		this.args = args;
	}

	public String field() {
		return field;
	}

	public String code() {
		return code;
	}

	public Object[] args() {
		return args.clone();
	}
}
