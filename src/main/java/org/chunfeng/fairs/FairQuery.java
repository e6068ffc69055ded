package org.chunfeng.fairs;

import java.time.LocalDate;

/**
 * Filters of the fairs list of the bureau's staff (the own region always applies).
 *
 * @param from   fairs ending on or after this day
 * @param to     fairs starting on or before this day
 * @param text   part of the title
 */
public record FairQuery(LocalDate from, LocalDate to, FairStatus status, Long seriesId, String text) {

	public FairQuery {
		text = text == null || text.isBlank() ? null : text.strip();
	}

	public static FairQuery all() {
		return new FairQuery(null, null, null, null, null);
	}
}
