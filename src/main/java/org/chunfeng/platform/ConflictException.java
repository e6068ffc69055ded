package org.chunfeng.platform;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A change based on an out-of-date copy of a record (optimistic locking): somebody else saved it first. Answered
 * with 409; nothing was written, and the caller may reload the record and apply the change again.
 */
@ResponseStatus(HttpStatus.CONFLICT)
public class ConflictException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String kind;
	private final String key;
	private final int currentVersion;

	/**
	 * @param kind           message code of the kind of record, e.g. {@code kind.worker}
	 * @param currentVersion the version now stored
	 */
	public ConflictException(String kind, String key, int currentVersion) {
		super(kind + " " + key + " changed (now version " + currentVersion + ")");
		this.kind = kind;
		this.key = key;
		this.currentVersion = currentVersion;
	}

	public String kind() {
		return kind;
	}

	public String key() {
		return key;
	}

	public int currentVersion() {
		return currentVersion;
	}
}
