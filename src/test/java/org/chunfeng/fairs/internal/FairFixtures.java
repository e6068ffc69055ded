package org.chunfeng.fairs.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import org.chunfeng.enterprises.Enterprise;
import org.chunfeng.enterprises.Enterprises;
import org.chunfeng.enterprises.NewEnterprise;
import org.chunfeng.identity.Accounts;
import org.chunfeng.identity.NewAccount;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.identity.Role;
import org.chunfeng.jobs.JobKind;
import org.chunfeng.jobs.JobPosting;
import org.chunfeng.jobs.Jobs;
import org.chunfeng.jobs.KeyGroupAccess;
import org.chunfeng.jobs.PostingDetails;
import org.chunfeng.jobs.Shift;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.support.ApiClient;
import org.chunfeng.support.ApiClient.Response;
import org.chunfeng.support.TestAccounts;
import org.chunfeng.support.TestPeople;
import org.chunfeng.workers.Worker;
import org.chunfeng.workers.Workers;

import tools.jackson.databind.JsonNode;

/** Records the fairs tests need, made fresh in the shared test database, and the JSON of a fair. */
final class FairFixtures {

	static final String JSON = "application/json";
	static final RegionCode HUQIU = RegionCode.of("320505");
	static final RegionCode WUZHONG = RegionCode.of("320506");
	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	private final int port;
	private final Accounts accounts;
	private final Enterprises enterprises;
	private final Workers workers;
	private final Jobs jobs;

	FairFixtures(int port, Accounts accounts, Enterprises enterprises, Workers workers, Jobs jobs) {
		this.port = port;
		this.accounts = accounts;
		this.enterprises = enterprises;
		this.workers = workers;
		this.jobs = jobs;
		TestAccounts.ensure(accounts);
	}

	static String nonce() {
		return Long.toString(System.nanoTime() % 1_000_000_000L, 36);
	}

	static LocalDateTime now() {
		return LocalDateTime.now(BEIJING).truncatedTo(ChronoUnit.MINUTES);
	}

	/** An offline fair in JSON, from {@code starts} for three hours. */
	static String offline(String title, LocalDateTime starts, int booths, Integer attendees) {
		return """
				{"title": "%s", "mode": "OFFLINE", "venue": "虎丘区人力资源市场", "address": "虎丘区金山路 100 号",
				 "boothCapacity": %d, "attendeeCapacity": %s, "startsAt": "%s", "endsAt": "%s",
				 "theme": "INDUSTRY", "themeCode": "C", "organiser": "HRSS", "description": "春风行动专场"}"""
			.formatted(title, booths, attendees, starts, starts.plusHours(3));
	}

	ApiClient api(String username) {
		return ApiClient.withToken(port, username);
	}

	/** A fair planned and published through the API by {@code username}; its JSON. */
	JsonNode publishedFair(String username, String body) {
		ApiClient staff = api(username);
		Response planned = staff.post("/api/v1/fairs", JSON, body);
		if (planned.status() != 201) {
			throw new IllegalStateException(planned.body());
		}
		long id = planned.json().get("id").asLong();
		Response published = staff.post("/api/v1/fairs/" + id + "/publish", JSON, "{}");
		if (published.status() != 200) {
			throw new IllegalStateException(published.body());
		}
		return published.json();
	}

	/** A fair happening now (began an hour ago), published by the 虎丘 caseworker. */
	JsonNode fairNow(String title, int booths, Integer attendees) {
		return publishedFair(TestAccounts.HUQIU, offline(title, now().minusHours(1), booths, attendees));
	}

	Enterprise enterprise(String name, RegionCode region) {
		return RegionScope.asSystem(() -> enterprises.register(new NewEnterprise(TestPeople.creditCode(), name, region,
				null, "39", 300, null, false)));
	}

	/** An enterprise user of a fresh enterprise; its username. */
	String enterpriseUser(Enterprise enterprise) {
		String username = "fair-ent-" + nonce() + "-" + enterprise.id();
		accounts.create(new NewAccount(username, enterprise.name(), TestAccounts.PASSWORD, Role.ENTERPRISE_USER,
				enterprise.region(), null, Set.of(), enterprise.id(), null, false));
		return username;
	}

	JobPosting posting(Enterprise enterprise, String title, int headcount) {
		LocalDate today = LocalDate.now(BEIJING);
		PostingDetails details = new PostingDetails(title, "6-29-01-01", "流水线装配", List.of(), enterprise.region(),
				null, 4500, 6000, headcount, today, today.plusMonths(2), Set.of(Shift.DAY), true, true, false,
				JobKind.REGULAR, KeyGroupAccess.OPEN, null);
		return RegionScope.within(enterprise.region(), () -> {
			JobPosting posted = jobs.post(enterprise.id(), details, "test");
			return jobs.approve(posted.id(), posted.version(), "test-reviewer");
		});
	}

	Worker worker(String name, RegionCode region) {
		return RegionScope.asSystem(() -> workers.register(TestPeople.worker(name, region)));
	}

	/** A worker with an account of its own; its username. */
	String workerUser(Worker worker) {
		String username = "fair-w-" + nonce() + "-" + worker.id();
		accounts.create(new NewAccount(username, worker.name(), TestAccounts.PASSWORD, Role.WORKER,
				worker.residence(), null, Set.of(), null, worker.id(), false));
		return username;
	}

	/** The field names of a 400 answer's errors. */
	static List<String> fields(Response response) {
		List<String> fields = new java.util.ArrayList<>();
		response.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
		return fields;
	}

	/** The message of a field of a 400 answer. */
	static String message(Response response, String field) {
		for (JsonNode error : response.json().get("errors")) {
			if (field.equals(error.get("field").asString())) {
				return error.get("message").asString();
			}
		}
		throw new AssertionError("no error on " + field + ": " + response.body());
	}
}
