package org.chunfeng.subsidies.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chunfeng.platform.InvalidFieldsException;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.reference.InvalidValueException;
import org.chunfeng.reference.Money;
import org.chunfeng.subsidies.ProgramDetails;
import org.chunfeng.subsidies.SubsidyProgram;
import org.chunfeng.subsidies.rules.Beneficiary;
import org.chunfeng.subsidies.rules.ProgramKind;
import org.chunfeng.subsidies.rules.ProgramParameters;
import org.springframework.util.MultiValueMap;

/**
 * The program form as typed: kept as text, so a field that cannot be read is named and everything else stays in the
 * form. The budget and amounts are typed in yuan and kept in fen, rates typed as percentages and kept in basis points.
 *
 * @param parameters the kind's parameter fields by name ({@link ParameterFields}), {@code "true"} for a ticked box
 */
record ProgramForm(Integer version, String name, String beneficiary, String policyYear, String budgetYuan,
		String openDate, String closeDate, String basis, Map<String, String> parameters) {

	ProgramForm {
		parameters = Map.copyOf(parameters);
	}

	static ProgramForm of(SubsidyProgram program) {
		ProgramDetails d = program.details();
		return new ProgramForm(program.version(), d.name(), d.beneficiary().name(), String.valueOf(d.policyYear()),
				Money.ofFen(d.budgetFen()).toYuan().stripTrailingZeros().toPlainString(), d.openDate().toString(),
				d.closeDate().toString(), d.basis(), ParameterFields.texts(program.kind(), d.parameters()));
	}

	static ProgramForm of(ProgramKind kind, MultiValueMap<String, String> params) {
		Integer version;
		try {
			String text = params.getFirst("version");
			version = text == null || text.isBlank() ? null : Integer.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			version = null;
		}
		Map<String, String> parameters = new LinkedHashMap<>();
		for (ParameterFields.Field field : ParameterFields.of(kind)) {
			String value = params.getFirst(field.formName());
			if (value != null) {
				parameters.put(field.name(), value);
			}
		}
		return new ProgramForm(version, params.getFirst("name"), params.getFirst("beneficiary"),
				params.getFirst("policyYear"), params.getFirst("budgetYuan"), params.getFirst("openDate"),
				params.getFirst("closeDate"), params.getFirst("basis"), parameters);
	}

	/**
	 * The details of a draft of {@code kind}, checked.
	 *
	 * @throws InvalidFieldsException naming every field that cannot be read or breaks a rule
	 */
	ProgramDetails details(ProgramKind kind) {
		List<InvalidRequestException> problems = new ArrayList<>();
		ProgramParameters typed = ParameterFields.read(kind, parameters, problems);
		Beneficiary who = beneficiary(kind, typed, problems);
		Integer year = null;
		if (policyYear != null && !policyYear.isBlank()) {
			try {
				year = Integer.valueOf(policyYear.strip());
			}
			catch (NumberFormatException ex) {
				problems.add(new InvalidRequestException("policyYear", "problem.field.number"));
			}
		}
		ProgramDetails details = new ProgramDetails(name, who, year, budget(problems),
				date(problems, "openDate", openDate), date(problems, "closeDate", closeDate), basis, typed);
		return checked(details, kind, problems);
	}

	/**
	 * The details of an open program: only its name, budget, closing date and basis come from the form; its rules stay.
	 */
	ProgramDetails openDetails(SubsidyProgram program) {
		List<InvalidRequestException> problems = new ArrayList<>();
		ProgramDetails now = program.details();
		ProgramDetails details = new ProgramDetails(name, now.beneficiary(), now.policyYear(), budget(problems),
				now.openDate(), date(problems, "closeDate", closeDate), basis, now.parameters());
		return checked(details, program.kind(), problems);
	}

	private static ProgramDetails checked(ProgramDetails details, ProgramKind kind,
			List<InvalidRequestException> problems) {
		try {
			details.check(kind);
		}
		catch (InvalidFieldsException ex) {
			// a field that could not be read is reported once, as unreadable, not also as missing
			ex.problems().stream()
				.filter(p -> problems.stream().noneMatch(q -> q.field().equals(p.field())))
				.forEach(problems::add);
		}
		if (!problems.isEmpty()) {
			throw new InvalidFieldsException(problems);
		}
		return details;
	}

	private Beneficiary beneficiary(ProgramKind kind, ProgramParameters typed, List<InvalidRequestException> problems) {
		if (typed != null && typed.paying().isPresent()) {
			return typed.paying().get();
		}
		if (beneficiary != null && !beneficiary.isBlank()) {
			try {
				return Beneficiary.valueOf(beneficiary.strip());
			}
			catch (IllegalArgumentException ex) {
				problems.add(new InvalidRequestException("beneficiary", "problem.field.typeValue", beneficiary));
				return null;
			}
		}
		return kind.beneficiaries().get(0);
	}

	private Long budget(List<InvalidRequestException> problems) {
		if (budgetYuan == null || budgetYuan.isBlank()) {
			return 0L;
		}
		try {
			return Money.parse(budgetYuan).fen();
		}
		catch (InvalidValueException ex) {
			problems.add(new InvalidRequestException("budgetFen", ex.messageCode(), ex.messageArgs()));
			return null;
		}
	}

	private static LocalDate date(List<InvalidRequestException> problems, String field, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			problems.add(new InvalidRequestException(field, "problem.field.date"));
			return null;
		}
	}

	ProgramForm withVersion(int newVersion) {
		return new ProgramForm(newVersion, name, beneficiary, policyYear, budgetYuan, openDate, closeDate, basis,
				parameters);
	}
}
