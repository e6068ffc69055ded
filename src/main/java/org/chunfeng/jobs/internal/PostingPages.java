package org.chunfeng.jobs.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.chunfeng.enterprises.Enterprise;
import org.chunfeng.enterprises.Enterprises;
import org.chunfeng.identity.Actor;
import org.chunfeng.jobs.ApplicationChannel;
import org.chunfeng.jobs.ApplicationStatus;
import org.chunfeng.jobs.JobApplication;
import org.chunfeng.jobs.JobKind;
import org.chunfeng.jobs.JobPosting;
import org.chunfeng.jobs.Jobs;
import org.chunfeng.jobs.KeyGroupAccess;
import org.chunfeng.jobs.PostingQuery;
import org.chunfeng.jobs.PostingStatus;
import org.chunfeng.jobs.Shift;
import org.chunfeng.platform.ConflictException;
import org.chunfeng.platform.FieldErrors;
import org.chunfeng.platform.InvalidFieldsException;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.platform.NotFoundException;
import org.chunfeng.platform.PageQuery;
import org.chunfeng.platform.RefusedException;
import org.chunfeng.reference.CreditCode;
import org.chunfeng.reference.InvalidValueException;
import org.chunfeng.reference.ResidentIdNumber;
import org.chunfeng.workers.Worker;
import org.chunfeng.workers.Workers;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Postings under management (岗位管理): an enterprise user posts and follows its applicants; the bureau reviews
 * (approve, return with a reason), posts for an enterprise, and applies for a worker. A refused step comes back as
 * a message on the page, never as an error page.
 */
@Controller
class PostingPages {

	private final Jobs jobs;
	private final PostingAccess access;
	private final Enterprises enterprises;
	private final Workers workers;
	private final JobTexts texts;
	private final MessageSource messages;
	private final Clock clock;

	PostingPages(Jobs jobs, PostingAccess access, Enterprises enterprises, Workers workers, JobTexts texts,
			MessageSource messages, Clock clock) {
		this.jobs = jobs;
		this.access = access;
		this.enterprises = enterprises;
		this.workers = workers;
		this.texts = texts;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/postings")
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
			@RequestParam(required = false) String kind, @RequestParam(required = false) Integer page, Model model) {
		Long enterprise = PostingAccess.enterpriseUser() ? PostingAccess.actor().enterprise() : null;
		PostingQuery query = new PostingQuery(enterprise, null, choice(PostingStatus.class, status),
				choice(JobKind.class, kind), q);
		model.addAttribute("navSection", "postings");
		model.addAttribute("query", query);
		model.addAttribute("statuses", PostingStatus.values());
		model.addAttribute("kinds", JobKind.values());
		model.addAttribute("results", jobs.search(query, PageQuery.of(page, 50)));
		model.addAttribute("mayPost", mayPost());
		return "postings/list";
	}

	private static <E extends Enum<E>> E choice(Class<E> type, String text) {
		try {
			return text == null || text.isBlank() ? null : Enum.valueOf(type, text.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static boolean mayPost() {
		return PostingAccess.enterpriseUser() || PostingAccess.reviewer();
	}

	@GetMapping("/postings/new")
	String newPosting(Model model) {
		return form(model, null, PostingForm.empty(LocalDate.now(clock)), Map.of(), null);
	}

	@PostMapping("/postings")
	String post(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		PostingForm form = PostingForm.of(params);
		try {
			long enterprise = PostingAccess.enterpriseFor(enterpriseOf(form));
			JobPosting posting = jobs.post(enterprise, form.details(), PostingAccess.actor().username());
			redirect.addFlashAttribute("notice", texts.text("posting.submitted"));
			return "redirect:/postings/" + posting.id();
		}
		catch (InvalidFieldsException | InvalidRequestException ex) {
			return form(model, null, form, errors(ex), null);
		}
		catch (NotFoundException ex) {
			return form(model, null, form, Map.of("creditCode", texts.text("posting.enterprise.notFound")), null);
		}
	}

	/** Staff name the enterprise by its credit code; an enterprise user posts for its own. */
	private Long enterpriseOf(PostingForm form) {
		if (PostingAccess.enterpriseUser()) {
			return null;
		}
		if (form.creditCode() == null || form.creditCode().isBlank()) {
			throw new InvalidRequestException("creditCode", "problem.field.required");
		}
		CreditCode code;
		try {
			code = CreditCode.of(form.creditCode().strip());
		}
		catch (InvalidValueException ex) {
			throw new InvalidRequestException("creditCode", ex.messageCode(), ex.messageArgs());
		}
		return enterprises.findByCreditCode(code).map(Enterprise::id)
			.orElseThrow(() -> new InvalidRequestException("creditCode", "posting.enterprise.notFound"));
	}

	@GetMapping("/postings/{postingId}")
	String show(@PathVariable long postingId, Model model) {
		JobPosting posting = access.managed(postingId);
		model.addAttribute("navSection", "postings");
		model.addAttribute("posting", posting);
		texts.describe(model, posting);
		model.addAttribute("applications", jobs.applications(postingId));
		model.addAttribute("mayReview", PostingAccess.reviewer() && posting.status() == PostingStatus.PENDING_REVIEW);
		model.addAttribute("mayApplyFor", PostingAccess.reviewer() && posting.open(LocalDate.now(clock)));
		model.addAttribute("mayEdit", posting.status().revisable() && mayPost());
		model.addAttribute("mayClose", posting.status().canMoveTo(PostingStatus.CLOSED) && mayPost());
		model.addAttribute("mayMove", mayPost());
		model.addAttribute("moves", List.of(ApplicationStatus.INTERVIEW, ApplicationStatus.OFFERED,
				ApplicationStatus.HIRED, ApplicationStatus.REJECTED));
		return "postings/show";
	}

	@GetMapping("/postings/{postingId}/edit")
	String edit(@PathVariable long postingId, Model model) {
		JobPosting posting = access.managed(postingId);
		return form(model, posting, PostingForm.of(posting), Map.of(), null);
	}

	@PostMapping("/postings/{postingId}")
	String revise(@PathVariable long postingId, @RequestParam MultiValueMap<String, String> params, Model model,
			RedirectAttributes redirect) {
		JobPosting posting = access.managed(postingId);
		PostingForm form = PostingForm.of(params);
		try {
			if (form.version() == null) {
				throw new InvalidRequestException("version", "problem.field.required");
			}
			jobs.revise(postingId, form.version(), form.details());
			redirect.addFlashAttribute("notice", texts.text("posting.resubmitted"));
			return "redirect:/postings/" + postingId;
		}
		catch (InvalidFieldsException | InvalidRequestException ex) {
			return form(model, posting, form, errors(ex), null);
		}
		catch (ConflictException ex) {
			// the input stays, now based on the version saved meanwhile: a second save overwrites knowingly
			return form(model, posting, form.withVersion(ex.currentVersion()), Map.of(),
					texts.text("posting.conflict", ex.currentVersion()));
		}
		catch (RefusedException ex) {
			redirect.addFlashAttribute("problem", texts.text(ex.messageCode(), ex.messageArgs()));
			return "redirect:/postings/" + postingId;
		}
	}

	private String form(Model model, JobPosting posting, PostingForm form, Map<String, String> errors,
			String conflict) {
		model.addAttribute("navSection", "postings");
		model.addAttribute("posting", posting);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("conflict", conflict);
		model.addAttribute("forEnterprise", posting == null && !PostingAccess.enterpriseUser());
		model.addAttribute("kinds", JobKind.values());
		model.addAttribute("shifts", Shift.values());
		model.addAttribute("accesses", KeyGroupAccess.values());
		model.addAttribute("regions", texts.workplaceRegions(PostingAccess.actor()));
		model.addAttribute("formAction", posting == null ? "/postings" : "/postings/" + posting.id());
		model.addAttribute("cancelUrl", posting == null ? "/postings" : "/postings/" + posting.id());
		return "postings/form";
	}

	@PostMapping("/postings/{postingId}/approve")
	String approve(@PathVariable long postingId, @RequestParam(required = false) Integer version,
			RedirectAttributes redirect) {
		access.managed(postingId);
		return step(postingId, redirect, "posting.approvedNotice",
				() -> jobs.approve(postingId, required(version), PostingAccess.actor().username()));
	}

	@PostMapping("/postings/{postingId}/return")
	String returnForChanges(@PathVariable long postingId, @RequestParam(required = false) Integer version,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		access.managed(postingId);
		return step(postingId, redirect, "posting.returnedNotice",
				() -> jobs.returnForChanges(postingId, required(version), PostingAccess.actor().username(), reason));
	}

	@PostMapping("/postings/{postingId}/close")
	String close(@PathVariable long postingId, @RequestParam(required = false) Integer version,
			RedirectAttributes redirect) {
		access.managed(postingId);
		return step(postingId, redirect, "posting.closedNotice", () -> jobs.close(postingId, required(version)));
	}

	/** A caseworker applies for a worker of the district, named by the ID number. */
	@PostMapping("/postings/{postingId}/applications")
	String applyFor(@PathVariable long postingId, @RequestParam(required = false) String idNumber,
			@RequestParam(required = false) String message, RedirectAttributes redirect) {
		access.managed(postingId);
		if (!PostingAccess.reviewer()) {
			throw new org.springframework.security.access.AccessDeniedException("caseworkers only");
		}
		Actor actor = PostingAccess.actor();
		return step(postingId, redirect, "application.submittedFor", () -> {
			Worker worker = workerByIdNumber(idNumber);
			return jobs.apply(postingId, worker.id(), ApplicationChannel.CASEWORKER, message, actor.username());
		});
	}

	private Worker workerByIdNumber(String idNumber) {
		if (idNumber == null || idNumber.isBlank()) {
			throw new InvalidRequestException("idNumber", "problem.field.required");
		}
		ResidentIdNumber id;
		try {
			id = ResidentIdNumber.parse(idNumber.strip());
		}
		catch (InvalidValueException ex) {
			throw new InvalidRequestException("idNumber", ex.messageCode(), ex.messageArgs());
		}
		return workers.findByIdNumber(id)
			.orElseThrow(() -> new InvalidRequestException("idNumber", "application.worker.notFound"));
	}

	@PostMapping("/applications/{applicationId}/move")
	String move(@PathVariable long applicationId, @RequestParam(required = false) Integer version,
			@RequestParam(required = false) String status, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		JobApplication application = access.managedApplication(applicationId);
		return step(application.postingId(), redirect, "application.moved", () -> {
			ApplicationStatus to = choice(ApplicationStatus.class, status);
			if (to == null) {
				throw new InvalidRequestException("status", "problem.field.required");
			}
			PostingAccess.mayMoveTo(to);
			return jobs.move(applicationId, required(version), to, note);
		});
	}

	private static int required(Integer version) {
		if (version == null) {
			throw new InvalidRequestException("version", "problem.field.required");
		}
		return version;
	}

	/** One step on the posting page: done with a notice, or refused with the reason, back on the same page. */
	private String step(long postingId, RedirectAttributes redirect, String notice,
			java.util.function.Supplier<?> work) {
		try {
			work.get();
			redirect.addFlashAttribute("notice", texts.text(notice));
		}
		catch (RefusedException ex) {
			redirect.addFlashAttribute("problem", texts.text(ex.messageCode(), ex.messageArgs()));
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("problem", texts.text("posting.conflict", ex.currentVersion()));
		}
		catch (InvalidFieldsException | InvalidRequestException ex) {
			redirect.addFlashAttribute("problem", String.join(" ", errors(ex).values()));
		}
		catch (NotFoundException ex) {
			redirect.addFlashAttribute("problem", texts.text("problem.notFound"));
		}
		return "redirect:/postings/" + postingId;
	}

	private Map<String, String> errors(RuntimeException ex) {
		Locale locale = LocaleContextHolder.getLocale();
		return FieldErrors.of(ex, messages, locale);
	}
}
