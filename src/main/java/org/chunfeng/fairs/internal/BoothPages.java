package org.chunfeng.fairs.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.chunfeng.enterprises.Enterprise;
import org.chunfeng.fairs.Booth;
import org.chunfeng.fairs.Booths;
import org.chunfeng.fairs.Fair;
import org.chunfeng.fairs.Fairs;
import org.chunfeng.fairs.Intentions;
import org.chunfeng.jobs.JobPosting;
import org.chunfeng.jobs.Jobs;
import org.chunfeng.jobs.PostingQuery;
import org.chunfeng.jobs.PostingStatus;
import org.chunfeng.platform.InvalidFieldsException;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.platform.NotFoundException;
import org.chunfeng.platform.PageQuery;
import org.chunfeng.platform.RefusedException;
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
 * The enterprise user's fairs (参加招聘会): the upcoming fairs to book a booth at, the own booths with the postings
 * they show, and at the fair, the intentions of workers identified by their ticket (camera or typed).
 */
@Controller
@RequestMapping("/my-enterprise/fairs")
class BoothPages {

	private final Participants participants;
	private final Fairs fairs;
	private final Booths booths;
	private final Intentions intentions;
	private final Jobs jobs;
	private final PublicFairs pages;
	private final FairForms forms;
	private final Clock clock;

	BoothPages(Participants participants, Fairs fairs, Booths booths, Intentions intentions, Jobs jobs,
			PublicFairs pages, FairForms forms, Clock clock) {
		this.participants = participants;
		this.fairs = fairs;
		this.booths = booths;
		this.intentions = intentions;
		this.jobs = jobs;
		this.pages = pages;
		this.forms = forms;
		this.clock = clock;
	}

	@GetMapping
	String list(Model model) {
		List<Booth> own = participants.booths();
		Map<Long, Fair> byId = new LinkedHashMap<>();
		own.forEach(b -> fairs.find(b.fairId()).ifPresent(f -> byId.put(f.id(), f)));
		model.addAttribute("navSection", "enterpriseFairs");
		model.addAttribute("booths", own);
		model.addAttribute("fairs", byId);
		model.addAttribute("upcoming", fairs.upcoming(null, new PageQuery(0, 50)).items());
		model.addAttribute("now", now());
		return "fairs/booth-list";
	}

	@GetMapping("/{fairId}")
	String fair(@PathVariable long fairId, Model model) {
		Fair fair = pages.fair(fairId);
		Enterprise enterprise = participants.enterprise();
		Optional<Booth> booth = booths.of(fairId, enterprise.id());
		List<JobPosting> published = jobs.search(new PostingQuery(enterprise.id(), null, PostingStatus.PUBLISHED, null,
				null), new PageQuery(0, PageQuery.MAX_SIZE)).items();
		Map<Long, String> titles = new LinkedHashMap<>();
		published.forEach(p -> titles.put(p.id(), p.details().title()));
		booth.ifPresent(b -> {
			List<Long> missing = b.postingIds().stream().filter(id -> !titles.containsKey(id)).toList();
			if (!missing.isEmpty()) {
				jobs.findAll(missing).forEach(p -> titles.put(p.id(), p.details().title()));
			}
		});
		model.addAttribute("navSection", "enterpriseFairs");
		model.addAttribute("fair", fair);
		model.addAttribute("theme", forms.theme(fair.details()));
		model.addAttribute("organisers", forms.organiserNames());
		model.addAttribute("enterprise", enterprise);
		model.addAttribute("booth", booth.orElse(null));
		model.addAttribute("published", published);
		model.addAttribute("titles", titles);
		model.addAttribute("intentions", booth.map(b -> intentions.atBooth(b.id())).orElse(List.of()));
		model.addAttribute("now", now());
		model.addAttribute("open", fair.open(now()));
		model.addAttribute("started", fair.started(now()));
		return "fairs/booth";
	}

	@PostMapping("/{fairId}/booth")
	String request(@PathVariable long fairId, @RequestParam MultiValueMap<String, String> params,
			RedirectAttributes redirect) {
		return act(fairId, redirect, "fair.booth.requested.own", () -> booths.request(fairId,
				participants.enterprise().id(), ids(params), FairForms.text(params, "note")));
	}

	@PostMapping("/{fairId}/booth/postings")
	String attach(@PathVariable long fairId, @RequestParam MultiValueMap<String, String> params,
			RedirectAttributes redirect) {
		return act(fairId, redirect, "fair.booth.postings.done", () -> booths.attach(own(fairId).id(), ids(params)));
	}

	@PostMapping("/{fairId}/booth/withdraw")
	String withdraw(@PathVariable long fairId, RedirectAttributes redirect) {
		return act(fairId, redirect, "fair.booth.withdrawn.done", () -> booths.withdraw(own(fairId).id()));
	}

	@PostMapping("/{fairId}/intentions")
	String record(@PathVariable long fairId, @RequestParam MultiValueMap<String, String> params,
			RedirectAttributes redirect) {
		return act(fairId, redirect, "fair.intention.done", () -> {
			String code = FairForms.text(params, "code");
			if (code.isBlank()) {
				throw new InvalidRequestException("code", "fair.intention.worker.required");
			}
			return intentions.record(own(fairId).id(), FairForms.id(params, "postingId"), code, null,
					FairForms.text(params, "note"));
		});
	}

	private Booth own(long fairId) {
		return booths.of(fairId, participants.enterprise().id())
			.orElseThrow(() -> new NotFoundException("kind.booth", String.valueOf(fairId)));
	}

	private static List<Long> ids(MultiValueMap<String, String> params) {
		return params.getOrDefault("postingIds", List.of()).stream().filter(s -> !s.isBlank()).map(s -> {
			try {
				return Long.valueOf(s.strip());
			}
			catch (NumberFormatException ex) {
				throw new InvalidRequestException("postingIds", "problem.field.number");
			}
		}).toList();
	}

	private String act(long fairId, RedirectAttributes redirect, String done, Supplier<?> action) {
		pages.fair(fairId);
		try {
			action.get();
			redirect.addFlashAttribute("notice", forms.text(done));
		}
		catch (RefusedException ex) {
			redirect.addFlashAttribute("problem", forms.refusal(ex));
		}
		catch (InvalidFieldsException | InvalidRequestException ex) {
			redirect.addFlashAttribute("problem", String.join(" ", forms.errors(ex).values()));
		}
		catch (NotFoundException ex) {
			redirect.addFlashAttribute("problem", forms.text("problem.notFound.detail", forms.text(ex.kind()),
					ex.key()));
		}
		return "redirect:/my-enterprise/fairs/" + fairId;
	}

	private LocalDateTime now() {
		return LocalDateTime.now(clock);
	}
}
