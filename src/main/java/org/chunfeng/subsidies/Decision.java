package org.chunfeng.subsidies;

/** What a reviewer decides at a step: approve (to the next step, or final), return to the applicant, or reject. */
public enum Decision {
	APPROVE, RETURN, REJECT
}
