package org.chunfeng.subsidies.rules;

/**
 * A person's completed course (from the training module) for the vocational training subsidy.
 *
 * @param course                  the course's title, shown in the reasons
 * @param completed               the project's bureau certified the completion (结业)
 * @param inCatalogue             the project is in the subsidy catalogue
 * @param catalogueRateFen        the project's catalogue rate per completion, or {@code null} if not set
 * @param completionsPaidThisYear courses already subsidised for this person in the calendar year
 */
public record TrainingSubsidyCase(String course, boolean completed, boolean inCatalogue, Long catalogueRateFen,
		int completionsPaidThisYear) implements AssessmentCase {

	public TrainingSubsidyCase {
		course = course == null ? "" : course;
		if (completionsPaidThisYear < 0) {
			throw new IllegalArgumentException("negative count");
		}
	}
}
