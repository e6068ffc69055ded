package org.chunfeng.training;

/**
 * Where a referral stands: referred (推荐), enrolled (已报名入班), completed (已结业); or declined (from referred) or
 * dropped out (from enrolled). It only moves forward, and the database refuses any other move.
 */
public enum ReferralStatus {

	REFERRED, ENROLLED, COMPLETED, DECLINED, DROPPED_OUT;

	/** Nothing more can happen to it. */
	public boolean ended() {
		return this == COMPLETED || this == DECLINED || this == DROPPED_OUT;
	}

	public boolean canMoveTo(ReferralStatus next) {
		return switch (this) {
			case REFERRED -> next == ENROLLED || next == DECLINED;
			case ENROLLED -> next == COMPLETED || next == DROPPED_OUT;
			case COMPLETED, DECLINED, DROPPED_OUT -> false;
		};
	}
}
