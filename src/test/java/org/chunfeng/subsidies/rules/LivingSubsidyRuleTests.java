package org.chunfeng.subsidies.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Temporary living subsidy (at most 3 months, pegged to 低保, migrant workers with under a year of cover) and the
 * unemployment subsidy (at most 6 months, at most 80% of the unemployment-insurance benefit).
 */
class LivingSubsidyRuleTests {

	static final LivingSubsidyParameters TEMPLATE = (LivingSubsidyParameters) Templates.TEMPORARY_LIVING_2021
		.parameters();

	/** The template with a city's 低保 of 1,095 yuan filled in. */
	static final LivingSubsidyParameters LIVING = new LivingSubsidyParameters(TEMPLATE.peg(), 109_500L,
			TEMPLATE.percentBp(), TEMPLATE.maxMonths(), TEMPLATE.coverMonthsBelow(), TEMPLATE.migrantWorkersOnly());

	static final LivingSubsidyParameters UNEMPLOYMENT = new LivingSubsidyParameters(PegBase.UNEMPLOYMENT_BENEFIT,
			200_000L, 8_000, 6, null, false);

	static List<YearMonth> months(int count) {
		return java.util.stream.IntStream.range(0, count).mapToObj(i -> YearMonth.of(2021, 2).plusMonths(i)).toList();
	}

	static LivingSubsidyCase migrant(int coverMonths, int claimed, int paidBefore) {
		return new LivingSubsidyCase(true, true, coverMonths, false, months(claimed), paidBefore);
	}

	@Test
	void atMostThreeMonthsAtTheSubsistenceAllowance() {
		Assessment a = LivingSubsidyRule.assess(LIVING, migrant(8, 4, 0));
		assertThat(a.eligible()).isTrue();
		assertThat(a.amountFen()).isEqualTo(3 * 109_500L);
		assertThat(a.items()).extracting(Item::subject).containsExactly("2021-02", "2021-03", "2021-04");
		assertThat(a.reasons()).contains(
				Reason.of("subsidy.reason.living.monthly.SUBSISTENCE_ALLOWANCE", "1,095.00", "100", "1,095.00"),
				Reason.of("subsidy.reason.living.monthsCapped", 4, 3, 3, 0, "3,285.00"));
		// two months were paid before: one is left
		Assessment later = LivingSubsidyRule.assess(LIVING, migrant(8, 2, 2));
		assertThat(later.amountFen()).isEqualTo(109_500L);
		assertThat(later.items()).extracting(Item::subject).containsExactly("2021-02");
		Assessment used = LivingSubsidyRule.assess(LIVING, migrant(8, 1, 3));
		assertThat(used.eligible()).isFalse();
		assertThat(used.codes()).endsWith("subsidy.reason.living.monthsUsed");
	}

	@Test
	void onlyMigrantWorkersOutOfWorkWithUnderAYearOfCover() {
		assertThat(LivingSubsidyRule.assess(LIVING, migrant(12, 1, 0)).codes())
			.containsExactly("subsidy.reason.living.coverTooLong");
		assertThat(LivingSubsidyRule.assess(LIVING, new LivingSubsidyCase(true, false, 3, false, months(1), 0))
			.codes()).containsExactly("subsidy.reason.living.notMigrant");
		assertThat(LivingSubsidyRule.assess(LIVING, new LivingSubsidyCase(false, true, 3, false, months(1), 0))
			.codes()).containsExactly("subsidy.reason.living.notUnemployed");
		assertThat(LivingSubsidyRule.assess(LIVING, new LivingSubsidyCase(true, true, 3, true, months(1), 0))
			.codes()).containsExactly("subsidy.reason.living.receivingBenefit");
	}

	@Test
	void theTemplateHasNoLocalAmountYet() {
		Assessment a = LivingSubsidyRule.assess(TEMPLATE, migrant(3, 1, 0));
		assertThat(a.eligible()).isFalse();
		assertThat(a.codes()).endsWith("subsidy.reason.living.amountNotSet");
		assertThat(TEMPLATE.missingToOpen()).extracting(p -> p.field()).containsExactly("parameters.pegAmountFen");
		assertThat(LIVING.missingToOpen()).isEmpty();
	}

	@Test
	void theUnemploymentSubsidyIs80PercentOfTheBenefitForAtMostSixMonths() {
		Assessment a = LivingSubsidyRule.assess(UNEMPLOYMENT,
				new LivingSubsidyCase(true, false, 30, false, months(8), 0));
		assertThat(a.amountFen()).isEqualTo(6 * 160_000L);
		assertThat(a.items()).hasSize(6);
		// a month claimed twice counts once
		Assessment twice = LivingSubsidyRule.assess(UNEMPLOYMENT, new LivingSubsidyCase(true, false, 30, false,
				List.of(YearMonth.of(2021, 3), YearMonth.of(2021, 3)), 0));
		assertThat(twice.amountFen()).isEqualTo(160_000L);
		Templates.UNEMPLOYMENT_SUBSIDY_2021.parameters().check();
		assertThat(((LivingSubsidyParameters) Templates.UNEMPLOYMENT_SUBSIDY_2021.parameters()).percentBp())
			.isEqualTo(8_000);
	}
}
