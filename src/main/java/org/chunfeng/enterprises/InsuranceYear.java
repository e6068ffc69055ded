package org.chunfeng.enterprises;

import java.time.Instant;

import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.reference.Money;

/**
 * One year of an enterprise's social-insurance evidence (参保缴费信息), which the job-stabilising refund (稳岗返还)
 * is computed from: the insured headcount at the end of the year and the unemployment-insurance premiums the
 * enterprise paid in it.
 *
 * @param insuredHeadcount 年末参保人数
 * @param premiums         失业保险费 paid in the year
 * @param recordedAt       {@code null} until stored
 */
public record InsuranceYear(int year, int insuredHeadcount, Money premiums, EvidenceSource source,
		Instant recordedAt) {

	public static final int FIRST_YEAR = 2000;
	public static final int LAST_YEAR = 2100;

	public InsuranceYear {
		if (year < FIRST_YEAR || year > LAST_YEAR) {
			throw new InvalidRequestException("year", "enterprise.insurance.year", FIRST_YEAR, LAST_YEAR);
		}
		if (insuredHeadcount < 0 || insuredHeadcount > 10_000_000) {
			throw new InvalidRequestException("insuredHeadcount", "enterprise.insurance.headcount");
		}
		if (premiums == null) {
			throw new InvalidRequestException("premiums", "problem.field.required");
		}
		if (premiums.isNegative()) {
			throw new InvalidRequestException("premiums", "enterprise.amount.negative");
		}
		if (source == null) {
			throw new InvalidRequestException("source", "problem.field.required");
		}
	}
}
