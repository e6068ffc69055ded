package org.chunfeng.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chunfeng.reference.Rejections.rejected;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of {@link ResidentIdNumber}, each checked on {@value RegionCodeProperties#TRIES} people generated from
 * a fixed seed, with the numbers built by the independent implementation in {@link IdNumbers}.
 */
class ResidentIdNumberProperties {

	private static final LocalDate TODAY = LocalDate.of(2025, 6, 15);

	private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

	private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("uuuuMMdd");

	/** Birth dates at the ends of the range and around leap days, drawn more often than their uniform share. */
	private static final LocalDate[] EDGE_BIRTHS = { EARLIEST, TODAY, LocalDate.of(1900, 2, 28),
			LocalDate.of(1900, 3, 1), LocalDate.of(2000, 2, 29), LocalDate.of(2024, 2, 29), LocalDate.of(1999, 12, 31) };

	private static final int[] EDGE_SEQUENCES = { 0, 1, 998, 999 };

	/** A person as the generator sees them, with the number built by the independent implementation. */
	record Person(String region, LocalDate birth, int sequence, String number) {
	}

	static Person person(RandomGenerator random) {
		String region = RegionCodeProperties.anyRegion(random);
		LocalDate birth = random.nextInt(20) == 0 ? EDGE_BIRTHS[random.nextInt(EDGE_BIRTHS.length)]
				: LocalDate.ofEpochDay(random.nextLong(EARLIEST.toEpochDay(), TODAY.toEpochDay() + 1));
		int sequence = random.nextInt(20) == 0 ? EDGE_SEQUENCES[random.nextInt(EDGE_SEQUENCES.length)]
				: random.nextInt(0, 1000);
		return new Person(region, birth, sequence,
				IdNumbers.complete(region + BASIC.format(birth) + String.format("%03d", sequence)));
	}

	static Stream<Person> people() {
		Random random = new Random(0x4944_4E31L);
		return IntStream.range(0, RegionCodeProperties.TRIES).mapToObj(i -> person(random));
	}

	@ParameterizedTest
	@MethodSource("people")
	void generatedNumbersAreAcceptedWithTheRightFields(Person person) {
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

	@ParameterizedTest
	@MethodSource("people")
	void lowercaseAndWhitespaceNormaliseToTheSameNumber(Person person) {
		String sloppy = "  " + person.number().toLowerCase() + "\t";

		assertThat(ResidentIdNumber.parse(sloppy, TODAY)).isEqualTo(ResidentIdNumber.parse(person.number(), TODAY));
	}

	/**
	 * MOD 11-2 detects every single substitution, so no typo of one character slips through. Every position and
	 * every replacement character is tried for each person.
	 */
	@ParameterizedTest
	@MethodSource("people")
	void everySingleSubstitutionIsRejected(Person person) {
		String number = person.number();
		for (int position = 0; position <= 17; position++) {
			String allowed = position < 17 ? "0123456789" : "0123456789X";
			int original = allowed.indexOf(number.charAt(position));
			for (int step = 1; step < allowed.length(); step++) {
				char replacement = allowed.charAt((original + step) % allowed.length());
				String typo = number.substring(0, position) + replacement + number.substring(position + 1);

				assertThat(typo).isNotEqualTo(number);
				try {
					rejected(() -> ResidentIdNumber.parse(typo, TODAY));
				}
				catch (AssertionError e) {
					throw new AssertionError("typo " + typo + " of " + number + " at position " + position
							+ " was accepted", e);
				}
			}
		}
	}

	/**
	 * A wrong check character is reported as such, naming the character the independent implementation expects.
	 * Every wrong check character is tried for each person.
	 */
	@ParameterizedTest
	@MethodSource("people")
	void aWrongCheckCharacterNamesTheExpectedOne(Person person) {
		String allowed = "0123456789X";
		String first17 = person.number().substring(0, 17);
		char expected = IdNumbers.checkChar(first17);
		for (int shift = 1; shift <= 10; shift++) {
			char wrong = allowed.charAt((allowed.indexOf(expected) + shift) % allowed.length());

			InvalidValueException e = rejected(() -> ResidentIdNumber.parse(first17 + wrong, TODAY),
					"value.residentId.checkDigit");
			assertThat(e.args()).as("check character %s after %s", wrong, first17)
				.containsExactly(String.valueOf(expected));
		}
	}

}
