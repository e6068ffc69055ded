package org.chunfeng.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chunfeng.reference.Rejections.rejected;

import java.util.Random;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of {@link CreditCode}, each checked on {@value RegionCodeProperties#TRIES} organisations generated
 * from a fixed seed, with the codes built by the independent implementation in {@link CreditCodes}.
 */
class CreditCodeProperties {

	record Organisation(String authorityAndType, String region, String body, String code) {
	}

	/**
	 * A string over the credit code alphabet; now and then one made of the first or the last character only, the
	 * extremes of the check computations.
	 */
	static String alphabetString(RandomGenerator random, int length) {
		int edge = random.nextInt(20);
		char[] chars = new char[length];
		for (int i = 0; i < length; i++) {
			chars[i] = switch (edge) {
				case 0 -> CreditCodes.ALPHABET[0];
				case 1 -> CreditCodes.ALPHABET[CreditCodes.ALPHABET.length - 1];
				default -> CreditCodes.ALPHABET[random.nextInt(CreditCodes.ALPHABET.length)];
			};
		}
		return new String(chars);
	}

	/** Nine in ten organisations are registered in a region, one in ten nationally (100000). */
	static Organisation organisation(RandomGenerator random) {
		String authorityAndType = alphabetString(random, 2);
		String region = random.nextInt(10) < 9 ? RegionCodeProperties.anyRegion(random) : "100000";
		String body = alphabetString(random, 8);
		return new Organisation(authorityAndType, region, body, CreditCodes.complete(authorityAndType, region, body));
	}

	static Stream<Organisation> organisations() {
		Random random = new Random(0x5553_4331L);
		return IntStream.range(0, RegionCodeProperties.TRIES).mapToObj(i -> organisation(random));
	}

	@ParameterizedTest
	@MethodSource("organisations")
	void generatedCodesAreAcceptedWithTheRightParts(Organisation organisation) {
		CreditCode code = CreditCode.of(organisation.code());

		assertThat(code.value()).isEqualTo(organisation.code());
		assertThat(code.registeringAuthority()).isEqualTo(organisation.authorityAndType().charAt(0));
		assertThat(code.organisationType()).isEqualTo(organisation.authorityAndType().charAt(1));
		assertThat(code.organisationCode()).startsWith(organisation.body()).hasSize(9);
		if (organisation.region().equals("100000")) {
			assertThat(code.isNationalRegistration()).isTrue();
			assertThat(code.region()).isEmpty();
		}
		else {
			assertThat(code.region()).contains(RegionCode.of(organisation.region()));
		}
		assertThat(CreditCode.of(" " + organisation.code().toLowerCase() + " ")).isEqualTo(code);
	}

	/**
	 * MOD 31 over a 31-character alphabet detects every single substitution. Every position and every replacement
	 * character is tried for each organisation.
	 */
	@ParameterizedTest
	@MethodSource("organisations")
	void everySingleSubstitutionIsRejected(Organisation organisation) {
		String code = organisation.code();
		for (int position = 0; position <= 17; position++) {
			int original = CreditCodes.VALUES.get(code.charAt(position));
			for (int shift = 1; shift <= 30; shift++) {
				char replacement = CreditCodes.ALPHABET[(original + shift) % CreditCodes.ALPHABET.length];
				String typo = code.substring(0, position) + replacement + code.substring(position + 1);

				assertThat(typo).isNotEqualTo(code);
				try {
					rejected(() -> CreditCode.of(typo));
				}
				catch (AssertionError e) {
					throw new AssertionError("typo " + typo + " of " + code + " at position " + position
							+ " was accepted", e);
				}
			}
		}
	}

	/**
	 * A wrong check character is reported as such, naming the character the independent implementation expects.
	 * Every wrong check character is tried for each organisation.
	 */
	@ParameterizedTest
	@MethodSource("organisations")
	void aWrongCheckCharacterNamesTheExpectedOne(Organisation organisation) {
		String first17 = organisation.code().substring(0, 17);
		char expected = CreditCodes.checkChar(first17);
		for (int shift = 1; shift <= 30; shift++) {
			char wrong = CreditCodes.ALPHABET[(CreditCodes.VALUES.get(expected) + shift) % CreditCodes.ALPHABET.length];

			InvalidValueException e = rejected(() -> CreditCode.of(first17 + wrong), "value.creditCode.checkChar");
			assertThat(e.args()).as("check character %s after %s", wrong, first17)
				.containsExactly(String.valueOf(expected));
		}
	}

}
