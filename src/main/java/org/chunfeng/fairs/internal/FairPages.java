package org.chunfeng.fairs.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.chunfeng.enterprises.EnterpriseQuery;
import org.chunfeng.enterprises.Enterprises;
import org.chunfeng.fairs.Booth;
import org.chunfeng.fairs.BoothStatus;
import org.chunfeng.fairs.Booths;
import org.chunfeng.fairs.Fair;
import org.chunfeng.fairs.FairDetails;
import org.chunfeng.fairs.FairQuery;
import org.chunfeng.fairs.FairRegistration;
import org.chunfeng.fairs.FairRegistrations;
import org.chunfeng.fairs.FairStatus;
import org.chunfeng.fairs.Fairs;
import org.chunfeng.fairs.Intentions;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.identity.Role;
import org.chunfeng.jobs.JobPosting;
import org.chunfeng.jobs.Jobs;
import org.chunfeng.jobs.PostingQuery;
import org.chunfeng.jobs.PostingStatus;
import org.chunfeng.platform.ConflictException;
import org.chunfeng.platform.InvalidFieldsException;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.platform.NotFoundException;
import org.chunfeng.platform.PageQuery;
import org.chunfeng.platform.RefusedException;
import org.chunfeng.workers.WorkerQuery;
import org.chunfeng.workers.Workers;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The fairs pages of the bureau's staff (招聘会管理): the list and the month calendar of the region, planning and
 * changing a fair, and its management page (publish, cancel, booths, registrations, intentions, figures). The door's
 * check-in page is {@link CheckInPages}; series are {@link SeriesPages}.
 */
@Controller
@RequestMapping("/fairs")
class FairPages {

	private final Fairs fairs;
	private final Booths booths;
	private final FairRegistrations registrations;
	private final Intentions intentions;
	private final Jobs jobs;
	private final Enterprises enterprises;
	private final Workers workers;
	private final FairForms forms;
	private final Clock clock;

	FairPages(Fairs fairs, Booths booths, FairRegistrations registrations, Intentions intentions, Jobs jobs,
			Enterprises enterprises, Workers workers, FairForms forms, Clock clock) {
		this.fairs = fairs;
		this.booths = booths;
		this.registrations = registrations;
		this.intentions = intentions;
		this.jobs = jobs;
		this.enterprises = enterprises;
		this.workers = workers;
		this.forms = forms;
		this.clock = clock;
	}

	// ---------------------------------------------------------------- list and calendar

	@GetMapping
	String list(@RequestParam(required = false) String from, @RequestParam(required = false) String status,
			@RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
		// a filter that cannot be read (an old bookmark) is dropped rather than refused
		FairQuery query = new FairQuery(dayOrNull(from), null, statusOrNull(status), null, q);
		model.addAttribute("navSection", "fairs");
		model.addAttribute("query", query);
		model.addAttribute("statuses", FairStatus.values());
		model.addAttribute("results", fairs.search(query, PageQuery.of(page, 50)));
		model.addAttribute("now", now());
		return "fairs/list";
	}

	@GetMapping("/calendar")
	String calendar(@RequestParam(required = false) String month, Model model) {
		YearMonth shown;
		try {
			shown = month == null || month.isBlank() ? YearMonth.now(clock) : YearMonth.parse(month.strip());
		}
		catch (DateTimeParseException ex) {
			shown = YearMonth.now(clock);
		}
		LocalDate first = shown.atDay(1);
		// whole weeks, Monday first, as a wall calendar
		LocalDate start = first.minusDays(first.getDayOfWeek().getValue() - 1L);
		LocalDate end = shown.atEndOfMonth().plusDays(7L - shown.atEndOfMonth().getDayOfWeek().getValue());
		Map<LocalDate, List<Fair>> byDay = new LinkedHashMap<>();
		for (LocalDate day = start; !day.isAfter(end); day = day.plusDays(1)) {
			byDay.put(day, new ArrayList<>());
		}
		for (Fair fair : fairs.calendar(start, end)) {
			for (LocalDate day = fair.startsAt().toLocalDate(); !day.isAfter(fair.endsAt().toLocalDate())
					&& !day.isAfter(end); day = day.plusDays(1)) {
				if (byDay.containsKey(day)) {
					byDay.get(day).add(fair);
				}
			}
		}
		List<List<Map.Entry<LocalDate, List<Fair>>>> weeks = new ArrayList<>();
		List<Map.Entry<LocalDate, List<Fair>>> days = new ArrayList<>(byDay.entrySet());
		for (int i = 0; i < days.size(); i += 7) {
			weeks.add(days.subList(i, i + 7));
		}
		model.addAttribute("navSection", "fairCalendar");
		model.addAttribute("month", shown);
		model.addAttribute("previous", shown.minusMonths(1));
		model.addAttribute("next", shown.plusMonths(1));
		model.addAttribute("weeks", weeks);
		model.addAttribute("today", LocalDate.now(clock));
		return "fairs/calendar";
	}

	// ---------------------------------------------------------------- planning

	@GetMapping("/new")
	String newFair(Model model) {
		LocalDateTime start = LocalDate.now(clock).plusDays(7).atTime(9, 0);
		Map<String, String> values = new LinkedHashMap<>();
		values.put("mode", "OFFLINE");
		values.put("theme", "GENERAL");
		values.put("organiser", FairDetails.BUREAU);
		values.put("startsAt", start.toString());
		values.put("endsAt", start.plusHours(3).toString());
		return form(model, null, values, Map.of(), null);
	}

	@PostMapping
	String plan(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		try {
			Fair fair = fairs.plan(FairForms.region(params), forms.fair(params));
			redirect.addFlashAttribute("notice", forms.text("fair.planned"));
			return "redirect:/fairs/" + fair.id();
		}
		catch (InvalidFieldsException | InvalidRequestException ex) {
			return form(model, null, FairForms.typed(params), forms.errors(ex), null);
		}
	}

	@GetMapping("/{fairId}/edit")
	String edit(@PathVariable long fairId, Model model) {
		Fair fair = fairs.manageable(fairId);
		return form(model, fair, FairForms.values(fair), Map.of(), null);
	}

	@PostMapping("/{fairId}")
	String revise(@PathVariable long fairId, @RequestParam MultiValueMap<String, String> params, Model model,
			RedirectAttributes redirect) {
		Fair fair = fairs.manageable(fairId);
		try {
			Integer version = FairForms.whole(params, "version", new ArrayList<>());
			if (version == null) {
				throw new InvalidRequestException("version", "problem.field.required");
			}
			fairs.revise(fairId, version, forms.fair(params));
			redirect.addFlashAttribute("notice", forms.text("fair.saved"));
			return "redirect:/fairs/" + fairId;
		}
		catch (ConflictException ex) {
			// the input stays, now based on the version just saved by the other person
			Map<String, String> typed = FairForms.typed(params);
			typed.put("version", String.valueOf(ex.currentVersion()));
			return form(model, fair, typed, Map.of(), forms.text("fair.conflict", ex.currentVersion()));
		}
		catch (InvalidFieldsException | InvalidRequestException ex) {
			return form(model, fair, FairForms.typed(params), forms.errors(ex), null);
		}
		catch (RefusedException ex) {
			redirect.addFlashAttribute("problem", forms.refusal(ex));
			return "redirect:/fairs/" + fairId;
		}
	}

	private String form(Model model, Fair fair, Map<String, String> values, Map<String, String> errors,
			String conflict) {
		model.addAttribute("navSection", "fairs");
		model.addAttribute("fair", fair);
		model.addAttribute("values", values);
		model.addAttribute("errors", errors);
		model.addAttribute("conflict", conflict);
		model.addAttribute("formAction", fair == null ? "/fairs" : "/fairs/" + fair.id());
		model.addAttribute("cancelUrl", fair == null ? "/fairs" : "/fairs/" + fair.id());
		forms.formChoices(model);
		return "fairs/form";
	}

	@PostMapping("/{fairId}/publish")
	String publish(@PathVariable long fairId, RedirectAttributes redirect) {
		return act(fairId, redirect, "fair.published.done", () -> fairs.publish(fairId));
	}

	@PostMapping("/{fairId}/cancel")
	String cancel(@PathVariable long fairId, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		return act(fairId, redirect, "fair.cancelled.done", () -> fairs.cancel(fairId, reason));
	}

	// ---------------------------------------------------------------- the management page

	@GetMapping("/{fairId}")
	String show(@PathVariable long fairId, @RequestParam(required = false) String enterprise,
			@RequestParam(required = false) String worker, @RequestParam(required = false) Integer page,
			Model model) {
		Fair fair = fairs.manageable(fairId);
		List<Booth> all = booths.atFair(fairId);
		List<Long> postingIds = all.stream().flatMap(b -> b.postingIds().stream()).distinct().toList();
		Map<Long, JobPosting> postings = new LinkedHashMap<>();
		if (!postingIds.isEmpty()) {
			jobs.findAll(postingIds).forEach(p -> postings.put(p.id(), p));
		}
		boolean staffMayChange = mayChange();
		Map<Long, List<JobPosting>> choices = new LinkedHashMap<>();
		if (staffMayChange && fair.open(now())) {
			for (Booth booth : all) {
				if (booth.status() == BoothStatus.REQUESTED || booth.status() == BoothStatus.CONFIRMED) {
					choices.put(booth.id(), jobs.search(new PostingQuery(booth.enterpriseId(), null,
							PostingStatus.PUBLISHED, null, null), new PageQuery(0, PageQuery.MAX_SIZE)).items());
				}
			}
		}
		model.addAttribute("navSection", "fairs");
		model.addAttribute("fair", fair);
		model.addAttribute("regionName", forms.regionName(fair.region()));
		model.addAttribute("theme", forms.theme(fair.details()));
		model.addAttribute("organisers", forms.organiserNames());
		model.addAttribute("figures", fairs.figures(fairId));
		model.addAttribute("booths", all);
		model.addAttribute("postings", postings);
		model.addAttribute("postingChoices", choices);
		model.addAttribute("confirmedPostings", all.stream().filter(b -> b.status() == BoothStatus.CONFIRMED)
			.flatMap(b -> b.postingIds().stream()).map(postings::get).filter(p -> p != null).toList());
		model.addAttribute("registrations", registrations.atFair(fairId, PageQuery.of(page, 50)));
		model.addAttribute("intentions", intentions.atFair(fairId));
		model.addAttribute("mayChange", staffMayChange);
		model.addAttribute("now", now());
		model.addAttribute("open", fair.open(now()));
		model.addAttribute("over", fair.ended(now()));
		model.addAttribute("started", fair.started(now()));
		model.addAttribute("enterpriseQuery", enterprise);
		if (staffMayChange && enterprise != null && !enterprise.isBlank()) {
			model.addAttribute("enterpriseResults", enterprises.search(new EnterpriseQuery(enterprise, null, null,
					false, null, false), new PageQuery(0, 10)).items());
		}
		model.addAttribute("workerQuery", worker);
		if (staffMayChange && worker != null && !worker.isBlank()) {
			model.addAttribute("workerResults", workers.search(new WorkerQuery(worker, null, null, null, null, null),
					new PageQuery(0, 10)).items());
		}
		return "fairs/show";
	}

	@PostMapping("/{fairId}/booths")
	String requestBooth(@PathVariable long fairId, @RequestParam MultiValueMap<String, String> params,
			RedirectAttributes redirect) {
		fairs.manageable(fairId);
		return act(fairId, redirect, "fair.booth.requested.done",
				() -> booths.request(fairId, FairForms.id(params, "enterpriseId"), List.of(), null), "#booths");
	}

	@PostMapping("/{fairId}/booths/{boothId}/confirm")
	String confirm(@PathVariable long fairId, @PathVariable long boothId, RedirectAttributes redirect) {
		return act(fairId, redirect, "fair.booth.confirmed.done", () -> booths.confirm(boothOf(fairId, boothId)),
				"#booths");
	}

	@PostMapping("/{fairId}/booths/{boothId}/decline")
	String decline(@PathVariable long fairId, @PathVariable long boothId,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return act(fairId, redirect, "fair.booth.declined.done",
				() -> booths.decline(boothOf(fairId, boothId), reason), "#booths");
	}

	@PostMapping("/{fairId}/booths/{boothId}/postings")
	String attach(@PathVariable long fairId, @PathVariable long boothId,
			@RequestParam(name = "postingIds", required = false) List<Long> postingIds, RedirectAttributes redirect) {
		return act(fairId, redirect, "fair.booth.postings.done",
				() -> booths.attach(boothOf(fairId, boothId), postingIds == null ? List.of() : postingIds), "#booths");
	}

	private long boothOf(long fairId, long boothId) {
		return booths.find(boothId).filter(b -> b.fairId() == fairId)
			.orElseThrow(() -> new NotFoundException("kind.booth", String.valueOf(boothId)))
			.id();
	}

	@PostMapping("/{fairId}/registrations")
	String register(@PathVariable long fairId, @RequestParam MultiValueMap<String, String> params,
			RedirectAttributes redirect) {
		fairs.manageable(fairId);
		return act(fairId, redirect, "fair.registration.done", () -> {
			FairRegistration registration = registrations.register(fairId, FairForms.id(params, "workerId"));
			redirect.addFlashAttribute("ticket", registration);
			return registration;
		}, "#registrations");
	}

	@PostMapping("/{fairId}/intentions")
	String recordIntention(@PathVariable long fairId, @RequestParam MultiValueMap<String, String> params,
			RedirectAttributes redirect) {
		fairs.manageable(fairId);
		return act(fairId, redirect, "fair.intention.done", () -> {
			long postingId = FairForms.id(params, "postingId");
			Booth booth = booths.atFair(fairId).stream()
				.filter(b -> b.status() == BoothStatus.CONFIRMED && b.postingIds().contains(postingId))
				.findFirst()
				.orElseThrow(() -> new InvalidRequestException("postingId", "fair.intention.posting.notAtFair",
						postingId));
			String code = FairForms.text(params, "code");
			Long workerId = code.isBlank() ? FairForms.id(params, "workerId") : null;
			return intentions.record(booth.id(), postingId, code.isBlank() ? null : code, workerId,
					FairForms.text(params, "note"));
		}, "#intentions");
	}

	// ---------------------------------------------------------------- helpers

	private String act(long fairId, RedirectAttributes redirect, String done, Supplier<?> action) {
		return act(fairId, redirect, done, action, "");
	}

	/** Runs an action of the management page and returns to it, saying what happened or why not. */
	private String act(long fairId, RedirectAttributes redirect, String done, Supplier<?> action, String anchor) {
		try {
			action.get();
			redirect.addFlashAttribute("notice", forms.text(done));
		}
		catch (RefusedException ex) {
			redirect.addFlashAttribute("problem", forms.refusal(ex));
		}
		catch (InvalidFieldsException | InvalidRequestException ex) {
			redirect.addFlashAttribute("problem", String.join(" ", forms.errors(ex).values()));
		}
		catch (NotFoundException ex) {
			redirect.addFlashAttribute("problem", forms.text("problem.notFound.detail", forms.text(ex.kind()),
					ex.key()));
		}
		return "redirect:/fairs/" + fairId + anchor;
	}

	private LocalDateTime now() {
		return LocalDateTime.now(clock);
	}

	static boolean mayChange() {
		return RegionScope.currentActor().map(a -> a.role() == Role.ADMINISTRATOR || a.role() == Role.CASEWORKER)
			.orElse(false);
	}

	private static LocalDate dayOrNull(String text) {
		try {
			return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static FairStatus statusOrNull(String text) {
		try {
			return text == null || text.isBlank() ? null : FairStatus.valueOf(text.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}
}
