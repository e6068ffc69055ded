package org.chunfeng.matching;

/** What a guidance session was about (指导内容); a session covers one or more. */
public enum GuidanceTopic {
	/** 求职技巧: CV, interviews, where to look. */
	JOB_SEARCH,
	/** 职业规划. */
	CAREER_PLANNING,
	/** 政策咨询: subsidies, insurance, the campaign's offers. */
	POLICY,
	/** 技能培训: which training suits, how to enrol. */
	SKILLS_TRAINING,
	/** 权益保护: wages owed, contracts, safety. */
	RIGHTS,
	/** 创业指导. */
	ENTREPRENEURSHIP
}
