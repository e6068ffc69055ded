package org.chunfeng.enterprises;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.chunfeng.identity.RegionScope;
import org.chunfeng.reference.Money;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The bulk read of enterprises with insurance evidence (the automatic refund run's input): one streamed query in id
 * order, the years asked for only, the region and the caller's scope respected, merged records left out, and a
 * resumption after an id. Other test classes share the database: only own records are looked at.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class InsuredEnterprisesTests {

	static final RegionCode HUQIU = RegionCode.of("320505");
	static final RegionCode WUZHONG = RegionCode.of("320506");

	@Autowired
	Enterprises enterprises;

	Enterprise register(RegionCode region, String name, int employees, Long revenue, boolean dispatch) {
		return RegionScope.asSystem(() -> enterprises.register(new NewEnterprise(TestPeople.creditCode(),
				name + " " + System.nanoTime(), region, null, "39", employees, null, dispatch, revenue, 10_000_000L)));
	}

	void evidence(Enterprise e, int year, int insured, long premiumsFen) {
		RegionScope.asSystem(() -> enterprises.recordInsurance(e.id(),
				new InsuranceYear(year, insured, Money.ofFen(premiumsFen), EvidenceSource.IMPORT, null)));
	}

	List<InsuredEnterprise> read(RegionCode within, int from, int to, long afterId, Set<Long> mine) {
		List<InsuredEnterprise> seen = new ArrayList<>();
		enterprises.forEachInsured(within, from, to, afterId, e -> {
			if (mine.contains(e.id())) {
				seen.add(e);
			}
		});
		return seen;
	}

	@Test
	void streamsEveryInsuredEnterpriseOfTheRegionInIdOrderWithTheYearsAskedFor() {
		Enterprise small = register(HUQIU, "流式小企业", 25, 5_000_000L, false);
		Enterprise large = register(HUQIU, "流式大企业", 1_500, 600_000_000L, false);
		Enterprise dispatch = register(HUQIU, "流式派遣企业", 80, 30_000_000L, true);
		Enterprise noEvidence = register(HUQIU, "流式无参保企业", 10, null, false);
		Enterprise elsewhere = register(WUZHONG, "流式吴中企业", 25, 5_000_000L, false);
		Enterprise onlyOldYears = register(HUQIU, "流式旧年度企业", 25, 5_000_000L, false);
		for (Enterprise e : List.of(small, large, dispatch, elsewhere)) {
			evidence(e, 2019, 40, 100_000);
			evidence(e, 2020, 25, 120_000);
			evidence(e, 2021, 24, 130_000);
		}
		evidence(onlyOldYears, 2018, 30, 50_000);
		Set<Long> mine = Set.of(small.id(), large.id(), dispatch.id(), noEvidence.id(), elsewhere.id(),
				onlyOldYears.id());

		List<InsuredEnterprise> seen = RegionScope.asSystem(() -> read(HUQIU, 2019, 2020, 0, mine));
		assertThat(seen).extracting(InsuredEnterprise::id).containsExactly(small.id(), large.id(), dispatch.id());
		InsuredEnterprise first = seen.getFirst();
		assertThat(first.name()).isEqualTo(small.name());
		assertThat(first.region()).isEqualTo(HUQIU);
		assertThat(first.sizeClass()).isEqualTo(SizeClass.SMALL).isEqualTo(small.sizeClass());
		assertThat(first.labourDispatch()).isFalse();
		assertThat(first.years()).extracting(InsuranceYear::year).containsExactly(2019, 2020);
		assertThat(first.years().get(1).insuredHeadcount()).isEqualTo(25);
		assertThat(first.years().get(1).premiums()).isEqualTo(Money.ofFen(120_000));
		assertThat(first.years().get(1).source()).isEqualTo(EvidenceSource.IMPORT);
		assertThat(seen.get(1).sizeClass()).isEqualTo(SizeClass.LARGE);
		assertThat(seen.get(2).labourDispatch()).isTrue();

		// resumed after the first: the others only
		assertThat(RegionScope.asSystem(() -> read(HUQIU, 2019, 2020, small.id(), mine)))
			.extracting(InsuredEnterprise::id).containsExactly(large.id(), dispatch.id());
		// the whole city: the county's and its sibling's
		assertThat(RegionScope.asSystem(() -> read(RegionCode.of("320500"), 2020, 2021, 0, mine)))
			.extracting(InsuredEnterprise::id).containsExactly(small.id(), large.id(), dispatch.id(), elsewhere.id());
		// the caller's scope bounds it too: 吴中's staff asking for the city see only 吴中's
		assertThat(RegionScope.within(WUZHONG, () -> read(RegionCode.of("320500"), 2019, 2021, 0, mine)))
			.extracting(InsuredEnterprise::id).containsExactly(elsewhere.id());
	}

	@Test
	void aMergedRecordIsLeftOutItsEvidenceGoesWithTheKeptOne() {
		Enterprise keep = register(HUQIU, "合并保留企业", 25, 5_000_000L, false);
		Enterprise duplicate = register(HUQIU, "合并重复企业", 25, 5_000_000L, false);
		evidence(keep, 2020, 25, 120_000);
		evidence(duplicate, 2019, 30, 100_000);
		evidence(duplicate, 2020, 26, 110_000);
		RegionScope.asSystem(() -> enterprises.merge(keep.id(), duplicate.id()));
		List<InsuredEnterprise> seen = RegionScope.asSystem(
				() -> read(HUQIU, 2019, 2020, 0, Set.of(keep.id(), duplicate.id())));
		assertThat(seen).extracting(InsuredEnterprise::id).containsExactly(keep.id());
		// the kept record's own 2020 stays; the duplicate's 2019 came over
		assertThat(seen.getFirst().years()).extracting(InsuranceYear::year, InsuranceYear::insuredHeadcount)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(2019, 30), org.assertj.core.groups.Tuple.tuple(2020, 25));
	}
}
