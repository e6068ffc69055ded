package org.chunfeng.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.chunfeng.reference.Rejections.rejected;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "1234|123400", "1234.5|123450", "1234.56|123456", "1,234.56|123456",
			"¥1,234.56|123456", "￥1,234.56|123456", " 0.01 |1", "0|0", "0.00|0", "007.10|710",
			"1,234,567.89|123456789", "-12.50|-1250", "-¥12.50|-1250", "¥-12.50|-1250", "-0|0",
			"92233720368547758.07|9223372036854775807", "-92233720368547758.08|-9223372036854775808" })
	void parsesYuan(String yuan, long fen) {
		assertThat(Money.parse(yuan)).isEqualTo(Money.ofFen(fen));
	}

	@Test
	void rendersPlainAndFormatted() {
		Money money = Money.ofFen(123456);

		assertThat(money).hasToString("1234.56");
		assertThat(money.format()).isEqualTo("1,234.56");
		assertThat(money.toYuan()).isEqualTo(new BigDecimal("1234.56"));
		assertThat(Money.ofFen(5)).hasToString("0.05");
		assertThat(Money.ofFen(-5).format()).isEqualTo("-0.05");
		assertThat(Money.ofFen(-123456789).format()).isEqualTo("-1,234,567.89");
		assertThat(Money.ofFen(12345678).format()).isEqualTo("123,456.78");
		assertThat(Money.ZERO).hasToString("0.00");
		assertThat(Money.ofFen(Long.MIN_VALUE).format()).isEqualTo("-92,233,720,368,547,758.08");
	}

	@Test
	void arithmetic() {
		Money a = Money.parse("100.10");
		Money b = Money.parse("0.20");

		assertThat(a.plus(b)).isEqualTo(Money.parse("100.30"));
		assertThat(b.minus(a)).isEqualTo(Money.parse("-99.90"));
		assertThat(b.minus(a).isNegative()).isTrue();
		assertThat(a.isNegative()).isFalse();
		assertThat(Money.ZERO.isZero()).isTrue();
		assertThat(a.times(3)).isEqualTo(Money.parse("300.30"));
		assertThat(a.min(b)).isSameAs(b);
		assertThat(a.max(b)).isSameAs(a);
		assertThat(a.compareTo(b)).isPositive();
		assertThat(a.compareTo(Money.ofFen(10010))).isZero();
	}

	@Test
	void multiplyRoundsHalfUpToTheFen() {
		// 0.05 yuan × 0.5 = 2.5 fen → 3 fen; -2.5 fen → -3 fen (away from zero)
		assertThat(Money.ofFen(5).multiply(new BigDecimal("0.5"))).isEqualTo(Money.ofFen(3));
		assertThat(Money.ofFen(-5).multiply(new BigDecimal("0.5"))).isEqualTo(Money.ofFen(-3));
		assertThat(Money.ofFen(5).multiply(new BigDecimal("0.49"))).isEqualTo(Money.ofFen(2));
		// an 8% contribution on 5,123.45 yuan = 409.876 → 409.88
		assertThat(Money.parse("5123.45").multiply(new BigDecimal("0.08"))).isEqualTo(Money.parse("409.88"));
	}

	@Test
	void overflowThrows() {
		Money max = Money.ofFen(Long.MAX_VALUE);

		assertThatThrownBy(() -> max.plus(Money.ofFen(1))).isInstanceOf(ArithmeticException.class);
		assertThatThrownBy(() -> Money.ofFen(Long.MIN_VALUE).minus(Money.ofFen(1)))
			.isInstanceOf(ArithmeticException.class);
		assertThatThrownBy(() -> max.times(2)).isInstanceOf(ArithmeticException.class);
		assertThatThrownBy(() -> max.multiply(new BigDecimal("1.01"))).isInstanceOf(ArithmeticException.class);
	}

	@Test
	void rejectsBlank() {
		rejected(() -> Money.parse(null), "value.money.blank");
		rejected(() -> Money.parse("  "), "value.money.blank");
	}

	@ParameterizedTest
	@ValueSource(strings = { "abc", "12a", "1.2.3", "1.", ".5", "¥", "-", "--5", "+5", "1,23", "12,34.56", ",123",
			"1,234,", "1 234", "1e5", "１２３", "12.3a", "1,2345", "¥¥1", "NaN", "0x10" })
	void rejectsNonNumbers(String yuan) {
		rejected(() -> Money.parse(yuan), "value.money.format");
	}

	@ParameterizedTest
	@ValueSource(strings = { "1.234", "0.001", "1,234.567", "1.230" })
	void rejectsMoreThanTwoDecimals(String yuan) {
		InvalidValueException e = rejected(() -> Money.parse(yuan), "value.money.scale");
		assertThat(e.args()).containsExactly(3);
	}

	@ParameterizedTest
	@ValueSource(strings = { "92233720368547758.08", "-92233720368547758.09", "100000000000000000",
			"99999999999999999999999999999999999999", "000000000000000000000000092233720368547758.08" })
	void rejectsAmountsBeyondTheRange(String yuan) {
		rejected(() -> Money.parse(yuan), "value.money.range");
	}

	@Test
	void leadingZerosDoNotCountTowardsTheRange() {
		assertThat(Money.parse("00000000000000000000000001.00")).isEqualTo(Money.ofFen(100));
	}

}
