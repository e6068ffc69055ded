package org.chunfeng.enterprises;

import static org.chunfeng.enterprises.SizeCriteria.Sector.ACCOMMODATION;
import static org.chunfeng.enterprises.SizeCriteria.Sector.AGRICULTURE;
import static org.chunfeng.enterprises.SizeCriteria.Sector.CATERING;
import static org.chunfeng.enterprises.SizeCriteria.Sector.CONSTRUCTION;
import static org.chunfeng.enterprises.SizeCriteria.Sector.INDUSTRY;
import static org.chunfeng.enterprises.SizeCriteria.Sector.INFORMATION_TRANSMISSION;
import static org.chunfeng.enterprises.SizeCriteria.Sector.LEASING_AND_BUSINESS_SERVICES;
import static org.chunfeng.enterprises.SizeCriteria.Sector.OTHER;
import static org.chunfeng.enterprises.SizeCriteria.Sector.POSTAL;
import static org.chunfeng.enterprises.SizeCriteria.Sector.PROPERTY_MANAGEMENT;
import static org.chunfeng.enterprises.SizeCriteria.Sector.REAL_ESTATE_DEVELOPMENT;
import static org.chunfeng.enterprises.SizeCriteria.Sector.RETAIL;
import static org.chunfeng.enterprises.SizeCriteria.Sector.SOFTWARE_AND_IT_SERVICES;
import static org.chunfeng.enterprises.SizeCriteria.Sector.TRANSPORT;
import static org.chunfeng.enterprises.SizeCriteria.Sector.WAREHOUSING;
import static org.chunfeng.enterprises.SizeCriteria.Sector.WHOLESALE;
import static org.chunfeng.enterprises.SizeIndicator.EMPLOYEES;
import static org.chunfeng.enterprises.SizeIndicator.REVENUE;
import static org.chunfeng.enterprises.SizeIndicator.TOTAL_ASSETS;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * An enterprise's size class from its industry and figures, by 国家统计局《统计上大中小微型企业划分办法(2017)》
 * (国统字〔2017〕213号), which applies 《中小企业划型标准规定》(工信部联企业〔2011〕300号) to GB/T 4754-2017.
 * Pure: no state, no database, no Spring.
 * <p>
 * The rule (note to the table): 大型、中型和小型企业须同时满足所列指标的下限，否则下划一档；微型企业只须满足所列指标中的一项即可 —
 * per the NBS reply below, "下划一档" repeats until every indicator is met. So each indicator reaches a class by its
 * inclusive lower bounds ({@code X≥1000}, {@code 300≤X<1000} …) and the enterprise gets the lowest of them.
 * <p>
 * Codes the text gives no criteria for have no sector, so no size class: 53 铁路运输业 (excluded from 交通运输业),
 * J 金融业 (it has its own 金融业企业划型标准规定), 704 房地产租赁经营 (the note excludes 自有房地产经营活动, GB/T 4754-2011's 704),
 * S and T (not enterprises), and codes that span several sectors (F, G, H, I, K, 59, 70). P 教育 and 84 卫生 are not
 * named in the note on 其他未列明行业; they are counted there because its list ends in 等 and the name means "not listed
 * elsewhere" — an interpretation, not confirmed by a source.
 * <p>
 * Sources checked (the NBS page of the 办法, stats.gov.cn/sj/tjbz/gjtjbz/202302/t20230213_1902763.html, was not
 * itself reachable): the 2017 table as reproduced at kubaishu.com/life/202393.html, 360docs.net/doc/5c10012398.html
 * and kaizencpa.com/jp/Knowledge/info/id/620.html; a public transcription of the 2017 table with its notes and
 * industry codes (all 16 sectors); the text of 工信部联企业〔2011〕300号 §4, (一)–(十五) in one public transcription and (十六)
 * in another; the NBS reply on 下划一档, stats.gov.cn/hd/lyzx/zxgk/202405/t20240524_1953570.html; GB/T 4754-2017
 * groups 591–599 and 701–709 in two public code lists. They agree on every bound below.
 */
public final class SizeCriteria {

	/** The sectors (行业) of the criteria table, each with its own bounds. */
	public enum Sector {
		/** 农、林、牧、渔业: section A. */
		AGRICULTURE,
		/** 工业: sections B 采矿业, C 制造业, D 电力、热力、燃气及水生产和供应业. */
		INDUSTRY,
		/** 建筑业: section E. */
		CONSTRUCTION,
		/** 批发业: division 51. */
		WHOLESALE,
		/** 零售业: division 52. */
		RETAIL,
		/** 交通运输业: divisions 54–58 and group 591 装卸搬运; not 53 铁路运输业. */
		TRANSPORT,
		/** 仓储业: division 59 without 591 (groups 592–599). */
		WAREHOUSING,
		/** 邮政业: division 60. */
		POSTAL,
		/** 住宿业: division 61. */
		ACCOMMODATION,
		/** 餐饮业: division 62. */
		CATERING,
		/** 信息传输业: divisions 63 电信、广播电视和卫星传输服务 and 64 互联网和相关服务. */
		INFORMATION_TRANSMISSION,
		/** 软件和信息技术服务业: division 65. */
		SOFTWARE_AND_IT_SERVICES,
		/** 房地产开发经营: group 701. */
		REAL_ESTATE_DEVELOPMENT,
		/** 物业管理: group 702. */
		PROPERTY_MANAGEMENT,
		/** 租赁和商务服务业: section L. */
		LEASING_AND_BUSINESS_SERVICES,
		/** 其他未列明行业: sections M, N, O, P, Q, R and groups 703, 709; by employees only. */
		OTHER;

		/** The indicators this sector's criteria use, in {@link SizeIndicator} order. */
		public Set<SizeIndicator> indicators() {
			return Collections.unmodifiableSet(CRITERIA.get(this).keySet());
		}
	}

	private static final long YUAN_PER_WAN = 10_000;

	/**
	 * The table of the 办法: inclusive lower bounds of 大型, 中型 and 小型 (below the last is 微型), in persons for
	 * 从业人员 and in 万元 for 营业收入 and 资产总额, as printed.
	 */
	private static final List<Row> TABLE = List.of(
			// sector                         indicator      大型 ≥    中型 ≥   小型 ≥
			row(AGRICULTURE,                   REVENUE,       20_000,     500,     50),
			row(INDUSTRY,                      EMPLOYEES,      1_000,     300,     20),
			row(INDUSTRY,                      REVENUE,       40_000,   2_000,    300),
			row(CONSTRUCTION,                  REVENUE,       80_000,   6_000,    300),
			row(CONSTRUCTION,                  TOTAL_ASSETS,  80_000,   5_000,    300),
			row(WHOLESALE,                     EMPLOYEES,        200,      20,      5),
			row(WHOLESALE,                     REVENUE,       40_000,   5_000,  1_000),
			row(RETAIL,                        EMPLOYEES,        300,      50,     10),
			row(RETAIL,                        REVENUE,       20_000,     500,    100),
			row(TRANSPORT,                     EMPLOYEES,      1_000,     300,     20),
			row(TRANSPORT,                     REVENUE,       30_000,   3_000,    200),
			row(WAREHOUSING,                   EMPLOYEES,        200,     100,     20),
			row(WAREHOUSING,                   REVENUE,       30_000,   1_000,    100),
			row(POSTAL,                        EMPLOYEES,      1_000,     300,     20),
			row(POSTAL,                        REVENUE,       30_000,   2_000,    100),
			row(ACCOMMODATION,                 EMPLOYEES,        300,     100,     10),
			row(ACCOMMODATION,                 REVENUE,       10_000,   2_000,    100),
			row(CATERING,                      EMPLOYEES,        300,     100,     10),
			row(CATERING,                      REVENUE,       10_000,   2_000,    100),
			row(INFORMATION_TRANSMISSION,      EMPLOYEES,      2_000,     100,     10),
			row(INFORMATION_TRANSMISSION,      REVENUE,      100_000,   1_000,    100),
			row(SOFTWARE_AND_IT_SERVICES,      EMPLOYEES,        300,     100,     10),
			row(SOFTWARE_AND_IT_SERVICES,      REVENUE,       10_000,   1_000,     50),
			row(REAL_ESTATE_DEVELOPMENT,       REVENUE,      200_000,   1_000,    100),
			row(REAL_ESTATE_DEVELOPMENT,       TOTAL_ASSETS,  10_000,   5_000,  2_000),
			row(PROPERTY_MANAGEMENT,           EMPLOYEES,      1_000,     300,    100),
			row(PROPERTY_MANAGEMENT,           REVENUE,        5_000,   1_000,    500),
			row(LEASING_AND_BUSINESS_SERVICES, EMPLOYEES,        300,     100,     10),
			row(LEASING_AND_BUSINESS_SERVICES, TOTAL_ASSETS, 120_000,   8_000,    100),
			row(OTHER,                         EMPLOYEES,        300,     100,     10));

	/**
	 * Codes with a sector. A code not here takes its parent's (class → group → division → section), so a code below
	 * one of these inherits it and a code whose ancestors are all missing has none.
	 */
	private static final Map<String, Sector> SECTORS = Map.ofEntries(Map.entry("A", AGRICULTURE),
			Map.entry("B", INDUSTRY), Map.entry("C", INDUSTRY), Map.entry("D", INDUSTRY), Map.entry("E", CONSTRUCTION),
			Map.entry("51", WHOLESALE), Map.entry("52", RETAIL),
			Map.entry("54", TRANSPORT), Map.entry("55", TRANSPORT), Map.entry("56", TRANSPORT),
			Map.entry("57", TRANSPORT), Map.entry("58", TRANSPORT),
			// GB/T 4754-2017 moved 装卸搬运 into division 59; the note keeps it with 交通运输业, the rest of 59 is 仓储业
			Map.entry("591", TRANSPORT), Map.entry("592", WAREHOUSING), Map.entry("593", WAREHOUSING),
			Map.entry("594", WAREHOUSING), Map.entry("595", WAREHOUSING), Map.entry("596", WAREHOUSING),
			Map.entry("599", WAREHOUSING),
			Map.entry("60", POSTAL), Map.entry("61", ACCOMMODATION), Map.entry("62", CATERING),
			Map.entry("63", INFORMATION_TRANSMISSION), Map.entry("64", INFORMATION_TRANSMISSION),
			Map.entry("65", SOFTWARE_AND_IT_SERVICES),
			Map.entry("701", REAL_ESTATE_DEVELOPMENT), Map.entry("702", PROPERTY_MANAGEMENT), Map.entry("703", OTHER),
			Map.entry("709", OTHER),
			Map.entry("L", LEASING_AND_BUSINESS_SERVICES), Map.entry("M", OTHER), Map.entry("N", OTHER),
			Map.entry("O", OTHER), Map.entry("P", OTHER), Map.entry("Q", OTHER), Map.entry("R", OTHER));

	/** The first division of each GB/T 4754-2017 section; divisions run 01–97 without gaps. */
	private static final NavigableMap<Integer, String> SECTION_STARTS = new TreeMap<>(Map.ofEntries(
			Map.entry(1, "A"), Map.entry(6, "B"), Map.entry(13, "C"), Map.entry(44, "D"), Map.entry(47, "E"),
			Map.entry(51, "F"), Map.entry(53, "G"), Map.entry(61, "H"), Map.entry(63, "I"), Map.entry(66, "J"),
			Map.entry(70, "K"), Map.entry(71, "L"), Map.entry(73, "M"), Map.entry(76, "N"), Map.entry(80, "O"),
			Map.entry(83, "P"), Map.entry(84, "Q"), Map.entry(86, "R"), Map.entry(91, "S"), Map.entry(97, "T")));

	private static final Pattern CODE = Pattern.compile("[A-T]|(0[1-9]|[1-8][0-9]|9[0-7])[0-9]{0,2}");

	private static final Map<Sector, Map<SizeIndicator, Row>> CRITERIA = new EnumMap<>(Sector.class);

	static {
		for (Row row : TABLE) {
			CRITERIA.computeIfAbsent(row.sector(), s -> new EnumMap<>(SizeIndicator.class)).put(row.indicator(), row);
		}
	}

	private SizeCriteria() {
	}

	/**
	 * The size class of an enterprise.
	 *
	 * @param industryCode GB/T 4754-2017 section letter, division (2 digits), group (3) or class (4 digits)
	 * @return empty when the code has no sector (see the class comment) or an indicator the sector uses is missing —
	 *         even where the other alone would make it 微型, so that an answer always rests on all the figures
	 */
	public static Optional<SizeClass> classify(String industryCode, SizeInputs inputs) {
		return sector(industryCode).flatMap(sector -> classify(sector, inputs));
	}

	/** The size class in a sector; empty when an indicator the sector uses is missing. */
	public static Optional<SizeClass> classify(Sector sector, SizeInputs inputs) {
		SizeClass lowest = SizeClass.LARGE;
		for (Row row : CRITERIA.get(sector).values()) {
			Long value = inputs.value(row.indicator());
			if (value == null) {
				return Optional.empty();
			}
			SizeClass reached = row.reached(value);
			if (reached.compareTo(lowest) > 0) {
				lowest = reached;
			}
		}
		return Optional.of(lowest);
	}

	/** The indicators a form has to ask for; empty when the code has no sector. */
	public static Set<SizeIndicator> indicators(String industryCode) {
		return sector(industryCode).map(Sector::indicators).orElse(Set.of());
	}

	/** The sector of a GB/T 4754-2017 code (section, division, group or class); empty if it has none. */
	public static Optional<Sector> sector(String industryCode) {
		if (industryCode == null) {
			return Optional.empty();
		}
		String code = industryCode.strip().toUpperCase(Locale.ROOT);
		if (!CODE.matcher(code).matches()) {
			return Optional.empty();
		}
		for (String c = code; c != null; c = parent(c)) {
			Sector sector = SECTORS.get(c);
			if (sector != null) {
				return Optional.of(sector);
			}
		}
		return Optional.empty();
	}

	private static String parent(String code) {
		return switch (code.length()) {
			case 1 -> null;
			case 2 -> SECTION_STARTS.floorEntry(Integer.parseInt(code)).getValue();
			default -> code.substring(0, code.length() - 1);
		};
	}

	private static Row row(Sector sector, SizeIndicator indicator, long large, long medium, long small) {
		return new Row(sector, indicator, large, medium, small);
	}

	/** One line of the table; money bounds in 万元. */
	private record Row(Sector sector, SizeIndicator indicator, long large, long medium, long small) {

		SizeClass reached(long value) {
			if (value >= base(large)) {
				return SizeClass.LARGE;
			}
			if (value >= base(medium)) {
				return SizeClass.MEDIUM;
			}
			return value >= base(small) ? SizeClass.SMALL : SizeClass.MICRO;
		}

		/** The bound in the unit of the inputs: persons, or yuan (1 万元 = 10,000 yuan). */
		private long base(long bound) {
			return indicator == EMPLOYEES ? bound : bound * YUAN_PER_WAN;
		}
	}
}
