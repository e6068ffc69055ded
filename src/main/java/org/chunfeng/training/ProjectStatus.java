package org.chunfeng.training;

/**
 * A project's life: open (takes referrals and enrolments), then closed (enrolment is over; its trainees still complete
 * or drop out) or cancelled (with a reason; nothing moves any more). The database refuses any other move.
 */
public enum ProjectStatus {

	OPEN, CLOSED, CANCELLED;

	public boolean canMoveTo(ProjectStatus next) {
		return this == OPEN && next != OPEN;
	}
}
