package org.chunfeng.training.internal;

import java.time.Clock;
import java.time.LocalDate;

import org.chunfeng.platform.NotFoundException;
import org.chunfeng.platform.PageQuery;
import org.chunfeng.training.ProjectQuery;
import org.chunfeng.training.Trainings;
import org.chunfeng.workers.Worker;
import org.chunfeng.workers.Workers;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The training section of a worker's page (the worker registry knows nothing of training: its page loads this part):
 * the worker's referrals, and referring the worker to an open project.
 */
@Controller
class WorkerTrainingPages {

	private final Trainings trainings;
	private final Workers workers;
	private final TrainingTexts texts;
	private final Clock clock;

	WorkerTrainingPages(Trainings trainings, Workers workers, TrainingTexts texts, Clock clock) {
		this.trainings = trainings;
		this.workers = workers;
		this.texts = texts;
		this.clock = clock;
	}

	private Worker worker(long workerId) {
		return workers.find(workerId)
			.orElseThrow(() -> new NotFoundException("kind.worker", String.valueOf(workerId)));
	}

	@GetMapping("/workers/{workerId}/training")
	String section(@PathVariable long workerId, Model model) {
		Worker worker = worker(workerId);
		model.addAttribute("worker", worker);
		model.addAttribute("referrals", trainings.referralsOf(worker.id()));
		boolean mayRefer = TrainingAccess.staff() && !worker.merged();
		model.addAttribute("mayRefer", mayRefer);
		model.addAttribute("openProjects", mayRefer ? trainings.search(new ProjectQuery(null, null, null, null, null,
				LocalDate.now(clock), null), PageQuery.of(0, 100)).items().stream().filter(p -> !p.full()).toList()
				: java.util.List.of());
		return "training/worker-section";
	}

	@PostMapping("/workers/{workerId}/training")
	String refer(@PathVariable long workerId, @RequestParam(required = false) Long projectId,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		if (!TrainingAccess.staff()) {
			throw new AccessDeniedException("caseworkers only");
		}
		Worker worker = worker(workerId);
		TrainingSteps.run(texts, () -> {
			if (projectId == null) {
				throw new org.chunfeng.platform.InvalidRequestException("projectId", "problem.field.required");
			}
			return trainings.refer(projectId, worker.id(), note);
		}, "training.referral.referredNotice").forEach(redirect::addFlashAttribute);
		return "redirect:/workers/" + workerId;
	}
}
