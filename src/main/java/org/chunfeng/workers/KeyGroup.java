package org.chunfeng.workers;

/** 重点群体: the groups the 131 service and the Spring Breeze action give priority to. */
public enum KeyGroup {
	/** 脱贫人口. */
	LIFTED_OUT_OF_POVERTY,
	/** 防止返贫监测对象. */
	AT_RISK_OF_RELAPSE,
	/** 农村低收入人口. */
	RURAL_LOW_INCOME,
	/** 未就业高校毕业生. */
	UNEMPLOYED_GRADUATE,
	/** 残疾人. */
	DISABILITY,
	/** 零就业家庭成员. */
	ZERO_EMPLOYMENT_FAMILY,
	/** 退捕渔民 (长江禁渔). */
	FISHING_BAN_FISHER,
	/** 大龄劳动者: 50 or older. */
	OLDER_WORKER
}
