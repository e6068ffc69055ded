package org.chunfeng.subsidies.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.chunfeng.platform.InvalidFieldsException;
import org.junit.jupiter.api.Test;

/** Parameters check themselves and name each bad field as the form and the API call it. */
class ProgramParametersTests {

	static List<String> problems(ProgramParameters parameters) {
		try {
			parameters.check();
			return List.of();
		}
		catch (InvalidFieldsException ex) {
			return ex.problems().stream().map(p -> p.field() + " " + p.code()).toList();
		}
	}

	@Test
	void everyShippedTemplateKeepsItsKindsRules() {
		assertThat(Templates.ALL).hasSize(13);
		assertThat(Templates.ALL).extracting(ProgramTemplate::key).doesNotHaveDuplicates();
		assertThat(Templates.ALL).extracting(ProgramTemplate::name).doesNotHaveDuplicates();
		for (ProgramTemplate template : Templates.ALL) {
			assertThat(problems(template.parameters())).as(template.key()).isEmpty();
			assertThat(template.kind().fits(template.parameters())).isTrue();
		}
		assertThat(Templates.find("refund-2021")).contains(Templates.REFUND_2021);
		RefundParameters y2021 = (RefundParameters) Templates.REFUND_2021.parameters();
		assertThat(y2021.rates()).isEqualTo(new SizeRates(3000, 6000, 6000, 6000));
		assertThat(y2021.layoffRateLimitBp()).isEqualTo(550);
		assertThat(y2021.smallEnterpriseHeadcount()).isEqualTo(30);
		assertThat(y2021.smallEnterpriseLayoffRateLimitBp()).isEqualTo(2000);
		assertThat(y2021.automatic()).isTrue();
		assertThat(y2021.dispatchExcludedFromAutomatic()).isTrue();
	}

	@Test
	void badParametersAreNamedFieldByField() {
		assertThat(problems(new RefundParameters(new SizeRates(3000, null, 12000, 6000), null, 30, null, true, true)))
			.containsExactly("parameters.rates.medium problem.field.required",
					"parameters.rates.small subsidy.param.percentRange",
					"parameters.layoffRateLimitBp problem.field.required",
					"parameters.smallEnterpriseLayoffRateLimitBp subsidy.param.refund.smallTogether");
		assertThat(problems(new WorkForTrainingParameters(0L, 0, 9000, null))).containsExactly(
				"parameters.perTraineeMonthFen subsidy.param.amountRange",
				"parameters.maxMonthsPerTrainee subsidy.param.countRange", "parameters.upliftBp subsidy.param.percentRange");
		assertThat(problems(new StayPutParameters(50_000L, Beneficiary.WORKER, null, null, 20, 10_000L,
				LocalDate.of(2021, 2, 17), LocalDate.of(2021, 2, 11)))).containsExactly(
						"parameters.minOutsideWorkers subsidy.param.stayPut.employerOnly",
						"parameters.dutyTo subsidy.param.stayPut.dutyOrder");
		assertThat(problems(new StayPutParameters(50_000L, Beneficiary.ENTERPRISE, null, null, null, 10_000L, null,
				null))).containsExactly("parameters.dutyFrom problem.field.required",
						"parameters.dutyTo problem.field.required");
		assertThat(problems(new LivingSubsidyParameters(null, null, 0, 40, null, true))).containsExactly(
				"parameters.peg problem.field.required", "parameters.percentBp subsidy.param.percentRange",
				"parameters.maxMonths subsidy.param.countRange");
	}

	@Test
	void aCaseOfAnotherKindIsRefused() {
		assertThatThrownBy(() -> Rules.assess(Templates.REFUND_2021.parameters(),
				new TrainingSubsidyCase("x", true, true, 1L, 0))).isInstanceOf(IllegalArgumentException.class);
		assertThat(Rules.assess(Templates.TRAINING_SUBSIDY_2021.parameters(),
				new TrainingSubsidyCase("x", true, true, 1L, 0)).amountFen()).isEqualTo(1L);
	}

	@Test
	void percentagesAndAmountsAreFormattedExactly() {
		assertThat(Figures.percent(550)).isEqualTo("5.5");
		assertThat(Figures.percent(10000)).isEqualTo("100");
		assertThat(Figures.percent(4, 25)).isEqualTo("16");
		assertThat(Figures.percent(1, 3)).isEqualTo("33.33");
		assertThat(Figures.atMost(55, 1000, 550)).isTrue();
		assertThat(Figures.atMost(56, 1000, 550)).isFalse();
		assertThat(Figures.yuan(30_000_000L)).isEqualTo("300,000.00");
	}
}
