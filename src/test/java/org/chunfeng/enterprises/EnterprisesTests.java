package org.chunfeng.enterprises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.reference.CreditCode;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.support.TestPeople;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The enterprise registry on the test database, which other test classes share: only own records are counted. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class EnterprisesTests {

	/** 北京市东城区: no other test class and no demo data registers enterprises there. */
	private static final RegionCode DONGCHENG = RegionCode.of("110101");

	@Autowired
	Enterprises enterprises;

	@Autowired
	JdbcClient jdbc;

	@Test
	void registersAndFindsAnEnterprise() {
		CreditCode code = TestPeople.creditCode();
		Enterprise registered = enterprises.register(new NewEnterprise(code, "  北京恒达精密电子有限公司 ", DONGCHENG,
				"东城区东直门南大街1号", "39", 250, KeyCategory.CONTINUOUS_PRODUCTION, false));
		assertThat(registered.id()).isPositive();
		assertThat(registered.name()).isEqualTo("北京恒达精密电子有限公司");
		assertThat(registered.keyEnterprise()).isTrue();
		assertThat(registered.createdAt()).isNotNull();
		assertThat(enterprises.findByCreditCode(code)).contains(registered);
		assertThat(enterprises.find(registered.id())).contains(registered);
		assertThat(jdbc.sql("select key_enterprise from enterprise where id = ?").param(registered.id())
			.query(Boolean.class).single()).isTrue();
	}

	@Test
	void aCreditCodeIsRegisteredOnce() {
		CreditCode code = TestPeople.creditCode();
		enterprises.register(enterprise(code, "C", null));
		assertThatThrownBy(() -> enterprises.register(enterprise(code, "C", null)))
			.isInstanceOf(DuplicateEnterpriseException.class)
			.satisfies(ex -> assertThat(((DuplicateEnterpriseException) ex).field()).isEqualTo("creditCode"));
	}

	@Test
	void aBatchIsAllOrNothing() {
		CreditCode first = TestPeople.creditCode();
		CreditCode twice = TestPeople.creditCode();
		assertThatThrownBy(() -> enterprises.registerAll(
				List.of(enterprise(first, "13", null), enterprise(twice, "47", null), enterprise(twice, "62", null))))
			.isInstanceOf(DuplicateEnterpriseException.class)
			.satisfies(ex -> assertThat(((DuplicateEnterpriseException) ex).creditCode()).isEqualTo(twice));
		assertThat(enterprises.findByCreditCode(first)).isEmpty();

		List<CreditCode> codes = List.of(TestPeople.creditCode(), TestPeople.creditCode(), TestPeople.creditCode());
		List<Enterprise> registered = enterprises.registerAll(codes.stream().map(c -> enterprise(c, "39", null)).toList());
		assertThat(registered).extracting(Enterprise::creditCode).containsExactlyElementsOf(codes);
		assertThat(registered).extracting(Enterprise::id).doesNotHaveDuplicates();
	}

	@Test
	void unknownRegionsAndIndustriesNameTheField() {
		assertThatThrownBy(() -> enterprises.register(new NewEnterprise(TestPeople.creditCode(), "某公司",
				RegionCode.of("110199"), null, null, null, null, false)))
			.isInstanceOf(InvalidRequestException.class)
			.satisfies(ex -> assertThat(((InvalidRequestException) ex).field()).isEqualTo("region"));
		assertThatThrownBy(() -> enterprises.register(enterprise(TestPeople.creditCode(), "9999", null)))
			.isInstanceOf(InvalidRequestException.class)
			.satisfies(ex -> assertThat(((InvalidRequestException) ex).field()).isEqualTo("industryCode"));
		assertThatThrownBy(() -> new NewEnterprise(TestPeople.creditCode(), " ", DONGCHENG, null, null, -1, null, false))
			.isInstanceOf(InvalidRequestException.class);
	}

	@Test
	void theDatabaseKeepsKeyCategoryAndKeyStatusTogether() {
		assertThatThrownBy(() -> rawInsert(true, null)).isInstanceOf(DataIntegrityViolationException.class);
		assertThatThrownBy(() -> rawInsert(false, "OTHER")).isInstanceOf(DataIntegrityViolationException.class);
		assertThatThrownBy(() -> rawInsert(true, "SOMETHING_ELSE")).isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void figuresCountBySectionAndAddUp() {
		EnterpriseFigures before = enterprises.figures(DONGCHENG);
		enterprises.registerAll(List.of(enterprise(TestPeople.creditCode(), "39", KeyCategory.MEDICAL_SUPPLIES),
				enterprise(TestPeople.creditCode(), "17", null), enterprise(TestPeople.creditCode(), "47", null),
				enterprise(TestPeople.creditCode(), null, null),
				new NewEnterprise(TestPeople.creditCode(), "北京某人力资源有限公司", DONGCHENG, null, "72", 12, null, true)));
		EnterpriseFigures after = enterprises.figures(DONGCHENG);
		assertThat(after.total() - before.total()).isEqualTo(5);
		assertThat(after.keyEnterprises() - before.keyEnterprises()).isEqualTo(1);
		assertThat(after.labourDispatch() - before.labourDispatch()).isEqualTo(1);
		assertThat(after.byKeyCategory().get(KeyCategory.MEDICAL_SUPPLIES)
				- before.byKeyCategory().get(KeyCategory.MEDICAL_SUPPLIES)).isEqualTo(1);
		assertThat(section(after, "C") - section(before, "C")).isEqualTo(2);
		assertThat(section(after, "E") - section(before, "E")).isEqualTo(1);
		assertThat(section(after, "L") - section(before, "L")).isEqualTo(1);
		assertThat(section(after, null) - section(before, null)).isEqualTo(1);
		assertThat(after.bySection().getLast().section()).as("unclassified last").isNull();
		assertThat(after.bySection().stream().mapToLong(EnterpriseFigures.SectionCount::enterprises).sum())
			.isEqualTo(after.total());
		assertThat(after.byKeyCategory().values().stream().mapToLong(Long::longValue).sum())
			.isEqualTo(after.keyEnterprises());
		EnterpriseFigures all = enterprises.figures();
		assertThat(all.total()).isGreaterThanOrEqualTo(after.total());
		assertThat(all.bySection().stream().mapToLong(EnterpriseFigures.SectionCount::enterprises).sum())
			.isEqualTo(all.total());
		assertThat(after.bySection()).filteredOn(s -> "C".equals(s.section()))
			.singleElement()
			.satisfies(s -> assertThat(s.nameZh()).isEqualTo("制造业"));
	}

	private static long section(EnterpriseFigures figures, String section) {
		return figures.bySection().stream()
			.filter(s -> java.util.Objects.equals(s.section(), section))
			.mapToLong(EnterpriseFigures.SectionCount::enterprises)
			.sum();
	}

	private static NewEnterprise enterprise(CreditCode code, String industry, KeyCategory category) {
		return new NewEnterprise(code, "北京测试" + code.organisationCode() + "有限公司", DONGCHENG, null, industry, 10,
				category, false);
	}

	private void rawInsert(boolean key, String category) {
		jdbc.sql("""
				insert into enterprise (credit_code, name, region_code, key_enterprise, key_category)
				values (?, 'x', '110101', ?, ?)""").params(TestPeople.creditCode().value(), key, category).update();
	}
}
