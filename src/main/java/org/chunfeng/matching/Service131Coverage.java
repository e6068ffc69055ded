package org.chunfeng.matching;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.chunfeng.reference.RegionCode;

/**
 * The 131 coverage of a region (131服务覆盖率), per child region (the counties of a prefecture, the prefectures of a
 * province), read in one query so that the rows add up to the total.
 *
 * @param region the region the figures are of
 * @param rows   one per child region with key-group workers, by code
 * @param total  the whole region
 */
public record Service131Coverage(RegionCode region, List<Row> rows, Row total) {

	public Service131Coverage {
		rows = List.copyOf(rows);
	}

	/**
	 * The figures of one region.
	 *
	 * @param workers  key-group workers (重点群体人数), merged records left out
	 * @param guidance of them, with at least one guidance session
	 * @param jobs     with three job leads
	 * @param training referred to a training project
	 * @param complete with all three
	 */
	public record Row(RegionCode region, String name, long workers, long guidance, long jobs, long training,
			long complete) {

		@JsonProperty
		public double guidancePercent() {
			return percent(guidance);
		}

		@JsonProperty
		public double jobsPercent() {
			return percent(jobs);
		}

		@JsonProperty
		public double trainingPercent() {
			return percent(training);
		}

		@JsonProperty
		public double completePercent() {
			return percent(complete);
		}

		/** A share of the workers in percent, to one decimal; 0 without workers. */
		private double percent(long part) {
			return workers == 0 ? 0 : Math.round(part * 1000.0 / workers) / 10.0;
		}
	}
}
