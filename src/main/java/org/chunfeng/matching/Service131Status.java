package org.chunfeng.matching;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One worker's 131 record: what has been delivered.
 *
 * @param guidanceSessions guidance sessions recorded (done at 1)
 * @param jobLeads         job leads held, 0 to 3 (done at {@value #JOB_LEADS})
 * @param trainingReferrals referrals to training projects (done at 1)
 */
public record Service131Status(int guidanceSessions, int jobLeads, int trainingReferrals) {

	/** Job leads that make the "3 jobs". */
	public static final int JOB_LEADS = 3;

	@JsonProperty
	public boolean guidance() {
		return guidanceSessions > 0;
	}

	@JsonProperty
	public boolean jobs() {
		return jobLeads >= JOB_LEADS;
	}

	@JsonProperty
	public boolean training() {
		return trainingReferrals > 0;
	}

	/** All three delivered. */
	@JsonProperty
	public boolean complete() {
		return guidance() && jobs() && training();
	}

	/** Whether this part is still missing ({@link Service131Item#ANY}: any of them). */
	public boolean lacks(Service131Item item) {
		return switch (item) {
			case GUIDANCE -> !guidance();
			case JOBS -> !jobs();
			case TRAINING -> !training();
			case ANY -> !complete();
		};
	}
}
