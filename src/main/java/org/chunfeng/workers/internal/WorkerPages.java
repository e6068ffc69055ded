package org.chunfeng.workers.internal;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.chunfeng.enterprises.Enterprise;
import org.chunfeng.enterprises.Enterprises;
import org.chunfeng.identity.Actor;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.identity.Role;
import org.chunfeng.platform.ConflictException;
import org.chunfeng.platform.InvalidFieldsException;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.platform.NotFoundException;
import org.chunfeng.platform.PageQuery;
import org.chunfeng.reference.CreditCode;
import org.chunfeng.reference.InvalidValueException;
import org.chunfeng.reference.Region;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.reference.Regions;
import org.chunfeng.workers.DuplicateWorkerException;
import org.chunfeng.workers.Education;
import org.chunfeng.workers.EmploymentStatus;
import org.chunfeng.workers.FestivalPlan;
import org.chunfeng.workers.KeyGroup;
import org.chunfeng.workers.NewWorker;
import org.chunfeng.workers.PersonalNumber;
import org.chunfeng.workers.RegistrationSource;
import org.chunfeng.workers.Worker;
import org.chunfeng.workers.WorkerQuery;
import org.chunfeng.workers.Workers;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
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
 * The worker registry pages for caseworkers (劳动者名录): search and filter, open, register, edit (a stale edit is
 * refused with the user's input kept), reveal a personal number (audited), and merge duplicates (administrators).
 */
@Controller
@RequestMapping("/workers")
class WorkerPages {

	private final Workers workers;
	private final Enterprises enterprises;
	private final Regions regions;
	private final MessageSource messages;
	private final java.time.Clock clock;
	private final org.chunfeng.reference.Occupations occupations;

	WorkerPages(Workers workers, Enterprises enterprises, Regions regions, MessageSource messages,
			java.time.Clock clock, org.chunfeng.reference.Occupations occupations) {
		this.clock = clock;
		this.occupations = occupations;
		this.workers = workers;
		this.enterprises = enterprises;
		this.regions = regions;
		this.messages = messages;
	}

	@GetMapping
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) RegionCode region,
			@RequestParam(required = false) EmploymentStatus status, @RequestParam(required = false) KeyGroup keyGroup,
			@RequestParam(required = false) FestivalPlan plan, @RequestParam(required = false) String occupation,
			@RequestParam(required = false) Integer page, Model model) {
		WorkerQuery query = new WorkerQuery(q, region, status, keyGroup, plan, occupation);
		model.addAttribute("navSection", "workers");
		model.addAttribute("query", query);
		List<Region> counties = counties();
		model.addAttribute("counties", counties);
		model.addAttribute("statuses", EmploymentStatus.values());
		model.addAttribute("keyGroups", KeyGroup.values());
		model.addAttribute("plans", FestivalPlan.values());
		model.addAttribute("results", workers.search(query, PageQuery.of(page, 50)));
		model.addAttribute("regionNames", regionNames(counties));
		return "workers/list";
	}

	@GetMapping("/new")
	String newWorker(Model model) {
		return form(model, null, WorkerDraft.empty(), Map.of(), null, null);
	}

	@PostMapping
	String register(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		List<InvalidRequestException> problems = new java.util.ArrayList<>();
		WorkerDraft draft = draft(params, problems);
		try {
			WorkerDraft.Checked checked = checked(draft, true, problems);
			Worker worker = workers.register(new NewWorker(checked.idNumber(), checked.profile(), checked.mobile(),
					checked.bank(), checked.plan(), RegistrationSource.CASEWORKER));
			redirect.addFlashAttribute("notice", text("worker.registered"));
			return "redirect:/workers/" + worker.id();
		}
		catch (DuplicateWorkerException ex) {
			if (ex.existingId() != null) {
				// one person, one record: show the one that exists instead of a second
				redirect.addFlashAttribute("notice", text("worker.idNumber.duplicate.shown", ex.maskedIdNumber()));
				return "redirect:/workers/" + ex.existingId();
			}
			return form(model, null, draft, Map.of("idNumber", text(ex.code(), ex.args())), params, null);
		}
		catch (InvalidFieldsException | InvalidRequestException ex) {
			return form(model, null, draft, errors(ex), params, null);
		}
	}

	@GetMapping("/{workerId}")
	String show(@PathVariable long workerId, Model model) {
		Worker worker = find(workerId);
		model.addAttribute("navSection", "workers");
		model.addAttribute("worker", worker);
		model.addAttribute("age", worker.age(java.time.LocalDate.now(clock)));
		Map<String, String> occupationNames = new LinkedHashMap<>();
		worker.occupations().forEach(code -> occupationNames.put(code, occupations.find(code)
			.map(o -> o.name(LocaleContextHolder.getLocale())).orElse("")));
		model.addAttribute("occupationNames", occupationNames);
		model.addAttribute("history", workers.planHistory(workerId));
		model.addAttribute("mergedRecords", workers.mergedInto(workerId));
		model.addAttribute("regionNames", regionNames(worker));
		model.addAttribute("employer", Optional.ofNullable(worker.employerId()).flatMap(enterprises::find).orElse(null));
		model.addAttribute("waitingEmployer",
				Optional.ofNullable(worker.plan().waitingEmployerId()).flatMap(enterprises::find).orElse(null));
		model.addAttribute("mayReveal", RegionScope.currentActor().isPresent() && mayReveal());
		model.addAttribute("mayEdit", mayEdit());
		model.addAttribute("mayMerge", RegionScope.currentActor().map(a -> a.role() == Role.ADMINISTRATOR).orElse(false));
		return "workers/show";
	}

	@PostMapping("/{workerId}/reveal")
	String reveal(@PathVariable long workerId, @RequestParam PersonalNumber field, RedirectAttributes redirect) {
		if (!mayReveal()) {
			throw new AccessDeniedException("reveal");
		}
		String value = workers.reveal(workerId, field)
			.orElseThrow(() -> new NotFoundException("kind.worker", String.valueOf(workerId)));
		redirect.addFlashAttribute("revealed", Map.of(field.name(), value));
		return "redirect:/workers/" + workerId;
	}

	@GetMapping("/{workerId}/edit")
	String edit(@PathVariable long workerId, Model model) {
		Worker worker = find(workerId);
		return form(model, worker, WorkerDraft.of(worker), Map.of(), null, null);
	}

	@PostMapping("/{workerId}")
	String update(@PathVariable long workerId, @RequestParam MultiValueMap<String, String> params, Model model,
			RedirectAttributes redirect) {
		Worker worker = find(workerId);
		List<InvalidRequestException> problems = new java.util.ArrayList<>();
		WorkerDraft draft = draft(params, problems);
		try {
			if (draft.version() == null) {
				throw new InvalidRequestException("version", "problem.field.required");
			}
			WorkerDraft.Checked checked = checked(draft, false, problems);
			workers.update(workerId, draft.version(), checked.profile(), checked.plan(), checked.mobile(),
					checked.bank());
			redirect.addFlashAttribute("notice", text("worker.saved"));
			return "redirect:/workers/" + workerId;
		}
		catch (ConflictException ex) {
			// nothing is lost: the user's input stays in the form, now based on the version just saved by the other
			// person, so that a second save after a look at the record overwrites knowingly
			WorkerDraft rebased = draft.withVersion(ex.currentVersion());
			return form(model, worker, rebased, Map.of(), params, text("worker.conflict", ex.currentVersion()));
		}
		catch (InvalidFieldsException | InvalidRequestException ex) {
			return form(model, worker, draft, errors(ex), params, null);
		}
	}

	@PostMapping("/{workerId}/merge")
	String merge(@PathVariable long workerId, @RequestParam(required = false) String duplicateId,
			RedirectAttributes redirect) {
		try {
			long duplicate;
			try {
				duplicate = Long.parseLong(duplicateId == null ? "" : duplicateId.strip());
			}
			catch (NumberFormatException ex) {
				throw new InvalidRequestException("duplicateId", "worker.merge.idRequired");
			}
			workers.merge(workerId, duplicate);
			redirect.addFlashAttribute("notice", text("worker.merged", duplicate));
		}
		catch (InvalidRequestException | NotFoundException ex) {
			redirect.addFlashAttribute("mergeError", ex instanceof InvalidRequestException invalid
					? text(invalid.code(), invalid.args()) : text("worker.merge.notFound"));
		}
		return "redirect:/workers/" + workerId;
	}

	private String form(Model model, Worker worker, WorkerDraft draft, Map<String, String> errors,
			MultiValueMap<String, String> typed, String conflict) {
		model.addAttribute("navSection", "workers");
		model.addAttribute("worker", worker);
		model.addAttribute("draft", draft);
		model.addAttribute("errors", errors);
		model.addAttribute("conflict", conflict);
		// a number that could not be read is shown as typed
		model.addAttribute("typedWage", typed == null ? null : typed.getFirst("expectedWage"));
		model.addAttribute("typedEmployer", typed == null ? employerCode(draft.employerId()) : first(typed, "employer"));
		model.addAttribute("typedWaitingEmployer", typed == null
				? employerCode(draft.plan() == null ? null : draft.plan().waitingEmployerId())
				: first(typed, "waitingEmployer"));
		model.addAttribute("counties", counties());
		model.addAttribute("statuses", EmploymentStatus.values());
		model.addAttribute("keyGroups", KeyGroup.values());
		model.addAttribute("plans", FestivalPlan.values());
		model.addAttribute("educations", Education.values());
		return "workers/form";
	}

	private String employerCode(Long id) {
		return id == null ? "" : enterprises.find(id).map(e -> e.creditCode().value()).orElse("");
	}

	/**
	 * Reads the form, whatever it holds, so that it can be shown again as typed; what cannot be read goes to
	 * {@code problems}. Employers are typed as credit codes and looked up inside the user's region.
	 */
	private WorkerDraft draft(MultiValueMap<String, String> params, List<InvalidRequestException> problems) {
		Long employer = employer(first(params, "employer"), "employer", problems);
		Long waiting = employer(first(params, "waitingEmployer"), "waitingEmployer", problems);
		Integer wage = null;
		String wageText = first(params, "expectedWage");
		if (!wageText.isBlank()) {
			try {
				wage = Integer.valueOf(wageText.strip());
			}
			catch (NumberFormatException ex) {
				problems.add(new InvalidRequestException("expectedWage", "problem.field.number"));
			}
		}
		Integer version = null;
		if (!first(params, "version").isBlank()) {
			try {
				version = Integer.valueOf(first(params, "version").strip());
			}
			catch (NumberFormatException ex) {
				problems.add(new InvalidRequestException("version", "problem.field.number"));
			}
		}
		EnumSet<KeyGroup> groups = EnumSet.noneOf(KeyGroup.class);
		for (String group : params.getOrDefault("keyGroups", List.of())) {
			groups.add(enumOf(KeyGroup.class, group, "keyGroups", problems));
		}
		groups.remove(null);
		WorkerDraft draft = new WorkerDraft(first(params, "idNumber"), first(params, "name"), first(params, "mobile"),
				first(params, "residence"), first(params, "address"), employer,
				enumOf(EmploymentStatus.class, first(params, "status"), "status", problems), words(first(params, "occupations")),
				words(first(params, "skills")), enumOf(Education.class, first(params, "education"), "education", problems),
				wage, words(first(params, "preferredIndustries")), words(first(params, "preferredRegions")), groups,
				"true".equals(first(params, "consent")), first(params, "bankName"), first(params, "bankAccount"),
				new WorkerDraft.PlanDraft(enumOf(FestivalPlan.class, first(params, "plan"), "plan", problems),
						first(params, "leaveDate"), first(params, "returnDate"), first(params, "homeRegion"), waiting,
						first(params, "note")),
				version);
		return draft;
	}

	/** Checks the draft; what reading the form found and what the draft breaks are reported together. */
	private static WorkerDraft.Checked checked(WorkerDraft draft, boolean creating,
			List<InvalidRequestException> problems) {
		try {
			WorkerDraft.Checked checked = draft.check(creating);
			if (problems.isEmpty()) {
				return checked;
			}
		}
		catch (InvalidFieldsException ex) {
			problems.addAll(ex.problems());
		}
		throw new InvalidFieldsException(problems);
	}

	private Long employer(String code, String field, List<InvalidRequestException> problems) {
		if (code.isBlank()) {
			return null;
		}
		try {
			Optional<Enterprise> found = enterprises.findByCreditCode(CreditCode.of(code.strip()));
			if (found.isEmpty()) {
				problems.add(new InvalidRequestException(field, "worker.employer.notRegistered"));
				return null;
			}
			return found.get().id();
		}
		catch (InvalidValueException ex) {
			problems.add(new InvalidRequestException(field, ex.code(), ex.args()));
			return null;
		}
	}

	private static <E extends Enum<E>> E enumOf(Class<E> type, String value, String field,
			List<InvalidRequestException> problems) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip());
		}
		catch (IllegalArgumentException ex) {
			problems.add(new InvalidRequestException(field, "problem.field.typeValue", value));
			return null;
		}
	}

	/** Items typed in one box, separated by commas (either width), semicolons or spaces. */
	static List<String> words(String text) {
		return Arrays.stream(text.split("[,，;；、\\s]+")).filter(s -> !s.isBlank()).toList();
	}

	private static String first(MultiValueMap<String, String> params, String name) {
		String value = params.getFirst(name);
		return value == null ? "" : value;
	}

	private Map<String, String> errors(RuntimeException ex) {
		return org.chunfeng.platform.FieldErrors.of(ex, messages, LocaleContextHolder.getLocale());
	}

	private Worker find(long workerId) {
		return workers.find(workerId).orElseThrow(() -> new NotFoundException("kind.worker", String.valueOf(workerId)));
	}

	/** The county-level regions a user may place records in: the own region and everything below, to counties. */
	private List<Region> counties() {
		return RegionScope.currentActor().map(Actor::region).map(regions::counties).orElse(List.of());
	}

	private static Map<String, String> regionNames(List<Region> counties) {
		Map<String, String> names = new LinkedHashMap<>();
		counties.forEach(r -> names.put(r.code().value(), r.name()));
		return names;
	}

	/** Names of the regions a record mentions, including abolished hukou codes (which have no name). */
	private Map<String, String> regionNames(Worker worker) {
		Map<String, String> names = regionNames(counties());
		List<RegionCode> mentioned = new java.util.ArrayList<>(worker.profile().preferredRegions());
		mentioned.add(worker.hukouRegion());
		mentioned.add(worker.residence());
		if (worker.plan().homeRegion() != null) {
			mentioned.add(worker.plan().homeRegion());
		}
		for (RegionCode code : mentioned) {
			names.computeIfAbsent(code.value(), c -> regions.path(code).stream().map(Region::name)
				.reduce((a, b) -> a + " " + b).orElse(""));
		}
		return names;
	}

	private static boolean mayReveal() {
		return org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication()
			.getAuthorities().stream().anyMatch(a -> "PERSONAL_DATA_REVEAL".equals(a.getAuthority()));
	}

	private static boolean mayEdit() {
		return RegionScope.currentActor().map(a -> a.role() == Role.ADMINISTRATOR || a.role() == Role.CASEWORKER)
			.orElse(false);
	}

	private String text(String code, Object... args) {
		Locale locale = LocaleContextHolder.getLocale();
		return messages.getMessage(code, args, code, locale);
	}
}
