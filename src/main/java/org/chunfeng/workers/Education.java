package org.chunfeng.workers;

/** 文化程度: the highest education completed. */
public enum Education {
	/** 小学及以下. */
	PRIMARY_OR_LESS,
	/** 初中. */
	JUNIOR_MIDDLE,
	/** 高中. */
	SENIOR_MIDDLE,
	/** 中专、技校、职高. */
	SECONDARY_VOCATIONAL,
	/** 大专. */
	JUNIOR_COLLEGE,
	/** 本科. */
	BACHELOR,
	/** 研究生. */
	POSTGRADUATE
}
