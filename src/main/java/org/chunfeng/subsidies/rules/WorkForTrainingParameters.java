package org.chunfeng.subsidies.rules;

/**
 * Work-for-training (以工代训): the enterprise gets an amount per trainee and month, for at most
 * {@code maxMonthsPerTrainee} months per trainee across all its claims; a festival program may raise the rate and add
 * a one-off living allowance per trainee.
 *
 * @param perTraineeMonthFen the catalogue rate per trainee and month (500 yuan = 50000)
 * @param maxMonthsPerTrainee months per trainee across all claims (6)
 * @param upliftBp           the share of the catalogue rate paid ({@code null}: 100%; 12000 = 120%)
 * @param livingAllowanceFen a one-off living allowance per trainee ({@code null}: none; 300 yuan = 30000)
 */
public record WorkForTrainingParameters(Long perTraineeMonthFen, Integer maxMonthsPerTrainee, Integer upliftBp,
		Long livingAllowanceFen) implements ProgramParameters {

	@Override
	public void check() {
		Checks checks = new Checks();
		checks.amount("perTraineeMonthFen", perTraineeMonthFen, 1, Checks.PER_PERSON_MAX_FEN, true);
		checks.count("maxMonthsPerTrainee", maxMonthsPerTrainee, 1, 36, true);
		checks.percent("upliftBp", upliftBp, Figures.WHOLE_BP, 3 * Figures.WHOLE_BP, false);
		checks.amount("livingAllowanceFen", livingAllowanceFen, 1, Checks.PER_PERSON_MAX_FEN, false);
		checks.done();
	}

	/** The amount per trainee and month after the uplift. */
	public long monthlyFen() {
		return upliftBp == null ? perTraineeMonthFen : Figures.share(perTraineeMonthFen, upliftBp);
	}
}
