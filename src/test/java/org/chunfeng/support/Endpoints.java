package org.chunfeng.support;

import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.JsonNode;

/**
 * The application's endpoints as the code declares them (page mappings, the OpenAPI document), never a hand-kept
 * list: tests that walk them cover later endpoints by themselves. Path variables get sample values here; an
 * unknown one fails the test so that a new kind of endpoint gets a sample.
 */
public final class Endpoints {

	/** Concrete addresses for page mappings with path variables. */
	private static final Map<String, List<String>> PAGE_SAMPLES = Map.ofEntries(Map.entry(
			"/reference/{kind:industries|occupations}", List.of("/reference/industries", "/reference/occupations")),
			Map.entry("/reference/{kind:industries|occupations}/{code}/children",
					List.of("/reference/industries/C/children", "/reference/occupations/6-29/children")),
			Map.entry("/reference/regions/{code}/children", List.of("/reference/regions/320000/children",
					"/reference/regions/320500/children")),
			// the first account of the test database (always in Suzhou, the test administrator's region)
			Map.entry("/admin/accounts/{id}", List.of("/admin/accounts/1")),
			// the first records of the test database, in whatever district: a page either shows them (own
			// district) or answers 404
			Map.entry("/workers/{workerId}", List.of("/workers/{workerId}")),
			Map.entry("/workers/{workerId}/edit", List.of("/workers/{workerId}/edit")),
			Map.entry("/enterprises/{enterpriseId}", List.of("/enterprises/{enterpriseId}")),
			Map.entry("/enterprises/{enterpriseId}/edit", List.of("/enterprises/{enterpriseId}/edit")),
			Map.entry("/imports/{importId}", List.of("/imports/{importId}")),
			Map.entry("/imports/{importId}/progress", List.of("/imports/{importId}/progress")),
			Map.entry("/imports/{importId}/errors.xlsx", List.of("/imports/{importId}/errors.xlsx")),
			Map.entry("/imports/templates/{kind}.xlsx", List.of("/imports/templates/WORKERS.xlsx")),
			Map.entry("/imports/templates/{kind}.csv", List.of("/imports/templates/INSURANCE.csv")),
			// automatic refund runs of the program a test names, else of record 1 (a template: no runs)
			Map.entry("/subsidies/programs/{programId}/automatic-runs",
					List.of("/subsidies/programs/{programId}/automatic-runs")),
			Map.entry("/subsidies/programs/{programId}/automatic-runs/progress",
					List.of("/subsidies/programs/{programId}/automatic-runs/progress")),
			// postings of the test database: a page shows one the caller manages (or a published one, publicly),
			// or answers 404
			Map.entry("/postings/{postingId}", List.of("/postings/1")),
			Map.entry("/postings/{postingId}/edit", List.of("/postings/1/edit")),
			Map.entry("/jobs/{postingId}", List.of("/jobs/1")),
			// fairs: the fair (series) a test names, else record 1, which a page shows (own region, or public) or
			// answers 404
			Map.entry("/fairs/{fairId}", List.of("/fairs/{fairId}")),
			Map.entry("/fairs/{fairId}/edit", List.of("/fairs/{fairId}/edit")),
			Map.entry("/fairs/{fairId}/check-in", List.of("/fairs/{fairId}/check-in")),
			Map.entry("/fairs/{fairId}/report.xlsx", List.of("/fairs/{fairId}/report.xlsx")),
			Map.entry("/fairs/series/{seriesId}", List.of("/fairs/series/{seriesId}")),
			Map.entry("/public/fairs/{fairId}", List.of("/public/fairs/{fairId}")),
			Map.entry("/me/fairs/{fairId}/register", List.of("/me/fairs/{fairId}/register")),
			Map.entry("/me/fairs/tickets/{registrationId}", List.of("/me/fairs/tickets/{registrationId}")),
			Map.entry("/my-enterprise/fairs/{fairId}", List.of("/my-enterprise/fairs/{fairId}")),
			// training: the project a test names, else record 1 (every project is readable; editing one of another
			// region answers 404); the training part of a worker's page
			Map.entry("/workers/{workerId}/recommendations", List.of("/workers/{workerId}/recommendations")),
			Map.entry("/training/{projectId}", List.of("/training/{projectId}")),
			Map.entry("/training/{projectId}/edit", List.of("/training/{projectId}/edit")),
			Map.entry("/workers/{workerId}/training", List.of("/workers/{workerId}/training")),
			// career guidance of a worker of the test database: shown (own district) or 404
			Map.entry("/guidance/workers/{workerId}", List.of("/guidance/workers/{workerId}")),
			Map.entry("/guidance/workers/{workerId}/sessions", List.of("/guidance/workers/{workerId}/sessions")),
			// subsidy programs: the program a test names, else record 1 (the first shipped template: readable by the
			// bureau's staff, never edited)
			Map.entry("/subsidies/programs/{programId}", List.of("/subsidies/programs/{programId}")),
			Map.entry("/subsidies/programs/{programId}/edit", List.of("/subsidies/programs/{programId}/edit")),
			// payment batches: the batch a test names, else record 1 (shown in scope, else 404; finance pages answer
			// 403 to everybody but finance officers, administrators and reviewers)
			Map.entry("/payments/batches/{batchId}", List.of("/payments/batches/{batchId}")),
			Map.entry("/payments/batches/{batchId}/progress", List.of("/payments/batches/{batchId}/progress")),
			Map.entry("/payments/batches/{batchId}/bank-file.csv", List.of("/payments/batches/{batchId}/bank-file.csv")),
			Map.entry("/payments/batches/{batchId}/bank-file.xlsx",
					List.of("/payments/batches/{batchId}/bank-file.xlsx")),
			// subsidy applications: the application a test names, else record 1 (in whatever district: shown to
			// the staff of its region and to its applicant, else 404)
			Map.entry("/subsidies/applications/{id}", List.of("/subsidies/applications/{applicationId}")),
			Map.entry("/subsidies/applications/{id}/edit", List.of("/subsidies/applications/{applicationId}/edit")),
			Map.entry("/subsidies/applications/{id}/evidence/{evidenceId}",
					List.of("/subsidies/applications/{applicationId}/evidence/{evidenceId}")));

	/** Pages anybody may open: they are checked for leaks like the others, not for a redirect to the login. */
	public static final Set<String> PUBLIC_PAGES = Set.of("/register", "/jobs", "/jobs/1", "/public/fairs",
			"/public/fairs/1");

	/** API operations anybody may call (self-registration, the job board). */
	public static boolean publicOperation(Operation operation) {
		return operation.path().startsWith("/api/v1/registrations") || operation.path().equals("/api/v1/auth/token")
				|| (operation.method().equals("GET") && operation.path().startsWith("/api/v1/jobs"))
				|| (operation.method().equals("GET") && operation.path().startsWith("/api/v1/public/"));
	}

	private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

	private Endpoints() {
	}

	/** GET pages with record ids filled in where given (else record 1, which may not exist: a 404 then). */
	public static Set<String> pages(RequestMappingHandlerMapping mappings, Map<String, String> ids) {
		Set<String> addresses = new TreeSet<>();
		for (String page : pages(mappings)) {
			Matcher matcher = VARIABLE.matcher(page);
			StringBuilder address = new StringBuilder();
			while (matcher.find()) {
				matcher.appendReplacement(address, Matcher.quoteReplacement(ids.getOrDefault(matcher.group(1), "1")));
			}
			matcher.appendTail(address);
			addresses.add(address.toString());
		}
		return addresses;
	}

	/** Pages of one role only (a worker's, an enterprise user's own record): tried with that role, not the staff's. */
	public static boolean ownRecordPage(String address) {
		return address.equals("/me") || address.startsWith("/me/") || address.startsWith("/my-enterprise");
	}

	/** A page of finance officers alone (the bank file: account numbers in full); 403 for administrators. */
	public static boolean financeOnly(String address) {
		return address.startsWith("/payments/") && address.contains("/bank-file.");
	}

	/** A download (a workbook), not a page. */
	public static boolean download(String address) {
		return address.endsWith(".xlsx") || address.endsWith(".csv") || address.contains("/evidence/");
	}

	/** A part of a page (htmx swaps it in), not a whole page. */
	public static boolean fragment(String address) {
		return address.contains("/children") || address.endsWith("/progress") || address.endsWith("/sessions")
				|| (address.startsWith("/workers/") && address.endsWith("/training"));
	}

	/** GET pages (not API endpoints), with samples for their path variables; the login page excluded. */
	public static Set<String> pages(RequestMappingHandlerMapping mappings) {
		Set<String> addresses = new TreeSet<>();
		mappings.getHandlerMethods().forEach((info, method) -> {
			if (AnnotatedElementUtils.hasAnnotation(method.getBeanType(), RestController.class)) {
				return;
			}
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
				return;
			}
			for (String pattern : info.getPatternValues()) {
				if (pattern.startsWith("/error") || pattern.equals("/login")) {
					continue;
				}
				if (pattern.contains("{")) {
					List<String> samples = PAGE_SAMPLES.get(pattern);
					if (samples == null) {
						fail("Page " + pattern + " has no sample address in Endpoints.PAGE_SAMPLES");
					}
					addresses.addAll(samples);
				}
				else {
					addresses.add(pattern);
				}
			}
		});
		return addresses;
	}

	/** One API operation of the OpenAPI document. */
	public record Operation(String method, String path) {

		/** The path with its variables filled from {@code values} (by variable name) or a sample for the path. */
		public String address(Map<String, String> values) {
			Matcher matcher = VARIABLE.matcher(path);
			StringBuilder address = new StringBuilder();
			while (matcher.find()) {
				String name = matcher.group(1);
				String value = values.containsKey(name) ? values.get(name) : sample(path, name);
				matcher.appendReplacement(address, Matcher.quoteReplacement(value));
			}
			matcher.appendTail(address);
			return address.toString();
		}

		private static String sample(String path, String name) {
			if (name.equals("code")) {
				return path.contains("industries") ? "36" : path.contains("occupations") ? "6-29" : "320500";
			}
			if (name.equals("importId")) {
				return "1";
			}
			if (name.equals("kind") && path.contains("/templates/")) {
				return "WORKERS";
			}
			if (name.equals("format")) {
				return "xlsx";
			}
			if (name.equals("id") && path.startsWith("/api/v1/accounts/")) {
				// the first account of the test database, for callers that pass no id of their own
				return "1";
			}
			if (name.equals("contactId")) {
				// a contact of the record named by the other variables, or of none: the answer must not be 2xx
				return "1";
			}
			if (name.equals("evidenceId")) {
				// an attachment of the application named by the other variables, or of none
				return "1";
			}
			if (name.equals("postingId") || name.equals("applicationId")) {
				// the first of the test database, in whatever district: managed by the caller or refused
				return "1";
			}
			if (List.of("fairId", "seriesId", "boothId", "registrationId").contains(name)) {
				// fairs are not of a district the test sets up: one that does not exist, so no write can succeed
				return "987654321";
			}
			if (name.equals("projectId") || name.equals("referralId")) {
				// the first of the test database, in whatever district: readable, but managed by the caller or
				// refused
				return "1";
			}
			if (name.equals("programId")) {
				// the first shipped template: the bureau's staff read it, nobody changes it
				return "1";
			}
			if (name.equals("runId")) {
				// a recommendation run that does not exist: readers get 404, others are refused
				return "987654321";
			}
			if (name.equals("year")) {
				return "2026";
			}
			fail("API path " + path + " has variable {" + name + "} without a sample in Endpoints");
			return "";
		}
	}

	/** Every operation of the OpenAPI document. */
	public static List<Operation> api(JsonNode openApi) {
		List<Operation> operations = new ArrayList<>();
		openApi.get("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
			if (Set.of("get", "post", "put", "patch", "delete").contains(method.getKey())) {
				operations.add(new Operation(method.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey()));
			}
		}));
		return operations;
	}
}
