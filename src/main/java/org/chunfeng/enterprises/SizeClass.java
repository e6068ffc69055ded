package org.chunfeng.enterprises;

/**
 * An enterprise's size class (企业规模) under 《统计上大中小微型企业划分办法(2017)》, largest first.
 *
 * @see SizeCriteria
 */
public enum SizeClass {
	/** 大型. */
	LARGE,
	/** 中型. */
	MEDIUM,
	/** 小型. */
	SMALL,
	/** 微型. */
	MICRO
}
