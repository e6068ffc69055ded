package org.chunfeng.platform;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A record that does not exist (or is outside the caller's region): answered with 404. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotFoundException extends RuntimeException {

	private final String kind;
	private final String key;

	/**
	 * @param kind message key of the kind of record, e.g. {@code "kind.region"}
	 * @param key  the identifier that was looked up
	 */
	public NotFoundException(String kind, String key) {
		super(kind + " " + key + " not found");
		this.kind = kind;
		this.key = key;
	}

	public String kind() {
		return kind;
	}

	public String key() {
		return key;
	}
}
