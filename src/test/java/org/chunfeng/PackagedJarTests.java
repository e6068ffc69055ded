package org.chunfeng;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.chunfeng.support.ApiClient;
import org.chunfeng.support.ApiClient.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar as an operator uses it: first start creates the database, loads reference data and the demo;
 * a restart keeps the data and does not load the demo again; an administrator's command runs beside the server.
 * Runs after {@code package} (failsafe), on loopback, with its own data directory.
 */
class PackagedJarTests {

	private static final Duration START_LIMIT = Duration.ofSeconds(180);

	@TempDir
	Path dir;

	private final List<Process> started = new ArrayList<>();

	@AfterEach
	void stopAll() throws InterruptedException {
		for (Process process : started) {
			stop(process);
		}
	}

	@Test
	void startsKeepsItsDataAndRunsCommandsBesideTheServer() throws Exception {
		int port = freePort();
		Process first = start(port, "first.log");
		assertThat(get(port, "/actuator/health")).contains("\"UP\"");
		assertThat(get(port, "/actuator/prometheus")).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
		// nothing but the sign-in page for the anonymous; the demo administrator gets a token
		assertThat(get(port, "/api/v1/regions/320505")).contains("\"status\":401");
		assertThat(get(port, "/login")).contains("login-form");
		String token = token(port, "admin", "chunfeng2027");
		assertThat(get(port, "/api/v1/regions/320505", token)).contains("虎丘区");

		// an administrator imports occupations while the server runs: the command shares its database
		Path csv = Files.writeString(dir.resolve("extra.csv"), "code,name_zh\n8-94,打包测试中类\n", StandardCharsets.UTF_8);
		Result imported = command("import-occupations", csv.toString(), "--edition=2022");
		assertThat(imported.code()).as(imported.output()).isZero();
		assertThat(imported.output()).contains("写入 1 行");
		assertThat(get(port, "/api/v1/occupations/8-94", token)).contains("打包测试中类");

		Path bad = Files.writeString(dir.resolve("bad.csv"), "code,name_zh\n8-9x,坏\n", StandardCharsets.UTF_8);
		Result refused = command("import-occupations", bad.toString(), "--edition=2022", "--lang=en");
		assertThat(refused.code()).isEqualTo(1);
		assertThat(refused.output()).contains("Line 2, code:");

		// a second instance on the same database serves the session signed in on the first
		ApiClient browser = ApiClient.withSession(port, "huqiu", "chunfeng2027");
		assertThat(browser.get("/").status()).isEqualTo(200);
		int otherPort = freePort();
		Process other = start(otherPort, "other.log");
		ApiClient sameBrowser = browser.onPort(otherPort);
		Response page = sameBrowser.get("/");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("虎丘区就业服务专员");
		stop(other);

		stop(first);
		Process second = start(port, "second.log");
		// the token was stored in the database, so it survives the restart
		assertThat(get(port, "/api/v1/occupations/8-94", token)).contains("打包测试中类");
		String secondLog = Files.readString(dir.resolve("second.log"));
		assertThat(secondLog).contains("Demo campaign already loaded").doesNotContain("Demo campaign loaded");
		assertThat(Files.readString(dir.resolve("first.log"))).contains("Demo campaign loaded");
		stop(second);
	}

	private Process start(int port, String log) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(java(), "-jar", jar().toString(), "--server.port=" + port,
				"--server.address=127.0.0.1", "--chunfeng.data-dir=" + dir.resolve("data"))
			.redirectErrorStream(true).redirectOutput(dir.resolve(log).toFile()).start();
		started.add(process);
		long deadline = System.nanoTime() + START_LIMIT.toNanos();
		while (System.nanoTime() < deadline) {
			assertThat(process.isAlive()).as(() -> "the jar exited: " + read(log)).isTrue();
			try {
				if (get(port, "/actuator/health").contains("\"UP\"")) {
					return process;
				}
			}
			catch (IOException notYet) {
				// not listening yet: poll again once the process has had a moment
				process.waitFor(250, TimeUnit.MILLISECONDS);
			}
		}
		throw new AssertionError("not healthy within " + START_LIMIT + ": " + read(log));
	}

	private Result command(String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(java(), "-jar", jar().toString()));
		command.addAll(List.of(arguments));
		command.add("--chunfeng.data-dir=" + dir.resolve("data"));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(180, TimeUnit.SECONDS)).isTrue();
		return new Result(process.exitValue(), output);
	}

	private static void stop(Process process) throws InterruptedException {
		if (process.isAlive()) {
			process.destroy();
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
	}

	private String read(String log) {
		try {
			return Files.readString(dir.resolve(log));
		}
		catch (IOException ex) {
			return "(no log)";
		}
	}

	private static String get(int port, String path) throws IOException, InterruptedException {
		return get(port, path, null);
	}

	private static String get(int port, String path, String token) throws IOException, InterruptedException {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(30));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
	}

	private static String token(int port, String username, String password) throws IOException, InterruptedException {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		String body = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/auth/token"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\"" + password
					+ "\"}"))
			.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
		java.util.regex.Matcher token = java.util.regex.Pattern.compile("\"token\":\"([^\"]+)\"").matcher(body);
		assertThat(token.find()).as(body).isTrue();
		return token.group(1);
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

	record Result(int code, String output) {
	}
}
