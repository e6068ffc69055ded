package org.chunfeng.jobs.internal;

import java.util.List;
import java.util.stream.Collectors;

import org.chunfeng.identity.Actor;
import org.chunfeng.jobs.JobPosting;
import org.chunfeng.reference.Occupations;
import org.chunfeng.reference.Region;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.reference.Regions;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the job pages say about a posting in the reader's language: names of places and occupations, messages. */
@Component
class JobTexts {

	private final MessageSource messages;
	private final Regions regions;
	private final Occupations occupations;

	JobTexts(MessageSource messages, Regions regions, Occupations occupations) {
		this.messages = messages;
		this.regions = regions;
		this.occupations = occupations;
	}

	String text(String code, Object... args) {
		return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
	}

	/** e.g. 江苏省 苏州市 虎丘区 */
	String placeName(RegionCode code) {
		List<Region> path = regions.path(code);
		return path.isEmpty() ? code.value() : path.stream().map(Region::name).collect(Collectors.joining(" "));
	}

	String occupationName(String code) {
		return occupations.find(code).map(entry -> entry.name(LocaleContextHolder.getLocale())).orElse(code);
	}

	/** The names a posting's page shows beside its codes. */
	void describe(Model model, JobPosting posting) {
		model.addAttribute("placeName", placeName(posting.details().workplaceRegion()));
		model.addAttribute("occupationName", occupationName(posting.details().occupationCode()));
	}

	/** Workplaces offered in the form: the counties of the user's prefecture (any other code may be typed). */
	List<Region> workplaceRegions(Actor actor) {
		RegionCode region = actor.region();
		RegionCode within = region.level() == RegionCode.Level.PROVINCE ? region : region.prefecture();
		return regions.counties(within);
	}
}
