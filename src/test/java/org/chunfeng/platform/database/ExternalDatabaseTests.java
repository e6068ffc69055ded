package org.chunfeng.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.chunfeng.ChunfengApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * With {@code CHUNFENG_DB_URL} set, Chunfeng uses that PostgreSQL (no embedded server), runs the same migrations, and a
 * wrong address or password stops it with one line. The "external" server here is a separate PostgreSQL started
 * for this test.
 */
@ExtendWith(OutputCaptureExtension.class)
class ExternalDatabaseTests {

	@TempDir
	static java.nio.file.Path dir;

	static EmbeddedPostgres external;

	@BeforeAll
	static void startExternalServer() throws SQLException {
		external = EmbeddedPostgres.start(new EmbeddedDatabaseSettings(dir.resolve("postgres"), 0, "postgres", 30,
				"32MB", true));
		try (Connection connection = DriverManager.getConnection(external.jdbcUrl("postgres"), external.username(),
				external.password()); Statement statement = connection.createStatement()) {
			statement.execute("create role bureau login password 'bureau-secret'");
			statement.execute("create database bureau owner bureau");
		}
	}

	@AfterAll
	static void stopExternalServer() {
		external.close();
	}

	@Test
	void runsOnTheConfiguredDatabaseWithTheSameMigrations() throws SQLException {
		try (ConfigurableApplicationContext context = start(external.jdbcUrl("bureau"), "bureau", "bureau-secret")) {
			assertThat(context.getEnvironment().getPropertySources()
				.contains(DatabaseEnvironmentPostProcessor.PROPERTY_SOURCE)).isFalse();
			assertThat(context.getEnvironment().getProperty("spring.datasource.url")).isEqualTo(external.jdbcUrl("bureau"));
		}
		try (Connection connection = DriverManager.getConnection(external.jdbcUrl("bureau"), "bureau", "bureau-secret");
				Statement statement = connection.createStatement();
				var rs = statement.executeQuery("select count(*) from region where level = 'PROVINCE'")) {
			rs.next();
			assertThat(rs.getInt(1)).isEqualTo(31);
		}
	}

	@Test
	void aWrongPasswordStopsStartUpWithOneLine(CapturedOutput output) {
		Throwable failure = catchThrowable(() -> start(external.jdbcUrl("bureau"), "bureau", "Wr0ng-P4ss"));
		assertThat(failure).isInstanceOf(DatabaseUnreachableException.class);
		assertThat(failure.getMessage()).doesNotContain("\n").contains("bureau").contains("password authentication failed");
		assertThat(output.getAll()).contains("password authentication failed").doesNotContain("\tat ")
			.doesNotContain("Wr0ng-P4ss");
	}

	@Test
	void anUnreachableServerStopsStartUpWithOneLine(CapturedOutput output) {
		Throwable failure = catchThrowable(() -> start("jdbc:postgresql://127.0.0.1:1/chunfeng", "x", "y"));
		assertThat(failure).isInstanceOf(DatabaseUnreachableException.class);
		assertThat(failure.getMessage()).doesNotContain("\n").contains("127.0.0.1:1");
		assertThat(output.getAll()).doesNotContain("\tat ");
	}

	@Test
	void aUrlThatIsNotPostgresIsRefused() {
		Throwable failure = catchThrowable(() -> start("jdbc:mysql://127.0.0.1/chunfeng", "x", "y"));
		assertThat(failure).isInstanceOf(DatabaseUnreachableException.class).hasMessageContaining("PostgreSQL JDBC URL");
	}

	private static ConfigurableApplicationContext start(String url, String user, String password) {
		SpringApplication application = new SpringApplication(ChunfengApplication.class);
		return application.run("--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
				"--spring.datasource.password=" + password, "--chunfeng.demo.enabled=false",
				"--spring.datasource.hikari.maximum-pool-size=3");
	}
}
