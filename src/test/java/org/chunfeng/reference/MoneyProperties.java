package org.chunfeng.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class MoneyProperties {

	private static final long BOUND = 1_000_000_000_000_000L; // far enough from overflow for three operands

	@Provide
	Arbitrary<Money> amounts() {
		return Arbitraries.longs().between(-BOUND, BOUND).map(Money::ofFen);
	}

	@Property
	void parseReadsWhatToStringAndFormatWrite(@ForAll long fen) {
		Money money = Money.ofFen(fen);

		assertThat(Money.parse(money.toString())).isEqualTo(money);
		assertThat(Money.parse(money.format())).isEqualTo(money);
		assertThat(Money.parse("¥" + money.format())).isEqualTo(money);
		assertThat(money.toYuan().movePointRight(2).longValueExact()).isEqualTo(fen);
	}

	/** toString and format against an independent rendering via BigInteger division and a regex for grouping. */
	@Property
	void renderingMatchesAnIndependentImplementation(@ForAll long fen) {
		BigInteger[] yuanAndFen = BigInteger.valueOf(fen).abs().divideAndRemainder(BigInteger.valueOf(100));
		String sign = fen < 0 ? "-" : "";
		String cents = String.format("%02d", yuanAndFen[1].intValue());
		String yuan = yuanAndFen[0].toString();

		assertThat(Money.ofFen(fen)).hasToString(sign + yuan + "." + cents);
		assertThat(Money.ofFen(fen).format())
			.isEqualTo(sign + yuan.replaceAll("(\\d)(?=(\\d{3})+$)", "$1,") + "." + cents);
	}

	/** Any decimal string with at most two decimals parses to exactly its value in fen. */
	@Property
	void parsesAnyShortDecimal(@ForAll @LongRange(min = 0, max = 999_999_999_999L) long yuan,
			@ForAll @IntRange(min = 0, max = 99) int cents, @ForAll @IntRange(max = 2) int decimals) {
		long fen = decimals == 0 ? yuan * 100 : decimals == 1 ? yuan * 100 + cents / 10 * 10 : yuan * 100 + cents;
		String text = yuan + (decimals == 0 ? "" : decimals == 1 ? "." + cents / 10 : "." + String.format("%02d", cents));

		assertThat(Money.parse(text)).isEqualTo(Money.ofFen(fen));
		assertThat(Money.parse("-" + text)).isEqualTo(Money.ofFen(-fen));
	}

	@Property
	void plusIsAssociativeAndCommutative(@ForAll("amounts") Money a, @ForAll("amounts") Money b,
			@ForAll("amounts") Money c) {
		assertThat(a.plus(b).plus(c)).isEqualTo(a.plus(b.plus(c)));
		assertThat(a.plus(b)).isEqualTo(b.plus(a));
		assertThat(a.plus(Money.ZERO)).isEqualTo(a);
	}

	@Property
	void minusUndoesPlus(@ForAll("amounts") Money a, @ForAll("amounts") Money b, @ForAll("amounts") Money c) {
		assertThat(a.plus(b).minus(b)).isEqualTo(a);
		assertThat(a.minus(b).minus(c)).isEqualTo(a.minus(b.plus(c)));
		assertThat(a.minus(a)).isEqualTo(Money.ZERO);
	}

	@Property
	void orderAgreesWithFen(@ForAll("amounts") Money a, @ForAll("amounts") Money b) {
		assertThat(Integer.signum(a.compareTo(b))).isEqualTo(Long.signum(a.fen() - b.fen()));
		assertThat(a.min(b).fen()).isEqualTo(Math.min(a.fen(), b.fen()));
		assertThat(a.minus(b).isNegative()).isEqualTo(a.compareTo(b) < 0);
	}

}
