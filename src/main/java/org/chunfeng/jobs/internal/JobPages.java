package org.chunfeng.jobs.internal;

import java.time.Clock;
import java.time.LocalDate;

import org.chunfeng.identity.Actor;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.identity.Role;
import org.chunfeng.jobs.ApplicationChannel;
import org.chunfeng.jobs.ApplicationStatus;
import org.chunfeng.jobs.JobApplication;
import org.chunfeng.jobs.JobPosting;
import org.chunfeng.jobs.Jobs;
import org.chunfeng.platform.ConflictException;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.platform.NotFoundException;
import org.chunfeng.platform.RefusedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A published posting as anybody sees it, with "apply" for a signed-in worker, and the worker's own applications
 * (我的求职): what the enterprise said, and withdrawing. Phone first.
 */
@Controller
class JobPages {

	private final Jobs jobs;
	private final PostingAccess access;
	private final JobTexts texts;
	private final Clock clock;

	JobPages(Jobs jobs, PostingAccess access, JobTexts texts, Clock clock) {
		this.jobs = jobs;
		this.access = access;
		this.texts = texts;
		this.clock = clock;
	}

	@GetMapping("/jobs/{postingId}")
	String show(@PathVariable long postingId, Model model) {
		JobPosting posting = published(postingId);
		Long worker = RegionScope.currentActor().map(Actor::worker).orElse(null);
		boolean isWorker = RegionScope.currentActor().map(a -> a.role() == Role.WORKER).orElse(false);
		LocalDate today = LocalDate.now(clock);
		model.addAttribute("navSection", "jobs");
		model.addAttribute("posting", posting);
		texts.describe(model, posting);
		model.addAttribute("open", posting.open(today));
		model.addAttribute("keyGroupsOnly", posting.keyGroupsOnly(today));
		model.addAttribute("signedIn", RegionScope.currentActor().isPresent());
		model.addAttribute("isWorker", isWorker);
		model.addAttribute("myApplication",
				worker == null ? null : jobs.applicationOf(postingId, worker).orElse(null));
		return "jobs/show";
	}

	private JobPosting published(long postingId) {
		return jobs.find(postingId).filter(p -> p.publishedAt() != null)
			.orElseThrow(() -> new NotFoundException("kind.posting", String.valueOf(postingId)));
	}

	@PostMapping("/jobs/{postingId}/apply")
	String apply(@PathVariable long postingId, @RequestParam(required = false) String message,
			RedirectAttributes redirect) {
		Actor actor = PostingAccess.actor();
		try {
			if (actor.worker() == null) {
				throw new NotFoundException("kind.worker", "-");
			}
			published(postingId);
			jobs.apply(postingId, actor.worker(), ApplicationChannel.SELF, message, actor.username());
			redirect.addFlashAttribute("notice", texts.text("application.submitted"));
			return "redirect:/me/applications";
		}
		catch (RefusedException ex) {
			redirect.addFlashAttribute("problem", texts.text(ex.messageCode(), ex.messageArgs()));
		}
		catch (InvalidRequestException ex) {
			redirect.addFlashAttribute("problem", texts.text(ex.code(), ex.args()));
		}
		return "redirect:/jobs/" + postingId;
	}

	@GetMapping("/me/applications")
	String mine(Model model) {
		Long worker = PostingAccess.actor().worker();
		model.addAttribute("navSection", "myApplications");
		model.addAttribute("applications", worker == null ? java.util.List.of() : jobs.applicationsOf(worker));
		return "jobs/my-applications";
	}

	@PostMapping("/me/applications/{applicationId}/withdraw")
	String withdraw(@PathVariable long applicationId, @RequestParam(required = false) Integer version,
			RedirectAttributes redirect) {
		JobApplication application = access.ownApplication(applicationId);
		try {
			jobs.move(application.id(), version == null ? application.version() : version,
					ApplicationStatus.WITHDRAWN, null);
			redirect.addFlashAttribute("notice", texts.text("application.withdrawn"));
		}
		catch (RefusedException ex) {
			redirect.addFlashAttribute("problem", texts.text(ex.messageCode(), ex.messageArgs()));
		}
		catch (ConflictException ex) {
			redirect.addFlashAttribute("problem", texts.text("application.changedMeanwhile"));
		}
		return "redirect:/me/applications";
	}
}
