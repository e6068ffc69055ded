package org.chunfeng.jobs.internal.board;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How the board reads wages, benefit words and occupation codes out of what a seeker types. */
class SeekerTextTest {

	@ParameterizedTest(name = "{0} → {1} and \"{2}\"")
	@CsvSource(delimiter = '|', value = { "苏州 月薪5000 | 5000 | 苏州", "月薪5000元 | 5000 | ''", "5000元 | 5000 | ''",
			"5000以上 普工 | 5000 | 普工", "5k | 5000 | ''", "5K电工 | 5000 | 电工", "月薪5千 | 5000 | ''",
			"1.2万 | 12000 | ''", "月薪５０００ | 5000 | ''", "5000-8000 | 5000 | ''", "5-8k | 5000 | ''",
			"工资6000元/月以上 | 6000 | ''", "5000+ | 5000 | ''", "电工 5000 | 5000 | 电工", "月薪五千 | 5000 | ''",
			"一万二 | 12000 | ''", "八千以上 保安 | 8000 | 保安", "月薪4000 5000 | 5000 | ''",
			"月薪200万 | 1000000 | ''" })
	void readsAWageAndTakesItOutOfTheWords(String text, int wage, String words) {
		SeekerText read = SeekerText.parse(text);
		assertThat(read.wageAtLeast()).isEqualTo(wage);
		assertThat(read.words()).isEqualTo(words);
	}

	@ParameterizedTest(name = "{0} stays words")
	@CsvSource(delimiter = '|', value = { "3号线 | 3号线", "叉车证 2 | 叉车证 2", "1.5 | 1.5", "500元 | 500元",
			"mp3 | mp3" })
	void numbersThatAreNoMonthlyWageStayWords(String text, String words) {
		SeekerText read = SeekerText.parse(text);
		assertThat(read.wageAtLeast()).isNull();
		assertThat(read.words()).isEqualTo(words);
	}

	@Test
	void aDailyWageIsDroppedRatherThanGuessedAt() {
		SeekerText read = SeekerText.parse("日结 200元/天");
		assertThat(read.wageAtLeast()).isNull();
		assertThat(read.words()).isEqualTo("日结");
	}

	@Test
	void benefitWordsBecomeConditions() {
		SeekerText both = SeekerText.parse("普工 包吃住");
		assertThat(both.meals()).isTrue();
		assertThat(both.housing()).isTrue();
		assertThat(both.words()).isEqualTo("普工");

		SeekerText housing = SeekerText.parse("保安包住");
		assertThat(housing.meals()).isFalse();
		assertThat(housing.housing()).isTrue();
		assertThat(housing.words()).isEqualTo("保安");

		SeekerText meals = SeekerText.parse("管吃，月薪6k");
		assertThat(meals.meals()).isTrue();
		assertThat(meals.housing()).isFalse();
		assertThat(meals.wageAtLeast()).isEqualTo(6000);
		assertThat(meals.words()).isEmpty();

		SeekerText separately = SeekerText.parse("包吃 包住 春节在岗");
		assertThat(separately.meals()).isTrue();
		assertThat(separately.housing()).isTrue();
		assertThat(separately.festival()).isTrue();
		assertThat(separately.words()).isEmpty();

		assertThat(SeekerText.parse("包食宿").housing()).isTrue();
	}

	@Test
	void anOccupationCodeBecomesAFilter() {
		SeekerText read = SeekerText.parse("6-29 苏州");
		assertThat(read.occupation()).isEqualTo("6-29");
		assertThat(read.words()).isEqualTo("苏州");
		assertThat(read.wageAtLeast()).isNull();
		assertThat(SeekerText.parse("6-31-01-03").occupation()).isEqualTo("6-31-01-03");
	}

	@Test
	void emptyTextMeansNoCondition() {
		for (String text : new String[] { null, "", "   " }) {
			SeekerText read = SeekerText.parse(text);
			assertThat(read.hasWords()).isFalse();
			assertThat(read.wageAtLeast()).isNull();
			assertThat(read.meals() || read.housing() || read.festival()).isFalse();
		}
	}
}
