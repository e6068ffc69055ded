package org.chunfeng.subsidies;

import org.chunfeng.subsidies.rules.ProgramKind;

/**
 * Filters of the application list (every filter optional); the caller's scope and role always apply on top.
 *
 * @param text      part of the applicant's or the program's name
 * @param waitingMe only those waiting for a step the calling reviewer takes
 */
public record ApplicationQuery(String text, ProgramKind kind, ApplicationStatus status, Long programId,
		boolean waitingMe) {

	public ApplicationQuery {
		text = text == null || text.isBlank() ? null : text.strip();
	}

	public static ApplicationQuery all() {
		return new ApplicationQuery(null, null, null, null, false);
	}
}
