package org.chunfeng.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded server keeps its data across restarts and recovers from a server left running by a dead JVM. */
class EmbeddedPostgresTests {

	@TempDir
	Path dir;

	@Test
	void dataSurvivesARestart() throws SQLException {
		EmbeddedDatabaseSettings settings = settings();
		try (EmbeddedPostgres first = EmbeddedPostgres.start(settings)) {
			assertThat(Files.exists(settings.dataDir().resolve("PG_VERSION"))).isTrue();
			execute(first, "create table kept (id int primary key); insert into kept values (42)");
		}
		try (EmbeddedPostgres second = EmbeddedPostgres.start(settings)) {
			assertThat(queryInt(second, "select id from kept")).isEqualTo(42);
			assertThat(queryInt(second, "select current_setting('server_version_num')::int / 10000")).isEqualTo(17);
		}
	}

	@Test
	void listensOnLoopbackOnlyAndNeedsItsPassword() throws SQLException {
		try (EmbeddedPostgres server = EmbeddedPostgres.start(settings())) {
			assertThat(queryInt(server, "select count(*) from pg_settings where name = 'listen_addresses'"
					+ " and setting = '127.0.0.1'")).isEqualTo(1);
			assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> DriverManager
				.getConnection(server.jdbcUrl("chunfeng"), server.username(), "wrong-password")))
				.isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
		}
	}

	@Test
	void stopsALeftoverServerBeforeStarting() throws SQLException {
		EmbeddedDatabaseSettings settings = settings();
		EmbeddedPostgres orphan = EmbeddedPostgres.start(settings);
		execute(orphan, "create table survived (id int); insert into survived values (7)");
		// what a killed JVM leaves behind: a running server this JVM no longer knows about
		EmbeddedPostgres.forget(orphan);
		try (EmbeddedPostgres restarted = EmbeddedPostgres.start(settings)) {
			assertThat(queryInt(restarted, "select id from survived")).isEqualTo(7);
		}
	}

	private EmbeddedDatabaseSettings settings() {
		return new EmbeddedDatabaseSettings(dir.resolve("postgres"), 0, "chunfeng", 20, "32MB", false);
	}

	private static void execute(EmbeddedPostgres server, String sql) throws SQLException {
		try (Connection connection = connect(server); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static int queryInt(EmbeddedPostgres server, String sql) throws SQLException {
		try (Connection connection = connect(server); Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getInt(1);
		}
	}

	private static Connection connect(EmbeddedPostgres server) throws SQLException {
		return DriverManager.getConnection(server.jdbcUrl("chunfeng"), server.username(), server.password());
	}
}
