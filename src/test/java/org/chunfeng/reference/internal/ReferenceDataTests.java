package org.chunfeng.reference.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.chunfeng.reference.Industries;
import org.chunfeng.reference.Occupations;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.reference.Regions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The reference tables loaded by the migrations hold what the standards say. */
@SpringBootTest
class ReferenceDataTests {

	@Autowired
	Regions regions;

	@Autowired
	Industries industries;

	@Autowired
	Occupations occupations;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theCountiesWithinARegionAreItsCountyLevelDivisions() {
		var suzhou = regions.counties(RegionCode.of("320500"));
		assertThat(suzhou).extracting(r -> r.code().value()).contains("320505", "320506", "320581")
			.allMatch(code -> code.startsWith("3205")).doesNotContain("320500").isSorted();
		assertThat(suzhou).allMatch(r -> r.code().level() == RegionCode.Level.COUNTY);
		assertThat(regions.counties(RegionCode.of("320505"))).extracting(r -> r.code().value()).containsExactly("320505");
		assertThat(regions.counties(RegionCode.of("320000"))).hasSizeGreaterThan(suzhou.size());
	}

	@Test
	void regionsCoverTheCountry() {
		Map<RegionCode.Level, Long> counts = regions.countByLevel();
		assertThat(counts.get(RegionCode.Level.PROVINCE)).isEqualTo(31);
		assertThat(counts.get(RegionCode.Level.PREFECTURE)).isBetween(330L, 350L);
		assertThat(counts.get(RegionCode.Level.COUNTY)).isBetween(2900L, 3050L);
		// every county sits under a prefecture of its own code, every prefecture under its province
		assertThat(jdbc.sql("""
				select count(*) from region c join region p on p.code = c.parent_code
				where c.level = 'COUNTY' and (p.level <> 'PREFECTURE' or substr(c.code, 1, 4) <> substr(p.code, 1, 4))
				   or c.level = 'PREFECTURE' and (p.level <> 'PROVINCE' or substr(c.code, 1, 2) <> substr(p.code, 1, 2))""")
			.query(Long.class).single()).isZero();
		// and each code passes the value type's own rules
		jdbc.sql("select code, level from region").query((rs, n) -> {
			assertThat(RegionCode.of(rs.getString(1)).level().name()).isEqualTo(rs.getString(2));
			return null;
		}).list();
	}

	@Test
	void industriesHaveAllSectionsAndDivisionsOfGbt4754_2017() {
		Map<String, Long> counts = industries.countByLevel();
		assertThat(counts).containsEntry("SECTION", 20L).containsEntry("DIVISION", 97L);
		assertThat(industries.children(null)).extracting(e -> e.code())
			.containsExactly("A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R", "S",
					"T");
		assertThat(industries.children("C")).hasSize(31);
		assertThat(industries.find("36").orElseThrow().nameZh()).isEqualTo("汽车制造业");
		// groups only where the enterprise size criteria need them: division 70
		assertThat(counts).containsEntry("GROUP", 5L);
		assertThat(industries.children("70")).extracting(e -> e.code()).containsExactly("701", "702", "703", "704",
				"709");
		assertThat(industries.path("702")).extracting(e -> e.code()).containsExactly("K", "70", "702");
	}

	@Test
	void occupationsHaveTheMajorAndMiddleGroupsOfThe2022Edition() {
		Map<String, Long> counts = occupations.countByLevel();
		assertThat(counts).containsEntry("MAJOR", 8L).containsEntry("MIDDLE", 79L);
		assertThat(counts.get("OCCUPATION")).isGreaterThanOrEqualTo(40);
		assertThat(occupations.edition()).contains("2022");
		// every occupation hangs under its minor, middle and major group
		assertThat(jdbc.sql("select count(*) from occupation o where o.level = 'OCCUPATION' and not exists"
				+ " (select 1 from occupation p where p.code = o.parent_code and p.level = 'MINOR')").query(Long.class)
			.single()).isZero();
	}
}
