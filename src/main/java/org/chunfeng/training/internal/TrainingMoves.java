package org.chunfeng.training.internal;

import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.training.ReferralStatus;
import org.chunfeng.training.TrainingReferral;
import org.chunfeng.training.Trainings;

/** A referral's move by the status named in a request or a form. */
final class TrainingMoves {

	private TrainingMoves() {
	}

	static TrainingReferral move(Trainings trainings, long referralId, int version, ReferralStatus to, String note,
			String certificateNo) {
		return switch (to) {
			case ENROLLED -> trainings.enrol(referralId, version);
			case COMPLETED -> trainings.complete(referralId, version, certificateNo);
			case DECLINED -> trainings.decline(referralId, version, note);
			case DROPPED_OUT -> trainings.dropOut(referralId, version, note);
			case REFERRED -> throw new InvalidRequestException("status", "training.referral.status.notAMove",
					to.name());
		};
	}
}
