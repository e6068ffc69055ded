package org.chunfeng.workers;

/** 就业状态. */
public enum EmploymentStatus {
	/** 已就业. */
	EMPLOYED,
	/** 求职中. */
	SEEKING,
	/** 登记失业. */
	UNEMPLOYED_REGISTERED
}
