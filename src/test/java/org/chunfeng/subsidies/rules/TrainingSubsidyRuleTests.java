package org.chunfeng.subsidies.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The vocational training subsidy: per completed course at its catalogue rate. */
class TrainingSubsidyRuleTests {

	static final TrainingSubsidyParameters CATALOGUE = (TrainingSubsidyParameters) Templates.TRAINING_SUBSIDY_2021
		.parameters();

	@Test
	void aCompletedCatalogueCourseAtItsRate() {
		Assessment a = TrainingSubsidyRule.assess(CATALOGUE,
				new TrainingSubsidyCase("电工上岗证培训", true, true, 180_000L, 0));
		assertThat(a.eligible()).isTrue();
		assertThat(a.amountFen()).isEqualTo(180_000L);
		assertThat(a.reasons())
			.containsExactly(Reason.of("subsidy.reason.training.catalogueRate", "电工上岗证培训", "1,800.00"));
	}

	@Test
	void notCompletedNotInTheCatalogueOrNoRate() {
		assertThat(TrainingSubsidyRule.assess(CATALOGUE, new TrainingSubsidyCase("焊工", false, true, 150_000L, 0))
			.codes()).containsExactly("subsidy.reason.training.notCompleted");
		assertThat(TrainingSubsidyRule.assess(CATALOGUE, new TrainingSubsidyCase("烹调", true, false, null, 0))
			.codes()).containsExactly("subsidy.reason.training.notInCatalogue");
		assertThat(TrainingSubsidyRule.assess(CATALOGUE, new TrainingSubsidyCase("养老护理", true, true, null, 0))
			.codes()).containsExactly("subsidy.reason.training.noRate");
	}

	@Test
	void aLocalDefaultRateAndAYearlyLimit() {
		TrainingSubsidyParameters local = new TrainingSubsidyParameters(false, 100_000L, 3);
		assertThat(TrainingSubsidyRule.assess(local, new TrainingSubsidyCase("烹调", true, false, null, 2))
			.amountFen()).isEqualTo(100_000L);
		Assessment fourth = TrainingSubsidyRule.assess(local, new TrainingSubsidyCase("电工", true, true, 180_000L, 3));
		assertThat(fourth.eligible()).isFalse();
		assertThat(fourth.codes()).endsWith("subsidy.reason.training.yearlyLimit");
	}
}
