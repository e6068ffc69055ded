package org.chunfeng.jobs;

/**
 * A posting's life: submitted for review, then published or returned with a reason (revised and submitted again),
 * then filled (every place hired) or closed (at its end date, or by the enterprise). The database refuses any other
 * move.
 */
public enum PostingStatus {

	PENDING_REVIEW, RETURNED, PUBLISHED, FILLED, CLOSED;

	/** The enterprise may still change what it posted. */
	public boolean revisable() {
		return this == PENDING_REVIEW || this == RETURNED;
	}

	public boolean canMoveTo(PostingStatus next) {
		return switch (this) {
			case PENDING_REVIEW -> next == PUBLISHED || next == RETURNED || next == CLOSED;
			case RETURNED -> next == PENDING_REVIEW || next == CLOSED;
			case PUBLISHED -> next == FILLED || next == CLOSED;
			case FILLED, CLOSED -> false;
		};
	}
}
