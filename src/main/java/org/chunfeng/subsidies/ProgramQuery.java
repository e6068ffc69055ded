package org.chunfeng.subsidies;

import org.chunfeng.subsidies.rules.ProgramKind;

/**
 * Filters of the program list (every filter optional).
 *
 * @param text     part of the name
 * @param template only templates ({@code true}) or only the bureaus' programs ({@code false})
 */
public record ProgramQuery(String text, ProgramKind kind, Integer policyYear, ProgramStatus status,
		Boolean template) {

	public ProgramQuery {
		text = text == null || text.isBlank() ? null : text.strip();
	}

	public static ProgramQuery all() {
		return new ProgramQuery(null, null, null, null, null);
	}
}
