package org.chunfeng.training;

import java.time.LocalDate;

import org.chunfeng.reference.RegionCode;

/**
 * Filters of the training catalogue (every filter optional).
 *
 * @param text            part of the title or the provider's name
 * @param occupation      an occupation code or the code of a group (prefix), e.g. {@code 6-31}
 * @param region          organised by a bureau in this region, or delivered in it
 * @param subsidyEligible only projects in (or out of) the subsidy catalogue
 * @param openOn          only projects that take referrals on this day: open, and not ended by then
 */
public record ProjectQuery(String text, String occupation, RegionCode region, Delivery delivery,
		Boolean subsidyEligible, LocalDate openOn, ProjectStatus status) {

	public ProjectQuery {
		text = text == null || text.isBlank() ? null : text.strip();
		occupation = occupation == null || occupation.isBlank() ? null : occupation.strip();
	}

	public static ProjectQuery all() {
		return new ProjectQuery(null, null, null, null, null, null, null);
	}
}
