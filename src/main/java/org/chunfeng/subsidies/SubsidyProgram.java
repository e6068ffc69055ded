package org.chunfeng.subsidies;

import java.time.Instant;
import java.time.LocalDate;

import org.chunfeng.reference.RegionCode;
import org.chunfeng.subsidies.rules.Assessment;
import org.chunfeng.subsidies.rules.AssessmentCase;
import org.chunfeng.subsidies.rules.ProgramKind;
import org.chunfeng.subsidies.rules.Rules;

/**
 * A subsidy program (补贴项目) as stored.
 *
 * @param region      the bureau that runs it (its staff, and those of the regions inside it, see it); {@code null}
 *                    for a template, which everybody reads and nobody changes
 * @param templateKey the template's stable name, e.g. {@code refund-2021}; {@code null} for a bureau's program
 * @param version     optimistic-locking version: a change names the version it was based on
 * @param reviewSteps the levels whose reviewers decide an application, in order (county review, then city approval
 *                    by default); set while a draft, fixed once open
 */
public record SubsidyProgram(long id, RegionCode region, ProgramKind kind, ProgramDetails details,
		ProgramStatus status, boolean template, String templateKey, String createdBy, Instant createdAt,
		Instant openedAt, Instant closedAt, Instant updatedAt, int version,
		java.util.List<ReviewLevel> reviewSteps) {

	/** County review, then city approval. */
	public static final java.util.List<ReviewLevel> DEFAULT_REVIEW_STEPS = java.util.List.of(ReviewLevel.COUNTY,
			ReviewLevel.CITY);

	public SubsidyProgram {
		reviewSteps = reviewSteps == null || reviewSteps.isEmpty() ? DEFAULT_REVIEW_STEPS : java.util.List.copyOf(reviewSteps);
	}

	/** Takes cases on {@code day}: open, and the day within its dates. */
	public boolean takesCasesOn(LocalDate day) {
		return status == ProgramStatus.OPEN && !day.isBefore(details.openDate()) && !day.isAfter(details.closeDate());
	}

	/** What the program's rules say about {@code c}. */
	public Assessment assess(AssessmentCase c) {
		return Rules.assess(details.parameters(), c);
	}
}
