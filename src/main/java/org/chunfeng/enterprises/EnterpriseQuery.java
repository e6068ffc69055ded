package org.chunfeng.enterprises;

import org.chunfeng.reference.RegionCode;

/**
 * A filter over the enterprise registry; every part is optional, and the user's region scope applies on top.
 *
 * @param text           a full credit code, or part of the name
 * @param region         registered within this region (by code prefix)
 * @param industry       a GB/T 4754 section letter or a division code (and everything below it)
 * @param keyOnly        only key enterprises (重点企业)
 * @param sizeClass      企业规模
 * @param labourDispatch only labour-dispatch firms
 */
public record EnterpriseQuery(String text, RegionCode region, String industry, boolean keyOnly, SizeClass sizeClass,
		boolean labourDispatch) {

	public static final EnterpriseQuery ALL = new EnterpriseQuery(null, null, null, false, null, false);

	public EnterpriseQuery {
		text = text == null || text.isBlank() ? null : text.strip();
		industry = industry == null || industry.isBlank() ? null : industry.strip();
	}
}
