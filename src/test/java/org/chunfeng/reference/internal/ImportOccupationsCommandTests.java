package org.chunfeng.reference.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.chunfeng.reference.Occupations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.annotation.Transactional;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Transactional
class ImportOccupationsCommandTests {

	@Autowired
	ImportOccupationsCommand command;

	@Autowired
	Occupations occupations;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@TempDir
	Path dir;

	@Test
	void importsAFileAndSaysHowManyRows() throws IOException {
		Path file = write("code,name_zh\n8-96,命令行测试中类\n8-96-01,命令行测试小类\n");
		Output output = run(List.of(file.toString(), "--edition=2022"), Locale.SIMPLIFIED_CHINESE);
		assertThat(output.code()).isZero();
		assertThat(output.text()).contains("导入完成：读取 2 行，写入 2 行");
		assertThat(occupations.find("8-96-01")).isPresent();
		assertThat(jdbc.sql("select count(*) from audit_log where action = 'occupations.imported' and actor = 'system'"
				+ " and after ->> 'rows' = '2'").query(Long.class).single()).isPositive();
	}

	@Test
	void listsEveryRefusedRowInTheChosenLanguage() throws IOException {
		Path file = write("code,name_zh\n8-95,好\n8-95-x,坏\n");
		Output output = run(List.of(file.toString(), "--edition=2022"), Locale.ENGLISH);
		assertThat(output.code()).isEqualTo(1);
		assertThat(output.text()).contains("Line 3, code: Occupation code \"8-95-x\" is malformed")
			.contains("nothing was written");
		assertThat(occupations.find("8-95")).isEmpty();
	}

	@Test
	void badArgumentsShowTheUsage() throws IOException {
		assertThat(run(List.of(), Locale.ENGLISH).code()).isEqualTo(2);
		assertThat(run(List.of(dir.resolve("missing.csv").toString(), "--edition=2022"), Locale.ENGLISH).text())
			.contains("Cannot read");
		assertThat(run(List.of(write("code,name_zh\n").toString()), Locale.ENGLISH).text()).contains("--edition=");
	}

	private Path write(String csv) throws IOException {
		return Files.writeString(Files.createTempFile(dir, "occupations", ".csv"), csv, StandardCharsets.UTF_8);
	}

	private Output run(List<String> arguments, Locale locale) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		int code = command.run(arguments, locale, new PrintStream(bytes, true, StandardCharsets.UTF_8));
		return new Output(code, bytes.toString(StandardCharsets.UTF_8));
	}

	record Output(int code, String text) {
	}
}
