package org.chunfeng.imports.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.chunfeng.platform.InvalidFieldsException;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.reference.InvalidValueException;
import org.springframework.context.MessageSource;

/** The problems of one row, each named by its column header and worded in the uploader's language. */
final class RowErrors {

	record Problem(String field, String message) {
	}

	private final MessageSource messages;
	private final Locale locale;
	private final List<Problem> problems = new ArrayList<>();
	private final java.util.Map<String, String> columnsByField;

	/** @param columnsByField the column header of each field a domain record names in its refusals */
	RowErrors(MessageSource messages, Locale locale, java.util.Map<String, String> columnsByField) {
		this.messages = messages;
		this.locale = locale;
		this.columnsByField = columnsByField;
	}

	void add(String column, String code, Object... args) {
		problems.add(new Problem(column, messages.getMessage(code, args, code, locale)));
	}

	/** Runs a check and records what it refuses under the column. */
	<T> T check(String column, java.util.function.Supplier<T> parse) {
		try {
			return parse.get();
		}
		catch (InvalidValueException ex) {
			add(column, ex.code(), ex.args());
		}
		catch (InvalidFieldsException ex) {
			ex.problems().forEach(p -> add(columnsByField.getOrDefault(p.field(), column), p.code(), p.args()));
		}
		catch (InvalidRequestException ex) {
			add(columnsByField.getOrDefault(ex.field(), column), ex.code(), ex.args());
		}
		return null;
	}

	/** Records that a required column is empty. */
	<T> T required(String column) {
		add(column, "problem.field.required");
		return null;
	}

	/** A whole number as typed (thousands separators allowed); {@code null} when blank, or unreadable (recorded). */
	Integer wholeNumber(String column, String text) {
		if (text.isBlank()) {
			return null;
		}
		try {
			return new java.math.BigDecimal(text.strip().replace(",", "")).intValueExact();
		}
		catch (NumberFormatException | ArithmeticException ex) {
			add(column, "problem.field.number");
			return null;
		}
	}

	boolean isEmpty() {
		return problems.isEmpty();
	}

	List<Problem> problems() {
		return List.copyOf(problems);
	}
}
