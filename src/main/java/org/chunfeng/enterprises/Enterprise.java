package org.chunfeng.enterprises;

import java.time.Instant;

import org.chunfeng.reference.CreditCode;
import org.chunfeng.reference.RegionCode;

/**
 * A registered enterprise (用人单位).
 *
 * @param keyCategory {@code null} unless it is a key enterprise (重点企业)
 * @param version     optimistic-locking version, for later updates
 */
public record Enterprise(long id, CreditCode creditCode, String name, RegionCode region, String address,
		String industryCode, Integer employeeCount, KeyCategory keyCategory, boolean labourDispatch,
		Instant createdAt, int version) {

	/** 重点企业: it has a key category. */
	public boolean keyEnterprise() {
		return keyCategory != null;
	}
}
