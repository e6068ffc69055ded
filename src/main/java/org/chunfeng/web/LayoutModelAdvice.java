package org.chunfeng.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.stream.Collectors;

import org.chunfeng.campaigns.Campaign;
import org.chunfeng.campaigns.Campaigns;
import org.chunfeng.identity.Actor;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.reference.Region;
import org.chunfeng.reference.Regions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** What the header of every page shows: the current campaign, the region, and links to switch language. */
@ControllerAdvice(annotations = Controller.class)
class LayoutModelAdvice {

	private final Campaigns campaigns;
	private final Regions regions;
	private final Clock clock;

	LayoutModelAdvice(Campaigns campaigns, Regions regions, Clock clock) {
		this.campaigns = campaigns;
		this.regions = regions;
		this.clock = clock;
	}

	@ModelAttribute
	void layout(@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		if (htmx != null) {
			// a fragment swapped into a page that already has its header
			return;
		}
		Optional<Campaign> campaign = campaigns.current(LocalDate.now(clock));
		model.addAttribute("currentCampaign", campaign.orElse(null));
		Optional<Actor> actor = RegionScope.currentActor();
		model.addAttribute("actor", actor.orElse(null));
		model.addAttribute("userRegion", actor.map(Actor::region).or(() -> campaign.map(Campaign::region))
			.map(region -> regions.path(region).stream().map(Region::name).collect(Collectors.joining(" · ")))
			.orElse(null));
		model.addAttribute("langZhUrl", ServletUriComponentsBuilder.fromCurrentRequest()
			.replaceQueryParam("lang", "zh_CN").build().toUriString());
		model.addAttribute("langEnUrl", ServletUriComponentsBuilder.fromCurrentRequest()
			.replaceQueryParam("lang", "en").build().toUriString());
	}
}
