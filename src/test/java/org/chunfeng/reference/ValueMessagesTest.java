package org.chunfeng.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chunfeng.reference.Rejections.rejected;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every message code a value type can throw has a text in both languages. */
class ValueMessagesTest {

	private static final Path SOURCES = Path.of("src/main/java/org/chunfeng/reference");

	private static final Pattern CODE_LITERAL = Pattern.compile("\"(value\\.[A-Za-z]+\\.[A-Za-z]+)\"");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");

	/** One input per code that triggers exactly that code. */
	private static final Map<String, Rejections.Attempt> TRIGGERS = new LinkedHashMap<>();

	static {
		TRIGGERS.put("value.region.blank", () -> RegionCode.of(""));
		TRIGGERS.put("value.region.format", () -> RegionCode.of("3205"));
		TRIGGERS.put("value.region.province", () -> RegionCode.of("990000"));
		TRIGGERS.put("value.region.county", () -> RegionCode.of("320005"));
		TRIGGERS.put("value.residentId.blank", () -> ResidentIdNumber.parse(" "));
		TRIGGERS.put("value.residentId.length", () -> ResidentIdNumber.parse("110105491231002"));
		TRIGGERS.put("value.residentId.characters", () -> ResidentIdNumber.parse("11010519491231002Y"));
		TRIGGERS.put("value.residentId.region", () -> ResidentIdNumber.parse("99010519491231002X"));
		TRIGGERS.put("value.residentId.birthDate", () -> ResidentIdNumber.parse("11010519490231002X"));
		TRIGGERS.put("value.residentId.futureBirthDate",
				() -> ResidentIdNumber.parse("32050520250616001X", java.time.LocalDate.of(2025, 6, 15)));
		TRIGGERS.put("value.residentId.checkDigit", () -> ResidentIdNumber.parse("110105194912310021"));
		TRIGGERS.put("value.creditCode.blank", () -> CreditCode.of(null));
		TRIGGERS.put("value.creditCode.length", () -> CreditCode.of("9144030070846113"));
		TRIGGERS.put("value.creditCode.characters", () -> CreditCode.of("9144030070846113IT"));
		TRIGGERS.put("value.creditCode.region", () -> CreditCode.of("91990300708461136T"));
		TRIGGERS.put("value.creditCode.organisationCode", () -> CreditCode.of("91440300708461137T"));
		TRIGGERS.put("value.creditCode.checkChar", () -> CreditCode.of("91440300708461136U"));
		TRIGGERS.put("value.mobile.blank", () -> MobileNumber.of(""));
		TRIGGERS.put("value.mobile.format", () -> MobileNumber.of("12345"));
		TRIGGERS.put("value.money.blank", () -> Money.parse(""));
		TRIGGERS.put("value.money.format", () -> Money.parse("abc"));
		TRIGGERS.put("value.money.scale", () -> Money.parse("1.234"));
		TRIGGERS.put("value.money.range", () -> Money.parse("1" + "0".repeat(20)));
	}

	@Test
	void theTriggersCoverEveryCodeInTheSources() throws IOException {
		assertThat(TRIGGERS.keySet()).containsExactlyInAnyOrderElementsOf(codesInSources());
	}

	@Test
	void everyTriggerThrowsItsCode() {
		TRIGGERS.forEach((code, attempt) -> rejected(attempt, code));
	}

	@Test
	void everyCodeHasAnEnglishAndAChineseMessage() throws IOException {
		Properties en = load("/messages_en.properties");
		Properties zh = load("/messages_zh_CN.properties");

		for (String code : codesInSources()) {
			assertThat(en.getProperty(code)).as("en " + code).isNotBlank();
			assertThat(zh.getProperty(code)).as("zh " + code).isNotBlank();
		}
	}

	@Test
	void theTwoFilesHaveTheSameKeys() throws IOException {
		assertThat(load("/messages_zh_CN.properties").stringPropertyNames())
			.containsExactlyInAnyOrderElementsOf(load("/messages_en.properties").stringPropertyNames());
	}

	@Test
	void bothLanguagesUseTheSameArguments() throws IOException {
		Properties en = load("/messages_en.properties");
		Properties zh = load("/messages_zh_CN.properties");

		for (String key : en.stringPropertyNames()) {
			new MessageFormat(en.getProperty(key), Locale.ENGLISH);
			new MessageFormat(zh.getProperty(key), Locale.SIMPLIFIED_CHINESE);
			assertThat(placeholders(zh.getProperty(key))).as(key).isEqualTo(placeholders(en.getProperty(key)));
		}
	}

	@Test
	void theChineseFileIsReallyChinese() throws IOException {
		Properties zh = load("/messages_zh_CN.properties");

		for (String code : codesInSources()) {
			assertThat(zh.getProperty(code)).as(code).containsPattern("\\p{IsHan}");
		}
	}

	/** The exception's own English text is the one in messages_en, so logs and the English UI agree. */
	@Test
	void theDefaultMessageIsTheEnglishMessage() throws IOException {
		Properties en = load("/messages_en.properties");

		TRIGGERS.forEach((code, attempt) -> {
			InvalidValueException e = rejected(attempt, code);
			String expected = new MessageFormat(en.getProperty(code), Locale.ENGLISH).format(e.args());
			assertThat(e.getMessage()).isEqualTo(expected);
			assertThat(e.messageCode()).isEqualTo(code);
			assertThat(e.messageArgs()).containsExactly(e.args());
			assertThat(placeholders(en.getProperty(code))).hasSize(e.args().length);
		});
	}

	private static Set<String> codesInSources() throws IOException {
		Set<String> codes = new TreeSet<>();
		try (Stream<Path> files = Files.list(SOURCES)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				Matcher m = CODE_LITERAL.matcher(Files.readString(file));
				while (m.find()) {
					codes.add(m.group(1));
				}
			}
		}
		assertThat(codes).as("codes found in " + SOURCES.toAbsolutePath()).hasSizeGreaterThan(20);
		return codes;
	}

	private static Set<String> placeholders(String pattern) {
		Set<String> found = new TreeSet<>();
		Matcher m = PLACEHOLDER.matcher(pattern);
		while (m.find()) {
			found.add(m.group(1));
		}
		return found;
	}

	private static Properties load(String resource) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = ValueMessagesTest.class.getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
				properties.load(reader);
			}
		}
		return properties;
	}

}
