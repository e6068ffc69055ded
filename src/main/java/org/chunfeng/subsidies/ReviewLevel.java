package org.chunfeng.subsidies;

import org.chunfeng.reference.RegionCode;

/**
 * A level of review (审核层级): a step of an application is decided by a reviewer whose region is of this level and
 * contains the applicant's region (县级初审, 市级审批, 省级).
 */
public enum ReviewLevel {

	COUNTY(RegionCode.Level.COUNTY), CITY(RegionCode.Level.PREFECTURE), PROVINCE(RegionCode.Level.PROVINCE);

	private final RegionCode.Level regionLevel;

	ReviewLevel(RegionCode.Level regionLevel) {
		this.regionLevel = regionLevel;
	}

	/** Whether a reviewer of {@code reviewerRegion} takes this step for an applicant of {@code applicantRegion}. */
	public boolean takenBy(RegionCode reviewerRegion, RegionCode applicantRegion) {
		return reviewerRegion.level() == regionLevel && reviewerRegion.contains(applicantRegion);
	}

	/** The level a reviewer of {@code region} reviews at. */
	public static ReviewLevel of(RegionCode region) {
		return switch (region.level()) {
			case COUNTY -> COUNTY;
			case PREFECTURE -> CITY;
			case PROVINCE -> PROVINCE;
		};
	}
}
