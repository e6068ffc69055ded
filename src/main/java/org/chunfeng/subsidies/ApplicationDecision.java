package org.chunfeng.subsidies;

import java.time.Instant;

import org.chunfeng.subsidies.rules.Assessment;

/**
 * One line of an application's history: a reviewer's decision at a step, or the applicant's resubmission.
 *
 * @param level      the reviewing level, or {@code null} for the applicant's resubmission
 * @param decision   {@code APPROVE}, {@code RETURN}, {@code REJECT}, or {@code RESUBMIT}
 * @param assessment the assessment the decision was taken on (a final approval's re-assessment), or {@code null}
 */
public record ApplicationDecision(long id, int round, int step, ReviewLevel level, String decision, String reason,
		Assessment assessment, String decidedBy, Instant decidedAt) {
}
