package org.chunfeng.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chunfeng.reference.Rejections.rejected;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

class CreditCodeProperties {

	record Organisation(String authorityAndType, String region, String body, String code) {
	}

	private static Arbitrary<String> alphabetString(int length) {
		return Arbitraries.strings().withChars(CreditCodes.ALPHABET).ofLength(length);
	}

	@Provide
	Arbitrary<Organisation> organisations() {
		Arbitrary<String> regions = Arbitraries.frequencyOf(
				Tuple.of(9, RegionCodeProperties.anyRegion()),
				Tuple.of(1, Arbitraries.just("100000")));
		return Combinators.combine(alphabetString(2), regions, alphabetString(8))
			.as((authorityAndType, region, body) -> new Organisation(authorityAndType, region, body,
					CreditCodes.complete(authorityAndType, region, body)));
	}

	@Property
	void generatedCodesAreAcceptedWithTheRightParts(@ForAll("organisations") Organisation organisation) {
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

	/** MOD 31 over a 31-character alphabet detects every single substitution. */
	@Property
	void everySingleSubstitutionIsRejected(@ForAll("organisations") Organisation organisation,
			@ForAll @IntRange(max = 17) int position, @ForAll @IntRange(min = 1, max = 30) int shift) {
		String code = organisation.code();
		int original = CreditCodes.VALUES.get(code.charAt(position));
		char replacement = CreditCodes.ALPHABET[(original + shift) % CreditCodes.ALPHABET.length];
		String typo = code.substring(0, position) + replacement + code.substring(position + 1);

		assertThat(typo).isNotEqualTo(code);
		rejected(() -> CreditCode.of(typo));
	}

	/** A wrong check character is reported as such, naming the character the independent implementation expects. */
	@Property
	void aWrongCheckCharacterNamesTheExpectedOne(@ForAll("organisations") Organisation organisation,
			@ForAll @IntRange(min = 1, max = 30) int shift) {
		String first17 = organisation.code().substring(0, 17);
		char expected = CreditCodes.checkChar(first17);
		char wrong = CreditCodes.ALPHABET[(CreditCodes.VALUES.get(expected) + shift) % CreditCodes.ALPHABET.length];

		InvalidValueException e = rejected(() -> CreditCode.of(first17 + wrong), "value.creditCode.checkChar");
		assertThat(e.args()).containsExactly(String.valueOf(expected));
	}

}
