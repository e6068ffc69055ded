package org.chunfeng.subsidies.rules;

import java.time.LocalDate;

/**
 * A program shipped with every installation, with the real parameters of its year (DOMAIN.md, "Subsidy programs"),
 * for an administrator to copy for a new year. Its dates are its policy year's.
 *
 * @param key   stable name of the template, e.g. {@code refund-2021}
 * @param basis where its parameters come from (政策依据)
 */
public record ProgramTemplate(String key, ProgramKind kind, Beneficiary beneficiary, String name, int policyYear,
		String basis, ProgramParameters parameters) {

	public ProgramTemplate {
		if (!kind.fits(parameters) || !kind.beneficiaries().contains(beneficiary)) {
			throw new IllegalArgumentException(key + ": parameters or beneficiary not of kind " + kind);
		}
		parameters.check();
	}

	public LocalDate openDate() {
		return LocalDate.of(policyYear, 1, 1);
	}

	public LocalDate closeDate() {
		return LocalDate.of(policyYear, 12, 31);
	}
}
