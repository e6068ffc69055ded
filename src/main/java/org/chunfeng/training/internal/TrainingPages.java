package org.chunfeng.training.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.chunfeng.identity.Actor;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.identity.Role;
import org.chunfeng.platform.ConflictException;
import org.chunfeng.platform.InvalidFieldsException;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.platform.NotFoundException;
import org.chunfeng.platform.PageQuery;
import org.chunfeng.platform.Paged;
import org.chunfeng.platform.RefusedException;
import org.chunfeng.reference.InvalidValueException;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.reference.ResidentIdNumber;
import org.chunfeng.training.Delivery;
import org.chunfeng.training.ProjectQuery;
import org.chunfeng.training.ProjectStatus;
import org.chunfeng.training.ReferralStatus;
import org.chunfeng.training.TrainingProject;
import org.chunfeng.training.TrainingReferral;
import org.chunfeng.training.Trainings;
import org.chunfeng.workers.Worker;
import org.chunfeng.workers.Workers;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The training catalogue (培训项目) in the console: the bureau's staff search it, list and change their district's
 * projects, refer workers by ID number, and move referrals on (enrol, certify completion, record declining and
 * drop-outs); a worker reads the same catalogue. A refused step comes back as a message on the page, never as an
 * error page.
 */
@Controller
class TrainingPages {

	private final Trainings trainings;
	private final TrainingAccess access;
	private final Workers workers;
	private final TrainingTexts texts;
	private final Clock clock;

	TrainingPages(Trainings trainings, TrainingAccess access, Workers workers, TrainingTexts texts, Clock clock) {
		this.trainings = trainings;
		this.access = access;
		this.workers = workers;
		this.texts = texts;
		this.clock = clock;
	}

	/** The search form as typed, so that what cannot be read is simply not applied. */
	record SearchForm(String q, String occupation, String region, String delivery, String subsidy, String openOn,
			String status) {

		ProjectQuery query() {
			return new ProjectQuery(q, occupation, regionCode(), choice(Delivery.class, delivery),
					"yes".equals(subsidy) ? Boolean.TRUE : "no".equals(subsidy) ? Boolean.FALSE : null, date(openOn),
					choice(ProjectStatus.class, status));
		}

		private RegionCode regionCode() {
			try {
				return region == null || region.isBlank() ? null : RegionCode.of(region.strip());
			}
			catch (InvalidValueException ex) {
				return null;
			}
		}

		private static LocalDate date(String text) {
			try {
				return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
			}
			catch (DateTimeParseException ex) {
				return null;
			}
		}
	}

	static <E extends Enum<E>> E choice(Class<E> type, String text) {
		try {
			return text == null || text.isBlank() ? null : Enum.valueOf(type, text.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	@GetMapping("/training")
	String list(SearchForm search, @RequestParam(required = false) Integer page, Model model) {
		Paged<TrainingProject> results = trainings.search(search.query(), PageQuery.of(page, 30));
		model.addAttribute("navSection", "training");
		model.addAttribute("search", search);
		model.addAttribute("results", results);
		model.addAttribute("placeNames", texts.placeNames(results.items()));
		model.addAttribute("occupationNames", occupationNames(results.items()));
		model.addAttribute("deliveries", Delivery.values());
		model.addAttribute("statuses", ProjectStatus.values());
		model.addAttribute("counties", texts.counties(TrainingAccess.actor()));
		model.addAttribute("mayCreate", TrainingAccess.staff());
		return "training/list";
	}

	private Map<String, String> occupationNames(List<TrainingProject> projects) {
		Map<String, String> names = new java.util.HashMap<>();
		projects.forEach(p -> names.computeIfAbsent(p.details().occupationCode(), texts::occupation));
		return names;
	}

	@GetMapping("/training/new")
	String newProject(Model model) {
		requireStaff();
		return form(model, null, ProjectForm.empty(LocalDate.now(clock)), Map.of(), null);
	}

	private static void requireStaff() {
		if (!TrainingAccess.staff()) {
			throw new AccessDeniedException("caseworkers only");
		}
	}

	@PostMapping("/training")
	String create(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		requireStaff();
		ProjectForm form = ProjectForm.of(params);
		try {
			TrainingProject project = trainings.create(null, form.details());
			redirect.addFlashAttribute("notice", texts.text("training.project.createdNotice"));
			return "redirect:/training/" + project.id();
		}
		catch (InvalidFieldsException | InvalidRequestException ex) {
			return form(model, null, form, texts.errors(ex), null);
		}
	}

	@GetMapping("/training/{projectId}")
	String show(@PathVariable long projectId, Model model) {
		TrainingProject project = access.project(projectId);
		boolean manages = TrainingAccess.projectSide(project) && TrainingAccess.staff();
		boolean reader = TrainingAccess.reader();
		LocalDate today = LocalDate.now(clock);
		model.addAttribute("navSection", "training");
		model.addAttribute("project", project);
		model.addAttribute("placeNames", texts.placeNames(List.of(project)));
		model.addAttribute("occupationName", texts.occupation(project.details().occupationCode()));
		model.addAttribute("subsidyYuan", texts.yuan(project.details().subsidyFen()));
		model.addAttribute("open", project.open(today));
		model.addAttribute("manages", manages);
		model.addAttribute("staff", TrainingAccess.staff());
		model.addAttribute("mayRefer", TrainingAccess.staff() && project.open(today) && !project.full());
		model.addAttribute("referrals", reader ? trainings.referrals(projectId) : List.of());
		model.addAttribute("showReferrals", reader);
		model.addAttribute("myReferral", myReferral(projectId));
		return "training/show";
	}

	private TrainingReferral myReferral(long projectId) {
		Long worker = RegionScope.currentActor().filter(a -> a.role() == Role.WORKER).map(Actor::worker).orElse(null);
		if (worker == null) {
			return null;
		}
		return trainings.referralsOf(worker).stream().filter(r -> r.projectId() == projectId).findFirst()
			.orElse(null);
	}

	@GetMapping("/training/{projectId}/edit")
	String edit(@PathVariable long projectId, Model model) {
		requireStaff();
		TrainingProject project = access.managed(projectId);
		return form(model, project, ProjectForm.of(project), Map.of(), null);
	}

	@PostMapping("/training/{projectId}")
	String revise(@PathVariable long projectId, @RequestParam MultiValueMap<String, String> params, Model model,
			RedirectAttributes redirect) {
		requireStaff();
		TrainingProject project = access.managed(projectId);
		ProjectForm form = ProjectForm.of(params);
		try {
			if (form.version() == null) {
				throw new InvalidRequestException("version", "problem.field.required");
			}
			trainings.revise(projectId, form.version(), form.details());
			redirect.addFlashAttribute("notice", texts.text("training.project.revisedNotice"));
			return "redirect:/training/" + projectId;
		}
		catch (InvalidFieldsException | InvalidRequestException ex) {
			return form(model, project, form, texts.errors(ex), null);
		}
		catch (ConflictException ex) {
			// the input stays, now based on the version saved meanwhile: a second save overwrites knowingly
			return form(model, project, form.withVersion(ex.currentVersion()), Map.of(),
					texts.text("training.conflict", ex.currentVersion()));
		}
		catch (RefusedException ex) {
			redirect.addFlashAttribute("problem", texts.text(ex.messageCode(), ex.messageArgs()));
			return "redirect:/training/" + projectId;
		}
	}

	private String form(Model model, TrainingProject project, ProjectForm form, Map<String, String> errors,
			String conflict) {
		model.addAttribute("navSection", "training");
		model.addAttribute("project", project);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("conflict", conflict);
		model.addAttribute("deliveries", Delivery.values());
		model.addAttribute("counties", texts.counties(TrainingAccess.actor()));
		model.addAttribute("formAction", project == null ? "/training" : "/training/" + project.id());
		model.addAttribute("cancelUrl", project == null ? "/training" : "/training/" + project.id());
		return "training/form";
	}

	@PostMapping("/training/{projectId}/close")
	String close(@PathVariable long projectId, @RequestParam(required = false) Integer version,
			RedirectAttributes redirect) {
		access.managed(projectId);
		return step(projectId, redirect, "training.project.closedNotice",
				() -> trainings.close(projectId, TrainingRequests.required(version)));
	}

	@PostMapping("/training/{projectId}/cancel")
	String cancel(@PathVariable long projectId, @RequestParam(required = false) Integer version,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		access.managed(projectId);
		return step(projectId, redirect, "training.project.cancelledNotice",
				() -> trainings.cancel(projectId, TrainingRequests.required(version), reason));
	}

	/** A caseworker refers a worker of the district, named by the ID number. */
	@PostMapping("/training/{projectId}/referrals")
	String refer(@PathVariable long projectId, @RequestParam(required = false) String idNumber,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		requireStaff();
		access.project(projectId);
		return step(projectId, redirect, "training.referral.referredNotice",
				() -> trainings.refer(projectId, workerByIdNumber(idNumber).id(), note));
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
			.orElseThrow(() -> new InvalidRequestException("idNumber", "training.worker.notFound"));
	}

	@PostMapping("/training/referrals/{referralId}/move")
	String move(@PathVariable long referralId, @RequestParam(required = false) Integer version,
			@RequestParam(required = false) String status, @RequestParam(required = false) String note,
			@RequestParam(required = false) String certificateNo, RedirectAttributes redirect) {
		TrainingReferral referral = access.referral(referralId);
		return step(referral.projectId(), redirect, "training.referral.movedNotice", () -> {
			ReferralStatus to = choice(ReferralStatus.class, status);
			if (to == null) {
				throw new InvalidRequestException("status", "problem.field.required");
			}
			access.mayMove(referral, to);
			return TrainingMoves.move(trainings, referralId, TrainingRequests.required(version), to, note,
					certificateNo);
		});
	}

	/** One step on the project page: done with a notice, or refused with the reason, back on the same page. */
	private String step(long projectId, RedirectAttributes redirect, String notice, Supplier<?> work) {
		TrainingSteps.run(texts, work, notice).forEach(redirect::addFlashAttribute);
		return "redirect:/training/" + projectId;
	}
}
