package org.chunfeng.subsidies;

/**
 * Where a subsidy application stands: {@code SUBMITTED} (waiting for its first step), {@code IN_REVIEW} (a step was
 * approved, a later one waits), {@code RETURNED} (to the applicant with a reason: edited and resubmitted, it starts
 * again at the first step), {@code APPROVED} (the last step approved; the entitlement granted) and {@code REJECTED},
 * both final. The database refuses any other move.
 */
public enum ApplicationStatus {

	SUBMITTED, IN_REVIEW, RETURNED, APPROVED, REJECTED;

	/** Waiting for a reviewer's decision. */
	public boolean waitingForReview() {
		return this == SUBMITTED || this == IN_REVIEW;
	}

	/** Nothing changes any more. */
	public boolean isFinal() {
		return this == APPROVED || this == REJECTED;
	}

	/** The applicant may add evidence: before anybody decided, or while it is back with the applicant. */
	public boolean takesEvidence() {
		return this == SUBMITTED || this == RETURNED;
	}
}
