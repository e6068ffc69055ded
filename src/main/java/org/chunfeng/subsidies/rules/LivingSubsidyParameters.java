package org.chunfeng.subsidies.rules;

import java.util.List;

import org.chunfeng.platform.InvalidRequestException;

/**
 * A monthly living subsidy for unemployed people: the temporary living subsidy (临时生活补助) for migrant workers with
 * under a year of unemployment-insurance cover (at most 3 months, pegged to 低保), or the unemployment subsidy
 * (失业补助金, at most 6 months, at most 80% of the unemployment-insurance benefit). One person never receives two of
 * them for the same month: the payments module keeps that across programs.
 *
 * @param peg               what the monthly amount follows
 * @param pegAmountFen      the local amount of the peg per month (e.g. the city's 低保); a template leaves it open
 *                          and a program cannot open without it
 * @param percentBp         the share of the peg paid per month (10000 = 100%; 8000 = 80%)
 * @param maxMonths         months per person over all claims
 * @param coverMonthsBelow  only people insured for fewer months than this ({@code null}: any cover)
 * @param migrantWorkersOnly only migrant workers (农民工, rural hukou working away from home)
 */
public record LivingSubsidyParameters(PegBase peg, Long pegAmountFen, Integer percentBp, Integer maxMonths,
		Integer coverMonthsBelow, boolean migrantWorkersOnly) implements ProgramParameters {

	@Override
	public void check() {
		Checks checks = new Checks();
		checks.required("peg", peg);
		checks.amount("pegAmountFen", pegAmountFen, 1, Checks.PER_PERSON_MAX_FEN, false);
		checks.percent("percentBp", percentBp, 1, Figures.WHOLE_BP, true);
		checks.count("maxMonths", maxMonths, 1, 36, true);
		checks.count("coverMonthsBelow", coverMonthsBelow, 1, 600, false);
		checks.done();
	}

	@Override
	public List<InvalidRequestException> missingToOpen() {
		Checks checks = new Checks();
		if (pegAmountFen == null) {
			checks.problem("pegAmountFen", "subsidy.param.living.pegAmountToOpen");
		}
		return checks.problems();
	}

	/** The amount per month, or {@code null} while the peg's amount is not set. */
	public Long monthlyFen() {
		return pegAmountFen == null ? null : Figures.share(pegAmountFen, percentBp);
	}
}
