package org.chunfeng.jobs;

import org.chunfeng.reference.RegionCode;

/**
 * A search of the public job board: Chinese free text (e.g. "普工 包吃住", "苏州 月薪5000") with filters.
 *
 * @param region      workplace within this region (a prefecture finds its counties)
 * @param occupation  an occupation code or a group prefix such as 6-29
 * @param wageAtLeast the posting's upper wage is at least this, whole yuan a month
 */
public record JobSearch(String text, RegionCode region, String occupation, Integer wageAtLeast, JobKind kind) {

	public static JobSearch text(String text) {
		return new JobSearch(text, null, null, null, null);
	}
}
