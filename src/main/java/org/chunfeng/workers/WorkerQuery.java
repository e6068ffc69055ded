package org.chunfeng.workers;

import org.chunfeng.reference.RegionCode;

/**
 * A filter over the worker registry; every part is optional, and the user's own region scope always applies on top.
 *
 * @param text       a full ID number or mobile number (looked up through the blind index), or part of a name
 * @param region     residence within this region (by code prefix)
 * @param status     就业状态
 * @param keyGroup   重点群体
 * @param plan       春节去留意向
 * @param occupation an occupation code or the code of a group (e.g. {@code 6-29} for all its occupations)
 */
public record WorkerQuery(String text, RegionCode region, EmploymentStatus status, KeyGroup keyGroup,
		FestivalPlan plan, String occupation) {

	public static final WorkerQuery ALL = new WorkerQuery(null, null, null, null, null, null);

	public WorkerQuery {
		text = text == null || text.isBlank() ? null : text.strip();
		occupation = occupation == null || occupation.isBlank() ? null : occupation.strip();
	}
}
