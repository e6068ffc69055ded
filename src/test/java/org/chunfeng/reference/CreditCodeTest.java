package org.chunfeng.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chunfeng.reference.Rejections.rejected;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodeTest {

	/**
	 * Published codes of real organisations: both the GB 32100 check character and the GB 11714
	 * check of the embedded organisation code hold for all of them.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "91440300708461136T", // 深圳市腾讯计算机系统有限公司
			"9144030071526726XG", // 腾讯科技（深圳）有限公司: organisation check character X
			"914403001922038216", // 华为技术有限公司
			"91110000710926094P", // 中国石油化工股份有限公司
			"91310000631696382C", // 宝山钢铁股份有限公司
			"92141127MA0KD1Y64A", // an individual business (个体工商户) with an MA organisation code
			"12440600MB2C07549J", // a public institution (事业单位)
			"51100000500002862F" // a national association registered with the Ministry of Civil Affairs
	})
	void acceptsPublishedCodes(String code) {
		assertThat(CreditCode.of(code).value()).isEqualTo(code);
	}

	@Test
	void derivedParts() {
		CreditCode tencent = CreditCode.of("91440300708461136T");

		assertThat(tencent.registeringAuthority()).isEqualTo('9');
		assertThat(tencent.organisationType()).isEqualTo('1');
		assertThat(tencent.region()).contains(RegionCode.of("440300"));
		assertThat(tencent.isNationalRegistration()).isFalse();
		assertThat(tencent.organisationCode()).isEqualTo("708461136");
		assertThat(tencent).hasToString("91440300708461136T");
	}

	@Test
	void nationalRegistrationsHaveNoRegion() {
		CreditCode association = CreditCode.of("51100000500002862F");

		assertThat(association.isNationalRegistration()).isTrue();
		assertThat(association.region()).isEmpty();
		assertThat(association.registeringAuthority()).isEqualTo('5');
	}

	@Test
	void normalisesWhitespaceAndCase() {
		CreditCode code = CreditCode.of("  9144030071526726xg ");

		assertThat(code.value()).isEqualTo("9144030071526726XG");
		assertThat(code).isEqualTo(new CreditCode("9144030071526726XG"));
	}

	@Test
	void rejectsBlank() {
		rejected(() -> CreditCode.of(null), "value.creditCode.blank");
		rejected(() -> CreditCode.of(" "), "value.creditCode.blank");
	}

	@Test
	void rejectsWrongLength() {
		InvalidValueException e = rejected(() -> CreditCode.of("91440300708461136"), "value.creditCode.length");
		assertThat(e.args()).containsExactly(17);
		// the old 15-digit business registration number (注册号)
		rejected(() -> CreditCode.of("440301103448669"), "value.creditCode.length");
	}

	@ParameterizedTest
	@ValueSource(chars = { 'I', 'O', 'S', 'V', 'Z', '-', '*' })
	void rejectsCharactersOutsideTheAlphabetNamingThePosition(char bad) {
		String code = "91440300708461136" + bad;
		InvalidValueException e = rejected(() -> CreditCode.of(code), "value.creditCode.characters");
		assertThat(e.args()).containsExactly(18, String.valueOf(bad));
	}

	@Test
	void rejectsInvalidRegion() {
		rejected(() -> CreditCode.of(CreditCodes.complete("91", "990000", "70846113")), "value.creditCode.region");
		rejected(() -> CreditCode.of(CreditCodes.complete("91", "440005", "70846113")), "value.creditCode.region");
		InvalidValueException e = rejected(() -> CreditCode.of(CreditCodes.complete("91", "4403A0", "70846113")),
				"value.creditCode.region");
		assertThat(e.args()).containsExactly("4403A0");
	}

	@Test
	void rejectsAnOrganisationCodeFailingItsOwnCheck() {
		// 708461136 is valid; 708461137 is not, and the GB 32100 check character is recomputed to match
		String first17 = "91440300708461137";
		InvalidValueException e = rejected(() -> CreditCode.of(first17 + CreditCodes.checkChar(first17)),
				"value.creditCode.organisationCode");
		assertThat(e.args()).containsExactly("708461137");
	}

	@Test
	void rejectsAWrongCheckCharacterNamingTheExpectedOne() {
		InvalidValueException e = rejected(() -> CreditCode.of("91440300708461136U"), "value.creditCode.checkChar");
		assertThat(e.args()).containsExactly("T");
	}

	/**
	 * A published code of a Xiamen company registered before the national rules settled: its GB
	 * 11714 part is fine but its GB 32100 check character is not, so it is rejected (hutool #4119).
	 */
	@Test
	void someEarlyXiamenCodesFailTheCheckCharacter() {
		InvalidValueException e = rejected(() -> CreditCode.of("91350203M0001QKT19"), "value.creditCode.checkChar");
		assertThat(e.args()).containsExactly("F");
	}

}
