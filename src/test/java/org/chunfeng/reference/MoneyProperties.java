package org.chunfeng.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Random;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of {@link Money}, each checked on {@value RegionCodeProperties#TRIES} inputs generated from a fixed
 * seed. Numbers are drawn with a random number of significant bits, so that small amounts are as common as huge
 * ones, and the edges (zero, one fen, one yuan, the ends of the range) come up often.
 */
class MoneyProperties {

	private static final long BOUND = 1_000_000_000_000_000L; // far enough from overflow for three operands

	private static final long MAX_YUAN = 999_999_999_999L;

	private static final long[] EDGE_LONGS = { 0, 1, -1, 9, -9, 10, -10, 99, -99, 100, -100, 101, -101, 99_999,
			-99_999, 100_000, -100_000, Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE - 1, Long.MIN_VALUE + 1 };

	/** Any long: an edge case, or a value of 1 to 64 significant bits (sign included) with a random sign. */
	static long anyLong(RandomGenerator random) {
		if (random.nextInt(20) == 0) {
			return EDGE_LONGS[random.nextInt(EDGE_LONGS.length)];
		}
		int bits = random.nextInt(1, 65);
		return random.nextLong() >> (64 - bits);
	}

	/** A long in [0, max]: an edge case, or uniform below a random power of two. */
	static long upTo(RandomGenerator random, long max) {
		if (random.nextInt(20) == 0) {
			long[] edges = { 0, 1, max - 1, max };
			return edges[random.nextInt(edges.length)];
		}
		int bits = random.nextInt(1, 64 - Long.numberOfLeadingZeros(max) + 1);
		return random.nextLong(0, Math.min(max, (1L << bits) - 1) + 1);
	}

	/** An amount in [-BOUND, BOUND] fen. */
	static Money amount(RandomGenerator random) {
		long magnitude = upTo(random, BOUND);
		return Money.ofFen(random.nextBoolean() ? magnitude : -magnitude);
	}

	static LongStream fens() {
		Random random = new Random(0x4D4F_4E31L);
		return LongStream.concat(LongStream.of(EDGE_LONGS),
				LongStream.generate(() -> anyLong(random)).limit(RegionCodeProperties.TRIES - EDGE_LONGS.length));
	}

	static Stream<Arguments> shortDecimals() {
		Random random = new Random(0x4D4F_4E32L);
		return IntStream.range(0, RegionCodeProperties.TRIES)
			.mapToObj(i -> Arguments.of(upTo(random, MAX_YUAN), random.nextInt(0, 100), random.nextInt(0, 3)));
	}

	static Stream<Arguments> amountPairs() {
		Random random = new Random(0x4D4F_4E33L);
		return IntStream.range(0, RegionCodeProperties.TRIES)
			.mapToObj(i -> Arguments.of(amount(random), amount(random)));
	}

	static Stream<Arguments> amountTriples() {
		Random random = new Random(0x4D4F_4E34L);
		return IntStream.range(0, RegionCodeProperties.TRIES)
			.mapToObj(i -> Arguments.of(amount(random), amount(random), amount(random)));
	}

	@ParameterizedTest
	@MethodSource("fens")
	void parseReadsWhatToStringAndFormatWrite(long fen) {
		Money money = Money.ofFen(fen);

		assertThat(Money.parse(money.toString())).isEqualTo(money);
		assertThat(Money.parse(money.format())).isEqualTo(money);
		assertThat(Money.parse("¥" + money.format())).isEqualTo(money);
		assertThat(money.toYuan().movePointRight(2).longValueExact()).isEqualTo(fen);
	}

	/** toString and format against an independent rendering via BigInteger division and a regex for grouping. */
	@ParameterizedTest
	@MethodSource("fens")
	void renderingMatchesAnIndependentImplementation(long fen) {
		BigInteger[] yuanAndFen = BigInteger.valueOf(fen).abs().divideAndRemainder(BigInteger.valueOf(100));
		String sign = fen < 0 ? "-" : "";
		String cents = String.format("%02d", yuanAndFen[1].intValue());
		String yuan = yuanAndFen[0].toString();

		assertThat(Money.ofFen(fen)).hasToString(sign + yuan + "." + cents);
		assertThat(Money.ofFen(fen).format())
			.isEqualTo(sign + yuan.replaceAll("(\\d)(?=(\\d{3})+$)", "$1,") + "." + cents);
	}

	/** Any decimal string with at most two decimals parses to exactly its value in fen. */
	@ParameterizedTest
	@MethodSource("shortDecimals")
	void parsesAnyShortDecimal(long yuan, int cents, int decimals) {
		long fen = decimals == 0 ? yuan * 100 : decimals == 1 ? yuan * 100 + cents / 10 * 10 : yuan * 100 + cents;
		String text = yuan + (decimals == 0 ? "" : decimals == 1 ? "." + cents / 10 : "." + String.format("%02d", cents));

		assertThat(Money.parse(text)).isEqualTo(Money.ofFen(fen));
		assertThat(Money.parse("-" + text)).isEqualTo(Money.ofFen(-fen));
	}

	@ParameterizedTest
	@MethodSource("amountTriples")
	void plusIsAssociativeAndCommutative(Money a, Money b, Money c) {
		assertThat(a.plus(b).plus(c)).isEqualTo(a.plus(b.plus(c)));
		assertThat(a.plus(b)).isEqualTo(b.plus(a));
		assertThat(a.plus(Money.ZERO)).isEqualTo(a);
	}

	@ParameterizedTest
	@MethodSource("amountTriples")
	void minusUndoesPlus(Money a, Money b, Money c) {
		assertThat(a.plus(b).minus(b)).isEqualTo(a);
		assertThat(a.minus(b).minus(c)).isEqualTo(a.minus(b.plus(c)));
		assertThat(a.minus(a)).isEqualTo(Money.ZERO);
	}

	@ParameterizedTest
	@MethodSource("amountPairs")
	void orderAgreesWithFen(Money a, Money b) {
		assertThat(Integer.signum(a.compareTo(b))).isEqualTo(Long.signum(a.fen() - b.fen()));
		assertThat(a.min(b).fen()).isEqualTo(Math.min(a.fen(), b.fen()));
		assertThat(a.minus(b).isNegative()).isEqualTo(a.compareTo(b) < 0);
	}

}
