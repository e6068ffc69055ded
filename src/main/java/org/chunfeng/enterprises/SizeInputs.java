package org.chunfeng.enterprises;

import org.chunfeng.platform.InvalidRequestException;

/**
 * What an enterprise's size class is derived from. Every figure is optional: a sector needs only some of them
 * ({@link SizeCriteria#indicators(String)}).
 *
 * @param employees       从业人员, persons (period-end headcount, else the yearly average)
 * @param revenueYuan     营业收入, whole yuan
 * @param totalAssetsYuan 资产总额, whole yuan
 */
public record SizeInputs(Integer employees, Long revenueYuan, Long totalAssetsYuan) {

	public SizeInputs {
		if (employees != null && employees < 0) {
			throw new InvalidRequestException("employees", "enterprise.size.employees.negative");
		}
		if (revenueYuan != null && revenueYuan < 0) {
			throw new InvalidRequestException("revenueYuan", "enterprise.size.revenue.negative");
		}
		if (totalAssetsYuan != null && totalAssetsYuan < 0) {
			throw new InvalidRequestException("totalAssetsYuan", "enterprise.size.totalAssets.negative");
		}
	}

	/** The figure for one indicator (persons or yuan), {@code null} if not given. */
	public Long value(SizeIndicator indicator) {
		return switch (indicator) {
			case EMPLOYEES -> employees == null ? null : employees.longValue();
			case REVENUE -> revenueYuan;
			case TOTAL_ASSETS -> totalAssetsYuan;
		};
	}
}
