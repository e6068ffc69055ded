package org.chunfeng.subsidies.rules;

import java.util.List;
import java.util.Objects;

/**
 * An enterprise's claim for work-for-training: its trainees, each with the months claimed now and what was paid for
 * the same person before (over all claims), so the cap per trainee holds across claims.
 */
public record WorkForTrainingCase(List<Trainee> trainees) implements AssessmentCase {

	public WorkForTrainingCase {
		trainees = List.copyOf(trainees);
	}

	/**
	 * One trainee of a claim.
	 *
	 * @param key                 what identifies the person (e.g. the worker's id); a key twice in a claim counts once
	 * @param name                the name shown in the reasons
	 * @param months              months claimed now
	 * @param monthsPaidBefore    months already paid for this person, under any claim
	 * @param allowancePaidBefore whether the one-off living allowance was paid for this person already
	 */
	public record Trainee(String key, String name, int months, int monthsPaidBefore, boolean allowancePaidBefore) {

		public Trainee {
			Objects.requireNonNull(key, "key");
			name = name == null ? key : name;
			if (months < 0 || monthsPaidBefore < 0) {
				throw new IllegalArgumentException("negative months");
			}
		}
	}
}
