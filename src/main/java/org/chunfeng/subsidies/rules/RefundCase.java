package org.chunfeng.subsidies.rules;

import java.util.List;
import java.util.Objects;

import org.chunfeng.enterprises.InsuranceYear;
import org.chunfeng.enterprises.SizeClass;

/**
 * An enterprise's case for the job-stabilizing refund of one year: its size class, whether it is a labour-dispatch
 * firm, the route, and its insurance evidence (参保缴费信息) of the assessed year and the year before.
 *
 * <p>The layoff rate is (insured at the end of the year before − insured at the end of the assessed year) ÷ insured
 * at the end of the year before; the refund is a share of the premiums paid in the assessed year. A program of policy
 * year Y assesses year Y − 1 ({@link #forPolicyYear}).
 *
 * @param assessedYear the year whose premiums are refunded and whose layoffs count
 * @param sizeClass    企业规模, or {@code null} when the registry cannot derive it
 * @param start        the evidence of {@code assessedYear − 1} (its year-end headcount), or {@code null} if missing
 * @param end          the evidence of {@code assessedYear} (year-end headcount, premiums), or {@code null} if missing
 */
public record RefundCase(int assessedYear, SizeClass sizeClass, boolean labourDispatch, Route route,
		InsuranceYear start, InsuranceYear end) implements AssessmentCase {

	public RefundCase {
		Objects.requireNonNull(route, "route");
		if (start != null && start.year() != assessedYear - 1) {
			throw new IllegalArgumentException("start evidence of " + start.year() + ", not " + (assessedYear - 1));
		}
		if (end != null && end.year() != assessedYear) {
			throw new IllegalArgumentException("end evidence of " + end.year() + ", not " + assessedYear);
		}
	}

	/**
	 * The case for a program of {@code policyYear}: the premiums of the year before, the layoffs over it.
	 *
	 * @param evidence the enterprise's insurance years (any order, others ignored)
	 */
	public static RefundCase forPolicyYear(int policyYear, SizeClass sizeClass, boolean labourDispatch, Route route,
			List<InsuranceYear> evidence) {
		int assessed = policyYear - 1;
		return new RefundCase(assessed, sizeClass, labourDispatch, route, year(evidence, assessed - 1),
				year(evidence, assessed));
	}

	private static InsuranceYear year(List<InsuranceYear> evidence, int year) {
		return evidence.stream().filter(e -> e.year() == year).findFirst().orElse(null);
	}
}
