package org.chunfeng.fairs.internal;

import java.time.Clock;
import java.time.LocalDateTime;

import org.chunfeng.fairs.Fair;
import org.chunfeng.fairs.Fairs;
import org.chunfeng.identity.Actor;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.platform.PageQuery;
import org.chunfeng.reference.InvalidValueException;
import org.chunfeng.reference.RegionCode;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public fair pages, for a phone and without signing in (招聘会信息): the upcoming fairs, and each fair with its
 * enterprises and postings (apply at each posting's page). Registering asks the worker to sign in.
 */
@Controller
@RequestMapping("/public/fairs")
class PublicFairPages {

	private final Fairs fairs;
	private final PublicFairs pages;
	private final FairForms forms;
	private final Clock clock;

	PublicFairPages(Fairs fairs, PublicFairs pages, FairForms forms, Clock clock) {
		this.fairs = fairs;
		this.pages = pages;
		this.forms = forms;
		this.clock = clock;
	}

	@GetMapping
	String upcoming(@RequestParam(required = false) String region, @RequestParam(required = false) Integer page,
			Model model) {
		RegionCode within = null;
		try {
			within = region == null || region.isBlank() ? null : RegionCode.of(region);
		}
		catch (InvalidValueException ex) {
			// an address that cannot be read shows every fair
		}
		model.addAttribute("results", fairs.upcoming(within, PageQuery.of(page, 20)));
		model.addAttribute("organisers", forms.organiserNames());
		model.addAttribute("now", LocalDateTime.now(clock));
		return "fairs/public-list";
	}

	@GetMapping("/{fairId}")
	String fair(@PathVariable long fairId, Model model) {
		LocalDateTime now = LocalDateTime.now(clock);
		Fair fair = pages.fair(fairId);
		model.addAttribute("fair", fair);
		model.addAttribute("page", pages.page(fairId, now));
		model.addAttribute("theme", forms.theme(fair.details()));
		model.addAttribute("organisers", forms.organiserNames());
		model.addAttribute("now", now);
		model.addAttribute("open", fair.open(now));
		model.addAttribute("role", RegionScope.currentActor().map(Actor::role).orElse(null));
		return "fairs/public-show";
	}
}
