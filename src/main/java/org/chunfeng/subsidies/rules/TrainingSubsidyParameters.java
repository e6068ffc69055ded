package org.chunfeng.subsidies.rules;

/**
 * Vocational training subsidy (职业培训补贴): an amount per person per completed course, at the catalogue rate of the
 * course (from the training module).
 *
 * @param catalogueOnly         only courses in the subsidy catalogue (纳入补贴目录) qualify
 * @param defaultRateFen        the rate for a qualifying course whose catalogue rate is not set ({@code null}: such a
 *                              course gets nothing until it is)
 * @param maxCompletionsPerYear courses subsidised per person and calendar year ({@code null}: no limit)
 */
public record TrainingSubsidyParameters(boolean catalogueOnly, Long defaultRateFen, Integer maxCompletionsPerYear)
		implements ProgramParameters {

	@Override
	public void check() {
		Checks checks = new Checks();
		checks.amount("defaultRateFen", defaultRateFen, 1, Checks.PER_PERSON_MAX_FEN, false);
		checks.count("maxCompletionsPerYear", maxCompletionsPerYear, 1, 50, false);
		checks.done();
	}
}
