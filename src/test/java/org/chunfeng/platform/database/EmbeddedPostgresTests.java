package org.chunfeng.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
	void stopsALeftoverServerBeforeStarting() throws SQLException, IOException {
		EmbeddedDatabaseSettings settings = settings();
		EmbeddedPostgres orphan = EmbeddedPostgres.start(settings);
		execute(orphan, "create table survived (id int); insert into survived values (7)");
		// what a killed JVM leaves behind: a running server this JVM no longer knows about
		EmbeddedPostgres.forget(orphan);
		try (EmbeddedPostgres restarted = EmbeddedPostgres.start(settings)) {
			assertThat(queryInt(restarted, "select id from survived")).isEqualTo(7);
		}
	}

	@Test
	void aSecondProcessAttachesToTheRunningServerInsteadOfStoppingIt() throws Exception {
		EmbeddedDatabaseSettings settings = settings();
		try (EmbeddedPostgres owner = EmbeddedPostgres.start(settings)) {
			execute(owner, "create table shared (id int); insert into shared values (11)");
			String javaBinary = ProcessHandle.current().info().command().orElse("java");
			Process probe = new ProcessBuilder(javaBinary, "-cp", System.getProperty("java.class.path"),
					AttachProbe.class.getName(), settings.dataDir().toString()).redirectErrorStream(true).start();
			String output = new String(probe.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
			assertThat(probe.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
			assertThat(probe.exitValue()).as(output).isZero();
			assertThat(output).contains("port=" + owner.port()).contains("shared=11");
			// the owner's server is still up after the other process has gone
			assertThat(queryInt(owner, "select id from shared")).isEqualTo(11);
		}
	}

	/** The other process: starts on the same data directory, reads, exits without stopping anything. */
	public static final class AttachProbe {

		public static void main(String[] args) throws SQLException {
			EmbeddedPostgres server = EmbeddedPostgres.start(new EmbeddedDatabaseSettings(Path.of(args[0]), 0, "chunfeng",
					20, "32MB", false));
			System.out.println("port=" + server.port() + " shared=" + queryInt(server, "select id from shared"));
			server.close();
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
