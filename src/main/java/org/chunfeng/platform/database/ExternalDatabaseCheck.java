package org.chunfeng.platform.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Connects once to the configured PostgreSQL so that a wrong URL or password is reported in one line. */
final class ExternalDatabaseCheck {

	private static final int MINIMUM_MAJOR_VERSION = 15;

	private ExternalDatabaseCheck() {
	}

	static void verify(String url, String user, String password) {
		if (!url.startsWith("jdbc:postgresql:")) {
			throw new DatabaseUnreachableException(
					"CHUNFENG_DB_URL must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database), not: " + url);
		}
		Properties properties = new Properties();
		if (user != null) {
			properties.setProperty("user", user);
		}
		if (password != null) {
			properties.setProperty("password", password);
		}
		properties.setProperty("connectTimeout", "10");
		properties.setProperty("loginTimeout", "15");
		try (Connection connection = DriverManager.getConnection(url, properties)) {
			int major = connection.getMetaData().getDatabaseMajorVersion();
			if (major < MINIMUM_MAJOR_VERSION) {
				throw new DatabaseUnreachableException("PostgreSQL at " + url + " is version " + major
						+ "; Chunfeng needs " + MINIMUM_MAJOR_VERSION + " or later");
			}
		}
		catch (SQLException ex) {
			throw new DatabaseUnreachableException("Cannot use PostgreSQL at " + url + " as user '" + user + "': "
					+ firstLine(ex.getMessage()));
		}
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "unknown error";
		}
		int newline = message.indexOf('\n');
		return newline < 0 ? message.strip() : message.substring(0, newline).strip();
	}
}
