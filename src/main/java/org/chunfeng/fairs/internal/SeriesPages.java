package org.chunfeng.fairs.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chunfeng.fairs.FairDetails;
import org.chunfeng.fairs.FairSeries;
import org.chunfeng.fairs.Fairs;
import org.chunfeng.platform.InvalidFieldsException;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.platform.NotFoundException;
import org.chunfeng.platform.PageQuery;
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
 * Recurring series of fairs (系列招聘会) for the bureau's staff: the list, planning one ("every Tuesday and Friday until
 * 31 March"), and its page with each fair and the figures of the whole series.
 */
@Controller
@RequestMapping("/fairs/series")
class SeriesPages {

	private final Fairs fairs;
	private final FairForms forms;
	private final Clock clock;

	SeriesPages(Fairs fairs, FairForms forms, Clock clock) {
		this.fairs = fairs;
		this.forms = forms;
		this.clock = clock;
	}

	@GetMapping
	String list(@RequestParam(required = false) Integer page, Model model) {
		model.addAttribute("navSection", "fairs");
		model.addAttribute("results", fairs.series(PageQuery.of(page, 50)));
		return "fairs/series-list";
	}

	@GetMapping("/new")
	String newSeries(Model model) {
		LocalDate today = LocalDate.now(clock);
		Map<String, String> values = new LinkedHashMap<>();
		values.put("mode", "OFFLINE");
		values.put("theme", "GENERAL");
		values.put("organiser", FairDetails.BUREAU);
		values.put("firstDay", today.plusDays(1).toString());
		values.put("lastDay", today.plusMonths(1).toString());
		values.put("startTime", "09:00");
		values.put("endTime", "12:00");
		return form(model, values, List.of(), Map.of());
	}

	@PostMapping
	String plan(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		try {
			FairSeries series = fairs.planSeries(FairForms.region(params), forms.series(params));
			redirect.addFlashAttribute("notice", forms.text("fair.series.planned", fairs.fairsOf(series.id()).size()));
			return "redirect:/fairs/series/" + series.id();
		}
		catch (InvalidFieldsException | InvalidRequestException ex) {
			return form(model, FairForms.typed(params), params.getOrDefault("weekdays", List.of()), forms.errors(ex));
		}
	}

	private String form(Model model, Map<String, String> values, List<String> weekdays, Map<String, String> errors) {
		model.addAttribute("navSection", "fairs");
		model.addAttribute("values", values);
		model.addAttribute("chosenDays", weekdays);
		model.addAttribute("errors", errors);
		forms.formChoices(model);
		return "fairs/series-form";
	}

	@GetMapping("/{seriesId}")
	String show(@PathVariable long seriesId, Model model) {
		FairSeries series = fairs.findSeries(seriesId)
			.orElseThrow(() -> new NotFoundException("kind.fairSeries", String.valueOf(seriesId)));
		model.addAttribute("navSection", "fairs");
		model.addAttribute("series", series);
		model.addAttribute("fairs", fairs.fairsOf(seriesId));
		model.addAttribute("figuresByFair", fairs.figuresOfSeries(seriesId));
		model.addAttribute("figures", fairs.seriesFigures(seriesId));
		model.addAttribute("mayChange", FairPages.mayChange());
		model.addAttribute("now", LocalDateTime.now(clock));
		return "fairs/series-show";
	}

	@PostMapping("/{seriesId}/publish")
	String publish(@PathVariable long seriesId, RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice", forms.text("fair.series.published", fairs.publishSeries(seriesId)));
		return "redirect:/fairs/series/" + seriesId;
	}

	@PostMapping("/{seriesId}/cancel")
	String cancel(@PathVariable long seriesId, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		try {
			redirect.addFlashAttribute("notice", forms.text("fair.series.cancelled",
					fairs.cancelSeries(seriesId, reason)));
		}
		catch (InvalidRequestException ex) {
			redirect.addFlashAttribute("problem", String.join(" ", forms.errors(ex).values()));
		}
		return "redirect:/fairs/series/" + seriesId;
	}
}
