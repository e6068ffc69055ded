package org.chunfeng.identity;

/**
 * A sealed value that cannot be opened: altered, truncated, or sealed under a key that is not configured. Never
 * ignored: it means corrupted data or a missing key, and the message never contains the value itself.
 */
public class PersonalDataException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	public PersonalDataException(String message) {
		super(message);
	}

	public PersonalDataException(String message, Throwable cause) {
		super(message, cause);
	}
}
