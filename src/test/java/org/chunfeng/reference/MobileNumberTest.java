package org.chunfeng.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chunfeng.reference.Rejections.rejected;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MobileNumberTest {

	@ParameterizedTest
	@ValueSource(strings = { "13800138000", " 13800138000 ", "138 0013 8000", "138-0013-8000", "+8613800138000",
			"+86 138 0013 8000", "+86-138-0013-8000", "008613800138000", "0086 138 0013 8000", "8613800138000",
			"86 13800138000", "138\u00a00013\u30008000" })
	void acceptsTheWaysPeopleWriteANumber(String raw) {
		assertThat(MobileNumber.of(raw).value()).isEqualTo("13800138000");
	}

	@ParameterizedTest
	@ValueSource(strings = { "13000000000", "14500000000", "16600000000", "17712345678", "19912345678" })
	void acceptsEverySecondDigitFrom3To9(String raw) {
		assertThat(MobileNumber.of(raw).value()).isEqualTo(raw);
	}

	@Test
	void masked() {
		MobileNumber number = MobileNumber.of("+86 138 0013 8000");

		assertThat(number.masked()).isEqualTo("138****8000");
		assertThat(number).hasToString("138****8000");
		assertThat(number).isEqualTo(new MobileNumber("13800138000"));
	}

	@Test
	void rejectsBlank() {
		rejected(() -> MobileNumber.of(null), "value.mobile.blank");
		rejected(() -> MobileNumber.of(" "), "value.mobile.blank");
	}

	@ParameterizedTest
	@ValueSource(strings = { "12800138000", "10800138000", "23800138000", "1380013800", "138001380000", "+85213800138000",
			"+1 138 0013 8000", "86 1380013800", "0512-6552 1234", "138OO138000", "１３８００１３８０００", "138.0013.8000",
			"(+86)13800138000", "---" })
	void rejectsAnythingElse(String raw) {
		InvalidValueException e = rejected(() -> MobileNumber.of(raw), "value.mobile.format");
		assertThat(e.args()).isEmpty();
	}

}
