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

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
		.followRedirects(HttpClient.Redirect.NEVER).build();

	private final String base;

	public ApiClient(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	public record Response(int status, String contentType, String body) {

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

	public Response method(String method, String path) {
		return send(HttpRequest.newBuilder(uri(path)).method(method, HttpRequest.BodyPublishers.noBody()));
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
		try {
			HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
					response.body());
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
