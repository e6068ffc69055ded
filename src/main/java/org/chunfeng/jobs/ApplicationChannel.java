package org.chunfeng.jobs;

/** How an application came in. */
public enum ApplicationChannel {
	/** the worker, on the phone page or through the API */
	SELF,
	/** a caseworker, on the worker's behalf */
	CASEWORKER,
	/** an intention recorded at a fair's booth */
	FAIR
}
