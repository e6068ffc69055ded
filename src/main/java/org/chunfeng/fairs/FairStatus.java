package org.chunfeng.fairs;

/**
 * A fair's life: planned (only the bureau sees it), published (public: enterprises book booths, workers register),
 * cancelled (with a reason; its booths and registrations stay visible as cancelled). Whether it is over follows from
 * its end time. The database refuses any other move.
 */
public enum FairStatus {

	PLANNED, PUBLISHED, CANCELLED;

	public boolean canMoveTo(FairStatus next) {
		return switch (this) {
			case PLANNED -> next == PUBLISHED || next == CANCELLED;
			case PUBLISHED -> next == CANCELLED;
			case CANCELLED -> false;
		};
	}
}
