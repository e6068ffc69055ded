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
	private static final Map<String, List<String>> PAGE_SAMPLES = Map.of(
			"/reference/{kind:industries|occupations}", List.of("/reference/industries", "/reference/occupations"),
			"/reference/{kind:industries|occupations}/{code}/children",
			List.of("/reference/industries/C/children", "/reference/occupations/6-29/children"),
			"/reference/regions/{code}/children", List.of("/reference/regions/320000/children",
					"/reference/regions/320500/children"),
			// the first account of the test database (always in Suzhou, the test administrator's region)
			"/admin/accounts/{id}", List.of("/admin/accounts/1"));

	private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

	private Endpoints() {
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
			if (name.equals("id") && path.startsWith("/api/v1/accounts/")) {
				// the first account of the test database, for callers that pass no id of their own
				return "1";
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
