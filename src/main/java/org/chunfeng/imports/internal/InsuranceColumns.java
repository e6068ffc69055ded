package org.chunfeng.imports.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chunfeng.enterprises.Enterprises;
import org.chunfeng.enterprises.EvidenceSource;
import org.chunfeng.enterprises.InsuranceEvidence;
import org.chunfeng.enterprises.InsuranceYear;
import org.chunfeng.platform.UpsertCounts;
import org.chunfeng.reference.CreditCode;
import org.chunfeng.reference.Money;

/**
 * 参保缴费信息 from the social-insurance system: one enterprise and year per row, keyed by credit code and year. The
 * enterprise must be registered inside the uploader's region.
 */
final class InsuranceColumns implements Columns<InsuranceEvidence> {

	static final int CODE = 0, YEAR = 1, HEADCOUNT = 2, PREMIUMS = 3;

	static final List<String> HEADERS = List.of("统一社会信用代码*", "年度*", "年末参保人数*", "失业保险缴费（元）*");

	private static final Map<String, String> COLUMNS_BY_FIELD = Map.of("creditCode", HEADERS.get(CODE), "year",
			HEADERS.get(YEAR), "insuredHeadcount", HEADERS.get(HEADCOUNT), "premiums", HEADERS.get(PREMIUMS));

	private final Enterprises enterprises;
	private final CodeLookups codes;

	InsuranceColumns(Enterprises enterprises, CodeLookups codes) {
		this.enterprises = enterprises;
		this.codes = codes;
	}

	static Map<String, String> columnsByField() {
		return COLUMNS_BY_FIELD;
	}

	@Override
	public List<String> headers() {
		return HEADERS;
	}

	@Override
	public List<String> instructions() {
		return List.of("社保系统导出的参保缴费信息：每行一个单位一个年度；同一单位同一年度再次导入会以新数据为准，内容相同则不作改动。",
				"单位须已在本辖区登记。年末参保人数为该年 12 月末的参保职工人数；失业保险缴费为该年实际缴纳的失业保险费，单位元，可带两位小数。",
				"这些数据是稳岗返还“免申即享”的依据，以社保系统导入的为准，单位自行填报的同年度数据会被覆盖。");
	}

	@Override
	public InsuranceEvidence parse(Cells cells, RowErrors errors) {
		CreditCode code = null;
		if (cells.blank(CODE)) {
			errors.required(HEADERS.get(CODE));
		}
		else {
			code = errors.check(HEADERS.get(CODE), () -> CreditCode.of(cells.get(CODE)));
			if (code != null && codes.employer(code).isEmpty()) {
				errors.add(HEADERS.get(CODE), "import.employer.unknown", code.value());
			}
		}
		Integer year = integer(cells, YEAR, errors);
		Integer headcount = integer(cells, HEADCOUNT, errors);
		Money premiums = null;
		if (cells.blank(PREMIUMS)) {
			errors.required(HEADERS.get(PREMIUMS));
		}
		else {
			premiums = errors.check(HEADERS.get(PREMIUMS), () -> Money.parse(cells.get(PREMIUMS).replace(",", "")));
		}
		if (!errors.isEmpty()) {
			return null;
		}
		CreditCode enterprise = code;
		Money paid = premiums;
		InsuranceYear evidence = errors.check(HEADERS.get(YEAR),
				() -> new InsuranceYear(year, headcount, paid, EvidenceSource.IMPORT, null));
		return evidence == null ? null : new InsuranceEvidence(enterprise, evidence);
	}

	private static Integer integer(Cells cells, int column, RowErrors errors) {
		return cells.blank(column) ? errors.required(HEADERS.get(column))
				: errors.wholeNumber(HEADERS.get(column), cells.get(column));
	}

	@Override
	public String key(InsuranceEvidence record) {
		return record.creditCode().value() + "/" + record.year().year();
	}

	/** Unregistered or foreign enterprises are already refused row by row, through the lookup. */
	@Override
	public Set<String> registeredElsewhere(List<InsuranceEvidence> records) {
		return new HashSet<>();
	}

	@Override
	public UpsertCounts write(List<InsuranceEvidence> records) {
		return enterprises.upsertInsurance(records);
	}
}
