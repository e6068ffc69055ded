package org.chunfeng.subsidies.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.chunfeng.platform.ConflictException;
import org.chunfeng.platform.InvalidFieldsException;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.platform.NotFoundException;
import org.chunfeng.platform.PageQuery;
import org.chunfeng.platform.Paged;
import org.chunfeng.platform.RefusedException;
import org.chunfeng.subsidies.ProgramDetails;
import org.chunfeng.subsidies.ProgramQuery;
import org.chunfeng.subsidies.ProgramStatus;
import org.chunfeng.subsidies.ReviewLevel;
import org.chunfeng.payments.Budgets;
import org.chunfeng.subsidies.SubsidyProgram;
import org.chunfeng.subsidies.SubsidyPrograms;
import org.chunfeng.subsidies.rules.ProgramKind;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Subsidy programs (补贴项目) in the console: the bureau's staff list them and read each one's parameters in words;
 * an administrator copies a template (or a program) for a new year into a draft, edits it, opens and closes it. A
 * refused step comes back as a message on the page, never as an error page.
 */
@Controller
class SubsidyProgramPages {

	private final SubsidyPrograms programs;
	private final ProgramTexts texts;
	private final Clock clock;
	private final Budgets budgets;

	/** The review-step choices the program form offers, as {@code COUNTY,CITY}. */
	static final List<String> REVIEW_STEP_CHOICES = List.of("COUNTY,CITY", "COUNTY", "CITY", "COUNTY,CITY,PROVINCE",
			"CITY,PROVINCE");

	SubsidyProgramPages(SubsidyPrograms programs, ProgramTexts texts, Clock clock, Budgets budgets) {
		this.budgets = budgets;
		this.programs = programs;
		this.texts = texts;
		this.clock = clock;
	}

	/** The search form as typed, so that what cannot be read is simply not applied. */
	record SearchForm(String q, String kind, String year, String status, String template) {

		ProgramQuery query() {
			return new ProgramQuery(q, choice(ProgramKind.class, kind), policyYear(), choice(ProgramStatus.class, status),
					"yes".equals(template) ? Boolean.TRUE : "no".equals(template) ? Boolean.FALSE : null);
		}

		private Integer policyYear() {
			try {
				return year == null || year.isBlank() ? null : Integer.valueOf(year.strip());
			}
			catch (NumberFormatException ex) {
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

	@GetMapping("/subsidies/programs")
	String list(SearchForm search, @RequestParam(required = false) Integer page, Model model) {
		ProgramAccess.requireReader();
		Paged<SubsidyProgram> results = programs.search(search.query(), PageQuery.of(page, 30));
		model.addAttribute("navSection", "subsidyPrograms");
		model.addAttribute("search", search);
		model.addAttribute("results", results);
		model.addAttribute("placeNames", texts.placeNames(results.items()));
		model.addAttribute("kinds", ProgramKind.values());
		model.addAttribute("statuses", ProgramStatus.values());
		return "subsidies/list";
	}

	@GetMapping("/subsidies/programs/{programId}")
	String show(@PathVariable long programId, Model model) {
		ProgramAccess.requireReader();
		SubsidyProgram program = program(programId);
		boolean manages = ProgramAccess.manages(program);
		int thisYear = LocalDate.now(clock).getYear();
		model.addAttribute("navSection", "subsidyPrograms");
		model.addAttribute("program", program);
		model.addAttribute("place", texts.place(program.region()));
		model.addAttribute("words", ProgramWords.of(program.details().parameters()));
		model.addAttribute("reviewSteps", stepsText(program.reviewSteps()));
		model.addAttribute("budgets", program.template() || program.status() == ProgramStatus.DRAFT ? List.of()
				: budgets.ofProgram(programId));
		model.addAttribute("manages", manages);
		model.addAttribute("mayCopy", ProgramAccess.administrator());
		model.addAttribute("copyYear", Math.max(thisYear, program.details().policyYear() + 1));
		model.addAttribute("regions", ProgramAccess.administrator()
				? texts.runningRegions(ProgramAccess.actor()) : List.of());
		return "subsidies/show";
	}

	private SubsidyProgram program(long programId) {
		return programs.find(programId)
			.orElseThrow(() -> new NotFoundException("kind.subsidyProgram", String.valueOf(programId)));
	}

	/** A program the caller administers; a template (or another region's program) goes back to its page. */
	private SubsidyProgram managed(long programId) {
		ProgramAccess.requireAdministrator();
		SubsidyProgram program = program(programId);
		if (program.template()) {
			throw new RefusedException("subsidy.program.templateFixed");
		}
		if (!ProgramAccess.manages(program)) {
			throw new NotFoundException("kind.subsidyProgram", String.valueOf(programId));
		}
		return program;
	}

	@GetMapping("/subsidies/programs/{programId}/edit")
	String edit(@PathVariable long programId, Model model, RedirectAttributes redirect) {
		SubsidyProgram program;
		try {
			program = managed(programId);
		}
		catch (RefusedException ex) {
			redirect.addFlashAttribute("problem", texts.text(ex.messageCode(), ex.messageArgs()));
			return "redirect:/subsidies/programs/" + programId;
		}
		if (program.status() == ProgramStatus.CLOSED) {
			redirect.addFlashAttribute("problem", texts.text("subsidy.program.closedFixed"));
			return "redirect:/subsidies/programs/" + programId;
		}
		return form(model, program, ProgramForm.of(program), Map.of(), null);
	}

	@PostMapping("/subsidies/programs/{programId}")
	String revise(@PathVariable long programId, @RequestParam MultiValueMap<String, String> params, Model model,
			RedirectAttributes redirect) {
		SubsidyProgram program;
		try {
			program = managed(programId);
		}
		catch (RefusedException ex) {
			redirect.addFlashAttribute("problem", texts.text(ex.messageCode(), ex.messageArgs()));
			return "redirect:/subsidies/programs/" + programId;
		}
		ProgramForm form = ProgramForm.of(program.kind(), params);
		try {
			if (form.version() == null) {
				throw new InvalidRequestException("version", "problem.field.required");
			}
			ProgramDetails details = program.status() == ProgramStatus.DRAFT ? form.details(program.kind())
					: form.openDetails(program);
			programs.revise(programId, form.version(), details,
					program.status() == ProgramStatus.DRAFT ? reviewSteps(params.getFirst("reviewSteps")) : null);
			redirect.addFlashAttribute("notice", texts.text("subsidy.program.revisedNotice"));
			return "redirect:/subsidies/programs/" + programId;
		}
		catch (InvalidFieldsException | InvalidRequestException ex) {
			return form(model, program, form, texts.errors(ex), null);
		}
		catch (ConflictException ex) {
			// the input stays, now based on the version saved meanwhile: a second save overwrites knowingly
			return form(model, program, form.withVersion(ex.currentVersion()), Map.of(),
					texts.text("subsidy.conflict", ex.currentVersion()));
		}
		catch (RefusedException ex) {
			redirect.addFlashAttribute("problem", texts.text(ex.messageCode(), ex.messageArgs()));
			return "redirect:/subsidies/programs/" + programId;
		}
	}

	private String form(Model model, SubsidyProgram program, ProgramForm form, Map<String, String> errors,
			String conflict) {
		model.addAttribute("navSection", "subsidyPrograms");
		model.addAttribute("program", program);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("conflict", conflict);
		model.addAttribute("fields", ParameterFields.of(program.kind()));
		model.addAttribute("rulesFixed", program.status() != ProgramStatus.DRAFT);
		model.addAttribute("beneficiaryChoice", program.kind() == ProgramKind.TRAINING_SUBSIDY);
		model.addAttribute("place", texts.place(program.region()));
		model.addAttribute("reviewStepChoices", REVIEW_STEP_CHOICES);
		model.addAttribute("reviewSteps", stepsText(program.reviewSteps()));
		return "subsidies/form";
	}

	static String stepsText(List<ReviewLevel> steps) {
		return String.join(",", steps.stream().map(Enum::name).toList());
	}

	/** The review steps chosen on the form, or {@code null} (unchanged) when none was sent. */
	static List<ReviewLevel> reviewSteps(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		List<ReviewLevel> steps = new java.util.ArrayList<>();
		for (String part : text.split(",")) {
			ReviewLevel level = choice(ReviewLevel.class, part);
			if (level == null) {
				throw new InvalidRequestException("reviewSteps", "subsidy.program.reviewSteps");
			}
			steps.add(level);
		}
		return steps;
	}

	/** Copies the program for another year into a draft and opens the draft's form. */
	@PostMapping("/subsidies/programs/{programId}/copies")
	String copy(@PathVariable long programId, @RequestParam(required = false) String policyYear,
			@RequestParam(required = false) String region, @RequestParam(required = false) String name,
			RedirectAttributes redirect) {
		ProgramAccess.requireAdministrator();
		program(programId);
		try {
			int year;
			try {
				year = ProgramRequests.required("policyYear",
						policyYear == null || policyYear.isBlank() ? null : Integer.valueOf(policyYear.strip()));
			}
			catch (NumberFormatException ex) {
				throw new InvalidRequestException("policyYear", "problem.field.number");
			}
			SubsidyProgram copy = programs.copy(programId, ProgramRequests.region("region", region), year, name);
			redirect.addFlashAttribute("notice", texts.text("subsidy.program.copiedNotice"));
			return "redirect:/subsidies/programs/" + copy.id() + "/edit";
		}
		catch (InvalidFieldsException | InvalidRequestException ex) {
			redirect.addFlashAttribute("problem", String.join(" ", texts.errors(ex).values()));
		}
		catch (RefusedException ex) {
			redirect.addFlashAttribute("problem", texts.text(ex.messageCode(), ex.messageArgs()));
		}
		return "redirect:/subsidies/programs/" + programId;
	}

	@PostMapping("/subsidies/programs/{programId}/open")
	String open(@PathVariable long programId, @RequestParam(required = false) Integer version,
			RedirectAttributes redirect) {
		return step(programId, redirect, "subsidy.program.openedNotice",
				() -> programs.open(programId, ProgramRequests.required("version", version)));
	}

	@PostMapping("/subsidies/programs/{programId}/close")
	String close(@PathVariable long programId, @RequestParam(required = false) Integer version,
			RedirectAttributes redirect) {
		return step(programId, redirect, "subsidy.program.closedNotice",
				() -> programs.close(programId, ProgramRequests.required("version", version)));
	}

	/** One step on the program page: done with a notice, or refused with the reason, back on the same page. */
	private String step(long programId, RedirectAttributes redirect, String notice, Supplier<?> work) {
		try {
			managed(programId);
			work.get();
			redirect.addFlashAttribute("notice", texts.text(notice));
		}
		catch (RefusedException ex) {
			redirect.addFlashAttribute("problem", texts.text(ex.messageCode(), ex.messageArgs()));
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("problem", texts.text("subsidy.conflict", ex.currentVersion()));
		}
		catch (InvalidFieldsException | InvalidRequestException ex) {
			redirect.addFlashAttribute("problem", String.join(" ", texts.errors(ex).values()));
		}
		return "redirect:/subsidies/programs/" + programId;
	}
}
