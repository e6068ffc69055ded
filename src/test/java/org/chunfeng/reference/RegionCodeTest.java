package org.chunfeng.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.chunfeng.reference.Rejections.rejected;

import org.chunfeng.reference.RegionCode.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegionCodeTest {

	private final RegionCode jiangsu = RegionCode.of("320000");

	private final RegionCode suzhou = RegionCode.of("320500");

	private final RegionCode huqiu = RegionCode.of("320505");

	@Test
	void levels() {
		assertThat(jiangsu.level()).isEqualTo(Level.PROVINCE);
		assertThat(suzhou.level()).isEqualTo(Level.PREFECTURE);
		assertThat(huqiu.level()).isEqualTo(Level.COUNTY);
	}

	@Test
	void hierarchy() {
		assertThat(huqiu.province()).isEqualTo(jiangsu);
		assertThat(huqiu.prefecture()).isEqualTo(suzhou);
		assertThat(suzhou.province()).isEqualTo(jiangsu);
		assertThat(suzhou.prefecture()).isEqualTo(suzhou);
		assertThat(jiangsu.province()).isEqualTo(jiangsu);
		assertThatThrownBy(jiangsu::prefecture).isInstanceOf(IllegalStateException.class);

		assertThat(huqiu.parent()).contains(suzhou);
		assertThat(suzhou.parent()).contains(jiangsu);
		assertThat(jiangsu.parent()).isEmpty();
	}

	@Test
	void municipalDistrictsAndDirectlyAdministeredCounties() {
		// 北京市朝阳区 under 北京市市辖区; 湖北省仙桃市 under 省直辖县级行政区划
		assertThat(RegionCode.of("110105").parent()).contains(RegionCode.of("110100"));
		assertThat(RegionCode.of("429004").prefecture()).isEqualTo(RegionCode.of("429000"));
		// 东莞市: a prefecture-level city without counties
		assertThat(RegionCode.of("441900").level()).isEqualTo(Level.PREFECTURE);
	}

	@Test
	void scopePrefixes() {
		assertThat(jiangsu.scopePrefix()).isEqualTo("32");
		assertThat(suzhou.scopePrefix()).isEqualTo("3205");
		assertThat(huqiu.scopePrefix()).isEqualTo("320505");
	}

	@Test
	void containment() {
		assertThat(jiangsu.contains(huqiu)).isTrue();
		assertThat(jiangsu.contains(suzhou)).isTrue();
		assertThat(suzhou.contains(huqiu)).isTrue();
		assertThat(huqiu.contains(huqiu)).isTrue();
		assertThat(huqiu.contains(suzhou)).isFalse();
		assertThat(suzhou.contains(jiangsu)).isFalse();
		assertThat(suzhou.contains(RegionCode.of("320100"))).isFalse();
		assertThat(jiangsu.contains(RegionCode.of("330106"))).isFalse();
	}

	@Test
	void abolishedCodesStayValid() {
		// 苏州市沧浪区 (merged into 姑苏区 in 2012) and 北京市崇文区 (merged in 2010)
		assertThat(RegionCode.of("320502").level()).isEqualTo(Level.COUNTY);
		assertThat(RegionCode.of("110103").province()).isEqualTo(RegionCode.of("110000"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "110000", "150000", "210000", "230000", "310000", "370000", "410000", "460000", "500000",
			"540000", "610000", "650000", "710000", "810000", "820000" })
	void everyKindOfProvinceIsAccepted(String code) {
		assertThat(RegionCode.of(code).level()).isEqualTo(Level.PROVINCE);
	}

	@Test
	void valueAndToStringAreTheDigits() {
		assertThat(RegionCode.of(" 320505 ").value()).isEqualTo("320505");
		assertThat(huqiu).hasToString("320505");
		assertThat(new RegionCode("320505")).isEqualTo(huqiu);
	}

	@Test
	void rejectsBlank() {
		rejected(() -> RegionCode.of(null), "value.region.blank");
		rejected(() -> RegionCode.of("  "), "value.region.blank");
	}

	@ParameterizedTest
	@ValueSource(strings = { "32050", "3205050", "32O505", "32050a", "３２０５０５", "320 505" })
	void rejectsAnythingButSixAsciiDigits(String code) {
		rejected(() -> RegionCode.of(code), "value.region.format");
	}

	@Test
	void theConstructorDoesNotTrim() {
		rejected(() -> new RegionCode(" 320505"), "value.region.format");
	}

	@ParameterizedTest
	@ValueSource(strings = { "000000", "100000", "160000", "200000", "240000", "300000", "380000", "470000", "550000",
			"600000", "660000", "700000", "720000", "800000", "830000", "990000" })
	void rejectsUnassignedProvincePrefixes(String code) {
		InvalidValueException e = rejected(() -> RegionCode.of(code), "value.region.province");
		assertThat(e.args()).containsExactly(code, code.substring(0, 2));
	}

	@Test
	void rejectsCountyWithoutPrefecture() {
		InvalidValueException e = rejected(() -> RegionCode.of("320005"), "value.region.county");
		assertThat(e.args()).containsExactly("320005");
	}

}
