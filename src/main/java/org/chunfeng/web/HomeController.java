package org.chunfeng.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.chunfeng.campaigns.Campaign;
import org.chunfeng.campaigns.Campaigns;
import org.chunfeng.enterprises.Enterprises;
import org.chunfeng.identity.Actor;
import org.chunfeng.identity.DataCategory;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.identity.Role;
import org.chunfeng.reference.Industries;
import org.chunfeng.reference.Occupations;
import org.chunfeng.reference.Regions;
import org.chunfeng.workers.Workers;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The overview: the campaign at a glance and what the reference data holds. */
@Controller
class HomeController {

	private final Campaigns campaigns;
	private final Regions regions;
	private final Industries industries;
	private final Occupations occupations;
	private final Workers workers;
	private final Enterprises enterprises;
	private final Clock clock;

	HomeController(Campaigns campaigns, Regions regions, Industries industries, Occupations occupations,
			Workers workers, Enterprises enterprises, Clock clock) {
		this.campaigns = campaigns;
		this.regions = regions;
		this.industries = industries;
		this.occupations = occupations;
		this.workers = workers;
		this.enterprises = enterprises;
		this.clock = clock;
	}

	@GetMapping("/")
	String overview(Model model) {
		// a worker and an enterprise user start at their own record, not at the bureau's overview
		var role = org.chunfeng.identity.RegionScope.currentActor().map(org.chunfeng.identity.Actor::role).orElse(null);
		if (role == org.chunfeng.identity.Role.WORKER) {
			return "redirect:/me";
		}
		if (role == org.chunfeng.identity.Role.ENTERPRISE_USER) {
			return "redirect:/my-enterprise";
		}
		LocalDate today = LocalDate.now(clock);
		campaigns.current(today).ifPresent(campaign -> {
			model.addAttribute("campaign", campaign);
			model.addAttribute("agencies", campaigns.agencies(campaign.id()));
			model.addAttribute("sendingRegions", campaigns.sendingRegions(campaign.id()).stream()
				.map(regions::path).toList());
			model.addAttribute("daysToFestival", ChronoUnit.DAYS.between(today, campaign.festivalOn()));
			model.addAttribute("phase", phase(campaign, today));
			// aggregates only, and only of what the actor may see; the database limits them to its region
			Optional<Actor> actor = RegionScope.currentActor();
			if (actor.filter(a -> a.role().seesPersonalRecords() || a.mayView(DataCategory.WORKERS)
					&& a.role() == Role.AGENCY_VIEWER).isPresent()) {
				model.addAttribute("workerFigures", workers.figures(campaign.region()));
			}
			if (actor.filter(a -> a.role().seesPersonalRecords() || a.role() == Role.AGENCY_VIEWER
					&& (a.mayView(DataCategory.ENTERPRISES) || a.mayView(DataCategory.KEY_ENTERPRISES))).isPresent()) {
				model.addAttribute("enterpriseFigures", enterprises.figures(campaign.region()));
			}
		});
		model.addAttribute("regionCounts", regions.countByLevel());
		model.addAttribute("industryCounts", industries.countByLevel());
		model.addAttribute("occupationCounts", occupations.countByLevel());
		model.addAttribute("occupationEdition", occupations.edition());
		model.addAttribute("navSection", "home");
		return "home";
	}

	private static String phase(Campaign campaign, LocalDate today) {
		if (today.isBefore(campaign.startsOn())) {
			return "upcoming";
		}
		if (today.isAfter(campaign.endsOn())) {
			return "ended";
		}
		return today.isBefore(campaign.festivalOn()) ? "retention" : "return";
	}
}
