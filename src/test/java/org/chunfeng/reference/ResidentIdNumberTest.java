package org.chunfeng.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.chunfeng.reference.Rejections.rejected;

import java.time.LocalDate;

import org.chunfeng.reference.ResidentIdNumber.Sex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResidentIdNumberTest {

	private static final LocalDate TODAY = LocalDate.of(2025, 6, 15);

	/** The worked example of GB 11643-1999: 北京市朝阳区, 1949-12-31, a woman. */
	private static final String STANDARD_EXAMPLE = "11010519491231002X";

	/** 苏州市虎丘区, 1990-03-07, a man. */
	private static final String HUQIU_MAN = "32050519900307123X";

	@Test
	void theStandardExample() {
		ResidentIdNumber id = ResidentIdNumber.parse(STANDARD_EXAMPLE, TODAY);

		assertThat(id.value()).isEqualTo(STANDARD_EXAMPLE);
		assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
		assertThat(id.sex()).isEqualTo(Sex.FEMALE);
		assertThat(id.origin()).isEqualTo(RegionCode.of("110105"));
		assertThat(id.masked()).isEqualTo("110105********002X");
	}

	@Test
	void aManFromHuqiu() {
		ResidentIdNumber id = ResidentIdNumber.parse(HUQIU_MAN, TODAY);

		assertThat(id.birthDate()).isEqualTo(LocalDate.of(1990, 3, 7));
		assertThat(id.sex()).isEqualTo(Sex.MALE);
		assertThat(id.origin().prefecture()).isEqualTo(RegionCode.of("320500"));
		assertThat(id.masked()).isEqualTo("320505********123X");
	}

	@Test
	void evenSeventeenthDigitIsFemale() {
		assertThat(ResidentIdNumber.parse("320505199003071248", TODAY).sex()).isEqualTo(Sex.FEMALE);
	}

	@Test
	void parseWithoutTodayUsesTheClock() {
		assertThat(ResidentIdNumber.parse(STANDARD_EXAMPLE).birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
		assertThat(new ResidentIdNumber(STANDARD_EXAMPLE)).isEqualTo(ResidentIdNumber.parse(STANDARD_EXAMPLE));
	}

	@Test
	void normalisesWhitespaceAndLowercaseX() {
		ResidentIdNumber id = ResidentIdNumber.parse(" \t11010519491231002x\n", TODAY);

		assertThat(id.value()).isEqualTo(STANDARD_EXAMPLE);
		assertThat(id).isEqualTo(ResidentIdNumber.parse(STANDARD_EXAMPLE, TODAY));
		assertThat(new ResidentIdNumber("11010519491231002x").value()).isEqualTo(STANDARD_EXAMPLE);
	}

	@Test
	void toStringIsMaskedSoLogsNeverHoldTheFullNumber() {
		assertThat(ResidentIdNumber.parse(HUQIU_MAN, TODAY)).hasToString("320505********123X");
	}

	@Test
	void abolishedAddressCodesStayValid() {
		// 苏州市沧浪区 (abolished 2012), born on a leap day
		ResidentIdNumber id = ResidentIdNumber.parse("320502200002290015", TODAY);

		assertThat(id.origin()).isEqualTo(RegionCode.of("320502"));
		assertThat(id.birthDate()).isEqualTo(LocalDate.of(2000, 2, 29));
	}

	@Test
	void ageInCompletedYears() {
		ResidentIdNumber id = ResidentIdNumber.parse(STANDARD_EXAMPLE, TODAY);

		assertThat(id.ageOn(LocalDate.of(1949, 12, 31))).isZero();
		assertThat(id.ageOn(LocalDate.of(2025, 12, 30))).isEqualTo(75);
		assertThat(id.ageOn(LocalDate.of(2025, 12, 31))).isEqualTo(76);
		assertThatThrownBy(() -> id.ageOn(LocalDate.of(1949, 12, 30))).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void leapDayBirthdaysCountFromTheFirstOfMarchInCommonYears() {
		ResidentIdNumber id = ResidentIdNumber.parse("320502200002290015", TODAY);

		assertThat(id.ageOn(LocalDate.of(2001, 2, 28))).isZero();
		assertThat(id.ageOn(LocalDate.of(2001, 3, 1))).isEqualTo(1);
		assertThat(id.ageOn(LocalDate.of(2004, 2, 29))).isEqualTo(4);
	}

	@Test
	void bornOnTodayIsAccepted() {
		assertThat(ResidentIdNumber.parse("320505202506150022", TODAY).ageOn(TODAY)).isZero();
	}

	@Test
	void theEarliestAcceptedBirthDateIs1900() {
		assertThat(ResidentIdNumber.parse(IdNumbers.complete("32050519000101001"), TODAY).birthDate())
			.isEqualTo(LocalDate.of(1900, 1, 1));
	}

	@Test
	void rejectsBlank() {
		rejected(() -> ResidentIdNumber.parse(null, TODAY), "value.residentId.blank");
		rejected(() -> ResidentIdNumber.parse("", TODAY), "value.residentId.blank");
		rejected(() -> ResidentIdNumber.parse("   ", TODAY), "value.residentId.blank");
	}

	@Test
	void rejectsWrongLengthNamingTheLength() {
		// a 15-digit first-generation number
		InvalidValueException e = rejected(() -> ResidentIdNumber.parse("110105491231002", TODAY),
				"value.residentId.length");
		assertThat(e.args()).containsExactly(15);
		assertThat(e.getMessage()).isEqualTo("Resident ID number must have 18 characters, but has 15");

		rejected(() -> ResidentIdNumber.parse(STANDARD_EXAMPLE + "1", TODAY), "value.residentId.length");
	}

	@ParameterizedTest
	@ValueSource(strings = { "11010519491231002Y", "1101051949123100XX", "11010519491231OO2X", "11010519491231 02X",
			"１1010519491231002X" })
	void rejectsCharactersOtherThanDigitsAndFinalX(String raw) {
		rejected(() -> ResidentIdNumber.parse(raw, TODAY), "value.residentId.characters");
	}

	@Test
	void rejectsInvalidAddressCode() {
		InvalidValueException e = rejected(() -> ResidentIdNumber.parse(IdNumbers.complete("99050519900307123"), TODAY),
				"value.residentId.region");
		assertThat(e.args()).containsExactly("990505");
		rejected(() -> ResidentIdNumber.parse(IdNumbers.complete("32000519900307123"), TODAY),
				"value.residentId.region");
	}

	@ParameterizedTest
	@ValueSource(strings = { "19900230", "19890229", "19901301", "19900000", "18991231", "00000000" })
	void rejectsImpossibleOrTooEarlyBirthDates(String date) {
		InvalidValueException e = rejected(
				() -> ResidentIdNumber.parse(IdNumbers.complete("320505" + date + "123"), TODAY),
				"value.residentId.birthDate");
		assertThat(e.args()).containsExactly(date);
	}

	@Test
	void rejectsBirthDatesAfterToday() {
		InvalidValueException e = rejected(() -> ResidentIdNumber.parse("32050520250616001X", TODAY),
				"value.residentId.futureBirthDate");
		assertThat(e.args()).containsExactly("2025-06-16");
	}

	@Test
	void theConstructorRejectsBirthDatesAfterTheRealToday() {
		rejected(() -> new ResidentIdNumber(IdNumbers.complete("32050529990101001")),
				"value.residentId.futureBirthDate");
	}

	@Test
	void rejectsAWrongCheckCharacterNamingTheExpectedOne() {
		InvalidValueException e = rejected(() -> ResidentIdNumber.parse("110105194912310021", TODAY),
				"value.residentId.checkDigit");
		assertThat(e.args()).containsExactly("X");
		assertThat(e.getMessage()).endsWith("expected X");
	}

	@Test
	void messagesNeverContainTheFullNumber() {
		InvalidValueException e = rejected(() -> ResidentIdNumber.parse("320505199003071230", TODAY));
		assertThat(e.getMessage()).doesNotContain("320505199003071230");
	}

}
