package org.chunfeng.subsidies;

import java.time.Instant;
import java.util.List;

import org.chunfeng.reference.RegionCode;
import org.chunfeng.subsidies.rules.Assessment;
import org.chunfeng.subsidies.rules.AssessmentCase;
import org.chunfeng.subsidies.rules.ProgramKind;

/**
 * A subsidy application (补贴申请) as stored.
 *
 * @param region      the applicant's region when it applied: its scope, and which reviewers decide
 * @param steps       the review levels, copied from the program at submission
 * @param step        the step waiting (1-based), or the step that decided a returned, rejected or approved one
 * @param facts       what the applicant stated
 * @param frozenCase  the case the facts and the registries made at submission (later registry edits do not change it)
 * @param assessment  what the rules said about it at submission
 * @param approvedFen the amount granted by the final approval, else {@code null}
 * @param reason      the reason of the latest return or rejection, else {@code null}
 * @param rounds      1, and one more for each resubmission
 * @param version     optimistic-locking version: a decision names the version it was taken on
 */
public record SubsidyApplication(long id, long programId, String programName, ProgramKind kind, Applicant applicant,
		String applicantName, RegionCode region, ApplicationStatus status, List<ReviewLevel> steps, int step,
		CaseFacts facts, AssessmentCase frozenCase, Assessment assessment, Long approvedFen, String reason,
		int rounds, String submittedBy, Instant submittedAt, Instant decidedAt, Instant updatedAt, int version) {

	/** The level whose reviewer decides next, while it waits for one. */
	public ReviewLevel waitingLevel() {
		return status.waitingForReview() ? steps.get(step - 1) : null;
	}

	/** What entitlements of this application are recorded under ({@code application:<id>}). */
	public String source() {
		return "application:" + id;
	}
}
