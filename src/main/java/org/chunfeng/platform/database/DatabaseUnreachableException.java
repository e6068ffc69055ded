package org.chunfeng.platform.database;

/** The configured external PostgreSQL cannot be used; the message is one line saying why. */
public class DatabaseUnreachableException extends RuntimeException {

	public DatabaseUnreachableException(String message) {
		super(message);
	}
}
