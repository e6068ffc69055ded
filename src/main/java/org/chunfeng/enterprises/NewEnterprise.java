package org.chunfeng.enterprises;

import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.reference.CreditCode;
import org.chunfeng.reference.RegionCode;

/**
 * An enterprise to register.
 *
 * @param creditCode     统一社会信用代码, unique
 * @param name           registered name, 1 to 100 characters
 * @param region         the county-level region it is registered in (must be a current GB/T 2260 division)
 * @param address        optional, at most 200 characters
 * @param industryCode   optional GB/T 4754-2017 code (division or below)
 * @param employeeCount  optional, not negative
 * @param keyCategory    why it is a key enterprise (重点企业), or {@code null} if it is not one
 * @param labourDispatch whether it is a labour-dispatch firm (劳务派遣单位)
 * @param revenueYuan    营业收入 of the last year, whole yuan, optional
 * @param totalAssetsYuan 资产总额, whole yuan, optional
 */
public record NewEnterprise(CreditCode creditCode, String name, RegionCode region, String address,
		String industryCode, Integer employeeCount, KeyCategory keyCategory, boolean labourDispatch, Long revenueYuan,
		Long totalAssetsYuan) {

	public static final int MAX_NAME = 100;
	public static final int MAX_ADDRESS = 200;

	public NewEnterprise {
		if (creditCode == null) {
			throw new InvalidRequestException("creditCode", "problem.field.required");
		}
		name = name == null ? "" : name.strip();
		if (name.isEmpty()) {
			throw new InvalidRequestException("name", "problem.field.required");
		}
		if (name.length() > MAX_NAME) {
			throw new InvalidRequestException("name", "enterprise.name.length", MAX_NAME);
		}
		if (region == null) {
			throw new InvalidRequestException("region", "problem.field.required");
		}
		address = address == null || address.isBlank() ? null : address.strip();
		if (address != null && address.length() > MAX_ADDRESS) {
			throw new InvalidRequestException("address", "enterprise.address.length", MAX_ADDRESS);
		}
		industryCode = industryCode == null || industryCode.isBlank() ? null : industryCode.strip();
		if (employeeCount != null && employeeCount < 0) {
			throw new InvalidRequestException("employeeCount", "enterprise.employeeCount.negative");
		}
		if (revenueYuan != null && revenueYuan < 0) {
			throw new InvalidRequestException("revenueYuan", "enterprise.amount.negative");
		}
		if (totalAssetsYuan != null && totalAssetsYuan < 0) {
			throw new InvalidRequestException("totalAssetsYuan", "enterprise.amount.negative");
		}
	}

	/** Without the size inputs (demo data, quick registration). */
	public NewEnterprise(CreditCode creditCode, String name, RegionCode region, String address, String industryCode,
			Integer employeeCount, KeyCategory keyCategory, boolean labourDispatch) {
		this(creditCode, name, region, address, industryCode, employeeCount, keyCategory, labourDispatch, null, null);
	}

	/** 企业规模 by the MIIT criteria for the industry, when the inputs the industry needs are known. */
	public java.util.Optional<SizeClass> sizeClass() {
		return SizeCriteria.classify(industryCode, new SizeInputs(employeeCount, revenueYuan, totalAssetsYuan));
	}

	/** 重点企业: it has a key category. */
	public boolean keyEnterprise() {
		return keyCategory != null;
	}
}
