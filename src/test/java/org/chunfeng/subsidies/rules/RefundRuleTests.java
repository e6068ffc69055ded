package org.chunfeng.subsidies.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.chunfeng.enterprises.EvidenceSource;
import org.chunfeng.enterprises.InsuranceYear;
import org.chunfeng.enterprises.SizeClass;
import org.chunfeng.reference.Money;
import org.junit.jupiter.api.Test;

/**
 * The job-stabilizing refund with the shipped parameters of each year: eligibility by layoff rate (5.5%, or 20% for
 * 30 or fewer insured), the refund as the size class's share of last year's premiums, the automatic route.
 */
class RefundRuleTests {

	static final RefundParameters Y2019 = (RefundParameters) Templates.REFUND_2019.parameters();
	static final RefundParameters Y2020 = (RefundParameters) Templates.REFUND_2020.parameters();
	static final RefundParameters Y2021 = (RefundParameters) Templates.REFUND_2021.parameters();
	static final RefundParameters Y2022 = (RefundParameters) Templates.REFUND_2022.parameters();

	/** An enterprise's case of 2021's program: headcounts at the end of 2019 and 2020, premiums paid in 2020. */
	static RefundCase case2021(SizeClass size, int insured2019, int insured2020, String premiumsYuan) {
		return RefundCase.forPolicyYear(2021, size, false, Route.APPLICATION, List.of(
				year(2019, insured2019, "0"), year(2020, insured2020, premiumsYuan), year(2018, 999, "1")));
	}

	static InsuranceYear year(int year, int insured, String premiumsYuan) {
		return new InsuranceYear(year, insured, Money.parse(premiumsYuan), EvidenceSource.IMPORT, null);
	}

	@Test
	void a2021SmeWith25InsuredAndA16PercentLayoffRateGets60PercentOfItsPremiums() {
		Assessment a = RefundRule.assess(Y2021, case2021(SizeClass.SMALL, 25, 21, "12,345.67"));
		assertThat(a.eligible()).isTrue();
		// 60% of 1,234,567 fen = 740,740.2 fen, rounded half-up to the fen
		assertThat(a.amountFen()).isEqualTo(740_740L);
		assertThat(a.codes()).containsExactly("subsidy.reason.refund.layoffRate",
				"subsidy.reason.refund.smallEnterprise", "subsidy.reason.refund.rate.SMALL");
		assertThat(a.reasons().get(0).args()).containsExactly("2019", "25", "2020", "21", "16");
		assertThat(a.reasons().get(1).args()).containsExactly("25", "30", "16", "20");
		assertThat(a.reasons().get(2).args()).containsExactly("60", "2020", "12,345.67", "7,407.40");
		assertThat(a.items()).containsExactly(new Item("", 1, 740_740L));
	}

	@Test
	void aLargeEnterpriseWithASixPercentLayoffRateGetsNothing() {
		Assessment a = RefundRule.assess(Y2021, case2021(SizeClass.LARGE, 1000, 940, "2,000,000"));
		assertThat(a.eligible()).isFalse();
		assertThat(a.amountFen()).isZero();
		assertThat(a.codes()).containsExactly("subsidy.reason.refund.layoffRate", "subsidy.reason.refund.aboveTarget");
		assertThat(a.reasons().get(1).args()).containsExactly("6", "5.5");
	}

	@Test
	void exactlyTheTargetQualifiesAndTheLargeRateOf2021Is30Percent() {
		Assessment a = RefundRule.assess(Y2021, case2021(SizeClass.LARGE, 1000, 945, "2,000,000"));
		assertThat(a.eligible()).isTrue();
		assertThat(a.codes()).contains("subsidy.reason.refund.withinTarget");
		assertThat(a.amountFen()).isEqualTo(60_000_000L);
		// one more layoff is above it
		assertThat(RefundRule.assess(Y2021, case2021(SizeClass.LARGE, 1000, 944, "2,000,000")).eligible()).isFalse();
	}

	@Test
	void thirtyOrFewerInsuredQualifyUpToTwentyPercentAndNoFurther() {
		// 30 → 24: exactly 20%
		Assessment twenty = RefundRule.assess(Y2021, case2021(SizeClass.MICRO, 30, 24, "30,000"));
		assertThat(twenty.eligible()).isTrue();
		assertThat(twenty.amountFen()).isEqualTo(1_800_000L);
		// 30 → 23: 23.33%
		Assessment above = RefundRule.assess(Y2021, case2021(SizeClass.MICRO, 30, 23, "30,000"));
		assertThat(above.eligible()).isFalse();
		assertThat(above.codes()).containsExactly("subsidy.reason.refund.layoffRate",
				"subsidy.reason.refund.aboveTarget", "subsidy.reason.refund.aboveSmallLimit");
		assertThat(above.reasons().get(0).args().get(4)).isEqualTo("23.33");
		// 31 insured are not a small enterprise here: 31 → 25 (19.35%) is above 5.5%
		Assessment thirtyOne = RefundRule.assess(Y2021, case2021(SizeClass.SMALL, 31, 25, "30,000"));
		assertThat(thirtyOne.eligible()).isFalse();
		assertThat(thirtyOne.codes()).containsExactly("subsidy.reason.refund.layoffRate",
				"subsidy.reason.refund.aboveTarget");
	}

	@Test
	void anEnterpriseThatGrewLaidOffNobody() {
		Assessment a = RefundRule.assess(Y2021, case2021(SizeClass.MEDIUM, 80, 95, "100,000"));
		assertThat(a.eligible()).isTrue();
		assertThat(a.codes()).contains("subsidy.reason.refund.noLayoffs");
		assertThat(a.reasons().get(0).args().get(4)).isEqualTo("0");
		assertThat(a.amountFen()).isEqualTo(6_000_000L);
	}

	@Test
	void theRatesOfEachYear() {
		RefundCase sme = RefundCase.forPolicyYear(2020, SizeClass.MEDIUM, false, Route.APPLICATION,
				List.of(year(2018, 100, "0"), year(2019, 100, "10,000")));
		assertThat(RefundRule.assess(Y2019, new RefundCase(2018, SizeClass.MEDIUM, false, Route.APPLICATION,
				year(2017, 100, "0"), year(2018, 100, "10,000"))).amountFen()).isEqualTo(500_000L);
		assertThat(RefundRule.assess(Y2020, sme).amountFen()).isEqualTo(1_000_000L);
		RefundCase large = new RefundCase(2021, SizeClass.LARGE, false, Route.APPLICATION, year(2020, 100, "0"),
				year(2021, 100, "10,000"));
		assertThat(RefundRule.assess(Y2022, large).amountFen()).isEqualTo(500_000L);
		RefundCase small = new RefundCase(2021, SizeClass.SMALL, false, Route.APPLICATION, year(2020, 100, "0"),
				year(2021, 100, "10,000"));
		assertThat(RefundRule.assess(Y2022, small).amountFen()).isEqualTo(900_000L);
	}

	@Test
	void labourDispatchFirmsAreLeftOutOfTheAutomaticRouteButMayApply() {
		List<InsuranceYear> evidence = List.of(year(2019, 200, "0"), year(2020, 200, "50,000"));
		Assessment automatic = RefundRule.assess(Y2021,
				RefundCase.forPolicyYear(2021, SizeClass.MEDIUM, true, Route.AUTOMATIC, evidence));
		assertThat(automatic.eligible()).isFalse();
		assertThat(automatic.codes()).containsExactly("subsidy.reason.refund.dispatchMustApply");
		Assessment applied = RefundRule.assess(Y2021,
				RefundCase.forPolicyYear(2021, SizeClass.MEDIUM, true, Route.APPLICATION, evidence));
		assertThat(applied.eligible()).isTrue();
		assertThat(applied.amountFen()).isEqualTo(3_000_000L);
		assertThat(applied.codes()).contains("subsidy.reason.refund.dispatchApplied");
		// any other enterprise goes the automatic route
		assertThat(RefundRule.assess(Y2021,
				RefundCase.forPolicyYear(2021, SizeClass.MEDIUM, false, Route.AUTOMATIC, evidence)).eligible())
			.isTrue();
	}

	@Test
	void programsBefore2021PayOnApplicationOnly() {
		RefundCase automatic = new RefundCase(2019, SizeClass.SMALL, false, Route.AUTOMATIC, year(2018, 10, "0"),
				year(2019, 10, "1,000"));
		assertThat(RefundRule.assess(Y2020, automatic).codes())
			.containsExactly("subsidy.reason.refund.applicationOnly");
	}

	@Test
	void missingEvidenceOrSizeIsSaid() {
		RefundCase noStart = RefundCase.forPolicyYear(2021, SizeClass.SMALL, false, Route.APPLICATION,
				List.of(year(2020, 10, "1,000")));
		Assessment a = RefundRule.assess(Y2021, noStart);
		assertThat(a.eligible()).isFalse();
		assertThat(a.reasons()).containsExactly(Reason.of("subsidy.reason.refund.evidenceMissing", 2019));
		Assessment size = RefundRule.assess(Y2021, case2021(null, 10, 10, "1,000"));
		assertThat(size.eligible()).isFalse();
		assertThat(size.codes()).endsWith("subsidy.reason.refund.sizeUnknown");
		Assessment nothingPaid = RefundRule.assess(Y2021, case2021(SizeClass.SMALL, 10, 10, "0"));
		assertThat(nothingPaid.eligible()).isFalse();
		assertThat(nothingPaid.codes()).endsWith("subsidy.reason.nothingDue");
	}

	@Test
	void halfAFenRoundsUp() {
		Assessment a = RefundRule.assess(Y2019, new RefundCase(2019, SizeClass.SMALL, false, Route.APPLICATION,
				year(2018, 10, "0"), year(2019, 10, "0.03")));
		assertThat(a.amountFen()).isEqualTo(2L);
	}

	@Test
	void evidenceOfTheWrongYearIsAProgrammingError() {
		assertThatThrownBy(() -> new RefundCase(2021, SizeClass.SMALL, false, Route.APPLICATION, year(2019, 1, "0"),
				year(2021, 1, "0"))).isInstanceOf(IllegalArgumentException.class);
	}
}
