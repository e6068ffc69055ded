package org.chunfeng.enterprises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.chunfeng.enterprises.SizeClass.LARGE;
import static org.chunfeng.enterprises.SizeClass.MEDIUM;
import static org.chunfeng.enterprises.SizeClass.MICRO;
import static org.chunfeng.enterprises.SizeClass.SMALL;
import static org.chunfeng.enterprises.SizeIndicator.EMPLOYEES;
import static org.chunfeng.enterprises.SizeIndicator.REVENUE;
import static org.chunfeng.enterprises.SizeIndicator.TOTAL_ASSETS;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.chunfeng.enterprises.SizeCriteria.Sector;
import org.chunfeng.platform.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The size criteria against the table of 《统计上大中小微型企业划分办法(2017)》, typed here again from the text (sources in
 * the {@link SizeCriteria} comment) rather than read from the class under test.
 */
class SizeCriteriaTest {

	private static final long WAN = 10_000;

	/** One line of the table: a code of the sector, an indicator and its lower bounds (persons or 万元). */
	record Line(String code, Sector sector, SizeIndicator indicator, long large, long medium, long small) {

		@Override
		public String toString() {
			return code + " " + sector + " " + indicator;
		}
	}

	static final List<Line> TABLE = List.of(
			new Line("01", Sector.AGRICULTURE, REVENUE, 20_000, 500, 50),
			new Line("C", Sector.INDUSTRY, EMPLOYEES, 1_000, 300, 20),
			new Line("C", Sector.INDUSTRY, REVENUE, 40_000, 2_000, 300),
			new Line("47", Sector.CONSTRUCTION, REVENUE, 80_000, 6_000, 300),
			new Line("47", Sector.CONSTRUCTION, TOTAL_ASSETS, 80_000, 5_000, 300),
			new Line("51", Sector.WHOLESALE, EMPLOYEES, 200, 20, 5),
			new Line("51", Sector.WHOLESALE, REVENUE, 40_000, 5_000, 1_000),
			new Line("52", Sector.RETAIL, EMPLOYEES, 300, 50, 10),
			new Line("52", Sector.RETAIL, REVENUE, 20_000, 500, 100),
			new Line("54", Sector.TRANSPORT, EMPLOYEES, 1_000, 300, 20),
			new Line("591", Sector.TRANSPORT, REVENUE, 30_000, 3_000, 200),
			new Line("592", Sector.WAREHOUSING, EMPLOYEES, 200, 100, 20),
			new Line("5990", Sector.WAREHOUSING, REVENUE, 30_000, 1_000, 100),
			new Line("60", Sector.POSTAL, EMPLOYEES, 1_000, 300, 20),
			new Line("60", Sector.POSTAL, REVENUE, 30_000, 2_000, 100),
			new Line("61", Sector.ACCOMMODATION, EMPLOYEES, 300, 100, 10),
			new Line("61", Sector.ACCOMMODATION, REVENUE, 10_000, 2_000, 100),
			new Line("62", Sector.CATERING, EMPLOYEES, 300, 100, 10),
			new Line("62", Sector.CATERING, REVENUE, 10_000, 2_000, 100),
			new Line("63", Sector.INFORMATION_TRANSMISSION, EMPLOYEES, 2_000, 100, 10),
			new Line("64", Sector.INFORMATION_TRANSMISSION, REVENUE, 100_000, 1_000, 100),
			new Line("65", Sector.SOFTWARE_AND_IT_SERVICES, EMPLOYEES, 300, 100, 10),
			new Line("65", Sector.SOFTWARE_AND_IT_SERVICES, REVENUE, 10_000, 1_000, 50),
			new Line("701", Sector.REAL_ESTATE_DEVELOPMENT, REVENUE, 200_000, 1_000, 100),
			new Line("701", Sector.REAL_ESTATE_DEVELOPMENT, TOTAL_ASSETS, 10_000, 5_000, 2_000),
			new Line("702", Sector.PROPERTY_MANAGEMENT, EMPLOYEES, 1_000, 300, 100),
			new Line("702", Sector.PROPERTY_MANAGEMENT, REVENUE, 5_000, 1_000, 500),
			new Line("L", Sector.LEASING_AND_BUSINESS_SERVICES, EMPLOYEES, 300, 100, 10),
			new Line("72", Sector.LEASING_AND_BUSINESS_SERVICES, TOTAL_ASSETS, 120_000, 8_000, 100),
			new Line("703", Sector.OTHER, EMPLOYEES, 300, 100, 10));

	static List<Line> table() {
		return TABLE;
	}

	@Test
	void theTableCoversEverySectorAndEveryIndicatorItUses() {
		Map<Sector, Set<SizeIndicator>> used = TABLE.stream().collect(Collectors.groupingBy(Line::sector,
				Collectors.mapping(Line::indicator, Collectors.toCollection(() -> EnumSet.noneOf(SizeIndicator.class)))));
		assertThat(used).containsOnlyKeys(Sector.values());
		used.forEach((sector, indicators) -> assertThat(sector.indicators()).as("%s", sector).isEqualTo(indicators));
		TABLE.forEach(line -> assertThat(SizeCriteria.sector(line.code())).as(line.code()).contains(line.sector()));
	}

	/** Exactly at a lower bound reaches the class; one person or one yuan less is the class below. */
	@ParameterizedTest
	@MethodSource("table")
	void eachBoundIsInclusive(Line line) {
		long unit = line.indicator() == EMPLOYEES ? 1 : WAN;
		assertThat(classify(line, line.large() * unit)).isEqualTo(LARGE);
		assertThat(classify(line, line.large() * unit - 1)).isEqualTo(MEDIUM);
		assertThat(classify(line, line.medium() * unit)).isEqualTo(MEDIUM);
		assertThat(classify(line, line.medium() * unit - 1)).isEqualTo(SMALL);
		assertThat(classify(line, line.small() * unit)).isEqualTo(SMALL);
		assertThat(classify(line, line.small() * unit - 1)).isEqualTo(MICRO);
		assertThat(classify(line, 0)).isEqualTo(MICRO);
	}

	@Test
	void anIndicatorShortOfTheBoundTakesTheEnterpriseOneClassDownUntilAllAreMet() {
		// 1,200 employees reach 大型, 30,000 万元 only 中型: 中型
		assertThat(SizeCriteria.classify("C", inputs(1_200, 30_000 * WAN, null))).contains(MEDIUM);
		assertThat(SizeCriteria.classify("C", inputs(1_200, 40_000 * WAN, null))).contains(LARGE);
		// 大型 by revenue, 小型 by employees: down past 中型 to 小型
		assertThat(SizeCriteria.classify("C", inputs(250, 50_000 * WAN, null))).contains(SMALL);
		assertThat(SizeCriteria.classify("E", inputs(null, 90_000 * WAN, 6_000 * WAN))).contains(MEDIUM);
		assertThat(SizeCriteria.classify("L", inputs(150, null, 200_000 * WAN))).contains(MEDIUM);
	}

	@Test
	void oneIndicatorBelowTheSmallBoundMakesItMicro() {
		assertThat(SizeCriteria.classify("C", inputs(19, 100_000 * WAN, null))).contains(MICRO);
		assertThat(SizeCriteria.classify("C", inputs(5_000, 299 * WAN, null))).contains(MICRO);
		assertThat(SizeCriteria.classify("51", inputs(4, 50_000 * WAN, null))).contains(MICRO);
		assertThat(SizeCriteria.classify("701", inputs(null, 300_000 * WAN, 1_999 * WAN))).contains(MICRO);
		assertThat(SizeCriteria.classify("702", inputs(99, 6_000 * WAN, null))).contains(MICRO);
	}

	@Test
	void aMissingIndicatorGivesNoClass() {
		assertThat(SizeCriteria.classify("C", inputs(1_200, null, null))).isEmpty();
		assertThat(SizeCriteria.classify("C", inputs(null, 30_000 * WAN, null))).isEmpty();
		// even where the known one alone would make it 微型
		assertThat(SizeCriteria.classify("C", inputs(5, null, null))).isEmpty();
		assertThat(SizeCriteria.classify("E", inputs(500, 90_000 * WAN, null))).isEmpty();
		assertThat(SizeCriteria.classify("01", inputs(500, null, 90_000 * WAN))).isEmpty();
		assertThat(SizeCriteria.classify("M", inputs(null, null, null))).isEmpty();
		// figures the sector does not use are ignored
		assertThat(SizeCriteria.classify("M", inputs(300, 1L, 1L))).contains(LARGE);
		assertThat(SizeCriteria.classify("A", inputs(0, 20_000 * WAN, 0L))).contains(LARGE);
	}

	@Test
	void realEstateSplitsAtGroupLevel() {
		assertThat(SizeCriteria.classify("701", inputs(null, 200_000 * WAN, 10_000 * WAN))).contains(LARGE);
		assertThat(SizeCriteria.classify("7010", inputs(null, 200_000 * WAN, 9_999 * WAN))).contains(MEDIUM);
		assertThat(SizeCriteria.classify("702", inputs(1_000, 5_000 * WAN, null))).contains(LARGE);
		assertThat(SizeCriteria.classify("702", inputs(1_000, 999 * WAN, null))).contains(SMALL);
		assertThat(SizeCriteria.classify("703", inputs(300, null, null))).contains(LARGE);
		assertThat(SizeCriteria.classify("709", inputs(99, null, null))).contains(SMALL);
		// 自有房地产经营活动 (704 in GB/T 4754-2011) is excluded by the text; 70 alone spans three sectors
		assertThat(SizeCriteria.classify("704", inputs(300, 1L, 1L))).isEmpty();
		assertThat(SizeCriteria.classify("70", inputs(300, 1L, 1L))).isEmpty();
		assertThat(SizeCriteria.indicators("701")).containsExactly(REVENUE, TOTAL_ASSETS);
		assertThat(SizeCriteria.indicators("702")).containsExactly(EMPLOYEES, REVENUE);
		assertThat(SizeCriteria.indicators("703")).containsExactly(EMPLOYEES);
		assertThat(SizeCriteria.indicators("704")).isEmpty();
	}

	@Test
	void sectorsOfSectionsDivisionsAndGroups() {
		expectSector(Sector.AGRICULTURE, "A", "01", "05", "051");
		expectSector(Sector.INDUSTRY, "B", "06", "12", "C", "13", "36", "43", "D", "44", "46", " c ");
		expectSector(Sector.CONSTRUCTION, "E", "47", "50");
		expectSector(Sector.TRANSPORT, "54", "55", "56", "57", "58", "591", "5910");
		expectSector(Sector.WAREHOUSING, "592", "593", "594", "595", "596", "599");
		expectSector(Sector.INFORMATION_TRANSMISSION, "63", "64", "641");
		expectSector(Sector.LEASING_AND_BUSINESS_SERVICES, "L", "71", "72");
		expectSector(Sector.OTHER, "M", "73", "75", "N", "79", "O", "80", "82", "P", "83", "Q", "84", "85", "R", "86",
				"90", "703", "709");
		// not in the text (铁路, 金融, 704, S, T) or spanning several sectors (F, G, H, I, K, 59, 70)
		expectNoSector("53", "531", "J", "66", "69", "704", "7040", "S", "91", "96", "T", "97", "F", "G", "H", "I", "K",
				"59", "597", "70", "705");
	}

	@Test
	void unknownCodesHaveNoSector() {
		expectNoSector(null, "", " ", "U", "Z", "AB", "0", "00", "98", "99", "990", "12345", "C13", "3a");
		assertThat(SizeCriteria.classify("99", inputs(1, 1L, 1L))).isEmpty();
		assertThat(SizeCriteria.classify((String) null, inputs(1, 1L, 1L))).isEmpty();
	}

	@Test
	void indicatorsTellAFormWhatToAsk() {
		assertThat(SizeCriteria.indicators("A")).containsExactly(REVENUE);
		assertThat(SizeCriteria.indicators("36")).containsExactly(EMPLOYEES, REVENUE);
		assertThat(SizeCriteria.indicators("E")).containsExactly(REVENUE, TOTAL_ASSETS);
		assertThat(SizeCriteria.indicators("L")).containsExactly(EMPLOYEES, TOTAL_ASSETS);
		assertThat(SizeCriteria.indicators("85")).containsExactly(EMPLOYEES);
		assertThat(SizeCriteria.indicators("G")).isEmpty();
		assertThat(SizeCriteria.indicators(null)).isEmpty();
	}

	@Test
	void figuresCannotBeNegative() {
		assertThatThrownBy(() -> new SizeInputs(-1, null, null)).isInstanceOf(InvalidRequestException.class)
			.extracting(e -> ((InvalidRequestException) e).field()).isEqualTo("employees");
		assertThatThrownBy(() -> new SizeInputs(null, -1L, null)).isInstanceOf(InvalidRequestException.class)
			.extracting(e -> ((InvalidRequestException) e).field()).isEqualTo("revenueYuan");
		assertThatThrownBy(() -> new SizeInputs(null, null, -1L)).isInstanceOf(InvalidRequestException.class)
			.extracting(e -> ((InvalidRequestException) e).field()).isEqualTo("totalAssetsYuan");
		assertThat(new SizeInputs(0, 0L, 0L).value(EMPLOYEES)).isZero();
	}

	/** The line's indicator at {@code value}, every other indicator of the sector far above 大型. */
	private static SizeClass classify(Line line, long value) {
		long huge = 1_000_000_000_000L;
		SizeInputs inputs = new SizeInputs(line.indicator() == EMPLOYEES ? (int) value : 1_000_000,
				line.indicator() == REVENUE ? value : huge, line.indicator() == TOTAL_ASSETS ? value : huge);
		return SizeCriteria.classify(line.code(), inputs).orElseThrow();
	}

	private static SizeInputs inputs(Integer employees, Long revenueYuan, Long totalAssetsYuan) {
		return new SizeInputs(employees, revenueYuan, totalAssetsYuan);
	}

	private static void expectSector(Sector sector, String... codes) {
		Arrays.stream(codes).forEach(code -> assertThat(SizeCriteria.sector(code)).as(code).contains(sector));
	}

	private static void expectNoSector(String... codes) {
		Arrays.stream(codes).forEach(code -> {
			assertThat(SizeCriteria.sector(code)).as(code).isEmpty();
			assertThat(SizeCriteria.indicators(code)).as(code).isEmpty();
		});
	}
}
