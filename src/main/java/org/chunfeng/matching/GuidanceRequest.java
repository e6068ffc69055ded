package org.chunfeng.matching;

import java.time.Instant;

import org.chunfeng.reference.RegionCode;

/**
 * A worker's request for career guidance (申请职业指导).
 *
 * @param workerName the worker's name, for the caseworkers' list
 * @param region     the worker's district when asked (or when answered)
 * @param channel    the channel the worker prefers
 * @param sessionId  the session that answered it, or {@code null} while open
 */
public record GuidanceRequest(long id, long workerId, String workerName, RegionCode region, GuidanceChannel channel,
		String note, GuidanceRequestStatus status, String requestedBy, Instant requestedAt, Instant answeredAt,
		Long sessionId) {
}
