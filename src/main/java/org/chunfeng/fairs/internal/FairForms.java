package org.chunfeng.fairs.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.chunfeng.fairs.Fair;
import org.chunfeng.fairs.FairDetails;
import org.chunfeng.fairs.FairMode;
import org.chunfeng.fairs.Fairs;
import org.chunfeng.fairs.SeriesPlan;
import org.chunfeng.fairs.ThemeKind;
import org.chunfeng.identity.Actor;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.platform.FieldErrors;
import org.chunfeng.platform.InvalidFieldsException;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.reference.ClassificationEntry;
import org.chunfeng.reference.Industries;
import org.chunfeng.reference.Occupations;
import org.chunfeng.reference.Region;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.reference.Regions;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;

/**
 * What the fairs pages share: reading the fair and series forms (every field that cannot be read is named, with the
 * other fields' problems in the same answer), the choices a form offers, and the names a page shows for codes.
 * Controllers stay thin.
 */
@Component
class FairForms {

	private final Fairs fairs;
	private final Industries industries;
	private final Occupations occupations;
	private final Regions regions;
	private final MessageSource messages;

	FairForms(Fairs fairs, Industries industries, Occupations occupations, Regions regions, MessageSource messages) {
		this.fairs = fairs;
		this.industries = industries;
		this.occupations = occupations;
		this.regions = regions;
		this.messages = messages;
	}

	/** A form that could not be read as a whole: what was read comes along, to show the form again. */
	static final class FormException extends InvalidFieldsException {

		private static final long serialVersionUID = 1L;

		FormException(List<InvalidRequestException> problems) {
			super(problems);
		}
	}

	// ---------------------------------------------------------------- reading forms

	/** The fair form; {@code version} is read by the caller where it matters. */
	FairDetails fair(MultiValueMap<String, String> params) {
		List<InvalidRequestException> problems = new ArrayList<>();
		FairDetails details = new FairDetails(text(params, "title"), choice(params, "mode", FairMode.class, problems),
				text(params, "venue"), text(params, "address"), whole(params, "boothCapacity", problems),
				whole(params, "attendeeCapacity", problems), dateTime(params, "startsAt", problems),
				dateTime(params, "endsAt", problems), choice(params, "theme", ThemeKind.class, problems),
				text(params, "themeCode"), text(params, "organiser"), text(params, "description"));
		return checked(problems, details, FairDetails::check);
	}

	/** The series form: days, times and what each fair is. */
	SeriesPlan series(MultiValueMap<String, String> params) {
		List<InvalidRequestException> problems = new ArrayList<>();
		Set<DayOfWeek> weekdays = EnumSet.noneOf(DayOfWeek.class);
		for (String day : params.getOrDefault("weekdays", List.of())) {
			try {
				weekdays.add(DayOfWeek.valueOf(day.strip()));
			}
			catch (IllegalArgumentException ex) {
				problems.add(new InvalidRequestException("weekdays", "problem.field.typeValue", day));
			}
		}
		FairDetails fair = new FairDetails(text(params, "title"), choice(params, "mode", FairMode.class, problems),
				text(params, "venue"), text(params, "address"), whole(params, "boothCapacity", problems),
				whole(params, "attendeeCapacity", problems), null, null,
				choice(params, "theme", ThemeKind.class, problems), text(params, "themeCode"), text(params, "organiser"),
				text(params, "description"));
		SeriesPlan plan = new SeriesPlan(text(params, "title"), weekdays, date(params, "firstDay", problems),
				date(params, "lastDay", problems), time(params, "startTime", problems),
				time(params, "endTime", problems), fair);
		return checked(problems, plan, p -> {
			p.check();
			return p;
		});
	}

	/** The problems of reading, and then those of the rules, in one answer. */
	private static <T> T checked(List<InvalidRequestException> problems, T value, Function<T, T> check) {
		if (problems.isEmpty()) {
			return check.apply(value);
		}
		List<InvalidRequestException> all = new ArrayList<>();
		try {
			check.apply(value);
		}
		catch (InvalidFieldsException more) {
			more.problems().stream()
				.filter(p -> problems.stream().noneMatch(q -> q.field().equals(p.field())))
				.forEach(all::add);
		}
		all.addAll(problems);
		throw new FormException(all);
	}

	static String text(MultiValueMap<String, String> params, String name) {
		String value = params.getFirst(name);
		return value == null ? "" : value;
	}

	static Integer whole(MultiValueMap<String, String> params, String name, List<InvalidRequestException> problems) {
		String value = text(params, name).strip().replace(",", "");
		if (value.isEmpty()) {
			return null;
		}
		try {
			return Integer.valueOf(value);
		}
		catch (NumberFormatException ex) {
			problems.add(new InvalidRequestException(name, "problem.field.number"));
			return null;
		}
	}

	static Long id(MultiValueMap<String, String> params, String name) {
		String value = text(params, name).strip();
		if (value.isEmpty()) {
			throw new InvalidRequestException(name, "problem.field.required");
		}
		try {
			return Long.valueOf(value);
		}
		catch (NumberFormatException ex) {
			throw new InvalidRequestException(name, "problem.field.number");
		}
	}

	private static LocalDateTime dateTime(MultiValueMap<String, String> params, String name,
			List<InvalidRequestException> problems) {
		String value = text(params, name).strip().replace(' ', 'T');
		if (value.isEmpty()) {
			return null;
		}
		try {
			return LocalDateTime.parse(value);
		}
		catch (DateTimeParseException ex) {
			problems.add(new InvalidRequestException(name, "fair.value.dateTime"));
			return null;
		}
	}

	private static LocalDate date(MultiValueMap<String, String> params, String name,
			List<InvalidRequestException> problems) {
		String value = text(params, name).strip();
		if (value.isEmpty()) {
			return null;
		}
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			problems.add(new InvalidRequestException(name, "problem.field.date"));
			return null;
		}
	}

	private static LocalTime time(MultiValueMap<String, String> params, String name,
			List<InvalidRequestException> problems) {
		String value = text(params, name).strip();
		if (value.isEmpty()) {
			return null;
		}
		try {
			return LocalTime.parse(value);
		}
		catch (DateTimeParseException ex) {
			problems.add(new InvalidRequestException(name, "fair.value.time"));
			return null;
		}
	}

	private static <E extends Enum<E>> E choice(MultiValueMap<String, String> params, String name, Class<E> type,
			List<InvalidRequestException> problems) {
		String value = text(params, name).strip();
		if (value.isEmpty()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value);
		}
		catch (IllegalArgumentException ex) {
			problems.add(new InvalidRequestException(name, "problem.field.typeValue", value));
			return null;
		}
	}

	/** The region a form names, or {@code null} (the caller's own). */
	static RegionCode region(MultiValueMap<String, String> params) {
		return FairRequests.region(text(params, "region"));
	}

	// ---------------------------------------------------------------- errors and texts

	Map<String, String> errors(RuntimeException ex) {
		return FieldErrors.of(ex, messages, LocaleContextHolder.getLocale());
	}

	String text(String code, Object... args) {
		return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
	}

	/** The message of a refusal, in the user's language. */
	String refusal(org.chunfeng.platform.LocalizedMessage refusal) {
		return text(refusal.messageCode(), refusal.messageArgs());
	}

	// ---------------------------------------------------------------- choices and names

	/** The counties (and the own region) a fair may be placed in. */
	List<Region> regionChoices() {
		List<Region> choices = new ArrayList<>();
		RegionScope.currentActor().map(Actor::region).ifPresent(own -> {
			regions.find(own).ifPresent(choices::add);
			regions.counties(own).stream().filter(r -> !r.code().equals(own)).forEach(choices::add);
		});
		return choices;
	}

	/** The full name of a region, e.g. 江苏省 苏州市 虎丘区. */
	String regionName(RegionCode code) {
		return regions.path(code).stream().map(Region::name).reduce((a, b) -> a + " " + b).orElse(code.value());
	}

	/** Organiser codes to their names in the user's language. */
	Map<String, String> organiserNames() {
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, String> names = new LinkedHashMap<>();
		fairs.organisers().forEach(o -> names.put(o.code(), o.name(locale)));
		return names;
	}

	/** The theme of a fair in words, e.g. 行业专场：制造业. */
	String theme(FairDetails details) {
		Locale locale = LocaleContextHolder.getLocale();
		return switch (details.theme()) {
			case GENERAL -> text("fair.theme.GENERAL");
			case INDUSTRY -> text("fair.theme.INDUSTRY.named", industries.find(details.themeCode())
				.map(e -> e.name(locale)).orElse(details.themeCode()));
			case OCCUPATION -> text("fair.theme.OCCUPATION.named", occupations.find(details.themeCode())
				.map(e -> e.name(locale)).orElse(details.themeCode()));
		};
	}

	/** The sections and divisions of the industry classification for the theme choice. */
	List<ClassificationEntry> industryChoices() {
		List<ClassificationEntry> choices = new ArrayList<>();
		for (ClassificationEntry section : industries.children(null)) {
			choices.add(section);
			choices.addAll(industries.children(section.code()));
		}
		return choices;
	}

	/** What every fair form needs besides the values. */
	void formChoices(Model model) {
		model.addAttribute("modes", FairMode.values());
		model.addAttribute("themes", ThemeKind.values());
		model.addAttribute("organisers", organiserNames());
		model.addAttribute("regionChoices", regionChoices());
		model.addAttribute("industryChoices", industryChoices());
		model.addAttribute("weekdays", DayOfWeek.values());
	}

	/** The values of a fair form for a stored fair. */
	static Map<String, String> values(Fair fair) {
		FairDetails d = fair.details();
		Map<String, String> values = new LinkedHashMap<>();
		values.put("region", fair.region().value());
		values.put("title", d.title());
		values.put("mode", d.mode().name());
		values.put("venue", d.venue() == null ? "" : d.venue());
		values.put("address", d.address() == null ? "" : d.address());
		values.put("boothCapacity", d.boothCapacity() == null ? "" : d.boothCapacity().toString());
		values.put("attendeeCapacity", d.attendeeCapacity() == null ? "" : d.attendeeCapacity().toString());
		values.put("startsAt", d.startsAt().toString());
		values.put("endsAt", d.endsAt().toString());
		values.put("theme", d.theme().name());
		values.put("themeCode", d.themeCode() == null ? "" : d.themeCode());
		values.put("organiser", d.organiser());
		values.put("description", d.description());
		values.put("version", String.valueOf(fair.version()));
		return values;
	}

	/** The values of a form as typed (without the CSRF token). */
	static Map<String, String> typed(MultiValueMap<String, String> params) {
		Map<String, String> values = new LinkedHashMap<>(params.toSingleValueMap());
		values.remove("_csrf");
		return values;
	}
}
