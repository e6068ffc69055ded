package org.chunfeng.subsidies.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.chunfeng.platform.InvalidFieldsException;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.subsidies.CaseFacts;
import org.springframework.util.MultiValueMap;

/**
 * The application form as typed: people one per line ("ID number, months" for trainees; "ID number, days stayed,
 * duty dates" for stayers), months as {@code yyyy-MM} separated by spaces or commas. What cannot be read is named by
 * its field, and the input stays on the page.
 */
record ApplicationForm(Long programId, String applicantCode, String trainees, String stayers, String stayDays,
		String dutyDays, String months, String coverMonths, boolean receivingBenefit, Long referralId, String note,
		Integer version) {

	static ApplicationForm of(MultiValueMap<String, String> params) {
		return new ApplicationForm(number(params.getFirst("programId")), text(params.getFirst("applicantCode")),
				text(params.getFirst("trainees")), text(params.getFirst("stayers")), text(params.getFirst("stayDays")),
				text(params.getFirst("dutyDays")), text(params.getFirst("months")), text(params.getFirst("coverMonths")),
				"on".equals(params.getFirst("receivingBenefit")) || "true".equals(params.getFirst("receivingBenefit")),
				number(params.getFirst("referralId")), text(params.getFirst("note")),
				number(params.getFirst("version")) == null ? null : number(params.getFirst("version")).intValue());
	}

	static ApplicationForm empty(Long programId) {
		return new ApplicationForm(programId, null, null, null, null, null, null, null, false, null, null, null);
	}

	/** The form of stated facts, to edit a returned application. */
	static ApplicationForm of(long programId, CaseFacts f, int version) {
		String trainees = f.trainees().stream()
			.map(p -> (p.idNumber() != null ? p.idNumber() : "#" + p.workerId()) + ", " + p.months())
			.collect(Collectors.joining("\n"));
		String stayers = f.stayers().stream()
			.map(s -> (s.idNumber() != null ? s.idNumber() : "#" + s.workerId()) + ", " + s.stayDays()
					+ (s.dutyDays().isEmpty() ? ""
							: ", " + s.dutyDays().stream().map(LocalDate::toString).collect(Collectors.joining(" "))))
			.collect(Collectors.joining("\n"));
		CaseFacts.Stayer own = f.stayers().isEmpty() ? null : f.stayers().getFirst();
		return new ApplicationForm(programId, null, trainees, stayers,
				own == null || own.stayDays() == null ? null : String.valueOf(own.stayDays()),
				own == null ? null : own.dutyDays().stream().map(LocalDate::toString).collect(Collectors.joining(" ")),
				f.months().stream().map(YearMonth::toString).collect(Collectors.joining(" ")),
				f.coverMonths() == null ? null : String.valueOf(f.coverMonths()), Boolean.TRUE.equals(f.receivingBenefit()),
				f.referralId(), f.note(), version);
	}

	/** The facts, for a worker applying for itself ({@code self}) or an enterprise. */
	CaseFacts facts(boolean self) {
		List<InvalidRequestException> problems = new ArrayList<>();
		List<CaseFacts.Person> people = new ArrayList<>();
		for (String[] cells : lines(trainees)) {
			Integer count = integer(cells.length > 1 ? cells[1] : null);
			if (count == null) {
				problems.add(new InvalidRequestException("trainees", "subsidy.form.traineeLine", String.join(" ", cells)));
				continue;
			}
			people.add(person(cells[0], count));
		}
		List<CaseFacts.Stayer> stayed = new ArrayList<>();
		if (self) {
			if (stayDays != null || dutyDays != null) {
				Integer days = integer(stayDays);
				if (stayDays != null && days == null) {
					problems.add(new InvalidRequestException("stayDays", "problem.field.number"));
				}
				stayed.add(new CaseFacts.Stayer(null, null, days, dates("dutyDays", dutyDays, problems)));
			}
		}
		else {
			for (String[] cells : lines(stayers)) {
				Integer days = integer(cells.length > 1 ? cells[1] : null);
				if (days == null) {
					problems.add(new InvalidRequestException("stayers", "subsidy.form.stayerLine", String.join(" ", cells)));
					continue;
				}
				List<LocalDate> duty = new ArrayList<>();
				for (int i = 2; i < cells.length; i++) {
					duty.addAll(dates("stayers", cells[i], problems));
				}
				CaseFacts.Person who = person(cells[0], 0);
				stayed.add(new CaseFacts.Stayer(who.workerId(), who.idNumber(), days, duty));
			}
		}
		List<YearMonth> claimed = new ArrayList<>();
		if (months != null) {
			for (String part : months.split("[\\s,，、;；]+")) {
				if (part.isBlank()) {
					continue;
				}
				try {
					claimed.add(YearMonth.parse(part.strip()));
				}
				catch (DateTimeParseException ex) {
					problems.add(new InvalidRequestException("months", "subsidy.form.month", part.strip()));
				}
			}
		}
		Integer cover = integer(coverMonths);
		if (coverMonths != null && cover == null) {
			problems.add(new InvalidRequestException("coverMonths", "problem.field.number"));
		}
		if (note != null && note.length() > 500) {
			problems.add(new InvalidRequestException("note", "subsidy.field.tooLong", 500));
		}
		if (!problems.isEmpty()) {
			throw new InvalidFieldsException(problems);
		}
		return new CaseFacts(people, referralId, claimed, cover, receivingBenefit, stayed, note);
	}

	private static CaseFacts.Person person(String cell, int count) {
		String id = cell.strip();
		if (id.startsWith("#")) {
			Long workerId = number(id.substring(1));
			if (workerId != null) {
				return new CaseFacts.Person(workerId, null, count);
			}
		}
		return new CaseFacts.Person(null, id.toUpperCase(java.util.Locale.ROOT), count);
	}

	private static List<String[]> lines(String text) {
		if (text == null) {
			return List.of();
		}
		return text.lines().map(String::strip).filter(l -> !l.isEmpty())
			.map(l -> l.split("\\s*[,，、\\t;；]\\s*|\\s+")).toList();
	}

	private static List<LocalDate> dates(String field, String text, List<InvalidRequestException> problems) {
		List<LocalDate> days = new ArrayList<>();
		if (text == null) {
			return days;
		}
		for (String part : text.split("[\\s,，、;；]+")) {
			if (part.isBlank()) {
				continue;
			}
			try {
				days.add(LocalDate.parse(part.strip()));
			}
			catch (DateTimeParseException ex) {
				problems.add(new InvalidRequestException(field, "subsidy.form.date", part.strip()));
			}
		}
		return days;
	}

	private static Integer integer(String text) {
		Long n = number(text);
		return n == null || n > Integer.MAX_VALUE || n < Integer.MIN_VALUE ? null : n.intValue();
	}

	private static Long number(String text) {
		try {
			return text == null || text.isBlank() ? null : Long.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static String text(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
