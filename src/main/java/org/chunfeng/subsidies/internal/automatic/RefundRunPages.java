package org.chunfeng.subsidies.internal.automatic;

import java.util.List;
import java.util.Optional;

import org.chunfeng.platform.NotFoundException;
import org.chunfeng.platform.RefusedException;
import org.chunfeng.subsidies.SubsidyProgram;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The automatic refund runs of a program in the console: a panel on the program's page (loaded by htmx, polling while
 * a run is under way) with the latest run's counts and, for its administrators, the button that starts one; and a page
 * with every run of the program. A refused start comes back as a message, never as an error page.
 */
@Controller
class RefundRunPages {

	private final RefundRuns runs;
	private final MessageSource messages;

	RefundRunPages(RefundRuns runs, MessageSource messages) {
		this.runs = runs;
		this.messages = messages;
	}

	@GetMapping("/subsidies/programs/{programId}/automatic-runs")
	String page(@PathVariable long programId, @RequestParam(required = false) Long run, Model model) {
		RefundRuns.requireReader();
		SubsidyProgram program = runs.program(programId);
		List<RefundRun> all = runs.ofProgram(programId, 100);
		panel(model, program, selected(programId, run, all));
		model.addAttribute("navSection", "subsidyPrograms");
		model.addAttribute("runs", all);
		return "subsidies/automatic-runs";
	}

	@GetMapping("/subsidies/programs/{programId}/automatic-runs/progress")
	String progress(@PathVariable long programId, @RequestParam(required = false) Long run, Model model) {
		RefundRuns.requireReader();
		SubsidyProgram program = runs.program(programId);
		panel(model, program, selected(programId, run, runs.ofProgram(programId, 1)));
		return "subsidies/automatic-runs :: panel";
	}

	@PostMapping("/subsidies/programs/{programId}/automatic-runs")
	String start(@PathVariable long programId, RedirectAttributes redirect) {
		RefundRuns.requireReader();
		try {
			RefundRun run = runs.start(programId);
			redirect.addFlashAttribute("notice", text("subsidy.refundRun.startedNotice", String.valueOf(run.id())));
			return "redirect:/subsidies/programs/" + programId + "/automatic-runs?run=" + run.id();
		}
		catch (RefusedException ex) {
			redirect.addFlashAttribute("problem", text(ex.messageCode(), ex.messageArgs()));
			return "redirect:/subsidies/programs/" + programId + "/automatic-runs";
		}
	}

	/** The run asked for (of this program), else the latest. */
	private RefundRun selected(long programId, Long runId, List<RefundRun> latestFirst) {
		if (runId == null) {
			return latestFirst.isEmpty() ? null : latestFirst.getFirst();
		}
		return runs.find(runId).filter(r -> r.programId() == programId)
			.orElseThrow(() -> new NotFoundException("kind.refundRun", String.valueOf(runId)));
	}

	private void panel(Model model, SubsidyProgram program, RefundRun run) {
		Optional<String> blocked = runs.notRunnable(program);
		boolean underWay = run != null && !run.finished();
		model.addAttribute("program", program);
		model.addAttribute("automatic", RefundRuns.automaticRefund(program));
		model.addAttribute("run", run);
		model.addAttribute("mayStart", RefundRuns.mayStart(program) && blocked.isEmpty() && !underWay);
		model.addAttribute("blocked", RefundRuns.mayStart(program) ? blocked.orElse(null) : null);
	}

	private String text(String code, Object... args) {
		return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
	}
}
