package org.chunfeng.subsidies.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.chunfeng.identity.Actor;
import org.chunfeng.platform.FieldErrors;
import org.chunfeng.reference.Money;
import org.chunfeng.reference.Region;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.reference.Regions;
import org.chunfeng.subsidies.SubsidyProgram;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** What the subsidy pages say in the reader's language: names of places, amounts, messages. */
@Component("subsidyTexts")
class ProgramTexts {

	private final MessageSource messages;
	private final Regions regions;

	ProgramTexts(MessageSource messages, Regions regions) {
		this.messages = messages;
		this.regions = regions;
	}

	String text(String code, Object... args) {
		return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
	}

	Map<String, String> errors(RuntimeException refusal) {
		return FieldErrors.of(refusal, messages, LocaleContextHolder.getLocale());
	}

	/** e.g. 江苏省 苏州市 虎丘区 */
	public String place(RegionCode code) {
		if (code == null) {
			return "";
		}
		List<Region> path = regions.path(code);
		return path.isEmpty() ? code.value() : path.stream().map(Region::name).collect(Collectors.joining(" "));
	}

	/** e.g. 1,500.00 */
	public String yuan(Long fen) {
		return fen == null ? "" : Money.ofFen(fen).format();
	}

	Map<String, String> placeNames(List<SubsidyProgram> programs) {
		Map<String, String> names = new java.util.HashMap<>();
		programs.stream().filter(p -> p.region() != null)
			.forEach(p -> names.computeIfAbsent(p.region().value(), c -> place(p.region())));
		return names;
	}

	/** Where an administrator may set up programs: the own region, then the counties (or cities) inside it. */
	List<Region> runningRegions(Actor actor) {
		List<Region> choices = new ArrayList<>();
		RegionCode own = actor.region();
		regions.find(own).ifPresent(choices::add);
		if (own.level() != RegionCode.Level.COUNTY) {
			regions.counties(own).stream().filter(r -> own.contains(r.code())).forEach(choices::add);
		}
		return choices;
	}
}
