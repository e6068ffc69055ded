package org.chunfeng.imports.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.MessageSource;

/**
 * Reads an enum value as people type it in a sheet: the Chinese or English label the pages show (就业状态 "求职中"),
 * or the code itself ({@code SEEKING}).
 */
final class Labels<E extends Enum<E>> {

	private final Map<String, E> byText = new HashMap<>();
	private final MessageSource messages;
	private final String prefix;

	Labels(Class<E> type, String prefix, MessageSource messages) {
		this.messages = messages;
		this.prefix = prefix;
		for (E value : type.getEnumConstants()) {
			byText.put(value.name().toLowerCase(Locale.ROOT), value);
			for (Locale locale : new Locale[] { Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH }) {
				String label = messages.getMessage(prefix + value.name(), null, null, locale);
				if (label != null) {
					byText.put(label.strip().toLowerCase(Locale.ROOT), value);
				}
			}
		}
	}

	Optional<E> read(String text) {
		return Optional.ofNullable(byText.get(text.strip().toLowerCase(Locale.ROOT)));
	}

	/** The label in a language, as a template shows it. */
	String label(E value, Locale locale) {
		return messages.getMessage(prefix + value.name(), null, value.name(), locale);
	}
}
