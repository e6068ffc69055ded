package org.chunfeng.subsidies.internal.automatic;

/** {@code QUEUED} → {@code RUNNING} → {@code DONE} or {@code FAILED}; also guarded by the database (V19). */
public enum RefundRunStatus {
	QUEUED, RUNNING, DONE, FAILED;

	public boolean finished() {
		return this == DONE || this == FAILED;
	}
}
