package org.chunfeng.imports.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.chunfeng.enterprises.Enterprise;
import org.chunfeng.enterprises.EnterpriseQuery;
import org.chunfeng.enterprises.Enterprises;
import org.chunfeng.platform.spreadsheet.SpreadsheetWriter;
import org.chunfeng.reference.Region;
import org.chunfeng.reference.Regions;
import org.chunfeng.workers.PersonalNumber;
import org.chunfeng.workers.Worker;
import org.chunfeng.workers.WorkerQuery;
import org.chunfeng.workers.Workers;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Streams a filtered list into a workbook row by row (constant memory whatever the count). Personal numbers are
 * masked unless the user may reveal them and asked to; such an export is audited.
 */
@Component
class Exports {

	static final List<String> WORKER_HEADERS = List.of("编号", "姓名", "公民身份号码", "性别", "出生日期", "户籍地代码", "手机号码",
			"现居住地代码", "现居住地", "现居住地址", "就业状态", "用人单位编号", "职业代码", "技能", "文化程度", "期望月薪（元）", "重点群体",
			"春节去留意向", "返乡日期", "返岗日期", "返乡地代码", "开户银行", "银行账号", "数据使用授权", "登记来源");

	static final List<String> ENTERPRISE_HEADERS = List.of("编号", "统一社会信用代码", "单位名称", "所在地代码", "所在地", "地址",
			"行业代码", "从业人员", "营业收入（万元）", "资产总额（万元）", "企业规模", "重点企业类别", "劳务派遣单位");

	private final Workers workers;
	private final Enterprises enterprises;
	private final Regions regions;
	private final MessageSource messages;

	Exports(Workers workers, Enterprises enterprises, Regions regions, MessageSource messages) {
		this.workers = workers;
		this.enterprises = enterprises;
		this.regions = regions;
		this.messages = messages;
	}

	void workers(WorkerQuery query, boolean reveal, OutputStream out) throws IOException {
		Locale locale = Locale.SIMPLIFIED_CHINESE;
		Map<String, String> names = new java.util.HashMap<>();
		try (SpreadsheetWriter writer = SpreadsheetWriter.xlsx(out, "劳动者")) {
			writer.header(WORKER_HEADERS);
			if (reveal) {
				workers.forEachRevealed(query, (w, numbers) -> write(writer, w, numbers, names, locale));
			}
			else {
				workers.forEach(query, w -> write(writer, w, Map.of(), names, locale));
			}
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

	private void write(SpreadsheetWriter writer, Worker w, Map<PersonalNumber, String> numbers,
			Map<String, String> names, Locale locale) {
		List<Object> row = new ArrayList<>();
		row.add(SpreadsheetWriter.number(w.id()));
		row.add(w.name());
		row.add(numbers.getOrDefault(PersonalNumber.ID_NUMBER, w.idNumberMasked()));
		row.add(text("worker.sex." + w.sex(), locale));
		row.add(SpreadsheetWriter.date(w.birthDate()));
		row.add(w.hukouRegion().value());
		row.add(numbers.getOrDefault(PersonalNumber.MOBILE, w.mobileMasked()));
		row.add(w.residence().value());
		row.add(names.computeIfAbsent(w.residence().value(),
				c -> regions.find(w.residence()).map(Region::name).orElse("")));
		row.add(w.profile().address());
		row.add(text("worker.status." + w.status(), locale));
		row.add(w.employerId() == null ? null : SpreadsheetWriter.number(w.employerId()));
		row.add(String.join(",", w.occupations()));
		row.add(String.join("、", w.profile().skills()));
		row.add(w.profile().education() == null ? null : text("worker.education." + w.profile().education(), locale));
		row.add(w.profile().expectedWage() == null ? null : SpreadsheetWriter.number(w.profile().expectedWage()));
		row.add(w.keyGroups().stream().map(g -> text("worker.keyGroup." + g, locale)).collect(Collectors.joining("、")));
		row.add(text("worker.plan." + w.festivalPlan(), locale));
		row.add(w.plan().leaveDate() == null ? null : SpreadsheetWriter.date(w.plan().leaveDate()));
		row.add(w.plan().returnDate() == null ? null : SpreadsheetWriter.date(w.plan().returnDate()));
		row.add(w.plan().homeRegion() == null ? null : w.plan().homeRegion().value());
		row.add(w.bankName());
		row.add(numbers.getOrDefault(PersonalNumber.BANK_ACCOUNT, w.bankAccountMasked()));
		row.add(w.consentAt() == null ? "否" : "是");
		row.add(text("worker.source." + w.source(), locale));
		try {
			writer.row(row);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void enterprises(EnterpriseQuery query, OutputStream out) throws IOException {
		Locale locale = Locale.SIMPLIFIED_CHINESE;
		Map<String, String> names = new java.util.HashMap<>();
		try (SpreadsheetWriter writer = SpreadsheetWriter.xlsx(out, "用人单位")) {
			writer.header(ENTERPRISE_HEADERS);
			enterprises.forEach(query, e -> write(writer, e, names, locale));
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

	private void write(SpreadsheetWriter writer, Enterprise e, Map<String, String> names, Locale locale) {
		List<Object> row = new ArrayList<>();
		row.add(SpreadsheetWriter.number(e.id()));
		row.add(e.creditCode().value());
		row.add(e.name());
		row.add(e.region().value());
		row.add(names.computeIfAbsent(e.region().value(), c -> regions.find(e.region()).map(Region::name).orElse("")));
		row.add(e.address());
		row.add(e.industryCode());
		row.add(e.employeeCount() == null ? null : SpreadsheetWriter.number(e.employeeCount()));
		row.add(e.revenueYuan() == null ? null : SpreadsheetWriter.number(java.math.BigDecimal.valueOf(e.revenueYuan(), 4)));
		row.add(e.totalAssetsYuan() == null ? null
				: SpreadsheetWriter.number(java.math.BigDecimal.valueOf(e.totalAssetsYuan(), 4)));
		row.add(e.sizeClass() == null ? null : text("enterprise.size." + e.sizeClass(), locale));
		row.add(e.keyCategory() == null ? null : text("enterprise.keyCategory." + e.keyCategory(), locale));
		row.add(e.labourDispatch() ? "是" : "否");
		try {
			writer.row(row);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String text(String code, Locale locale) {
		return messages.getMessage(code, null, code, locale);
	}
}
