package org.chunfeng.subsidies.rules;

/** What a monthly living subsidy is pegged to; the local amount is a parameter of the program. */
public enum PegBase {
	/** 城乡居民最低生活保障标准 (低保). */
	SUBSISTENCE_ALLOWANCE,
	/** 失业保险金标准. */
	UNEMPLOYMENT_BENEFIT
}
