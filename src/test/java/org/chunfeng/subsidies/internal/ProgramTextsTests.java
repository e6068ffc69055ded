package org.chunfeng.subsidies.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.subsidies.rules.ProgramKind;
import org.chunfeng.subsidies.rules.ProgramParameters;
import org.chunfeng.subsidies.rules.ProgramTemplate;
import org.chunfeng.subsidies.rules.Reason;
import org.chunfeng.subsidies.rules.Templates;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/**
 * The parameters' stored form and form fields, and the module's texts: every template survives the JSON column and
 * the form unchanged; every message code the module names exists in both languages and formats.
 */
class ProgramTextsTests {

	private static final Path SOURCES = Path.of("src/main/java/org/chunfeng/subsidies");

	private static final Pattern CODE = Pattern.compile("\"(subsidy\\.[A-Za-z.]+[A-Za-z])\"");

	@Test
	void everyTemplateSurvivesTheJsonColumnAndTheForm() {
		for (ProgramTemplate t : Templates.ALL) {
			String json = ParametersJson.write(t.parameters());
			assertThat(ParametersJson.read(t.kind(), json)).as(t.key()).isEqualTo(t.parameters());
			Map<String, String> texts = ParameterFields.texts(t.kind(), t.parameters());
			List<InvalidRequestException> problems = new ArrayList<>();
			ProgramParameters back = ParameterFields.read(t.kind(), texts, problems);
			assertThat(problems).as(t.key()).isEmpty();
			assertThat(back).as(t.key()).isEqualTo(t.parameters());
		}
	}

	@Test
	void theStoredFormIsPlainJsonOfIntegersAndIsoDates() {
		JsonMapper json = JsonMapper.builder().build();
		assertThat(json.readTree(ParametersJson.write(Templates.REFUND_2021.parameters()))).isEqualTo(json.readTree("""
				{"rates": {"large": 3000, "medium": 6000, "small": 6000, "micro": 6000}, "layoffRateLimitBp": 550,
				 "smallEnterpriseHeadcount": 30, "smallEnterpriseLayoffRateLimitBp": 2000, "automatic": true,
				 "dispatchExcludedFromAutomatic": true}"""));
		assertThat(ParametersJson.write(Templates.STAY_PUT_2021_XIANGCHENG.parameters()))
			.contains("\"dutyFrom\":\"2021-02-11\"").contains("\"dailyDutyFen\":10000");
		// the record's components only, not what is derived from them
		assertThat(ParametersJson.write(Templates.WORK_FOR_TRAINING_2021_FESTIVAL.parameters()))
			.doesNotContain("monthlyFen");
		assertThat(ParametersJson.write(Templates.TEMPORARY_LIVING_2021.parameters())).doesNotContain("monthlyFen")
			.doesNotContain("missingToOpen");
		// a field it does not know is ignored
		assertThat(ParametersJson.of(ProgramKind.WORK_FOR_TRAINING,
				json.readTree("{\"perTraineeMonthFen\": 50000, \"maxMonthsPerTrainee\": 6, \"note\": \"x\"}")))
			.isEqualTo(new org.chunfeng.subsidies.rules.WorkForTrainingParameters(50_000L, 6, null, null));
	}

	@Test
	void formTextsAreTypedAsPeopleWriteThem() {
		Map<String, String> texts = ParameterFields.texts(ProgramKind.JOB_STABILIZING_REFUND,
				Templates.REFUND_2021.parameters());
		assertThat(texts).containsEntry("rates.large", "30").containsEntry("layoffRateLimitBp", "5.5")
			.containsEntry("smallEnterpriseHeadcount", "30").containsEntry("automatic", "true");
		assertThat(ParameterFields.texts(ProgramKind.STAY_PUT_SUBSIDY, Templates.STAY_PUT_2021_TIANJIN.parameters()))
			.containsEntry("perWorkerFen", "300").containsEntry("capPerEnterpriseFen", "300000")
			.containsEntry("payee", "ENTERPRISE");
		assertThat(ParameterFields.basisPoints("5.5%")).isEqualTo(550);
		List<InvalidRequestException> problems = new ArrayList<>();
		ParameterFields.read(ProgramKind.JOB_STABILIZING_REFUND,
				Map.of("rates.large", "三十", "rates.small", "5.555", "smallEnterpriseHeadcount", "x"), problems);
		assertThat(problems).extracting(InvalidRequestException::field, InvalidRequestException::code)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("parameters.rates.large", "subsidy.form.percent"),
					org.assertj.core.groups.Tuple.tuple("parameters.rates.small", "subsidy.form.percent"),
					org.assertj.core.groups.Tuple.tuple("parameters.smallEnterpriseHeadcount", "problem.field.number"));
	}

	@Test
	void theCopyOfANameTakesTheNewYear() {
		assertThat(JdbcSubsidyPrograms.copyName("稳岗返还 2021（大型企业 30%）", 2021, 2027)).isEqualTo("稳岗返还 2027（大型企业 30%）");
		assertThat(JdbcSubsidyPrograms.copyName("苏州市稳岗返还", 2021, 2027)).isEqualTo("苏州市稳岗返还 (2027)");
	}

	@Test
	void everyCodeOfTheModuleHasATextInBothLanguagesThatFormats() throws IOException {
		Properties zh = load("messages_zh_CN.properties");
		Properties en = load("messages_en.properties");
		Set<String> zhKeys = keys(zh);
		Set<String> enKeys = keys(en);
		assertThat(enKeys).isEqualTo(zhKeys);
		Set<String> codes = new TreeSet<>();
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				Matcher matcher = CODE.matcher(Files.readString(file));
				while (matcher.find()) {
					codes.add(matcher.group(1));
				}
			}
		}
		// codes put together from a prefix and an enum name
		for (ProgramKind kind : ProgramKind.values()) {
			codes.add("subsidy.kind." + kind.name());
		}
		for (String size : List.of("LARGE", "MEDIUM", "SMALL", "MICRO")) {
			codes.add("subsidy.reason.refund.rate." + size);
		}
		for (String peg : List.of("SUBSISTENCE_ALLOWANCE", "UNEMPLOYMENT_BENEFIT")) {
			codes.add("subsidy.reason.living.monthly." + peg);
			codes.add("subsidy.words.living.peg." + peg);
			codes.add("subsidy.words.living.pegUnset." + peg);
			codes.add("subsidy.peg." + peg);
		}
		for (String status : List.of("DRAFT", "OPEN", "CLOSED")) {
			codes.add("subsidy.status." + status);
			codes.add("subsidy.program.transition." + status);
		}
		for (ProgramKind kind : ProgramKind.values()) {
			ParameterFields.of(kind).forEach(field -> codes.add(field.label()));
		}
		codes.removeIf(code -> code.endsWith("."));
		assertThat(zhKeys).containsAll(codes);
		for (String key : zhKeys) {
			for (Properties texts : List.of(zh, en)) {
				MessageFormat format = new MessageFormat(texts.getProperty(key), Locale.ROOT);
				Object[] args = new Object[10];
				java.util.Arrays.fill(args, 7);
				assertThat(format.format(args)).as(key).doesNotContain("{");
				// alwaysUseMessageFormat: an apostrophe is written twice
				assertThat(texts.getProperty(key).replace("''", "")).as(key).doesNotContain("'");
			}
		}
	}

	@Test
	void wordsOfEveryTemplateNameExistingTexts() throws IOException {
		Set<String> keys = keys(load("messages_zh_CN.properties"));
		for (ProgramTemplate t : Templates.ALL) {
			for (Reason line : ProgramWords.of(t.parameters())) {
				assertThat(keys).as(t.key()).contains(line.code());
			}
		}
		assertThat(ProgramWords.of(Templates.STAY_PUT_2021_XIANGCHENG.parameters())).contains(
				Reason.of("subsidy.words.stayPut.duty", "100.00", LocalDate.of(2021, 2, 11), LocalDate.of(2021, 2, 17)));
	}

	private static Set<String> keys(Properties texts) {
		Set<String> keys = new TreeSet<>();
		texts.stringPropertyNames().stream()
			.filter(k -> k.startsWith("subsidy.") || k.equals("nav.subsidies") || k.equals("nav.subsidyPrograms")
					|| k.equals("kind.subsidyProgram"))
			.forEach(keys::add);
		return keys;
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = ProgramTextsTests.class.getResourceAsStream("/" + name)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}
}
