package org.chunfeng.workers;

import java.util.List;
import java.util.Map;

import org.chunfeng.reference.RegionCode;

/**
 * Worker figures for the overview, all read from one snapshot, so that they add up.
 *
 * @param total            workers
 * @param byPlan           春节去留意向, every plan present (zeros included); sums to {@code total}
 * @param byStatus         就业状态, every status present; sums to {@code total}
 * @param byKeyGroup       重点群体, every group present; a worker in two groups counts in both
 * @param byHukouProvince  户籍省份, most workers first; sums to {@code total}
 */
public record WorkerFigures(long total, Map<FestivalPlan, Long> byPlan, Map<EmploymentStatus, Long> byStatus,
		Map<KeyGroup, Long> byKeyGroup, List<ProvinceCount> byHukouProvince) {

	public WorkerFigures {
		byPlan = Map.copyOf(byPlan);
		byStatus = Map.copyOf(byStatus);
		byKeyGroup = Map.copyOf(byKeyGroup);
		byHukouProvince = List.copyOf(byHukouProvince);
	}

	/** 已就业. */
	public long employed() {
		return byStatus.getOrDefault(EmploymentStatus.EMPLOYED, 0L);
	}

	/** Looking for work: seeking or registered unemployed (求职及登记失业). */
	public long seeking() {
		return total - employed();
	}

	/**
	 * Workers whose hukou is in one province.
	 *
	 * @param province e.g. {@code 340000}
	 * @param name     e.g. 安徽省; the code itself if the province is not in the region table
	 */
	public record ProvinceCount(RegionCode province, String name, long workers) {
	}
}
