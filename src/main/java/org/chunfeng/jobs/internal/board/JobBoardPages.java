package org.chunfeng.jobs.internal.board;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.chunfeng.jobs.JobBoard;
import org.chunfeng.jobs.JobHit;
import org.chunfeng.jobs.JobKind;
import org.chunfeng.jobs.JobSearch;
import org.chunfeng.platform.InvalidFieldsException;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.platform.PageQuery;
import org.chunfeng.platform.Paged;
import org.chunfeng.reference.RegionCode;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public job board page (招聘信息), made for a phone first: a search box, a few filters, and cards that link to
 * each posting. No sign-in: a migrant worker finds work before having an account. A filter that cannot be read (a
 * hand-edited address) is named in the page, answered with 400, and left out of the search.
 */
@Controller
class JobBoardPages {

	static final int PAGE_SIZE = 20;

	static final List<Integer> WAGES = List.of(3000, 4000, 5000, 6000, 8000, 10000);

	private final JobBoard board;
	private final JobBoardIndex index;
	private final BoardRequests requests;
	private final BoardPostings names;
	private final MessageSource messages;

	JobBoardPages(JobBoard board, JobBoardIndex index, BoardRequests requests, BoardPostings names,
			MessageSource messages) {
		this.board = board;
		this.index = index;
		this.requests = requests;
		this.names = names;
		this.messages = messages;
	}

	/** A choice of a filter's select. */
	record Option(String value, String label, int count, boolean nested) {
	}

	@GetMapping("/jobs")
	String board(@RequestParam(required = false) String q, @RequestParam(required = false) String region,
			@RequestParam(required = false) String occupation, @RequestParam(required = false) String wageAtLeast,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String page, Model model,
			HttpServletResponse response) {
		Locale locale = LocaleContextHolder.getLocale();
		List<InvalidRequestException> problems = new ArrayList<>();
		Integer wage = number("wageAtLeast", wageAtLeast, problems);
		JobKind jobKind = kind(kind, problems);
		Integer pageNumber = number("page", page, problems);
		if (pageNumber != null && pageNumber < 0) {
			problems.add(new InvalidRequestException("page", "request.page.negative"));
			pageNumber = null;
		}
		JobSearch search;
		try {
			search = requests.search(q, region, occupation, wage, jobKind, problems);
		}
		catch (InvalidFieldsException ex) {
			// search with what could be read
			Set<String> bad = new HashSet<>();
			ex.problems().forEach(problem -> bad.add(problem.field()));
			search = requests.search(bad.contains("q") ? q.strip().substring(0, BoardRequests.MAX_TEXT) : q,
					bad.contains("region") ? null : region, bad.contains("occupation") ? null : occupation,
					bad.contains("wageAtLeast") ? null : wage, jobKind);
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("problems", ex.problems().stream()
				.map(problem -> messages.getMessage("form.fieldError",
						new Object[] { messages.getMessage("board.field." + problem.field(), null, locale),
								messages.getMessage(problem.code(), problem.args(), locale) },
						locale))
				.toList());
		}
		Paged<JobHit> results = board.search(search, PageQuery.of(pageNumber, PAGE_SIZE));
		BoardIndex.Facets facets = index.facets();
		model.addAttribute("search", search);
		model.addAttribute("understood", understood(search, locale));
		model.addAttribute("results", results);
		model.addAttribute("regionOptions", regionOptions(facets, search.region()));
		model.addAttribute("occupationOptions", occupationOptions(facets, search.occupation(), locale));
		model.addAttribute("wages", WAGES);
		model.addAttribute("kinds", JobKind.values());
		model.addAttribute("filtered", search.region() != null || search.occupation() != null
				|| search.wageAtLeast() != null || search.kind() != null);
		model.addAttribute("navSection", "jobBoard");
		return "jobs/board";
	}

	/** What the board read out of the text as conditions (月薪5000, 包吃住), shown so the seeker knows why. */
	private List<String> understood(JobSearch search, Locale locale) {
		SeekerText typed = SeekerText.parse(search.text());
		List<String> conditions = new ArrayList<>();
		if (typed.wageAtLeast() != null) {
			conditions.add(messages.getMessage("board.understood.wage", new Object[] { typed.wageAtLeast() }, locale));
		}
		if (typed.meals()) {
			conditions.add(messages.getMessage("board.hit.meals", null, locale));
		}
		if (typed.housing()) {
			conditions.add(messages.getMessage("board.hit.housing", null, locale));
		}
		if (typed.festival()) {
			conditions.add(messages.getMessage("board.hit.festival", null, locale));
		}
		if (typed.occupation() != null) {
			conditions.add(occupationName(typed.occupation(), locale));
		}
		return conditions;
	}

	private List<Option> regionOptions(BoardIndex.Facets facets, RegionCode selected) {
		List<Option> options = new ArrayList<>();
		facets.regions().forEach((code, count) -> options.add(new Option(code, regionName(code), count,
				RegionCode.of(code).level() == RegionCode.Level.COUNTY)));
		if (selected != null && !facets.regions().containsKey(selected.value())) {
			options.add(new Option(selected.value(), regionName(selected.value()), 0, false));
		}
		return options;
	}

	private List<Option> occupationOptions(BoardIndex.Facets facets, String selected, Locale locale) {
		List<Option> options = new ArrayList<>();
		facets.occupationGroups().forEach((code, count) -> options.add(new Option(code, occupationName(code, locale),
				count, false)));
		if (selected != null && !facets.occupationGroups().containsKey(selected)) {
			options.add(new Option(selected, occupationName(selected, locale), 0, false));
		}
		return options;
	}

	private String regionName(String code) {
		return names.regionName(code).orElse(code);
	}

	private String occupationName(String code, Locale locale) {
		return names.occupation(code).map(entry -> entry.name(locale)).orElse(code);
	}

	private static Integer number(String field, String text, List<InvalidRequestException> problems) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			problems.add(new InvalidRequestException(field, "problem.field.typeValue", text));
			return null;
		}
	}

	private static JobKind kind(String text, List<InvalidRequestException> problems) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return JobKind.valueOf(text.strip());
		}
		catch (IllegalArgumentException ex) {
			problems.add(new InvalidRequestException("kind", "problem.field.typeValue", text));
			return null;
		}
	}
}
