package org.chunfeng.platform.database;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/** Turns a database that cannot be used into a one-line report instead of a stack trace. */
class DatabaseFailureAnalyzer implements FailureAnalyzer {

	@Override
	public FailureAnalysis analyze(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof DatabaseUnreachableException) {
				return new FailureAnalysis(cause.getMessage(), "Check CHUNFENG_DB_URL, CHUNFENG_DB_USER and "
						+ "CHUNFENG_DB_PASSWORD, or unset CHUNFENG_DB_URL to use the embedded database.", cause);
			}
			if (cause instanceof EmbeddedDatabaseException) {
				return new FailureAnalysis("Embedded PostgreSQL: " + cause.getMessage(), "Fix the problem above "
						+ "(see data/postgres.log), or set CHUNFENG_DB_URL to use an external PostgreSQL 15+.", cause);
			}
		}
		return null;
	}
}
