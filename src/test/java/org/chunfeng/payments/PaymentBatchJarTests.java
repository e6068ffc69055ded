package org.chunfeng.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chunfeng.platform.database.EmbeddedDatabaseSettings;
import org.chunfeng.platform.database.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Payment batches built by the packaged jar, several real processes on one database: two instances building two
 * batches of the same entitlements at the same time, and an instance killed with SIGKILL in the middle of a batch and
 * then restarted. Runs after {@code package} (failsafe), on loopback.
 *
 * <p>The database is a PostgreSQL this test JVM starts (the project's own {@link EmbeddedPostgres}, throwaway), so
 * killing a jar never kills the database. The jars use it as an external database, as an operator would run them
 * ({@code CHUNFENG_DB_URL}, the application role {@code pay_app} under row-level security, migrations as the schema
 * owner {@code pay_owner}, personal-data keys from the environment); each jar has its own data directory and names
 * itself in {@code ApplicationName} and {@code db-scheduler.scheduler-name}, so {@code pg_stat_activity} tells which
 * process a database session belongs to. The test seeds and checks as the PostgreSQL superuser, which row-level
 * security does not restrict: the checks see every row.
 *
 * <p>The only way in for the work itself is the product's: a finance officer (the demo's {@code finance}) starts a
 * batch through the API; db-scheduler's task {@code payment-batch} fills it. The test synchronises with the builders
 * by database locks and polling with deadlines, never by sleeping: it holds {@code LOCK TABLE payment IN SHARE MODE}
 * (which conflicts with the builders' inserts) to hold the builders at a known point and sees them wait in
 * {@code pg_locks}.
 */
class PaymentBatchJarTests {

	private static final Duration START_LIMIT = Duration.ofSeconds(150);
	private static final Duration BUILD_LIMIT = Duration.ofSeconds(120);
	private static final String CITY = "320500";
	private static final String HUQIU = "320505";
	private static final String APP_ROLE = "pay_app";
	private static final String OWNER_ROLE = "pay_owner";
	private static final String DEMO_PASSWORD = "chunfeng2027";

	@TempDir
	static Path dir;

	static EmbeddedPostgres postgres;
	static Map<String, String> environment;

	private final List<Process> started = new ArrayList<>();

	@BeforeAll
	static void startDatabaseAndMigrateIt() throws Exception {
		postgres = EmbeddedPostgres.start(new EmbeddedDatabaseSettings(dir.resolve("db").resolve("postgres"), 0,
				"postgres", 150, "128MB", true));
		SecureRandom random = new SecureRandom();
		String appPassword = secret(random);
		String ownerPassword = secret(random);
		try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"), postgres.username(),
				postgres.password()); Statement statement = connection.createStatement()) {
			statement.execute("create role " + OWNER_ROLE + " login password '" + ownerPassword + "'");
			statement.execute("create role " + APP_ROLE + " login nosuperuser password '" + appPassword + "'");
			statement.execute("create database chunfeng owner " + OWNER_ROLE + " encoding 'UTF8' template template0");
		}
		try (Connection connection = superuser(); Statement statement = connection.createStatement()) {
			// the one extension the migrations ask for (trusted, but created here by the superuser as an operator would)
			statement.execute("create extension if not exists pg_trgm");
		}
		byte[] key = new byte[32];
		byte[] index = new byte[32];
		random.nextBytes(key);
		random.nextBytes(index);
		environment = Map.of("CHUNFENG_DB_URL", postgres.jdbcUrl("chunfeng"), "CHUNFENG_DB_USER", APP_ROLE,
				"CHUNFENG_DB_PASSWORD", appPassword, "CHUNFENG_DB_OWNER_USER", OWNER_ROLE,
				"CHUNFENG_DB_OWNER_PASSWORD", ownerPassword, "CHUNFENG_DEMO", "true",
				"CHUNFENG_PERSONAL_DATA_KEYS_K1", Base64.getEncoder().encodeToString(key),
				"CHUNFENG_PERSONAL_DATA_CURRENT_KEY", "k1",
				"CHUNFENG_PERSONAL_DATA_INDEX_KEY", Base64.getEncoder().encodeToString(index));
		// the first start migrates the schema and loads the demo (its finance officer starts the batches); every test
		// then starts its instances on a database that is ready
		List<Process> first = new ArrayList<>();
		try {
			Jar migrating = healthy(start(first, "migrate", List.of()));
			financeToken(migrating);
			// the rest of the demo too, so that no later instance loads any of it
			await(START_LIMIT, "the demo loaded", migrating, null, () -> read(migrating.log()).contains("Demo guidance"));
		}
		finally {
			for (Process process : first) {
				stop(process);
			}
		}
	}

	@AfterAll
	static void stopDatabase() {
		if (postgres != null) {
			postgres.close();
		}
	}

	@AfterEach
	void stopAll() throws InterruptedException {
		for (Process process : started) {
			stop(process);
		}
	}

	/**
	 * Two instances, two batches of the same 20,000 due entitlements, built at the same time: every entitlement ends up
	 * in exactly one payment of exactly one of the two batches, and each batch's count and total are the sums of its
	 * payments.
	 *
	 * <p>What makes this two instances working at once, not one after the other: each instance runs db-scheduler with
	 * one thread, and the test holds both builders at their first chunk (the payment table locked in share mode) until
	 * it sees two sessions waiting in {@code pg_locks} — with one thread each, two tasks running at once must be in
	 * two processes, and their {@code ApplicationName}s say which. Then it lets both go: 40 chunks of 500 each, taking
	 * rows FOR UPDATE SKIP LOCKED past their own cursors, interleaved. Both batches getting payments is asserted too:
	 * the later one could only get any while the earlier was still building.
	 */
	@Test
	@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = ThreadMode.SEPARATE_THREAD)
	void twoInstancesBuildingBatchesAtOnceNeverPayAnEntitlementTwice() throws Exception {
		int count = 20_000;
		long program = seed("JA", count);
		List<String> options = List.of("--chunfeng.payments.batch-chunk=500", "--db-scheduler.threads=1",
				"--db-scheduler.polling-interval=1s");
		Jar a = start(started, "jar-a", options);
		Jar b = healthy(start(started, "jar-b", options));
		healthy(a);
		String tokenA = financeToken(a);
		String tokenB = financeToken(b);

		long[] batches = new long[2];
		Set<String> waiting;
		try (Connection gate = superuser()) {
			gate.setAutoCommit(false);
			try (Statement statement = gate.createStatement()) {
				statement.execute("lock table payment in share mode");
			}
			ExecutorService pool = Executors.newFixedThreadPool(2);
			try {
				CyclicBarrier together = new CyclicBarrier(2);
				Future<Long> first = pool.submit(() -> {
					together.await(30, TimeUnit.SECONDS);
					return startBatch(a, tokenA, program);
				});
				Future<Long> second = pool.submit(() -> {
					together.await(30, TimeUnit.SECONDS);
					return startBatch(b, tokenB, program);
				});
				batches[0] = first.get(60, TimeUnit.SECONDS);
				batches[1] = second.get(60, TimeUnit.SECONDS);
			}
			finally {
				pool.shutdownNow();
			}
			await(Duration.ofSeconds(60), "both builders waiting at their first chunk", a, b,
					() -> waitingOnPayment().size() == 2);
			waiting = new HashSet<>(waitingOnPayment());
			assertThat(batchRow(batches[0]).payments()).isZero();
			assertThat(batchRow(batches[1]).payments()).isZero();
			gate.commit();
		}
		assertThat(waiting).as("the two building tasks run in the two processes").containsExactlyInAnyOrder("jar-a",
				"jar-b");

		await(BUILD_LIMIT, "both batches built", a, b,
				() -> !batchRow(batches[0]).status().equals("BUILDING") && !batchRow(batches[1]).status().equals("BUILDING"));

		Batch one = batchRow(batches[0]);
		Batch two = batchRow(batches[1]);
		assertThat(one.payments()).as("payments in batch %s", one).isPositive();
		assertThat(two.payments()).as("payments in batch %s", two).isPositive();
		assertThat(one.payments() + two.payments()).isEqualTo(count);
		assertEveryEntitlementPaidOnce(program, count, Set.of(batches[0], batches[1]));
		// each task ran once, each in one of the instances
		assertThat(builtLines(a, batches[0]) + builtLines(b, batches[0])).isEqualTo(1);
		assertThat(builtLines(a, batches[1]) + builtLines(b, batches[1])).isEqualTo(1);
		System.out.printf("jar tests: batch %d: %d payments, batch %d: %d payments; builders waiting together: %s%n",
				one.id(), one.payments(), two.id(), two.payments(), waiting);
	}

	/**
	 * kill -9 in the middle of a batch of 50,000 (chunks of 500): the instance is killed while it holds a chunk not yet
	 * committed, after some chunks were; a restarted instance takes the task over through db-scheduler's dead-execution
	 * detection (heartbeat 1 s and 4 missed, db-scheduler's least, passed on the command line) and finishes the batch
	 * from its cursor: every entitlement exactly one payment, none lost, none twice, counts and totals right.
	 *
	 * <p>"Mid-way" is made certain, not hoped for: once the batch has payments the test locks the payment table in
	 * share mode (granted only after the running chunk commits; the next chunk then waits for it), checks that the
	 * killed instance's builder is waiting with its chunk open and the batch is BUILDING with some but not all
	 * payments, and kills the process. If the batch were already built, the test fails there.
	 */
	@Test
	@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = ThreadMode.SEPARATE_THREAD)
	void aBatchKilledMidwayIsFinishedAfterARestartWithEveryEntitlementPaidOnce() throws Exception {
		int count = 50_000;
		long program = seed("JK", count);
		List<String> options = List.of("--chunfeng.payments.batch-chunk=500", "--db-scheduler.heartbeat-interval=1s",
				"--db-scheduler.missed-heartbeats-limit=4", "--db-scheduler.polling-interval=1s");
		Jar doomed = healthy(start(started, "jar-k1", options));
		long batch = startBatch(doomed, financeToken(doomed), program);

		Batch atKill;
		try (Connection gate = superuser()) {
			await(BUILD_LIMIT, "the first chunks committed", doomed, null, () -> batchRow(batch).payments() > 0);
			gate.setAutoCommit(false);
			try (Statement statement = gate.createStatement()) {
				statement.execute("set lock_timeout = '60s'");
				statement.execute("lock table payment in share mode");
			}
			Batch frozen = batchRow(batch);
			assertThat(frozen.status()).as("the batch was built before it could be stopped mid-way: make it larger")
				.isEqualTo("BUILDING");
			assertThat(frozen.payments()).as("every chunk was done before it could be stopped mid-way: make it larger")
				.isLessThan(count);
			await(Duration.ofSeconds(60), "the builder waiting with its next chunk open", doomed, null,
					() -> waitingOnPayment().contains("jar-k1"));
			atKill = batchRow(batch);
			doomed.process().destroyForcibly();
			assertThat(doomed.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
			gate.commit();
		}
		assertThat(atKill.status()).isEqualTo("BUILDING");
		assertThat(atKill.payments()).as("mid-way at the kill").isPositive().isLessThan(count);
		// the killed process's sessions end; its open chunk is rolled back, the committed ones stay
		await(Duration.ofSeconds(60), "the killed instance's sessions gone", null, null,
				() -> sessions("jar-k1") == 0);
		Batch afterKill = batchRow(batch);
		assertThat(afterKill.status()).isEqualTo("BUILDING");
		assertThat(afterKill.payments()).isEqualTo(atKill.payments());
		assertThat(scalar("select count(*) from payment where batch_id = ?", batch)).isEqualTo(atKill.payments());
		assertThat(scalar("select count(*) from entitlement where program_id = ? and status = 'IN_BATCH'", program))
			.isEqualTo(atKill.payments());
		assertThat(scalar("select count(*) from entitlement where program_id = ? and status = 'DUE'", program))
			.isEqualTo(count - atKill.payments());

		Jar restarted = healthy(start(started, "jar-k2", options, doomed.dataDir()));
		await(BUILD_LIMIT, "the batch finished after the restart", restarted, null,
				() -> !batchRow(batch).status().equals("BUILDING"));
		Batch built = batchRow(batch);
		assertThat(built.payments()).isEqualTo(count);
		assertEveryEntitlementPaidOnce(program, count, Set.of(batch));
		assertThat(builtLines(doomed, batch)).isZero();
		assertThat(builtLines(restarted, batch)).isEqualTo(1);
		List<String> revived = read(restarted.log()).lines().filter(line -> line.contains("dead execution")).toList();
		assertThat(revived).as("taken over by db-scheduler's dead-execution detection")
			.anySatisfy(line -> assertThat(line).contains("Reviving dead execution").contains("payment-batch"));
		assertThat(scalar("select count(*) from scheduled_tasks where task_name = 'payment-batch' and task_instance = ?",
				String.valueOf(batch))).as("the one-time task is done").isZero();
		System.out.printf("jar tests: batch %d killed at %d of %d payments, finished after the restart: %s%n", batch,
				atKill.payments(), count, revived);
	}

	// ------------------------------------------------------------------------------------------------- checks

	/** Every due entitlement of the program in exactly one payment of one of the batches, every sum right. */
	private static void assertEveryEntitlementPaidOnce(long program, long count, Set<Long> batches) throws SQLException {
		assertThat(scalar("select count(*) from entitlement where program_id = ?", program)).isEqualTo(count);
		assertThat(scalar("select count(*) from entitlement where program_id = ? and status = 'DUE'", program))
			.as("left DUE").isZero();
		assertThat(scalar("select count(*) from entitlement where program_id = ? and (status <> 'IN_BATCH' or attempts <> 1)",
				program)).as("not in a batch, or attempted more than once").isZero();
		assertThat(scalar("""
				select count(*) from (select e.id from entitlement e left join payment p on p.entitlement_id = e.id
				                      where e.program_id = ? group by e.id having count(p.entitlement_id) <> 1) x""",
				program)).as("entitlements without exactly one payment").isZero();
		Long[] ids = batches.toArray(Long[]::new);
		assertThat(scalar("""
				select count(*) from payment p join entitlement e on e.id = p.entitlement_id
				where e.program_id = ? and (p.batch_id <> all(?) or p.attempt_no <> 1 or p.amount_fen <> e.amount_fen
				                            or p.status <> 'QUEUED' or p.account_plain is null)""", program, ids))
			.as("payments outside the batches or not matching their entitlement").isZero();
		assertThat(scalar("""
				select count(*) from payment p join entitlement e on e.id = p.entitlement_id
				where p.batch_id = any(?) and e.program_id <> ?""", ids, program)).as("other programs' payments").isZero();
		long payments = 0;
		long total = 0;
		for (long id : batches) {
			Batch batch = batchRow(id);
			assertThat(batch.status()).isEqualTo("READY");
			assertThat(batch.waitingAccount()).isZero();
			assertThat(batch.payments()).as("count of batch %d", id)
				.isEqualTo(scalar("select count(*) from payment where batch_id = ?", id));
			assertThat(batch.totalFen()).as("total of batch %d", id)
				.isEqualTo(scalar("select coalesce(sum(amount_fen), 0) from payment where batch_id = ?", id));
			payments += batch.payments();
			total += batch.totalFen();
		}
		assertThat(payments).isEqualTo(count);
		long granted = scalar("select sum(amount_fen) from entitlement where program_id = ?", program);
		assertThat(total).isEqualTo(granted);
		// building a batch commits nothing more and pays nothing yet
		assertThat(scalar("select committed_fen from payment_budget where program_id = ?", program)).isEqualTo(granted);
		assertThat(scalar("select paid_fen from payment_budget where program_id = ?", program)).isZero();
	}

	record Batch(long id, String status, long payments, long totalFen, long waitingAccount) {
	}

	private static Batch batchRow(long id) {
		try (Connection connection = superuser(); PreparedStatement query = connection.prepareStatement(
				"select status, payments, total_fen, waiting_account from payment_batch where id = ?")) {
			query.setLong(1, id);
			try (ResultSet rs = query.executeQuery()) {
				assertThat(rs.next()).as("batch %d exists", id).isTrue();
				return new Batch(id, rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The application names of the sessions waiting for a lock on the payment table. */
	private static List<String> waitingOnPayment() {
		List<String> names = new ArrayList<>();
		try (Connection connection = superuser(); Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("""
						select a.application_name from pg_locks l join pg_stat_activity a on a.pid = l.pid
						where l.relation = 'payment'::regclass and not l.granted""")) {
			while (rs.next()) {
				names.add(rs.getString(1));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return names;
	}

	private static long sessions(String applicationName) {
		try {
			return scalar("select count(*) from pg_stat_activity where application_name = ?", applicationName);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static long scalar(String sql, Object... params) throws SQLException {
		try (Connection connection = superuser(); PreparedStatement query = connection.prepareStatement(sql)) {
			for (int i = 0; i < params.length; i++) {
				if (params[i] instanceof Long[] array) {
					query.setArray(i + 1, connection.createArrayOf("bigint", array));
				}
				else {
					query.setObject(i + 1, params[i]);
				}
			}
			try (ResultSet rs = query.executeQuery()) {
				rs.next();
				return rs.getLong(1);
			}
		}
	}

	// ------------------------------------------------------------------------------------------------- seeding

	/**
	 * A program of 苏州市 with {@code count} due entitlements (amounts 100.00 to 199.72 yuan) of 20 enterprises of 虎丘区
	 * that have a basic account, each enterprise entitled for many periods, and the budget that committed them.
	 */
	private static long seed(String tag, int count) throws SQLException {
		int enterprises = 20;
		try (Connection connection = superuser()) {
			connection.setAutoCommit(false);
			long program;
			try (PreparedStatement insert = connection.prepareStatement("""
					insert into subsidy_program (region_code, kind, beneficiary, name, policy_year, open_date, close_date,
					                             parameters, created_by)
					values (?, 'JOB_STABILIZING_REFUND', 'ENTERPRISE', ?, 2027, date '2027-01-01', date '2027-12-31',
					        '{}'::jsonb, 'jar-test') returning id""")) {
				insert.setString(1, CITY);
				insert.setString(2, "打包测试发放 " + tag);
				try (ResultSet rs = insert.executeQuery()) {
					rs.next();
					program = rs.getLong(1);
				}
			}
			try (PreparedStatement insert = connection.prepareStatement("""
					insert into enterprise (credit_code, name, region_code, bank_name, bank_account)
					select '913205' || ? || lpad(g::text, 10, '0'), '打包测试单位 ' || ? || ' ' || g, ?,
					       '中国工商银行苏州分行', '62220211' || lpad(g::text, 8, '0')
					from generate_series(1, ?) g""")) {
				insert.setString(1, tag);
				insert.setString(2, tag);
				insert.setString(3, HUQIU);
				insert.setInt(4, enterprises);
				insert.executeUpdate();
			}
			try (PreparedStatement insert = connection.prepareStatement("""
					insert into entitlement (program_id, budget_region, payee_kind, payee_id, payee_name, payee_region,
					                         period, amount_fen, source)
					select ?, ?, 'ENTERPRISE', e.id, e.name, e.region_code, 'P' || lpad(g::text, 6, '0'),
					       10000 + (g * 37 + e.id) % 9973, 'jar-test ' || ?
					from generate_series(1, ?) g
					cross join (select id, name, region_code from enterprise where credit_code like '913205' || ? || '%') e
					order by g, e.id""")) {
				insert.setLong(1, program);
				insert.setString(2, CITY);
				insert.setString(3, tag);
				insert.setInt(4, count / enterprises);
				insert.setString(5, tag);
				assertThat(insert.executeUpdate()).isEqualTo(count);
			}
			try (PreparedStatement insert = connection.prepareStatement("""
					insert into payment_budget (program_id, region_code, budget_fen, committed_fen, purpose)
					select ?, ?, sum(amount_fen), sum(amount_fen), '打包测试' from entitlement where program_id = ?""")) {
				insert.setLong(1, program);
				insert.setString(2, CITY);
				insert.setLong(3, program);
				insert.executeUpdate();
			}
			connection.commit();
			return program;
		}
	}

	// ------------------------------------------------------------------------------------------------- processes

	record Jar(String name, int port, Process process, Path log, Path dataDir) {
	}

	private static Jar start(List<Process> processes, String name, List<String> options) throws Exception {
		return start(processes, name, options, dir.resolve(name));
	}

	/** Starts the packaged jar on loopback against the test's database. */
	private static Jar start(List<Process> processes, String name, List<String> options, Path dataDir)
			throws Exception {
		int port = freePort();
		Path log = dir.resolve(name + ".log");
		List<String> command = new ArrayList<>(List.of(java(), "-Xmx768m", "-jar", jar().toString(),
				"--server.port=" + port, "--server.address=127.0.0.1", "--chunfeng.data-dir=" + dataDir,
				"--spring.datasource.hikari.maximum-pool-size=8", "--db-scheduler.scheduler-name=" + name));
		command.addAll(options);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().putAll(environment);
		builder.environment().put("CHUNFENG_DB_URL", environment.get("CHUNFENG_DB_URL") + "?ApplicationName=" + name);
		Process process = builder.start();
		processes.add(process);
		return new Jar(name, port, process, log, dataDir);
	}

	/** Waits until the instance answers its health check with UP. */
	private static Jar healthy(Jar jar) throws InterruptedException {
		String name = jar.name();
		Process process = jar.process();
		Path log = jar.log();
		int port = jar.port();
		long deadline = System.nanoTime() + START_LIMIT.toNanos();
		while (System.nanoTime() < deadline) {
			assertThat(process.isAlive()).as(() -> name + " exited: " + read(log)).isTrue();
			try {
				if (get(port, "/actuator/health").contains("\"UP\"")) {
					return jar;
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			process.waitFor(250, TimeUnit.MILLISECONDS);
		}
		throw new AssertionError(name + " not healthy within " + START_LIMIT + ": " + read(log));
	}

	private static void stop(Process process) throws InterruptedException {
		if (process.isAlive()) {
			process.destroy();
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
	}

	/**
	 * Polls until the condition holds, failing at the deadline or as soon as one of the given instances has died;
	 * between polls it waits a moment on the process (or parks) rather than spinning.
	 */
	private static void await(Duration limit, String what, Jar one, Jar other, BooleanSupplier condition)
			throws InterruptedException {
		long deadline = System.nanoTime() + limit.toNanos();
		while (!condition.getAsBoolean()) {
			for (Jar jar : new Jar[] { one, other }) {
				if (jar != null && !jar.process().isAlive()) {
					fail(jar.name() + " died while waiting for " + what + ": " + read(jar.log()));
				}
			}
			if (System.nanoTime() > deadline) {
				fail("not within " + limit + ": " + what + (one == null ? "" : "\n" + tail(one.log()))
						+ (other == null ? "" : "\n" + tail(other.log())));
			}
			LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
		}
	}

	private static long builtLines(Jar jar, long batch) throws IOException {
		return Files.readString(jar.log()).lines().filter(line -> line.contains("Payment batch " + batch + " built in"))
			.count();
	}

	// ------------------------------------------------------------------------------------------------- HTTP

	/** The demo finance officer's token; the demo accounts may still be loading just after the instance is healthy. */
	private static String financeToken(Jar jar) throws Exception {
		long deadline = System.nanoTime() + START_LIMIT.toNanos();
		String body = "";
		while (System.nanoTime() < deadline) {
			HttpResponse<String> response = send(jar.port(), HttpRequest.newBuilder(uri(jar.port(), "/api/v1/auth/token"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"finance\",\"password\":\"" + DEMO_PASSWORD
						+ "\"}")));
			body = response.body();
			if (response.statusCode() == 201) {
				Matcher token = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(body);
				assertThat(token.find()).as(body).isTrue();
				return token.group(1);
			}
			assertThat(jar.process().isAlive()).as(() -> jar.name() + " exited: " + read(jar.log())).isTrue();
			jar.process().waitFor(500, TimeUnit.MILLISECONDS);
		}
		throw new AssertionError("no token for the demo finance officer on " + jar.name() + ": " + body);
	}

	private static long startBatch(Jar jar, String token, long program) throws Exception {
		HttpResponse<String> response = send(jar.port(), HttpRequest.newBuilder(uri(jar.port(), "/api/v1/payment-batches"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + token)
			.POST(HttpRequest.BodyPublishers.ofString("{\"region\":\"" + CITY + "\",\"programId\":" + program + "}")));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		assertThat(response.body()).contains("\"status\":\"BUILDING\"");
		Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(response.body());
		assertThat(id.find()).as(response.body()).isTrue();
		return Long.parseLong(id.group(1));
	}

	private static String get(int port, String path) throws IOException, InterruptedException {
		return send(port, HttpRequest.newBuilder(uri(port, path)).GET()).body();
	}

	private static HttpResponse<String> send(int port, HttpRequest.Builder request)
			throws IOException, InterruptedException {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		return client.send(request.timeout(Duration.ofSeconds(30)).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static URI uri(int port, String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	// ------------------------------------------------------------------------------------------------- plumbing

	private static Connection superuser() throws SQLException {
		return DriverManager.getConnection(postgres.jdbcUrl("chunfeng") + "?ApplicationName=jar-test",
				postgres.username(), postgres.password());
	}

	private static String secret(SecureRandom random) {
		byte[] bytes = new byte[18];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).replaceAll("[^A-Za-z0-9]", "x");
	}

	private static String read(Path log) {
		try {
			return Files.readString(log);
		}
		catch (IOException ex) {
			return "(no log)";
		}
	}

	private static String tail(Path log) {
		List<String> lines = read(log).lines().toList();
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
	}

	private static String java() {
		return ProcessHandle.current().info().command().orElse("java");
	}

	private static Path jar() {
		Path jar = Path.of("target", "chunfeng.jar");
		assertThat(jar).exists();
		return jar.toAbsolutePath();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
