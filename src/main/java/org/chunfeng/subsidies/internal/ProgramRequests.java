package org.chunfeng.subsidies.internal;

import java.time.LocalDate;

import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.reference.InvalidValueException;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.subsidies.ProgramDetails;
import org.chunfeng.subsidies.ProgramStatus;
import org.chunfeng.subsidies.rules.Beneficiary;
import org.chunfeng.subsidies.rules.ProgramKind;
import org.chunfeng.subsidies.rules.ProgramParameters;

import tools.jackson.databind.JsonNode;

/** The bodies the subsidy-program API takes. */
final class ProgramRequests {

	private ProgramRequests() {
	}

	/**
	 * A program as set up or changed; dates as {@code yyyy-MM-dd}, amounts in fen, rates in basis points.
	 *
	 * @param region      the bureau's region (only when setting up; the caller's own when left out)
	 * @param version     the version read (only when changing)
	 * @param kind        required when setting up; when changing, if given, the program's own
	 * @param beneficiary left out: the kind's usual one (a stay-put subsidy's payee)
	 * @param parameters  the kind's parameters as an object (see {@code docs/subsidies.md})
	 * @param reviewSteps the levels whose reviewers decide applications, e.g. {@code ["COUNTY", "CITY"]} (a draft's
	 *                    only; left out: unchanged)
	 */
	record ProgramRequest(String region, Integer version, ProgramKind kind, String name, Beneficiary beneficiary,
			Integer policyYear, Long budgetFen, LocalDate openDate, LocalDate closeDate, String basis,
			JsonNode parameters, java.util.List<org.chunfeng.subsidies.ReviewLevel> reviewSteps) {

		ProgramDetails details(ProgramKind of) {
			ProgramParameters typed = ParametersJson.of(of, parameters);
			Beneficiary who = beneficiary != null ? beneficiary
					: typed == null ? of.beneficiaries().get(0) : typed.paying().orElse(of.beneficiaries().get(0));
			return new ProgramDetails(name, who, policyYear, budgetFen, openDate, closeDate, basis, typed).check(of);
		}

		RegionCode runningRegion() {
			return ProgramRequests.region("region", region);
		}
	}

	/**
	 * A copy for another year.
	 *
	 * @param region the bureau's region of the copy (the caller's own when left out)
	 * @param name   the copy's name (left out: the source's, with the year replaced)
	 */
	record CopyRequest(Integer policyYear, String region, String name) {
	}

	/** Open ({@code OPEN}) or close ({@code CLOSED}) a program, naming the version read. */
	record StatusRequest(Integer version, ProgramStatus status) {
	}

	static RegionCode region(String field, String code) {
		if (code == null || code.isBlank()) {
			return null;
		}
		try {
			return RegionCode.of(code.strip());
		}
		catch (InvalidValueException ex) {
			throw new InvalidRequestException(field, ex.messageCode(), ex.messageArgs());
		}
	}

	static int required(String field, Integer value) {
		if (value == null) {
			throw new InvalidRequestException(field, "problem.field.required");
		}
		return value;
	}
}
