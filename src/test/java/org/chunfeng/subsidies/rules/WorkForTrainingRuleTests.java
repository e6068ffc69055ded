package org.chunfeng.subsidies.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.chunfeng.subsidies.rules.WorkForTrainingCase.Trainee;
import org.junit.jupiter.api.Test;

/** Work-for-training: 500 yuan per trainee and month, at most 6 months per trainee across claims; the festival rate. */
class WorkForTrainingRuleTests {

	static final WorkForTrainingParameters TYPICAL = (WorkForTrainingParameters) Templates.WORK_FOR_TRAINING_2021
		.parameters();
	static final WorkForTrainingParameters FESTIVAL = (WorkForTrainingParameters) Templates.WORK_FOR_TRAINING_2021_FESTIVAL
		.parameters();

	@Test
	void monthsPerTraineeAtTheCatalogueRate() {
		Assessment a = WorkForTrainingRule.assess(TYPICAL, new WorkForTrainingCase(List.of(
				new Trainee("1", "张三", 3, 0, false), new Trainee("2", "李四", 6, 0, false))));
		assertThat(a.eligible()).isTrue();
		assertThat(a.amountFen()).isEqualTo(9 * 50_000L);
		assertThat(a.items()).containsExactly(new Item("张三", 3, 150_000L), new Item("李四", 6, 300_000L));
		assertThat(a.reasons().get(0)).isEqualTo(Reason.of("subsidy.reason.wft.rate", "500.00", 6));
		assertThat(a.reasons()).contains(Reason.of("subsidy.reason.wft.trainee", "张三", 3, "1,500.00"),
				Reason.of("subsidy.reason.total", "4,500.00"));
	}

	@Test
	void theSixMonthCapHoldsAcrossClaims() {
		Assessment a = WorkForTrainingRule.assess(TYPICAL, new WorkForTrainingCase(List.of(
				new Trainee("1", "张三", 3, 4, false), new Trainee("2", "李四", 2, 6, false),
				new Trainee("3", "王五", 12, 0, false))));
		assertThat(a.items()).containsExactly(new Item("张三", 2, 100_000L), new Item("王五", 6, 300_000L));
		assertThat(a.amountFen()).isEqualTo(400_000L);
		assertThat(a.reasons()).contains(
				Reason.of("subsidy.reason.wft.capped", "张三", 3, 2, 6, 4, "1,000.00"),
				Reason.of("subsidy.reason.wft.capReached", "李四", 6, 6),
				Reason.of("subsidy.reason.wft.capped", "王五", 12, 6, 6, 0, "3,000.00"));
		// nobody left under the cap: nothing due
		Assessment none = WorkForTrainingRule.assess(TYPICAL,
				new WorkForTrainingCase(List.of(new Trainee("2", "李四", 2, 6, false))));
		assertThat(none.eligible()).isFalse();
		assertThat(none.amountFen()).isZero();
		assertThat(none.codes()).endsWith("subsidy.reason.nothingDue");
	}

	@Test
	void theSameTraineeTwiceInAClaimCountsOnce() {
		Assessment a = WorkForTrainingRule.assess(TYPICAL, new WorkForTrainingCase(List.of(
				new Trainee("1", "张三", 2, 0, false), new Trainee("1", "张三", 2, 0, false))));
		assertThat(a.amountFen()).isEqualTo(100_000L);
		assertThat(a.codes()).contains("subsidy.reason.wft.duplicate");
	}

	@Test
	void theFestivalRateIs120PercentPlusA300YuanAllowanceOncePerTrainee() {
		assertThat(FESTIVAL.monthlyFen()).isEqualTo(60_000L);
		Assessment a = WorkForTrainingRule.assess(FESTIVAL, new WorkForTrainingCase(List.of(
				new Trainee("1", "张三", 2, 0, false), new Trainee("2", "李四", 1, 1, true))));
		// 张三: 2 × 600 + 300; 李四: 600, allowance paid with an earlier claim
		assertThat(a.items()).containsExactly(new Item("张三", 2, 150_000L), new Item("李四", 1, 60_000L));
		assertThat(a.amountFen()).isEqualTo(210_000L);
		assertThat(a.reasons().get(0))
			.isEqualTo(Reason.of("subsidy.reason.wft.rateRaised", "500.00", "120", "600.00", 6));
		assertThat(a.reasons()).contains(Reason.of("subsidy.reason.wft.allowance", "张三", "300.00"));
	}
}
