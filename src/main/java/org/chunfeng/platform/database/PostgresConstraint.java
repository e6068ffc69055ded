package org.chunfeng.platform.database;

import java.sql.SQLException;
import java.util.Optional;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * The name of the PostgreSQL constraint behind a failed statement, so that a module can report the rule the database
 * enforced as a field of the request.
 */
public final class PostgresConstraint {

	private PostgresConstraint() {
	}

	public static Optional<String> of(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof PSQLException psql && psql.getServerErrorMessage() != null) {
				ServerErrorMessage message = psql.getServerErrorMessage();
				return Optional.ofNullable(message.getConstraint());
			}
			// a failed batch reports the statement's own error as the next exception
			if (cause instanceof SQLException sql && sql.getNextException() != null && sql.getNextException() != cause) {
				Optional<String> next = of(sql.getNextException());
				if (next.isPresent()) {
					return next;
				}
			}
		}
		return Optional.empty();
	}
}
