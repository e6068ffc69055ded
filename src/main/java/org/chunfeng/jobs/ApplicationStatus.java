package org.chunfeng.jobs;

/** Where an application stands; it only moves forward, and the database refuses any other move. */
public enum ApplicationStatus {

	APPLIED, INTERVIEW, OFFERED, HIRED, REJECTED, WITHDRAWN;

	public boolean decided() {
		return this == HIRED || this == REJECTED || this == WITHDRAWN;
	}

	public boolean canMoveTo(ApplicationStatus next) {
		return switch (this) {
			case APPLIED -> next != APPLIED;
			case INTERVIEW -> next == OFFERED || next == HIRED || next == REJECTED || next == WITHDRAWN;
			case OFFERED -> next == HIRED || next == REJECTED || next == WITHDRAWN;
			case HIRED, REJECTED, WITHDRAWN -> false;
		};
	}
}
