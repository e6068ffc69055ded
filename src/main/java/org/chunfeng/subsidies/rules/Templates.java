package org.chunfeng.subsidies.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The programs every installation ships as templates, with the parameters of their year as DOMAIN.md gives them
 * (public notices). Thresholds of the refund: layoff rate at most 5.5% (the surveyed-unemployment target), 20% for
 * enterprises with 30 or fewer insured. Amounts in fen, rates in basis points.
 */
public final class Templates {

	private static final int TARGET_BP = 550;
	private static final int SMALL_HEADCOUNT = 30;
	private static final int SMALL_LIMIT_BP = 2000;

	public static final ProgramTemplate REFUND_2019 = refund(2019, SizeRates.all(5000), false,
			"稳岗返还 2019（返还上年失业保险费的 50%）", "2019–2020 年稳岗返还标准：上年实际缴纳失业保险费的 50%");

	public static final ProgramTemplate REFUND_2020 = refund(2020, SizeRates.largeAndSme(5000, 10000), false,
			"稳岗返还 2020（大型企业 50%，中小微企业最高 100%）", "2020 年：中小微企业返还标准最高可提至 100%，大型企业 50%");

	public static final ProgramTemplate REFUND_2021 = refund(2021, SizeRates.largeAndSme(3000, 6000), true,
			"稳岗返还 2021（大型企业 30%，中小微企业 60%）",
			"人社部发〔2021〕29号：大型企业 30%，中小微企业 60%；可免申即享，劳务派遣企业不纳入免申即享");

	public static final ProgramTemplate REFUND_2022 = refund(2022, SizeRates.largeAndSme(5000, 9000), true,
			"稳岗返还 2022（大型企业 50%，中小微企业 90%）", "2022 年起：大型企业 50%，中小微企业 90%");

	public static final ProgramTemplate WORK_FOR_TRAINING_2021 = new ProgramTemplate("work-for-training-2021",
			ProgramKind.WORK_FOR_TRAINING, Beneficiary.ENTERPRISE, "以工代训 2021（每人每月 500 元，最长 6 个月）", 2021,
			"以工代训常见标准：每名受训人员每月 500 元，最长 6 个月，同一人不重复申领",
			new WorkForTrainingParameters(50_000L, 6, null, null));

	public static final ProgramTemplate WORK_FOR_TRAINING_2021_FESTIVAL = new ProgramTemplate(
			"work-for-training-2021-festival", ProgramKind.WORK_FOR_TRAINING, Beneficiary.ENTERPRISE,
			"以工代训 2021 春节（标准的 120%，另加生活补助 300 元）", 2021,
			"春节期间提高标准的示例：按目录标准的 120% 补贴，另给予每人 300 元生活补助",
			new WorkForTrainingParameters(50_000L, 6, 12_000, 30_000L));

	public static final ProgramTemplate TRAINING_SUBSIDY_2021 = new ProgramTemplate("training-subsidy-2021",
			ProgramKind.TRAINING_SUBSIDY, Beneficiary.WORKER, "职业培训补贴 2021（按补贴目录标准，每人每次结业）", 2021,
			"职业培训补贴：按培训项目的补贴目录标准，每人每完成一期培训补贴一次",
			new TrainingSubsidyParameters(true, null, null));

	public static final ProgramTemplate STAY_PUT_2021_HANGZHOU = new ProgramTemplate("stay-put-2021-hangzhou",
			ProgramKind.STAY_PUT_SUBSIDY, Beneficiary.WORKER, "留岗补贴 2021 · 杭州示例（每人 1,000 元，发给本人）", 2021,
			"2021 年杭州：留杭过年的外地员工每人 1,000 元，发放至本人银行账户",
			new StayPutParameters(100_000L, Beneficiary.WORKER, null, null, null, null, null, null));

	public static final ProgramTemplate STAY_PUT_2021_TIANJIN = new ProgramTemplate("stay-put-2021-tianjin",
			ProgramKind.STAY_PUT_SUBSIDY, Beneficiary.ENTERPRISE, "留岗补贴 2021 · 天津示例（每人 300 元给企业，每户最高 30 万元）",
			2021, "2021 年天津：按留岗外地员工每人 300 元补贴企业，每户企业最高 30 万元",
			new StayPutParameters(30_000L, Beneficiary.ENTERPRISE, 30_000_000L, null, null, null, null, null));

	public static final ProgramTemplate STAY_PUT_2021_XIANGCHENG = new ProgramTemplate("stay-put-2021-xiangcheng",
			ProgramKind.STAY_PUT_SUBSIDY, Beneficiary.ENTERPRISE,
			"留岗补贴 2021 · 苏州相城示例（每人 500 元，2 月 11–17 日在岗每天加 100 元）", 2021,
			"2021 年苏州相城区：按留岗外地员工每人 500 元补贴企业，2 月 11 日至 17 日每人每天在岗另补 100 元",
			new StayPutParameters(50_000L, Beneficiary.ENTERPRISE, null, null, null, 10_000L, LocalDate.of(2021, 2, 11),
					LocalDate.of(2021, 2, 17)));

	public static final ProgramTemplate STAY_PUT_2021_LIYANG = new ProgramTemplate("stay-put-2021-liyang",
			ProgramKind.STAY_PUT_SUBSIDY, Beneficiary.ENTERPRISE,
			"留岗补贴 2021 · 溧阳示例（留住 20 名以上外地员工 16 天以上，每人 1,000 元）", 2021,
			"2021 年溧阳：企业留住外地员工 20 人以上且留岗 16 天以上的，按每人 1,000 元补贴企业",
			new StayPutParameters(100_000L, Beneficiary.ENTERPRISE, null, 16, 20, null, null, null));

	public static final ProgramTemplate TEMPORARY_LIVING_2021 = new ProgramTemplate("temporary-living-2021",
			ProgramKind.TEMPORARY_LIVING_SUBSIDY, Beneficiary.WORKER,
			"临时生活补助 2021（参保不满 1 年的失业农民工，参照低保，最长 3 个月）", 2021,
			"参保不满 1 年的失业农民工：按月发放临时生活补助，最长 3 个月，标准参照当地低保（低保金额由本地填写）",
			new LivingSubsidyParameters(PegBase.SUBSISTENCE_ALLOWANCE, null, 10_000, 3, 12, true));

	public static final ProgramTemplate UNEMPLOYMENT_SUBSIDY_2021 = new ProgramTemplate("unemployment-subsidy-2021",
			ProgramKind.UNEMPLOYMENT_SUBSIDY, Beneficiary.WORKER, "失业补助金 2021（不高于失业保险金的 80%，最长 6 个月）", 2021,
			"失业补助金：最长 6 个月，标准不高于当地失业保险金的 80%（失业保险金标准由本地填写）",
			new LivingSubsidyParameters(PegBase.UNEMPLOYMENT_BENEFIT, null, 8_000, 6, null, false));

	/** Every shipped template, in the order the console lists them. */
	public static final List<ProgramTemplate> ALL = List.of(REFUND_2019, REFUND_2020, REFUND_2021, REFUND_2022,
			WORK_FOR_TRAINING_2021, WORK_FOR_TRAINING_2021_FESTIVAL, TRAINING_SUBSIDY_2021, STAY_PUT_2021_HANGZHOU,
			STAY_PUT_2021_TIANJIN, STAY_PUT_2021_XIANGCHENG, STAY_PUT_2021_LIYANG, TEMPORARY_LIVING_2021,
			UNEMPLOYMENT_SUBSIDY_2021);

	private Templates() {
	}

	public static Optional<ProgramTemplate> find(String key) {
		return ALL.stream().filter(t -> t.key().equals(key)).findFirst();
	}

	private static ProgramTemplate refund(int year, SizeRates rates, boolean automatic, String name, String basis) {
		return new ProgramTemplate("refund-" + year, ProgramKind.JOB_STABILIZING_REFUND, Beneficiary.ENTERPRISE, name,
				year, basis, new RefundParameters(rates, TARGET_BP, SMALL_HEADCOUNT, SMALL_LIMIT_BP, automatic, true));
	}
}
