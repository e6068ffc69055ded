package org.chunfeng.fairs;

/**
 * A booth's life: requested by the enterprise (or a caseworker for it), confirmed or declined by the fair's bureau,
 * withdrawn by the enterprise; declined and withdrawn booths may be requested again.
 */
public enum BoothStatus {

	REQUESTED, CONFIRMED, DECLINED, WITHDRAWN;

	public boolean canMoveTo(BoothStatus next) {
		return switch (this) {
			case REQUESTED -> next == CONFIRMED || next == DECLINED || next == WITHDRAWN;
			case CONFIRMED -> next == WITHDRAWN;
			case DECLINED, WITHDRAWN -> next == REQUESTED;
		};
	}
}
