package org.chunfeng.matching.internal.recommend;

import org.chunfeng.platform.RefusedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The worker's "jobs for you" on the phone, the caseworker's view of a worker's recommendations, the runs. */
@Controller
class RecommendationPages {

	private final JdbcRecommendations recommendations;

	RecommendationPages(JdbcRecommendations recommendations) {
		this.recommendations = recommendations;
	}

	@GetMapping("/me/recommendations")
	String mine(Model model) {
		model.addAttribute("recommendations", recommendations.mine());
		model.addAttribute("navSection", "myRecommendations");
		return "matching/mine";
	}

	@GetMapping("/workers/{workerId}/recommendations")
	String forWorker(@PathVariable long workerId, Model model) {
		model.addAttribute("workerId", workerId);
		model.addAttribute("recommendations", recommendations.forWorker(workerId));
		model.addAttribute("leads", recommendations.leadsOf(workerId));
		model.addAttribute("navSection", "workers");
		return "matching/worker";
	}

	@PostMapping("/workers/{workerId}/job-leads")
	String give(@PathVariable long workerId, RedirectAttributes redirect) {
		recommendations.giveLeads(workerId);
		redirect.addFlashAttribute("notice", "match.leads.givenNotice");
		return "redirect:/workers/" + workerId + "/recommendations";
	}

	@GetMapping("/matching/runs")
	String runs(Model model) {
		model.addAttribute("runs", recommendations.runs(30));
		model.addAttribute("navSection", "matchingRuns");
		return "matching/runs";
	}

	@PostMapping("/matching/runs")
	String start(RedirectAttributes redirect) {
		try {
			recommendations.requestRun();
			redirect.addFlashAttribute("notice", "match.run.requestedNotice");
		}
		catch (RefusedException ex) {
			redirect.addFlashAttribute("problem", "match.run.underWay");
		}
		return "redirect:/matching/runs";
	}
}
