package org.chunfeng.subsidies.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chunfeng.enterprises.Enterprises;
import org.chunfeng.identity.Actor;
import org.chunfeng.identity.Role;
import org.chunfeng.payments.Entitlement;
import org.chunfeng.platform.ConflictException;
import org.chunfeng.platform.InvalidFieldsException;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.platform.NotFoundException;
import org.chunfeng.platform.PageQuery;
import org.chunfeng.platform.Paged;
import org.chunfeng.platform.RefusedException;
import org.chunfeng.reference.CreditCode;
import org.chunfeng.reference.InvalidValueException;
import org.chunfeng.reference.ResidentIdNumber;
import org.chunfeng.subsidies.Applicant;
import org.chunfeng.subsidies.ApplicationQuery;
import org.chunfeng.subsidies.ApplicationStatus;
import org.chunfeng.subsidies.CaseFacts;
import org.chunfeng.subsidies.CasePreview;
import org.chunfeng.subsidies.Decision;
import org.chunfeng.subsidies.ProgramQuery;
import org.chunfeng.subsidies.ProgramStatus;
import org.chunfeng.subsidies.SubsidyApplication;
import org.chunfeng.subsidies.SubsidyApplications;
import org.chunfeng.subsidies.SubsidyProgram;
import org.chunfeng.subsidies.SubsidyPrograms;
import org.chunfeng.subsidies.rules.Beneficiary;
import org.chunfeng.subsidies.rules.ProgramKind;
import org.chunfeng.training.ReferralStatus;
import org.chunfeng.training.TrainingReferral;
import org.chunfeng.training.Trainings;
import org.chunfeng.workers.Workers;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Subsidy applications in the console (and on a worker's phone): the applicant picks an open program, states the
 * case's facts, sees the assessment line by line, submits, attaches evidence and follows the status (down to
 * "paid"); a returned application is edited and resubmitted. Reviewers find what waits for their step, read the facts,
 * the frozen case, the evidence and the history, and decide. A refusal comes back as a message on the page.
 */
@Controller
class SubsidyApplicationPages {

	private final SubsidyApplications applications;
	private final SubsidyPrograms programs;
	private final ProgramTexts texts;
	private final ApplicationTexts applicationTexts;
	private final Enterprises enterprises;
	private final Workers workers;
	private final Trainings trainings;
	private final Clock clock;

	SubsidyApplicationPages(SubsidyApplications applications, SubsidyPrograms programs, ProgramTexts texts,
			ApplicationTexts applicationTexts, Enterprises enterprises, Workers workers, Trainings trainings,
			Clock clock) {
		this.applications = applications;
		this.programs = programs;
		this.texts = texts;
		this.applicationTexts = applicationTexts;
		this.enterprises = enterprises;
		this.workers = workers;
		this.trainings = trainings;
		this.clock = clock;
	}

	record SearchForm(String q, String kind, String status, String waiting) {

		ApplicationQuery query() {
			return new ApplicationQuery(q, SubsidyProgramPages.choice(ProgramKind.class, kind),
					SubsidyProgramPages.choice(ApplicationStatus.class, status), null, "yes".equals(waiting));
		}
	}

	@GetMapping("/subsidies/applications")
	String list(SearchForm search, @RequestParam(required = false) Integer page, Model model) {
		ApplicationAccess.requireReader();
		boolean reviewer = ApplicationAccess.role() == Role.REVIEWER;
		SearchForm effective = reviewer && search.waiting() == null ? new SearchForm(search.q(), search.kind(),
				search.status(), "yes") : search;
		Paged<SubsidyApplication> results = applications.search(effective.query(), PageQuery.of(page, 30));
		model.addAttribute("navSection", "subsidyApplications");
		model.addAttribute("search", effective);
		model.addAttribute("results", results);
		model.addAttribute("reviewer", reviewer);
		model.addAttribute("staff", ApplicationAccess.staff());
		model.addAttribute("mayApply", ApplicationAccess.mayApply());
		model.addAttribute("kinds", ProgramKind.values());
		model.addAttribute("statuses", ApplicationStatus.values());
		return "subsidies/applications";
	}

	/** Open programs that take cases today and fit the caller (the own applicant's kind and region). */
	private List<SubsidyProgram> openPrograms() {
		LocalDate today = LocalDate.now(clock);
		Actor actor = ApplicationAccess.actor();
		Optional<Applicant> own = ApplicationAccess.own();
		List<SubsidyProgram> open = new java.util.ArrayList<>();
		for (int page = 0; page < 20; page++) {
			Paged<SubsidyProgram> found = programs.search(new ProgramQuery(null, null, null, ProgramStatus.OPEN, false),
					new PageQuery(page, PageQuery.MAX_SIZE));
			open.addAll(found.items());
			if (!found.hasNext()) {
				break;
			}
		}
		return open.stream()
			.filter(p -> p.takesCasesOn(today))
			.filter(p -> own.isEmpty() || p.details().beneficiary() == own.get().kind())
			.filter(p -> own.isEmpty() ? p.region().contains(actor.region()) || actor.region().contains(p.region())
					: p.region().contains(actor.region()))
			.toList();
	}

	@GetMapping("/subsidies/applications/new")
	String start(@RequestParam(required = false) Long programId, Model model, RedirectAttributes redirect) {
		ApplicationAccess.requireReader();
		if (programId == null) {
			// the programs taking applications now (the bureau's other staff see them too, without applying)
			model.addAttribute("navSection", "subsidyApplications");
			model.addAttribute("programs", openPrograms());
			model.addAttribute("mayApply", ApplicationAccess.mayApply());
			return "subsidies/application-programs";
		}
		if (!ApplicationAccess.mayApply()) {
			throw new AccessDeniedException("applicants and caseworkers apply");
		}
		SubsidyProgram program = programs.find(programId).filter(p -> !p.template())
			.orElseThrow(() -> new NotFoundException("kind.subsidyProgram", String.valueOf(programId)));
		return form(model, program, ApplicationForm.empty(programId), Map.of(), null, null);
	}

	@PostMapping("/subsidies/applications/new")
	String submit(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		if (!ApplicationAccess.mayApply()) {
			throw new AccessDeniedException("applicants and caseworkers apply");
		}
		ApplicationForm form = ApplicationForm.of(params);
		if (form.programId() == null) {
			return "redirect:/subsidies/applications/new";
		}
		SubsidyProgram program = programs.find(form.programId()).filter(p -> !p.template())
			.orElseThrow(() -> new NotFoundException("kind.subsidyProgram", String.valueOf(form.programId())));
		boolean previewOnly = "preview".equals(params.getFirst("action"));
		try {
			Applicant applicant = applicant(program, form);
			CaseFacts facts = form.facts(applicant.kind() == Beneficiary.WORKER);
			if (previewOnly) {
				CasePreview preview = applications.preview(program.id(), applicant, facts);
				return form(model, program, form, Map.of(), preview, null);
			}
			SubsidyApplication application = applications.submit(program.id(), applicant, facts);
			redirect.addFlashAttribute("notice", texts.text("subsidy.application.submittedNotice"));
			return "redirect:/subsidies/applications/" + application.id();
		}
		catch (InvalidFieldsException | InvalidRequestException ex) {
			return form(model, program, form, texts.errors(ex), null, null);
		}
		catch (RefusedException ex) {
			return form(model, program, form, Map.of(), null, texts.text(ex.messageCode(), ex.messageArgs()));
		}
	}

	/** The applicant: the caller itself, or the one a caseworker names by credit code or ID number. */
	private Applicant applicant(SubsidyProgram program, ApplicationForm form) {
		Optional<Applicant> own = ApplicationAccess.own();
		if (own.isPresent()) {
			return own.get();
		}
		String code = form.applicantCode();
		if (code == null) {
			throw new InvalidRequestException("applicantCode", "problem.field.required");
		}
		try {
			if (program.details().beneficiary() == Beneficiary.ENTERPRISE) {
				return enterprises.findByCreditCode(CreditCode.of(code)).map(e -> Applicant.enterprise(e.id()))
					.orElseThrow(() -> new InvalidRequestException("applicantCode", "subsidy.application.applicantUnknown"));
			}
			return workers.findByIdNumber(ResidentIdNumber.parse(code)).map(w -> Applicant.worker(w.id()))
				.orElseThrow(() -> new InvalidRequestException("applicantCode", "subsidy.application.applicantUnknown"));
		}
		catch (InvalidValueException ex) {
			throw new InvalidRequestException("applicantCode", ex.messageCode(), ex.messageArgs());
		}
	}

	private String form(Model model, SubsidyProgram program, ApplicationForm form, Map<String, String> errors,
			CasePreview preview, String problem) {
		Optional<Applicant> own = ApplicationAccess.own();
		model.addAttribute("navSection", "subsidyApplications");
		model.addAttribute("program", program);
		model.addAttribute("place", texts.place(program.region()));
		model.addAttribute("words", ProgramWords.of(program.details().parameters()));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("preview", preview);
		model.addAttribute("problem", problem);
		model.addAttribute("self", own.isPresent());
		model.addAttribute("workerApplies", program.details().beneficiary() == Beneficiary.WORKER);
		model.addAttribute("referrals", own.filter(a -> a.kind() == Beneficiary.WORKER)
			.map(a -> trainings.referralsOf(a.id()).stream().filter(r -> r.status() == ReferralStatus.COMPLETED).toList())
			.orElse(List.<TrainingReferral>of()));
		model.addAttribute("resubmit", form.version() != null);
		return "subsidies/application-form";
	}

	private SubsidyApplication application(long id) {
		return applications.find(id)
			.orElseThrow(() -> new NotFoundException("kind.subsidyApplication", String.valueOf(id)));
	}

	@GetMapping("/subsidies/applications/{id}")
	String show(@PathVariable long id, Model model) {
		SubsidyApplication application = application(id);
		List<Entitlement> entitlements = applications.entitlements(id);
		model.addAttribute("navSection", "subsidyApplications");
		model.addAttribute("subsidyApplication", application);
		model.addAttribute("place", texts.place(application.region()));
		model.addAttribute("history", applications.history(id));
		model.addAttribute("evidence", applications.evidence(id));
		model.addAttribute("entitlements", entitlements);
		model.addAttribute("payment", ApplicationTexts.payment(application, entitlements));
		model.addAttribute("decides", ApplicationAccess.decides(application));
		model.addAttribute("actsFor", ApplicationAccess.actsFor(application));
		model.addAttribute("program", programs.find(application.programId()).orElse(null));
		return "subsidies/application";
	}

	@GetMapping("/subsidies/applications/{id}/edit")
	String edit(@PathVariable long id, Model model, RedirectAttributes redirect) {
		SubsidyApplication application = application(id);
		if (!ApplicationAccess.actsFor(application) || application.status() != ApplicationStatus.RETURNED) {
			// nothing to edit: the application as it stands, saying why
			model.addAttribute("problem", texts.text("subsidy.application.notReturned",
					texts.text("subsidy.application.status." + application.status())));
			return show(id, model);
		}
		SubsidyProgram program = programs.find(application.programId()).orElseThrow();
		model.addAttribute("subsidyApplication", application);
		return form(model, program, ApplicationForm.of(program.id(), application.facts(), application.version()),
				Map.of(), null, null);
	}

	@PostMapping("/subsidies/applications/{id}/resubmit")
	String resubmit(@PathVariable long id, @RequestParam MultiValueMap<String, String> params, Model model,
			RedirectAttributes redirect) {
		SubsidyApplication application = application(id);
		SubsidyProgram program = programs.find(application.programId()).orElseThrow();
		ApplicationForm form = ApplicationForm.of(params);
		model.addAttribute("subsidyApplication", application);
		try {
			CaseFacts facts = form.facts(application.applicant().kind() == Beneficiary.WORKER);
			if ("preview".equals(params.getFirst("action"))) {
				CasePreview preview = applications.preview(program.id(), application.applicant(), facts);
				return form(model, program, form, Map.of(), preview, null);
			}
			if (form.version() == null) {
				throw new InvalidRequestException("version", "problem.field.required");
			}
			applications.resubmit(id, form.version(), facts);
			redirect.addFlashAttribute("notice", texts.text("subsidy.application.resubmittedNotice"));
			return "redirect:/subsidies/applications/" + id;
		}
		catch (InvalidFieldsException | InvalidRequestException ex) {
			return form(model, program, form, texts.errors(ex), null, null);
		}
		catch (ConflictException ex) {
			return form(model, program, form, Map.of(), null, texts.text("subsidy.conflict", ex.currentVersion()));
		}
		catch (RefusedException ex) {
			redirect.addFlashAttribute("problem", texts.text(ex.messageCode(), ex.messageArgs()));
			return "redirect:/subsidies/applications/" + id;
		}
	}

	@PostMapping("/subsidies/applications/{id}/evidence")
	String attach(@PathVariable long id, @RequestParam(required = false) MultipartFile file,
			RedirectAttributes redirect) throws IOException {
		try {
			if (file == null || file.isEmpty()) {
				throw new InvalidRequestException("file", "subsidy.evidence.empty");
			}
			applications.attach(id, file.getOriginalFilename(), file.getInputStream());
			redirect.addFlashAttribute("notice", texts.text("subsidy.evidence.attachedNotice"));
		}
		catch (InvalidFieldsException | InvalidRequestException ex) {
			redirect.addFlashAttribute("problem", String.join(" ", texts.errors(ex).values()));
		}
		catch (RefusedException ex) {
			redirect.addFlashAttribute("problem", texts.text(ex.messageCode(), ex.messageArgs()));
		}
		return "redirect:/subsidies/applications/" + id;
	}

	@GetMapping("/subsidies/applications/{id}/evidence/{evidenceId}")
	void download(@PathVariable long id, @PathVariable long evidenceId, HttpServletResponse response)
			throws IOException {
		SubsidyApplicationApi.send(applications, id, evidenceId, response);
	}

	@PostMapping("/subsidies/applications/{id}/decisions")
	String decide(@PathVariable long id, @RequestParam(required = false) Integer step,
			@RequestParam(required = false) Integer version, @RequestParam(required = false) String decision,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		try {
			Decision chosen = SubsidyProgramPages.choice(Decision.class, decision);
			if (chosen == null) {
				throw new InvalidRequestException("decision", "problem.field.required");
			}
			if (step == null || version == null) {
				throw new InvalidRequestException("version", "problem.field.required");
			}
			SubsidyApplication after = applications.decide(id, step, version, chosen, reason);
			redirect.addFlashAttribute("notice", texts.text("subsidy.decision.notice." + chosen.name(),
					after.approvedFen() == null ? "" : texts.yuan(after.approvedFen())));
		}
		catch (InvalidFieldsException | InvalidRequestException ex) {
			redirect.addFlashAttribute("problem", String.join(" ", texts.errors(ex).values()));
			redirect.addFlashAttribute("reason", reason);
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("problem", texts.text("subsidy.decision.conflict"));
		}
		catch (RefusedException ex) {
			redirect.addFlashAttribute("problem", texts.text(ex.messageCode(), ex.messageArgs()));
			redirect.addFlashAttribute("reason", reason);
		}
		return "redirect:/subsidies/applications/" + id;
	}
}
