package org.chunfeng.matching.internal.guidance;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chunfeng.matching.GuidanceChannel;
import org.chunfeng.matching.GuidanceSessionDetails;
import org.chunfeng.matching.GuidanceTopic;
import org.chunfeng.platform.FieldErrors;
import org.chunfeng.platform.InvalidFieldsException;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.platform.LocalizedMessage;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

/**
 * What the guidance pages share: reading the session form (every field that cannot be read is named, together with
 * the rules the rest breaks) and the texts in the user's language. Controllers stay thin.
 */
@Component
class GuidanceForms {

	private final MessageSource messages;

	GuidanceForms(MessageSource messages) {
		this.messages = messages;
	}

	/** The session form, checked against the rules. */
	GuidanceSessionDetails session(MultiValueMap<String, String> params, LocalDate today) {
		List<InvalidRequestException> problems = new ArrayList<>();
		LocalDate heldOn = date(params, "heldOn", problems);
		GuidanceChannel channel = null;
		String channelText = text(params, "channel").strip();
		if (!channelText.isEmpty()) {
			try {
				channel = GuidanceChannel.valueOf(channelText);
			}
			catch (IllegalArgumentException ex) {
				problems.add(new InvalidRequestException("channel", "problem.field.typeValue", channelText));
			}
		}
		Set<GuidanceTopic> topics = EnumSet.noneOf(GuidanceTopic.class);
		for (String topic : params.getOrDefault("topics", List.of())) {
			try {
				topics.add(GuidanceTopic.valueOf(topic.strip()));
			}
			catch (IllegalArgumentException ex) {
				problems.add(new InvalidRequestException("topics", "problem.field.typeValue", topic));
			}
		}
		LocalDate followUpOn = date(params, "followUpOn", problems);
		GuidanceSessionDetails details = new GuidanceSessionDetails(heldOn, channel, topics, text(params, "notes"),
				followUpOn);
		if (problems.isEmpty()) {
			return details.check(today);
		}
		List<InvalidRequestException> all = new ArrayList<>(problems);
		try {
			details.check(today);
		}
		catch (InvalidFieldsException more) {
			more.problems().stream()
				.filter(p -> problems.stream().noneMatch(q -> q.field().equals(p.field())))
				.forEach(all::add);
		}
		throw new InvalidFieldsException(all);
	}

	static String text(MultiValueMap<String, String> params, String name) {
		String value = params.getFirst(name);
		return value == null ? "" : value;
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

	/** The values of a form as typed (without the CSRF token); the topics as a list. */
	static Map<String, Object> typed(MultiValueMap<String, String> params) {
		Map<String, Object> values = new LinkedHashMap<>(params.toSingleValueMap());
		values.remove("_csrf");
		values.put("topics", params.getOrDefault("topics", List.of()));
		return values;
	}

	Map<String, String> errors(RuntimeException ex) {
		return FieldErrors.of(ex, messages, LocaleContextHolder.getLocale());
	}

	String text(String code, Object... args) {
		return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
	}

	String refusal(LocalizedMessage refusal) {
		return text(refusal.messageCode(), refusal.messageArgs());
	}
}
