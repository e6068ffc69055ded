package org.chunfeng.imports.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reading the texts people type into cells: yes/no, dates in the usual Chinese forms, lists. */
final class CellValues {

	private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
			DateTimeFormatter.ofPattern("yyyy/M/d"), DateTimeFormatter.ofPattern("yyyy.M.d"),
			DateTimeFormatter.ofPattern("yyyy-M-d"), DateTimeFormatter.ofPattern("yyyy年M月d日"),
			DateTimeFormatter.BASIC_ISO_DATE);

	private CellValues() {
	}

	/** 是/否, Y/N, true/false, 1/0; empty when the text is none of them. */
	static Optional<Boolean> yesNo(String text) {
		return switch (text.strip().toLowerCase(Locale.ROOT)) {
			case "是", "y", "yes", "true", "1", "√" -> Optional.of(true);
			case "否", "n", "no", "false", "0", "" -> Optional.of(false);
			default -> Optional.empty();
		};
	}

	static Optional<LocalDate> date(String text) {
		for (DateTimeFormatter format : DATES) {
			try {
				return Optional.of(LocalDate.parse(text.strip(), format));
			}
			catch (DateTimeParseException ex) {
				// try the next form
			}
		}
		return Optional.empty();
	}

	/** Items separated by commas (either width), the enumeration comma, semicolons or spaces. */
	static List<String> list(String text) {
		return Arrays.stream(text.split("[,，;；、\\s]+")).filter(s -> !s.isBlank()).toList();
	}
}
