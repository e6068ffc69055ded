package org.chunfeng.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chunfeng.reference.Rejections.rejected;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class ResidentIdNumberProperties {

	private static final LocalDate TODAY = LocalDate.of(2025, 6, 15);

	private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("uuuuMMdd");

	/** A person as the generator sees them, with the number built by the independent implementation. */
	record Person(String region, LocalDate birth, int sequence, String number) {
	}

	@Provide
	Arbitrary<Person> people() {
		Arbitrary<LocalDate> births = Arbitraries.longs()
			.between(LocalDate.of(1900, 1, 1).toEpochDay(), TODAY.toEpochDay())
			.map(LocalDate::ofEpochDay);
		return Combinators
			.combine(RegionCodeProperties.anyRegion(), births, Arbitraries.integers().between(0, 999))
			.as((region, birth, sequence) -> new Person(region, birth, sequence,
					IdNumbers.complete(region + BASIC.format(birth) + String.format("%03d", sequence))));
	}

	@Property
	void generatedNumbersAreAcceptedWithTheRightFields(@ForAll("people") Person person) {
		ResidentIdNumber id = ResidentIdNumber.parse(person.number(), TODAY);

		assertThat(id.value()).isEqualTo(person.number());
		assertThat(id.birthDate()).isEqualTo(person.birth());
		assertThat(id.origin().value()).isEqualTo(person.region());
		assertThat(id.sex())
			.isEqualTo(person.sequence() % 2 == 1 ? ResidentIdNumber.Sex.MALE : ResidentIdNumber.Sex.FEMALE);
		assertThat(id.masked()).hasSize(18)
			.startsWith(person.region())
			.endsWith(person.number().substring(14))
			.contains("********");
		assertThat(id.ageOn(TODAY)).isBetween(0, 125);
	}

	@Property
	void lowercaseAndWhitespaceNormaliseToTheSameNumber(@ForAll("people") Person person) {
		String sloppy = "  " + person.number().toLowerCase() + "\t";

		assertThat(ResidentIdNumber.parse(sloppy, TODAY)).isEqualTo(ResidentIdNumber.parse(person.number(), TODAY));
	}

	/** MOD 11-2 detects every single substitution, so no typo of one character slips through. */
	@Property
	void everySingleSubstitutionIsRejected(@ForAll("people") Person person, @ForAll @IntRange(max = 17) int position,
			@ForAll @IntRange(min = 1, max = 10) int shift) {
		String allowed = position < 17 ? "0123456789" : "0123456789X";
		String number = person.number();
		int original = allowed.indexOf(number.charAt(position));
		int step = position < 17 ? (shift - 1) % 9 + 1 : shift;
		char replacement = allowed.charAt((original + step) % allowed.length());
		String typo = number.substring(0, position) + replacement + number.substring(position + 1);

		assertThat(typo).isNotEqualTo(number);
		rejected(() -> ResidentIdNumber.parse(typo, TODAY));
	}

	/** A wrong check character is reported as such, naming the character the independent implementation expects. */
	@Property
	void aWrongCheckCharacterNamesTheExpectedOne(@ForAll("people") Person person,
			@ForAll @IntRange(min = 1, max = 10) int shift) {
		String allowed = "0123456789X";
		String first17 = person.number().substring(0, 17);
		char expected = IdNumbers.checkChar(first17);
		char wrong = allowed.charAt((allowed.indexOf(expected) + shift) % allowed.length());

		InvalidValueException e = rejected(() -> ResidentIdNumber.parse(first17 + wrong, TODAY),
				"value.residentId.checkDigit");
		assertThat(e.args()).containsExactly(String.valueOf(expected));
	}

}
