package org.chunfeng.campaigns;

import java.time.LocalDate;
import java.util.List;

import org.chunfeng.reference.RegionCode;

/** What a bureau sets up to start a campaign. */
public record NewCampaign(String code, String nameZh, String nameEn, int policyYear, RegionCode region,
		LocalDate startsOn, LocalDate endsOn, LocalDate festivalOn, List<String> agencyCodes,
		List<RegionCode> sendingRegions) {
}
