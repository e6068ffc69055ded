package org.chunfeng.training.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.chunfeng.identity.Actor;
import org.chunfeng.platform.FieldErrors;
import org.chunfeng.reference.Money;
import org.chunfeng.reference.Occupations;
import org.chunfeng.reference.Region;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.reference.Regions;
import org.chunfeng.training.TrainingProject;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** What the training pages say in the reader's language: names of places and occupations, amounts, messages. */
@Component("trainingTexts")
class TrainingTexts {

	private final MessageSource messages;
	private final Regions regions;
	private final Occupations occupations;

	TrainingTexts(MessageSource messages, Regions regions, Occupations occupations) {
		this.messages = messages;
		this.regions = regions;
		this.occupations = occupations;
	}

	String text(String code, Object... args) {
		return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
	}

	Map<String, String> errors(RuntimeException refusal) {
		Locale locale = LocaleContextHolder.getLocale();
		return FieldErrors.of(refusal, messages, locale);
	}

	/** e.g. 江苏省 苏州市 虎丘区; used by the templates as {@code @trainingTexts.place(code)}. */
	public String place(RegionCode code) {
		if (code == null) {
			return "";
		}
		List<Region> path = regions.path(code);
		return path.isEmpty() ? code.value() : path.stream().map(Region::name).collect(Collectors.joining(" "));
	}

	public String occupation(String code) {
		return occupations.find(code).map(entry -> entry.name(LocaleContextHolder.getLocale())).orElse(code);
	}

	/** e.g. 1,500.00 */
	public String yuan(Long fen) {
		return fen == null ? "" : Money.ofFen(fen).format();
	}

	/** Counties offered as venues and filters: those of the user's prefecture (any other code may be typed). */
	List<Region> counties(Actor actor) {
		RegionCode region = actor.region();
		RegionCode within = region.level() == RegionCode.Level.PROVINCE ? region : region.prefecture();
		return regions.counties(within);
	}

	/** The names of the projects' places, for a list. */
	Map<String, String> placeNames(List<TrainingProject> projects) {
		Map<String, String> names = new java.util.HashMap<>();
		for (TrainingProject p : projects) {
			names.computeIfAbsent(p.region().value(), c -> place(p.region()));
			if (p.details().venueRegion() != null) {
				names.computeIfAbsent(p.details().venueRegion().value(), c -> place(p.details().venueRegion()));
			}
		}
		return names;
	}
}
