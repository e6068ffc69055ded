package org.chunfeng.imports.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chunfeng.platform.UpsertCounts;
import org.chunfeng.reference.CreditCode;
import org.chunfeng.reference.MobileNumber;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.reference.ResidentIdNumber;
import org.chunfeng.workers.BankAccount;
import org.chunfeng.workers.Education;
import org.chunfeng.workers.EmploymentStatus;
import org.chunfeng.workers.FestivalPlan;
import org.chunfeng.workers.KeyGroup;
import org.chunfeng.workers.NewWorker;
import org.chunfeng.workers.PlanDetails;
import org.chunfeng.workers.RegistrationSource;
import org.chunfeng.workers.WorkerProfile;
import org.chunfeng.workers.Workers;
import org.springframework.context.MessageSource;

/** 劳动者导入模板: one worker per row, keyed by the resident ID number. */
final class WorkerColumns implements Columns<NewWorker> {

	static final int NAME = 0, ID_NUMBER = 1, MOBILE = 2, RESIDENCE = 3, ADDRESS = 4, STATUS = 5, EMPLOYER = 6,
			OCCUPATIONS = 7, SKILLS = 8, EDUCATION = 9, WAGE = 10, INDUSTRIES = 11, REGIONS = 12, KEY_GROUPS = 13,
			PLAN = 14, LEAVE = 15, RETURN = 16, HOME = 17, WAITING = 18, BANK_NAME = 19, BANK_ACCOUNT = 20,
			CONSENT = 21;

	static final List<String> HEADERS = List.of("姓名*", "公民身份号码*", "手机号码", "现居住地代码*", "现居住地址", "就业状态*",
			"用人单位信用代码", "职业代码", "技能", "文化程度", "期望月薪（元）", "意向行业代码", "意向地区代码", "重点群体", "春节去留意向*",
			"返乡日期", "返岗日期", "返乡地代码", "返岗单位信用代码", "开户银行", "银行账号", "同意数据使用");

	/** The column each field of the domain records is typed in, for their refusals. */
	private static final Map<String, String> COLUMNS_BY_FIELD = Map.ofEntries(Map.entry("name", HEADERS.get(NAME)),
			Map.entry("idNumber", HEADERS.get(ID_NUMBER)), Map.entry("residence", HEADERS.get(RESIDENCE)),
			Map.entry("address", HEADERS.get(ADDRESS)), Map.entry("status", HEADERS.get(STATUS)),
			Map.entry("employerId", HEADERS.get(EMPLOYER)), Map.entry("occupations", HEADERS.get(OCCUPATIONS)),
			Map.entry("skills", HEADERS.get(SKILLS)), Map.entry("expectedWage", HEADERS.get(WAGE)),
			Map.entry("preferredIndustries", HEADERS.get(INDUSTRIES)),
			Map.entry("preferredRegions", HEADERS.get(REGIONS)), Map.entry("plan", HEADERS.get(PLAN)),
			Map.entry("leaveDate", HEADERS.get(LEAVE)), Map.entry("returnDate", HEADERS.get(RETURN)),
			Map.entry("homeRegion", HEADERS.get(HOME)), Map.entry("waitingEmployerId", HEADERS.get(WAITING)),
			Map.entry("note", HEADERS.get(PLAN)), Map.entry("bankName", HEADERS.get(BANK_NAME)),
			Map.entry("bankAccount", HEADERS.get(BANK_ACCOUNT)));

	private final Workers workers;
	private final CodeLookups codes;
	private final Labels<EmploymentStatus> statuses;
	private final Labels<FestivalPlan> plans;
	private final Labels<KeyGroup> keyGroups;
	private final Labels<Education> educations;

	WorkerColumns(Workers workers, CodeLookups codes, MessageSource messages) {
		this.workers = workers;
		this.codes = codes;
		this.statuses = new Labels<>(EmploymentStatus.class, "worker.status.", messages);
		this.plans = new Labels<>(FestivalPlan.class, "worker.plan.", messages);
		this.keyGroups = new Labels<>(KeyGroup.class, "worker.keyGroup.", messages);
		this.educations = new Labels<>(Education.class, "worker.education.", messages);
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
		return List.of("带 * 的列必填；每行一名劳动者，以公民身份号码为准：再次导入同一人会更新其信息，内容相同则不作改动。",
				"出生日期、性别、户籍地由身份证号得出，无需填写。所有代码列请设为文本格式，以免 Excel 把身份证号变成数字。",
				"现居住地代码、意向地区代码、返乡地代码：GB/T 2260 县级代码，如 320505。",
				"就业状态：已就业、求职中、登记失业。春节去留意向：留岗过年、返乡后返岗、返乡不返岗、未定。",
				"返乡日期、返岗日期、返乡地代码只适用于返乡；返岗日期和返岗单位只适用于返乡后返岗。日期如 2027-01-28。",
				"职业代码（如 6-29-01-01）、技能、意向行业代码（如 C、39）、意向地区代码、重点群体可填多个，用逗号或顿号分隔。",
				"重点群体：脱贫人口、防止返贫监测对象、农村低收入人口、未就业高校毕业生、残疾人、零就业家庭成员、退捕渔民、大龄劳动者。",
				"文化程度：小学及以下、初中、高中、中专/技校/职高、大专、本科、研究生。同意数据使用：是 / 否。",
				"用人单位、返岗单位：填已登记单位的统一社会信用代码。银行账号填写时须同时填写开户银行。");
	}

	@Override
	public NewWorker parse(Cells cells, RowErrors errors) {
		ResidentIdNumber id = cells.blank(ID_NUMBER) ? errors.required(HEADERS.get(ID_NUMBER))
				: errors.check(HEADERS.get(ID_NUMBER), () -> ResidentIdNumber.parse(cells.get(ID_NUMBER)));
		MobileNumber mobile = cells.blank(MOBILE) ? null
				: errors.check(HEADERS.get(MOBILE), () -> MobileNumber.of(cells.get(MOBILE)));
		RegionCode residence = cells.blank(RESIDENCE) ? errors.required(HEADERS.get(RESIDENCE))
				: region(cells, RESIDENCE, errors);
		if (residence != null && !residence.value().startsWith(org.chunfeng.identity.RegionScope.currentPrefix())) {
			errors.add(HEADERS.get(RESIDENCE), "import.region.outsideScope", residence.value());
		}
		EmploymentStatus status = cells.blank(STATUS) ? errors.required(HEADERS.get(STATUS))
				: label(statuses, cells, STATUS, errors);
		Long employer = employer(cells, EMPLOYER, errors);
		List<String> occupations = new ArrayList<>();
		for (String code : CellValues.list(cells.get(OCCUPATIONS))) {
			if (codes.occupation(code)) {
				occupations.add(code);
			}
			else {
				errors.add(HEADERS.get(OCCUPATIONS), "import.code.unknownOccupation", code);
			}
		}
		Education education = cells.blank(EDUCATION) ? null : label(educations, cells, EDUCATION, errors);
		Integer wage = errors.wholeNumber(HEADERS.get(WAGE), cells.get(WAGE));
		List<String> industries = new ArrayList<>();
		for (String code : CellValues.list(cells.get(INDUSTRIES))) {
			if (codes.industry(code)) {
				industries.add(code);
			}
			else {
				errors.add(HEADERS.get(INDUSTRIES), "import.code.unknownIndustry", code);
			}
		}
		List<RegionCode> regions = new ArrayList<>();
		for (String code : CellValues.list(cells.get(REGIONS))) {
			RegionCode region = errors.check(HEADERS.get(REGIONS), () -> RegionCode.of(code));
			if (region != null && codes.region(region)) {
				regions.add(region);
			}
			else if (region != null) {
				errors.add(HEADERS.get(REGIONS), "import.code.unknownRegion", code);
			}
		}
		Set<KeyGroup> groups = EnumSet.noneOf(KeyGroup.class);
		for (String label : CellValues.list(cells.get(KEY_GROUPS))) {
			keyGroups.read(label).ifPresentOrElse(groups::add,
					() -> errors.add(HEADERS.get(KEY_GROUPS), "import.label.unknown", label));
		}
		FestivalPlan plan = cells.blank(PLAN) ? errors.required(HEADERS.get(PLAN)) : label(plans, cells, PLAN, errors);
		LocalDate leave = date(cells, LEAVE, errors);
		LocalDate back = date(cells, RETURN, errors);
		RegionCode home = cells.blank(HOME) ? null
				: errors.check(HEADERS.get(HOME), () -> RegionCode.of(cells.get(HOME)));
		Long waiting = employer(cells, WAITING, errors);
		BankAccount bank = null;
		if (!cells.blank(BANK_ACCOUNT) || !cells.blank(BANK_NAME)) {
			bank = errors.check(HEADERS.get(BANK_ACCOUNT), () -> new BankAccount(cells.get(BANK_NAME), cells.get(BANK_ACCOUNT)));
		}
		Boolean consent = CellValues.yesNo(cells.get(CONSENT)).orElse(null);
		if (consent == null) {
			errors.add(HEADERS.get(CONSENT), "import.yesNo");
		}
		if (!errors.isEmpty()) {
			return null;
		}
		Integer expectedWage = wage;
		WorkerProfile profile = errors.check(HEADERS.get(NAME), () -> new WorkerProfile(cells.get(NAME), residence,
				cells.get(ADDRESS), employer, status, occupations, CellValues.list(cells.get(SKILLS)), education,
				expectedWage, industries, regions, groups, consent));
		PlanDetails details = errors.check(HEADERS.get(PLAN), () -> new PlanDetails(plan, leave, back, home, waiting, null));
		if (!errors.isEmpty()) {
			return null;
		}
		return new NewWorker(id, profile, mobile, bank, details, RegistrationSource.IMPORT);
	}

	private RegionCode region(Cells cells, int column, RowErrors errors) {
		RegionCode code = errors.check(HEADERS.get(column), () -> RegionCode.of(cells.get(column)));
		if (code != null && !codes.region(code)) {
			errors.add(HEADERS.get(column), "import.code.unknownRegion", code.value());
			return null;
		}
		return code;
	}

	private Long employer(Cells cells, int column, RowErrors errors) {
		if (cells.blank(column)) {
			return null;
		}
		CreditCode code = errors.check(HEADERS.get(column), () -> CreditCode.of(cells.get(column)));
		if (code == null) {
			return null;
		}
		Long id = codes.employer(code).orElse(null);
		if (id == null) {
			errors.add(HEADERS.get(column), "import.employer.unknown", code.value());
		}
		return id;
	}

	private static <E extends Enum<E>> E label(Labels<E> labels, Cells cells, int column, RowErrors errors) {
		String text = cells.get(column);
		return labels.read(text).orElseGet(() -> {
			errors.add(HEADERS.get(column), "import.label.unknown", text);
			return null;
		});
	}

	private static LocalDate date(Cells cells, int column, RowErrors errors) {
		if (cells.blank(column)) {
			return null;
		}
		return CellValues.date(cells.get(column)).orElseGet(() -> {
			errors.add(HEADERS.get(column), "problem.field.date");
			return null;
		});
	}

	@Override
	public String key(NewWorker record) {
		return record.idNumber().value();
	}

	@Override
	public Set<String> registeredElsewhere(List<NewWorker> records) {
		return workers.registeredElsewhere(records.stream().map(NewWorker::idNumber).toList());
	}

	@Override
	public UpsertCounts write(List<NewWorker> records) {
		return workers.upsertAll(records);
	}
}
