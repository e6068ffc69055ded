package org.chunfeng.campaigns;

import java.time.LocalDate;
import java.util.Locale;

import org.chunfeng.reference.RegionCode;

/**
 * One year's Spring Festival campaign of a bureau (春节专项行动).
 *
 * @param region     the bureau's region: the campaign covers everything inside it
 * @param festivalOn the first day of the lunar new year (春节) in that year
 */
public record Campaign(long id, String code, String nameZh, String nameEn, int policyYear, RegionCode region,
		LocalDate startsOn, LocalDate endsOn, LocalDate festivalOn) {

	public String name(Locale locale) {
		return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
	}

	public boolean isRunningOn(LocalDate day) {
		return !day.isBefore(startsOn) && !day.isAfter(endsOn);
	}
}
