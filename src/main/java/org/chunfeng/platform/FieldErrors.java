package org.chunfeng.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;

/** What a form shows next to each field after a refusal: the messages per field, in the user's language. */
public final class FieldErrors {

	private FieldErrors() {
	}

	/**
	 * @param refusal an {@link InvalidRequestException} or an {@link InvalidFieldsException}
	 * @return field name to its message(s), in the order the problems were found; several different messages for
	 *         one field are joined
	 */
	public static Map<String, String> of(RuntimeException refusal, MessageSource messages, Locale locale) {
		List<InvalidRequestException> problems = refusal instanceof InvalidFieldsException fields ? fields.problems()
				: List.of((InvalidRequestException) refusal);
		Map<String, String> errors = new LinkedHashMap<>();
		for (InvalidRequestException problem : problems) {
			String message = messages.getMessage(problem.code(), problem.args(), problem.code(), locale);
			errors.merge(problem.field(), message, (a, b) -> a.contains(b) ? a : a + " " + b);
		}
		return errors;
	}
}
