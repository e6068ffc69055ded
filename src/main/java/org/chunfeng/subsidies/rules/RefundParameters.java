package org.chunfeng.subsidies.rules;

/**
 * Job-stabilizing refund of unemployment insurance (稳岗返还): an enterprise that laid off nobody, or at most
 * {@code layoffRateLimitBp} of its insured staff (the national surveyed-unemployment target, 5.5%), or one with at
 * most {@code smallEnterpriseHeadcount} insured (30) that laid off at most {@code smallEnterpriseLayoffRateLimitBp}
 * (20%), gets back its size class's share of the unemployment-insurance premiums it paid in the year assessed.
 *
 * @param rates                            the share refunded per size class (basis points)
 * @param layoffRateLimitBp                the highest layoff rate that qualifies (550 = 5.5%)
 * @param smallEnterpriseHeadcount         enterprises with at most this many insured at the start of the year may
 *                                         use the relaxed limit ({@code null}: no relaxation)
 * @param smallEnterpriseLayoffRateLimitBp their highest layoff rate (2000 = 20%)
 * @param automatic                        paid without an application from the data the bureau holds (免申即享)
 * @param dispatchExcludedFromAutomatic    labour-dispatch firms are left out of the automatic route; they may apply
 */
public record RefundParameters(SizeRates rates, Integer layoffRateLimitBp, Integer smallEnterpriseHeadcount,
		Integer smallEnterpriseLayoffRateLimitBp, boolean automatic, boolean dispatchExcludedFromAutomatic)
		implements ProgramParameters {

	@Override
	public void check() {
		Checks checks = new Checks();
		if (checks.required("rates", rates)) {
			rates.check(checks, "rates");
		}
		checks.percent("layoffRateLimitBp", layoffRateLimitBp, 0, Figures.WHOLE_BP, true);
		checks.count("smallEnterpriseHeadcount", smallEnterpriseHeadcount, 1, 10_000, false);
		checks.percent("smallEnterpriseLayoffRateLimitBp", smallEnterpriseLayoffRateLimitBp, 0, Figures.WHOLE_BP,
				false);
		if ((smallEnterpriseHeadcount == null) != (smallEnterpriseLayoffRateLimitBp == null)) {
			checks.problem(smallEnterpriseHeadcount == null ? "smallEnterpriseHeadcount"
					: "smallEnterpriseLayoffRateLimitBp", "subsidy.param.refund.smallTogether");
		}
		checks.done();
	}
}
