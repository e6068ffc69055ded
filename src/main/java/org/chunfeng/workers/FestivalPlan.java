package org.chunfeng.workers;

/** 春节去留意向: what a worker intends to do over the Spring Festival. */
public enum FestivalPlan {
	/** 留岗过年 / 就地过年: stays at the place of work. */
	STAYING_PUT,
	/** 返乡后返岗: goes home and comes back after the festival. */
	GOING_HOME_RETURNING,
	/** 返乡不返岗: goes home and does not come back. */
	GOING_HOME_NOT_RETURNING,
	/** 未定. */
	UNDECIDED
}
