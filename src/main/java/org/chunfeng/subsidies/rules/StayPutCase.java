package org.chunfeng.subsidies.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A claim for the stay-put subsidy: the workers it is for (one, when the worker applies), and what the enterprise got
 * under the program before, for its cap.
 *
 * @param grantedBeforeFen what the same enterprise was already granted under the program (for the cap per enterprise)
 */
public record StayPutCase(List<StayingWorker> workers, long grantedBeforeFen) implements AssessmentCase {

	public StayPutCase {
		workers = List.copyOf(workers);
		if (grantedBeforeFen < 0) {
			throw new IllegalArgumentException("negative amount");
		}
	}

	/**
	 * A worker who stayed for the festival.
	 *
	 * @param key           what identifies the person; a key twice in a claim counts once
	 * @param fromOutside   a worker from outside the region (外地务工人员): only they are meant
	 * @param stayConfirmed the festival plan says staying put and the employer confirmed it
	 * @param stayDays      days stayed at the workplace over the festival
	 * @param dutyDays      the days on duty (a top-up is paid for those in the program's window)
	 */
	public record StayingWorker(String key, String name, boolean fromOutside, boolean stayConfirmed, int stayDays,
			Set<LocalDate> dutyDays) {

		public StayingWorker {
			Objects.requireNonNull(key, "key");
			name = name == null ? key : name;
			dutyDays = dutyDays == null ? Set.of() : Set.copyOf(dutyDays);
			if (stayDays < 0) {
				throw new IllegalArgumentException("negative days");
			}
		}
	}
}
