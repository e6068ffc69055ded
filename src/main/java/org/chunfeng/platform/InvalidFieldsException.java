package org.chunfeng.platform;

import java.util.List;

/** Several bad fields in one request: each is reported, so the user can fix them all at once. */
public class InvalidFieldsException extends RuntimeException {

	private final transient List<InvalidRequestException> problems;

	public InvalidFieldsException(List<InvalidRequestException> problems) {
		super(problems.size() + " invalid fields");
		this.problems = List.copyOf(problems);
	}

	public List<InvalidRequestException> problems() {
		return problems;
	}
}
