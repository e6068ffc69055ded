package org.chunfeng.jobs;

/** 班次 a posting works in. */
public enum Shift {
	DAY, NIGHT, TWO_SHIFTS, THREE_SHIFTS, FLEXIBLE
}
