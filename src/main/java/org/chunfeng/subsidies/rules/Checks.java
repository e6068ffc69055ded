package org.chunfeng.subsidies.rules;

import java.util.ArrayList;
import java.util.List;

import org.chunfeng.platform.InvalidFieldsException;
import org.chunfeng.platform.InvalidRequestException;

/**
 * Collects what is wrong with a program's parameters, each problem named by its field as the API and the form call
 * it ({@code parameters.rates.small}), so the user can fix them all at once.
 */
final class Checks {

	static final String PREFIX = "parameters.";

	/** 100,000 yuan: far above any per-person amount of these programs. */
	static final long PER_PERSON_MAX_FEN = 10_000_000L;

	/** 10 billion yuan: a cap or a peg beyond it is a typing error. */
	static final long TOTAL_MAX_FEN = 1_000_000_000_000L;

	private final List<InvalidRequestException> problems = new ArrayList<>();

	void problem(String field, String code, Object... args) {
		problems.add(new InvalidRequestException(PREFIX + field, code, args));
	}

	boolean required(String field, Object value) {
		if (value == null) {
			problem(field, "problem.field.required");
			return false;
		}
		return true;
	}

	/** A rate in basis points between {@code min} and {@code max}; {@code null} allowed unless required. */
	void percent(String field, Integer bp, int min, int max, boolean required) {
		if (bp == null) {
			if (required) {
				required(field, null);
			}
			return;
		}
		if (bp < min || bp > max) {
			problem(field, "subsidy.param.percentRange", Figures.percent(min), Figures.percent(max));
		}
	}

	void amount(String field, Long fen, long min, long max, boolean required) {
		if (fen == null) {
			if (required) {
				required(field, null);
			}
			return;
		}
		if (fen < min || fen > max) {
			problem(field, "subsidy.param.amountRange", Figures.yuan(min), Figures.yuan(max));
		}
	}

	void count(String field, Integer value, int min, int max, boolean required) {
		if (value == null) {
			if (required) {
				required(field, null);
			}
			return;
		}
		if (value < min || value > max) {
			problem(field, "subsidy.param.countRange", String.valueOf(min), String.valueOf(max));
		}
	}

	List<InvalidRequestException> problems() {
		return List.copyOf(problems);
	}

	/** @throws InvalidFieldsException naming every problem found */
	void done() {
		if (!problems.isEmpty()) {
			throw new InvalidFieldsException(problems);
		}
	}
}
