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
 */
public record SubsidyProgram(long id, RegionCode region, ProgramKind kind, ProgramDetails details,
		ProgramStatus status, boolean template, String templateKey, String createdBy, Instant createdAt,
		Instant openedAt, Instant closedAt, Instant updatedAt, int version) {

	/** Takes cases on {@code day}: open, and the day within its dates. */
	public boolean takesCasesOn(LocalDate day) {
		return status == ProgramStatus.OPEN && !day.isBefore(details.openDate()) && !day.isAfter(details.closeDate());
	}

	/** What the program's rules say about {@code c}. */
	public Assessment assess(AssessmentCase c) {
		return Rules.assess(details.parameters(), c);
	}
}
