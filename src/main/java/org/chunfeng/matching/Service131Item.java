package org.chunfeng.matching;

/** The parts of the 131 service, as a filter of who still lacks them; {@link #ANY} is any of the three. */
public enum Service131Item {
	/** 1次职业指导: at least one guidance session recorded. */
	GUIDANCE,
	/** 3个岗位信息: three job leads given. */
	JOBS,
	/** 1次培训项目: referred to a training project. */
	TRAINING,
	/** Any of the three. */
	ANY
}
