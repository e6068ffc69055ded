package org.chunfeng.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Chooses the database before anything connects to it: an external PostgreSQL when {@code spring.datasource.url}
 * (or {@code CHUNFENG_DB_URL}) is set, checked once so that a wrong address or password stops start-up with one
 * line; otherwise the embedded PostgreSQL, started here and published as the datasource properties.
 */
public class DatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY_SOURCE = "chunfeng-embedded-database";

	/** Test servers are shared by every application context of the JVM. */
	private static volatile EmbeddedPostgres throwawayServer;

	private final Log log;

	public DatabaseEnvironmentPostProcessor(DeferredLogFactory logs) {
		// logging is not configured yet when this runs: Boot replays these lines once it is
		this.log = logs.getLog(DatabaseEnvironmentPostProcessor.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.getPropertySources().contains(PROPERTY_SOURCE)
				|| environment.getPropertySources().contains(PROPERTY_SOURCE + "-external")) {
			return;
		}
		String url = environment.getProperty("spring.datasource.url");
		if (StringUtils.hasText(url)) {
			String user = environment.getProperty("spring.datasource.username");
			ExternalDatabaseCheck.verify(url, user, environment.getProperty("spring.datasource.password"));
			Map<String, Object> external = new java.util.HashMap<>();
			external.put("spring.flyway.placeholders.appRole", user == null ? "" : user);
			String owner = environment.getProperty("chunfeng.db.owner-user");
			if (StringUtils.hasText(owner)) {
				// migrations as the schema owner, the application as its own, lesser role
				String ownerPassword = environment.getProperty("chunfeng.db.owner-password", "");
				ExternalDatabaseCheck.verify(url, owner, ownerPassword);
				external.put("spring.flyway.user", owner);
				external.put("spring.flyway.password", ownerPassword);
			}
			environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE + "-external", external));
			return;
		}
		if (!environment.getProperty("chunfeng.embedded-db.enabled", Boolean.class, true)) {
			return;
		}
		boolean throwaway = environment.getProperty("chunfeng.embedded-db.throwaway", Boolean.class, false);
		String database = environment.getProperty("chunfeng.embedded-db.database", "chunfeng");
		EmbeddedPostgres server = throwaway ? throwawayServer(environment, database) : durableServer(environment, database);
		log.info("Using the embedded " + server);
		environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, Map.of(
				"spring.datasource.url", server.jdbcUrl(database),
				"spring.datasource.username", EmbeddedPostgres.APPLICATION_ROLE,
				"spring.datasource.password", server.password(),
				"spring.flyway.user", server.username(),
				"spring.flyway.password", server.password(),
				"spring.flyway.placeholders.appRole", EmbeddedPostgres.APPLICATION_ROLE,
				"chunfeng.embedded-db.active", "true")));
	}

	private static EmbeddedPostgres durableServer(ConfigurableEnvironment environment, String database) {
		Path dataDir = Path.of(environment.getProperty("chunfeng.data-dir", "./data")).resolve("postgres");
		EmbeddedPostgres server = EmbeddedPostgres.start(settings(environment, dataDir, database, false));
		// runs after every application context has closed, so connection pools go first
		SpringApplication.getShutdownHandlers().add(server::close);
		return server;
	}

	private static synchronized EmbeddedPostgres throwawayServer(ConfigurableEnvironment environment, String database) {
		if (throwawayServer == null) {
			try {
				Path dataDir = Files.createTempDirectory("chunfeng-test-db-").resolve("postgres");
				throwawayServer = EmbeddedPostgres.start(settings(environment, dataDir, database, true));
				Runtime.getRuntime().addShutdownHook(new Thread(throwawayServer::close, "test-postgres-stop"));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return throwawayServer;
	}

	private static EmbeddedDatabaseSettings settings(ConfigurableEnvironment environment, Path dataDir, String database,
			boolean throwaway) {
		return new EmbeddedDatabaseSettings(dataDir,
				environment.getProperty("chunfeng.embedded-db.port", Integer.class, 0), database,
				environment.getProperty("chunfeng.embedded-db.max-connections", Integer.class, 100),
				environment.getProperty("chunfeng.embedded-db.shared-buffers", "128MB"), throwaway);
	}

	@Override
	public int getOrder() {
		// after application.yml and the environment variables have been read
		return Ordered.LOWEST_PRECEDENCE - 10;
	}
}
