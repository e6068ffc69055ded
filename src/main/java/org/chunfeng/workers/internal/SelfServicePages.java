package org.chunfeng.workers.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.chunfeng.campaigns.Campaign;
import org.chunfeng.campaigns.Campaigns;
import org.chunfeng.platform.ConflictException;
import org.chunfeng.platform.InvalidFieldsException;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.reference.Region;
import org.chunfeng.reference.Regions;
import org.chunfeng.workers.Education;
import org.chunfeng.workers.EmploymentStatus;
import org.chunfeng.workers.FestivalPlan;
import org.chunfeng.workers.Worker;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The worker's own pages, made for a phone: registering (mobile number, SMS code, password, ID number, where one
 * lives), then the own record and festival plan at {@code /me}.
 */
@Controller
class SelfServicePages {

	private final SelfService self;
	private final Campaigns campaigns;
	private final Regions regions;
	private final MessageSource messages;
	private final Clock clock;

	SelfServicePages(SelfService self, Campaigns campaigns, Regions regions, MessageSource messages, Clock clock) {
		this.self = self;
		this.campaigns = campaigns;
		this.regions = regions;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/register")
	String register(Model model) {
		return registerForm(model, Map.of(), Map.of(), null);
	}

	@PostMapping("/register/code")
	String sendCode(@RequestParam MultiValueMap<String, String> params, Model model) {
		try {
			self.sendCode(params.getFirst("mobile"), LocaleContextHolder.getLocale());
			return registerForm(model, params.toSingleValueMap(), Map.of(), text("register.code.sent"));
		}
		catch (InvalidRequestException ex) {
			return registerForm(model, params.toSingleValueMap(), errors(ex), null);
		}
	}

	@PostMapping("/register")
	String submit(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		Map<String, String> form = params.toSingleValueMap();
		try {
			FestivalPlan plan = null;
			if (form.get("plan") != null && !form.get("plan").isBlank()) {
				try {
					plan = FestivalPlan.valueOf(form.get("plan"));
				}
				catch (IllegalArgumentException ex) {
					throw new InvalidRequestException("plan", "problem.field.typeValue", form.get("plan"));
				}
			}
			if (!java.util.Objects.equals(form.get("password"), form.get("passwordAgain"))) {
				throw new InvalidRequestException("passwordAgain", "register.password.mismatch");
			}
			SelfService.Registered registered = self.register(new SelfService.Registration(form.get("mobile"),
					form.get("code"), form.get("password"), form.get("name"), form.get("idNumber"),
					form.get("residence"), plan, "true".equals(form.get("consent"))));
			return "redirect:/login?registered=" + registered.mobileMasked();
		}
		catch (InvalidRequestException | InvalidFieldsException ex) {
			return registerForm(model, form, errors(ex), null);
		}
	}

	private String registerForm(Model model, Map<String, String> form, Map<String, String> errors, String notice) {
		Map<String, String> values = new LinkedHashMap<>(form);
		values.remove("password");
		values.remove("passwordAgain");
		values.remove("_csrf");
		model.addAttribute("form", values);
		model.addAttribute("errors", errors);
		model.addAttribute("notice", notice);
		model.addAttribute("plans", FestivalPlan.values());
		model.addAttribute("counties", campaignCounties());
		return "workers/register";
	}

	/** The counties of the current campaign's region, where a newcomer may say they live. */
	private List<Region> campaignCounties() {
		return campaigns.current(LocalDate.now(clock)).map(Campaign::region).map(regions::counties).orElse(List.of());
	}

	@GetMapping("/me")
	String me(Model model) {
		Worker mine = self.mine();
		return meForm(model, mine, WorkerDraft.of(mine), Map.of(), null);
	}

	@PostMapping("/me")
	String save(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		Worker mine = self.mine();
		List<InvalidRequestException> problems = new ArrayList<>();
		// read whatever was typed first, so that a refusal shows the form as the worker left it
		WorkerDraft draft = draft(params, mine, problems);
		try {
			if (!problems.isEmpty()) {
				throw new InvalidFieldsException(problems);
			}
			self.update(draft);
			redirect.addFlashAttribute("notice", text("worker.saved"));
			return "redirect:/me";
		}
		catch (ConflictException ex) {
			return meForm(model, mine, draft.withVersion(ex.currentVersion()), Map.of(),
					text("worker.conflict", ex.currentVersion()));
		}
		catch (InvalidRequestException | InvalidFieldsException ex) {
			model.addAttribute("typedWage", params.getFirst("expectedWage"));
			return meForm(model, mine, draft, errors(ex), null);
		}
	}

	private String meForm(Model model, Worker mine, WorkerDraft draft, Map<String, String> errors, String conflict) {
		model.addAttribute("navSection", "me");
		model.addAttribute("worker", mine);
		model.addAttribute("draft", draft);
		model.addAttribute("errors", errors);
		model.addAttribute("conflict", conflict);
		model.addAttribute("history", self.myPlans());
		model.addAttribute("counties", campaignCounties());
		model.addAttribute("statuses", EmploymentStatus.values());
		model.addAttribute("plans", FestivalPlan.values());
		model.addAttribute("educations", Education.values());
		return "workers/me";
	}

	private WorkerDraft draft(MultiValueMap<String, String> params, Worker mine,
			List<InvalidRequestException> problems) {
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
		try {
			version = Integer.valueOf(first(params, "version").strip());
		}
		catch (NumberFormatException ex) {
			problems.add(new InvalidRequestException("version", "problem.field.required"));
		}
		EmploymentStatus status = parse(EmploymentStatus.class, first(params, "status"), "status", problems);
		Education education = parse(Education.class, first(params, "education"), "education", problems);
		FestivalPlan plan = parse(FestivalPlan.class, first(params, "plan"), "plan", problems);
		return new WorkerDraft(null, mine.name(), null, first(params, "residence"), first(params, "address"),
				mine.employerId(), status, WorkerPages.words(first(params, "occupations")),
				WorkerPages.words(first(params, "skills")), education, wage,
				WorkerPages.words(first(params, "preferredIndustries")),
				WorkerPages.words(first(params, "preferredRegions")), mine.keyGroups(),
				"true".equals(first(params, "consent")), first(params, "bankName"), first(params, "bankAccount"),
				new WorkerDraft.PlanDraft(plan, first(params, "leaveDate"), first(params, "returnDate"),
						first(params, "homeRegion"), mine.plan().waitingEmployerId(), first(params, "note")),
				version);
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value, String field,
			List<InvalidRequestException> problems) {
		if (value.isBlank()) {
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

	private static String first(MultiValueMap<String, String> params, String name) {
		String value = params.getFirst(name);
		return value == null ? "" : value;
	}

	private Map<String, String> errors(RuntimeException ex) {
		return org.chunfeng.platform.FieldErrors.of(ex, messages, LocaleContextHolder.getLocale());
	}

	private String text(String code, Object... args) {
		Locale locale = LocaleContextHolder.getLocale();
		return messages.getMessage(code, args, code, locale);
	}
}
