package org.chunfeng.support;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for tests against the running application on loopback: what an integrator would send. */
public final class ApiClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http;

	private final String base;

	private String bearer;

	/** An anonymous client. */
	public ApiClient(int port) {
		this(port, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
			.cookieHandler(new java.net.CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build());
	}

	private ApiClient(int port, HttpClient http) {
		this.base = "http://127.0.0.1:" + port;
		this.http = http;
	}

	/** The same browser (cookies, token) talking to another instance of the application. */
	public ApiClient onPort(int port) {
		ApiClient other = new ApiClient(port, http);
		other.bearer = bearer;
		return other;
	}

	/** A client that calls the API with a bearer token of {@code username} (password {@link TestAccounts#PASSWORD}). */
	public static ApiClient withToken(int port, String username) {
		return withToken(port, username, TestAccounts.PASSWORD);
	}

	public static ApiClient withToken(int port, String username, String password) {
		ApiClient client = new ApiClient(port);
		Response response = client.post("/api/v1/auth/token", "application/json",
				"{\"username\": \"" + username + "\", \"password\": \"" + password + "\"}");
		if (response.status() != 201) {
			throw new IllegalStateException("cannot get a token for " + username + ": " + response.body());
		}
		client.bearer = response.json().get("token").asString();
		return client;
	}

	/** A client signed in to the console through the login form (session cookie, CSRF token from the form). */
	public static ApiClient withSession(int port, String username) {
		return withSession(port, username, TestAccounts.PASSWORD);
	}

	public static ApiClient withSession(int port, String username, String password) {
		ApiClient client = new ApiClient(port);
		Response signedIn = client.postForm("/login", "username=" + encode(username) + "&password=" + encode(password));
		if (signedIn.status() != 302 || signedIn.location().contains("error")) {
			throw new IllegalStateException("cannot sign in as " + username + ": " + signedIn.status() + " "
					+ signedIn.location());
		}
		return client;
	}

	public String token() {
		return bearer;
	}

	/** Posts a console form with the CSRF token the login page (or the given page) carries. */
	public Response postForm(String path, String form) {
		return postForm(path, path, form);
	}

	/** Posts a console form to {@code path} with the CSRF token of another page (a path with no page of its own). */
	public Response postForm(String tokenPage, String path, String form) {
		String page = get(tokenPage).body();
		java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"")
			.matcher(page);
		String token = csrf.find() ? csrf.group(1) : "";
		return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form + "&_csrf=" + encode(token), StandardCharsets.UTF_8)));
	}

	public record Response(int status, String contentType, String body, java.net.http.HttpHeaders headers) {

		public String location() {
			return headers.firstValue("Location").orElse("");
		}


		public JsonNode json() {
			return JSON.readTree(body);
		}
	}

	public Response get(String path, String... headers) {
		return send(HttpRequest.newBuilder(uri(path)).GET(), headers);
	}

	public Response post(String path, String contentType, String body, String... headers) {
		return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), headers);
	}

	public Response send(String method, String path, String contentType, String body) {
		return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
			.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
	}

	public Response method(String method, String path) {
		return send(HttpRequest.newBuilder(uri(path)).method(method, HttpRequest.BodyPublishers.noBody()));
	}

	/** The body of a download (a workbook) as bytes; fails on any answer but 200. */
	public byte[] download(String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		try {
			HttpResponse<byte[]> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
					HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(path + " answered " + response.statusCode() + ": "
						+ new String(response.body(), StandardCharsets.UTF_8));
			}
			return response.body();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private URI uri(String path) {
		return URI.create(base + path);
	}

	private Response send(HttpRequest.Builder request, String... headers) {
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		try {
			HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body(), response.headers());
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}
