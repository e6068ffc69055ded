package org.chunfeng.matching;

/** How a guidance session is held, or how a worker would like it (指导方式). */
public enum GuidanceChannel {
	/** 窗口: at the bureau's service counter. */
	COUNTER,
	/** 电话. */
	PHONE,
	/** 线上: video or chat. */
	ONLINE
}
