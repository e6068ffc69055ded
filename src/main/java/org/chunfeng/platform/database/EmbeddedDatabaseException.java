package org.chunfeng.platform.database;

/** The embedded PostgreSQL could not be prepared, started or stopped. */
public class EmbeddedDatabaseException extends RuntimeException {

	public EmbeddedDatabaseException(String message) {
		super(message);
	}

	public EmbeddedDatabaseException(String message, Throwable cause) {
		super(message, cause);
	}
}
