package org.chunfeng.imports.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.chunfeng.enterprises.Enterprises;
import org.chunfeng.enterprises.KeyCategory;
import org.chunfeng.enterprises.NewEnterprise;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.platform.UpsertCounts;
import org.chunfeng.reference.CreditCode;
import org.chunfeng.reference.RegionCode;
import org.springframework.context.MessageSource;

/** 用人单位导入模板: one enterprise per row, keyed by the unified social credit code. */
final class EnterpriseColumns implements Columns<NewEnterprise> {

	static final int CODE = 0, NAME = 1, REGION = 2, ADDRESS = 3, INDUSTRY = 4, EMPLOYEES = 5, REVENUE = 6, ASSETS = 7,
			KEY_CATEGORY = 8, DISPATCH = 9;

	static final List<String> HEADERS = List.of("统一社会信用代码*", "单位名称*", "所在地代码*", "地址", "行业代码", "从业人员",
			"营业收入（万元）", "资产总额（万元）", "重点企业类别", "劳务派遣单位");

	private static final Map<String, String> COLUMNS_BY_FIELD = Map.of("creditCode", HEADERS.get(CODE), "name",
			HEADERS.get(NAME), "region", HEADERS.get(REGION), "address", HEADERS.get(ADDRESS), "industryCode",
			HEADERS.get(INDUSTRY), "employeeCount", HEADERS.get(EMPLOYEES), "revenueYuan", HEADERS.get(REVENUE),
			"totalAssetsYuan", HEADERS.get(ASSETS));

	private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

	private final Enterprises enterprises;
	private final CodeLookups codes;
	private final Labels<KeyCategory> categories;

	EnterpriseColumns(Enterprises enterprises, CodeLookups codes, MessageSource messages) {
		this.enterprises = enterprises;
		this.codes = codes;
		this.categories = new Labels<>(KeyCategory.class, "enterprise.keyCategory.", messages);
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
		return List.of("带 * 的列必填；每行一个单位，以统一社会信用代码为准：再次导入同一单位会更新其信息，内容相同则不作改动。",
				"所在地代码：GB/T 2260 县级代码，如 320505。行业代码：GB/T 4754-2017 门类、大类或中类，如 C、39、702。",
				"从业人员、营业收入、资产总额用于按工信部标准划分企业规模（大型、中型、小型、微型）；金额单位为万元，可带两位小数。",
				"重点企业类别：医疗物资生产、生活必需品保供、疫情防控、春节连续生产、其他重点企业；不是重点企业留空。",
				"劳务派遣单位：是 / 否。");
	}

	@Override
	public NewEnterprise parse(Cells cells, RowErrors errors) {
		CreditCode code = cells.blank(CODE) ? errors.required(HEADERS.get(CODE))
				: errors.check(HEADERS.get(CODE), () -> CreditCode.of(cells.get(CODE)));
		RegionCode region = null;
		if (cells.blank(REGION)) {
			errors.required(HEADERS.get(REGION));
		}
		else {
			region = errors.check(HEADERS.get(REGION), () -> RegionCode.of(cells.get(REGION)));
			if (region != null && !codes.region(region)) {
				errors.add(HEADERS.get(REGION), "import.code.unknownRegion", region.value());
			}
			else if (region != null && !region.value().startsWith(RegionScope.currentPrefix())) {
				errors.add(HEADERS.get(REGION), "import.region.outsideScope", region.value());
			}
		}
		String industry = cells.blank(INDUSTRY) ? null : cells.get(INDUSTRY).toUpperCase(java.util.Locale.ROOT);
		if (industry != null && !codes.industry(industry)) {
			errors.add(HEADERS.get(INDUSTRY), "import.code.unknownIndustry", industry);
		}
		Integer employees = errors.wholeNumber(HEADERS.get(EMPLOYEES), cells.get(EMPLOYEES));
		Long revenue = tenThousands(cells, REVENUE, errors);
		Long assets = tenThousands(cells, ASSETS, errors);
		KeyCategory category = null;
		if (!cells.blank(KEY_CATEGORY)) {
			category = categories.read(cells.get(KEY_CATEGORY)).orElse(null);
			if (category == null) {
				errors.add(HEADERS.get(KEY_CATEGORY), "import.label.unknown", cells.get(KEY_CATEGORY));
			}
		}
		Boolean dispatch = CellValues.yesNo(cells.get(DISPATCH)).orElse(null);
		if (dispatch == null) {
			errors.add(HEADERS.get(DISPATCH), "import.yesNo");
		}
		if (!errors.isEmpty()) {
			return null;
		}
		KeyCategory key = category;
		RegionCode at = region;
		Integer staff = employees;
		return errors.check(HEADERS.get(NAME), () -> new NewEnterprise(code, cells.get(NAME), at, cells.get(ADDRESS),
				industry, staff, key, dispatch, revenue, assets));
	}

	/** An amount in 万元 (up to two decimals) as whole yuan. */
	private static Long tenThousands(Cells cells, int column, RowErrors errors) {
		if (cells.blank(column)) {
			return null;
		}
		try {
			BigDecimal value = new BigDecimal(cells.get(column).replace(",", ""));
			if (value.scale() > 2 || value.signum() < 0) {
				throw new NumberFormatException();
			}
			return value.multiply(TEN_THOUSAND).longValueExact();
		}
		catch (NumberFormatException | ArithmeticException ex) {
			errors.add(HEADERS.get(column), "import.amount.tenThousands");
			return null;
		}
	}

	@Override
	public String key(NewEnterprise record) {
		return record.creditCode().value();
	}

	@Override
	public Set<String> registeredElsewhere(List<NewEnterprise> records) {
		return enterprises.registeredElsewhere(records.stream().map(NewEnterprise::creditCode).toList()).stream()
			.map(CreditCode::value)
			.collect(Collectors.toSet());
	}

	@Override
	public UpsertCounts write(List<NewEnterprise> records) {
		return enterprises.upsertAll(records);
	}
}
