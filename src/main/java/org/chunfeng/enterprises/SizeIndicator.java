package org.chunfeng.enterprises;

/** An indicator (指标) the size criteria of a sector use; a sector uses one or two of them. */
public enum SizeIndicator {
	/** 从业人员 (X), persons. */
	EMPLOYEES,
	/** 营业收入 (Y), yuan. */
	REVENUE,
	/** 资产总额 (Z), yuan. */
	TOTAL_ASSETS
}
