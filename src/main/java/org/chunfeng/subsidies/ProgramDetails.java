package org.chunfeng.subsidies;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.chunfeng.platform.InvalidFieldsException;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.subsidies.rules.Beneficiary;
import org.chunfeng.subsidies.rules.ProgramKind;
import org.chunfeng.subsidies.rules.ProgramParameters;

/**
 * What an administrator sets for a program (its kind and region are fixed when it is created).
 *
 * @param beneficiary who is paid: fixed by the kind, or by the parameters' payee for a stay-put subsidy
 * @param policyYear  the year whose policy it carries out (政策年度)
 * @param budgetFen   the money the program may pay out in fen (0 while a draft is prepared)
 * @param openDate    the first day it takes cases
 * @param closeDate   the last day it takes cases (not before {@code openDate})
 * @param basis       where the parameters come from (政策依据: the notice, its number), optional
 * @param parameters  the kind's parameters
 */
public record ProgramDetails(String name, Beneficiary beneficiary, Integer policyYear, Long budgetFen,
		LocalDate openDate, LocalDate closeDate, String basis, ProgramParameters parameters) {

	public static final int FIRST_YEAR = 2000;
	public static final int LAST_YEAR = 2100;

	/** 100 billion yuan. */
	public static final long MAX_BUDGET_FEN = 10_000_000_000_000L;

	public ProgramDetails {
		name = trimmed(name);
		basis = trimmed(basis);
	}

	/**
	 * Checks every rule a program of {@code kind} keeps on its own, its parameters' included.
	 *
	 * @return this
	 * @throws InvalidFieldsException naming every field that breaks one
	 */
	public ProgramDetails check(ProgramKind kind) {
		List<InvalidRequestException> problems = new ArrayList<>();
		if (name == null) {
			problems.add(new InvalidRequestException("name", "problem.field.required"));
		}
		else if (name.length() > 100) {
			problems.add(new InvalidRequestException("name", "subsidy.field.tooLong", 100));
		}
		if (basis != null && basis.length() > 500) {
			problems.add(new InvalidRequestException("basis", "subsidy.field.tooLong", 500));
		}
		if (policyYear == null) {
			problems.add(new InvalidRequestException("policyYear", "problem.field.required"));
		}
		else if (policyYear < FIRST_YEAR || policyYear > LAST_YEAR) {
			problems.add(new InvalidRequestException("policyYear", "subsidy.program.yearRange", FIRST_YEAR, LAST_YEAR));
		}
		if (budgetFen == null) {
			problems.add(new InvalidRequestException("budgetFen", "problem.field.required"));
		}
		else if (budgetFen < 0 || budgetFen > MAX_BUDGET_FEN) {
			problems.add(new InvalidRequestException("budgetFen", "subsidy.program.budgetRange"));
		}
		if (openDate == null) {
			problems.add(new InvalidRequestException("openDate", "problem.field.required"));
		}
		if (closeDate == null) {
			problems.add(new InvalidRequestException("closeDate", "problem.field.required"));
		}
		else if (openDate != null && closeDate.isBefore(openDate)) {
			problems.add(new InvalidRequestException("closeDate", "subsidy.program.datesOrder"));
		}
		else if (openDate != null && closeDate.isAfter(openDate.plusYears(5))) {
			problems.add(new InvalidRequestException("closeDate", "subsidy.program.datesTooLong"));
		}
		if (beneficiary == null) {
			problems.add(new InvalidRequestException("beneficiary", "problem.field.required"));
		}
		else if (kind != null && !kind.beneficiaries().contains(beneficiary)) {
			problems.add(new InvalidRequestException("beneficiary", "subsidy.program.beneficiaryKind"));
		}
		if (parameters == null) {
			problems.add(new InvalidRequestException("parameters", "problem.field.required"));
		}
		else if (kind != null && !kind.fits(parameters)) {
			problems.add(new InvalidRequestException("parameters", "subsidy.program.parametersKind"));
		}
		else {
			try {
				parameters.check();
			}
			catch (InvalidFieldsException ex) {
				problems.addAll(ex.problems());
			}
			if (beneficiary != null && parameters.paying().filter(payee -> payee != beneficiary).isPresent()) {
				problems.add(new InvalidRequestException("beneficiary", "subsidy.program.beneficiaryPayee"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidFieldsException(problems);
		}
		return this;
	}

	/** The same program for a policy year {@code years} later: dates (also inside the parameters) move along. */
	public ProgramDetails shifted(int years, String newName) {
		return new ProgramDetails(newName, beneficiary, policyYear + years, budgetFen, openDate.plusYears(years),
				closeDate.plusYears(years), basis, parameters.shifted(years));
	}

	private static String trimmed(String value) {
		if (value == null) {
			return null;
		}
		String stripped = value.strip();
		return stripped.isEmpty() ? null : stripped;
	}
}
