package org.chunfeng.enterprises;

import java.time.Instant;

import org.chunfeng.reference.CreditCode;
import org.chunfeng.reference.RegionCode;

/**
 * A registered enterprise (用人单位).
 *
 * @param keyCategory     {@code null} unless it is a key enterprise (重点企业)
 * @param revenueYuan     营业收入, whole yuan, or {@code null}
 * @param totalAssetsYuan 资产总额, whole yuan, or {@code null}
 * @param sizeClass       企业规模, derived from the inputs by the MIIT criteria; {@code null} when they are missing
 * @param mergedInto      the record this one was merged into, or {@code null}; a merged record is read-only
 * @param version         optimistic-locking version: an update names the version it was based on
 */
public record Enterprise(long id, CreditCode creditCode, String name, RegionCode region, String address,
		String industryCode, Integer employeeCount, KeyCategory keyCategory, boolean labourDispatch,
		Long revenueYuan, Long totalAssetsYuan, SizeClass sizeClass, Long mergedInto, Instant createdAt,
		Instant updatedAt, int version) {

	/** 重点企业: it has a key category. */
	public boolean keyEnterprise() {
		return keyCategory != null;
	}

	public boolean merged() {
		return mergedInto != null;
	}

	/** The editable data, as a form or an import would give them. */
	public NewEnterprise data() {
		return new NewEnterprise(creditCode, name, region, address, industryCode, employeeCount, keyCategory,
				labourDispatch, revenueYuan, totalAssetsYuan);
	}
}
