package org.chunfeng.enterprises;

/** Why an enterprise is a key enterprise (重点企业) for the festival's labour-scheduling guarantee. */
public enum KeyCategory {
	/** 医疗物资生产企业. */
	MEDICAL_SUPPLIES,
	/** 生活必需品生产、供应企业. */
	DAILY_NECESSITIES,
	/** 疫情防控物资及服务. */
	EPIDEMIC_PREVENTION,
	/** 春节期间连续生产企业. */
	CONTINUOUS_PRODUCTION,
	/** 其他重点企业. */
	OTHER
}
