package org.chunfeng.reference;

import java.util.Optional;

/**
 * An administrative division code (行政区划代码) as defined by GB/T 2260: six digits, two each for
 * province (省级), prefecture (地级) and county (县级).
 *
 * <p>Validation is structural only: divisions are abolished and renumbered every year, while
 * identity numbers and old records keep the code that was valid when they were issued, so a
 * code from any edition of GB/T 2260 must stay acceptable. The checks are: six ASCII digits, a
 * province prefix that GB/T 2260 has assigned, and no county part under an all-zero prefecture
 * part.
 *
 * <p>Examples: {@code 320000} 江苏省 (province), {@code 320500} 苏州市 (prefecture),
 * {@code 320505} 苏州市虎丘区 (county).
 *
 * @param value the six digits, e.g. {@code "320505"}
 */
public record RegionCode(String value) implements java.io.Serializable {

	static final String BLANK = "value.region.blank";
	static final String FORMAT = "value.region.format";
	static final String PROVINCE = "value.region.province";
	static final String COUNTY = "value.region.county";

	/** The level of a division in the GB/T 2260 hierarchy (行政区划级别). */
	public enum Level {
		/** 省级: province, autonomous region, municipality, SAR ({@code xx0000}). */
		PROVINCE,
		/** 地级: prefecture-level city, league, or a province's group of directly administered counties ({@code xxxx00}). */
		PREFECTURE,
		/** 县级: county, district, county-level city. */
		COUNTY
	}

	public RegionCode {
		// Strict on purpose: of() is the lenient entry point; here we only check.
		if (value == null || value.isBlank()) {
			throw new InvalidValueException(BLANK, "Region code is required");
		}
		String violation = violation(value);
		if (violation != null) {
			throw switch (violation) {
				case PROVINCE -> new InvalidValueException(PROVINCE,
						"Region code {0} starts with {1}, which is not a GB/T 2260 province code",
						value, value.substring(0, 2));
				case COUNTY -> new InvalidValueException(COUNTY,
						"Region code {0} has a county part but no prefecture part", value);
				default -> new InvalidValueException(FORMAT, "Region code must be exactly 6 digits");
			};
		}
	}

	/** Parses a region code, ignoring surrounding whitespace. */
	public static RegionCode of(String raw) {
		return new RegionCode(raw == null ? null : raw.strip());
	}

	/**
	 * The structural check shared with {@link ResidentIdNumber} and {@link CreditCode}, which
	 * report a failure under their own message codes.
	 *
	 * @return {@code null} if {@code s} is a structurally valid code, otherwise the failed rule's code
	 */
	static String violation(String s) {
		if (s.length() != 6) {
			return FORMAT;
		}
		for (int i = 0; i < 6; i++) {
			char c = s.charAt(i);
			// Not Character.isDigit: that would let full-width and other Unicode digits through.
			if (c < '0' || c > '9') {
				return FORMAT;
			}
		}
		if (!isProvince((s.charAt(0) - '0') * 10 + (s.charAt(1) - '0'))) {
			return PROVINCE;
		}
		if (s.startsWith("00", 2) && !s.startsWith("00", 4)) {
			return COUNTY;
		}
		return null;
	}

	private static boolean isProvince(int prefix) {
		return switch (prefix) {
			case 11, 12, 13, 14, 15,                 // 华北
				 21, 22, 23,                         // 东北
				 31, 32, 33, 34, 35, 36, 37,         // 华东
				 41, 42, 43, 44, 45, 46,             // 中南
				 50, 51, 52, 53, 54,                 // 西南
				 61, 62, 63, 64, 65,                 // 西北
				 71, 81, 82 -> true;                 // 台湾, 香港, 澳门
			default -> false;
		};
	}

	/** Province, prefecture or county, read from the zero parts of the code. */
	public Level level() {
		if (value.startsWith("00", 2)) {
			return Level.PROVINCE;
		}
		return value.startsWith("00", 4) ? Level.PREFECTURE : Level.COUNTY;
	}

	/** The province (省级) this code belongs to; the code itself for a province. */
	public RegionCode province() {
		return level() == Level.PROVINCE ? this : new RegionCode(value.substring(0, 2) + "0000");
	}

	/**
	 * The prefecture (地级) this code belongs to; the code itself for a prefecture.
	 *
	 * <p>Note that the prefecture of a municipal district is the municipality's "市辖区" grouping
	 * (e.g. {@code 110100} for {@code 110105}), and that of a county directly administered by a
	 * province is the "省直辖县级行政区划" grouping (e.g. {@code 429000} for {@code 429004}).
	 *
	 * @throws IllegalStateException for a province, which has no prefecture
	 */
	public RegionCode prefecture() {
		return switch (level()) {
			case PROVINCE -> throw new IllegalStateException("Province " + value + " has no prefecture");
			case PREFECTURE -> this;
			case COUNTY -> new RegionCode(value.substring(0, 4) + "00");
		};
	}

	/** The next level up: county → prefecture → province → empty. */
	public Optional<RegionCode> parent() {
		return switch (level()) {
			case PROVINCE -> Optional.empty();
			case PREFECTURE -> Optional.of(province());
			case COUNTY -> Optional.of(prefecture());
		};
	}

	/**
	 * The prefix shared by every code within this division's scope: {@code "32"} for
	 * {@code 320000}, {@code "3205"} for {@code 320500}, {@code "320505"} for {@code 320505}.
	 * Suitable for SQL {@code LIKE prefix || '%'} scoping.
	 */
	public String scopePrefix() {
		return switch (level()) {
			case PROVINCE -> value.substring(0, 2);
			case PREFECTURE -> value.substring(0, 4);
			case COUNTY -> value;
		};
	}

	/** Whether {@code other} lies within this division's scope (reflexive: a code contains itself). */
	public boolean contains(RegionCode other) {
		return other.value.startsWith(scopePrefix());
	}

	@Override
	public String toString() {
		return value;
	}
}
