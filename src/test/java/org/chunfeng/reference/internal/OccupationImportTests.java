package org.chunfeng.reference.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.chunfeng.reference.ImportResult;
import org.chunfeng.reference.Occupations;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/** An administrator imports the official occupation table: all rows or none, every bad row named. */
@SpringBootTest
@Transactional
class OccupationImportTests {

	@Autowired
	Occupations occupations;

	@Autowired
	JdbcClient jdbc;

	@Test
	void importsChineseHeadedCsvWithBomAndIsIdempotent() {
		String csv = "\uFEFF代码,名称,英文名称,层级,上级代码\n"
				+ "8-99,测试中类,Test middle group,中类,8\n"
				+ "8-99-01,测试小类,,小类,8-99\n"
				+ "\"8-99-01-01\",\"测试职业，含逗号\",Test occupation,职业,\n";
		ImportResult first = occupations.importCsv(stream(csv), "2022");
		assertThat(first.errors()).isEmpty();
		assertThat(first.rowsWritten()).isEqualTo(3);
		assertThat(occupations.find("8-99-01-01").orElseThrow().nameZh()).isEqualTo("测试职业，含逗号");
		assertThat(occupations.path("8-99-01-01")).extracting(e -> e.code())
			.containsExactly("8", "8-99", "8-99-01", "8-99-01-01");
		long rows = count();

		ImportResult again = occupations.importCsv(stream(csv), "2022");
		assertThat(again.succeeded()).isTrue();
		assertThat(count()).isEqualTo(rows);
	}

	@Test
	void updatesExistingOccupationsInPlace() {
		String existing = jdbc.sql("select code from occupation where level = 'OCCUPATION' order by code limit 1")
			.query(String.class).single();
		ImportResult result = occupations.importCsv(stream("code,name_zh\n" + existing + ",新名称\n"), "2022 修订");
		assertThat(result.errors()).isEmpty();
		assertThat(occupations.find(existing).orElseThrow().nameZh()).isEqualTo("新名称");
		assertThat(jdbc.sql("select edition from occupation where code = ?").param(existing).query(String.class).single())
			.isEqualTo("2022 修订");
	}

	@Test
	void refusesTheWholeFileWhenAnyRowIsBadAndNamesEachRow() {
		long before = count();
		String csv = "code,name_zh,name_en,level,parent_code\n"
				+ "8-98,好的中类,,MIDDLE,8\n" // line 2: fine on its own
				+ "8-98-1,坏代码,,,\n" // line 3: malformed code
				+ "7-77-01,无上级,,MINOR,\n" // line 4: parent 7-77 missing
				+ "8-98-02,层级不符,,OCCUPATION,\n" // line 5: level does not match the code
				+ "8-98-03,,,,\n" // line 6: no name
				+ "8-98,重复,,MIDDLE,8\n"; // line 7: duplicate code
		ImportResult result = occupations.importCsv(stream(csv), "2022");
		assertThat(result.succeeded()).isFalse();
		assertThat(result.rowsWritten()).isZero();
		assertThat(result.errors()).extracting(ImportResult.RowError::line, ImportResult.RowError::column)
			.contains(org.assertj.core.groups.Tuple.tuple(3L, "code"), org.assertj.core.groups.Tuple.tuple(4L, "parent_code"),
					org.assertj.core.groups.Tuple.tuple(5L, "level"), org.assertj.core.groups.Tuple.tuple(6L, "name_zh"));
		assertThat(result.errors()).anyMatch(e -> e.messageCode().equals("reference.import.duplicate"));
		assertThat(count()).isEqualTo(before);
		assertThat(occupations.find("8-98")).isEmpty();
	}

	@Test
	void refusesFilesWithoutTheNeededColumnsOrWithTooManyRows() {
		assertThat(occupations.importCsv(stream("foo,bar\n1,2\n"), "2022").errors())
			.extracting(ImportResult.RowError::messageCode).containsExactly("reference.import.header");
		assertThat(occupations.importCsv(stream("code,name_zh\n8,x\n"), " ").errors())
			.extracting(ImportResult.RowError::messageCode).containsExactly("reference.import.edition");
		StringBuilder big = new StringBuilder("code,name_zh\n");
		for (int i = 0; i <= JdbcOccupations.MAX_ROWS; i++) {
			big.append("8-").append(String.format("%02d", i % 100)).append(",x\n");
		}
		assertThat(occupations.importCsv(stream(big.toString()), "2022").errors())
			.extracting(ImportResult.RowError::messageCode).contains("reference.import.tooManyRows");
	}

	@Test
	void aMalformedCsvIsReportedNotThrown() {
		ImportResult result = occupations.importCsv(stream("code,name_zh\n\"8-97,unterminated\n"), "2022");
		assertThat(result.succeeded()).isFalse();
	}

	private long count() {
		return jdbc.sql("select count(*) from occupation").query(Long.class).single();
	}

	private static ByteArrayInputStream stream(String csv) {
		return new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));
	}
}
