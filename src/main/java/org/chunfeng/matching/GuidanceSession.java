package org.chunfeng.matching;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.chunfeng.reference.RegionCode;

/**
 * A career-guidance session held with a worker (职业指导记录).
 *
 * @param region     the worker's district when it was recorded
 * @param followUpOn 回访日期, or {@code null}
 * @param requestId  the worker's request this session answered, or {@code null}
 * @param recordedBy the caseworker's username
 */
public record GuidanceSession(long id, long workerId, RegionCode region, LocalDate heldOn, GuidanceChannel channel,
		Set<GuidanceTopic> topics, String notes, LocalDate followUpOn, Long requestId, String recordedBy,
		Instant recordedAt) {

	public GuidanceSession {
		topics = Set.copyOf(topics);
	}
}
