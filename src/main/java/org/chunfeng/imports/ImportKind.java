package org.chunfeng.imports;

/** What a file holds. */
public enum ImportKind {
	/** 劳动者: keyed by resident ID number. */
	WORKERS,
	/** 用人单位: keyed by credit code. */
	ENTERPRISES,
	/** 参保缴费信息 from the social-insurance system: keyed by credit code and year. */
	INSURANCE
}
