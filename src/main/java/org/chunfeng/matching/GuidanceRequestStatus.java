package org.chunfeng.matching;

/** A worker's request for guidance: open until a caseworker records a session with the worker. */
public enum GuidanceRequestStatus {
	OPEN, ANSWERED
}
