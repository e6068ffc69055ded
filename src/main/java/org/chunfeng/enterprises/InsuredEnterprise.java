package org.chunfeng.enterprises;

import java.util.List;

import org.chunfeng.reference.RegionCode;

/**
 * An enterprise with its insurance evidence of some years, as the bulk readers (the automatic job-stabilising refund
 * run) get it: only what assessing a refund needs.
 *
 * @param sizeClass 企业规模, or {@code null} when the registry cannot derive it
 * @param years     its evidence in the years asked for, oldest first (never empty)
 */
public record InsuredEnterprise(long id, String name, RegionCode region, SizeClass sizeClass, boolean labourDispatch,
		List<InsuranceYear> years) {

	public InsuredEnterprise {
		years = List.copyOf(years);
	}
}
