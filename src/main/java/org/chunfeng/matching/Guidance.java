package org.chunfeng.matching;

import java.util.List;
import java.util.Optional;

import org.chunfeng.platform.PageQuery;
import org.chunfeng.platform.Paged;
import org.chunfeng.reference.RegionCode;

/**
 * Career guidance (职业指导), the "1 guidance" of the 131 service: sessions recorded by the caseworkers of the
 * worker's district, and requests from workers, one open at a time, answered by the next session recorded. Every read
 * and write is bounded by the caller's region scope in the database; who may act for which worker is the caller's
 * business.
 */
public interface Guidance {

	/**
	 * Records a session with a worker; it answers the worker's open request, if any. Audited.
	 *
	 * @throws org.chunfeng.platform.NotFoundException       if the worker is not in the caller's region
	 * @throws org.chunfeng.platform.InvalidFieldsException   naming every field that breaks a rule
	 * @throws org.chunfeng.platform.InvalidRequestException  for a merged record (naming the one kept)
	 */
	GuidanceSession record(long workerId, GuidanceSessionDetails details);

	/** The worker's sessions, the latest first. */
	List<GuidanceSession> sessionsOf(long workerId);

	/**
	 * A worker asks for guidance. Audited.
	 *
	 * @param note at most 200 characters
	 * @throws org.chunfeng.platform.RefusedException       if the worker has an open request already
	 * @throws org.chunfeng.platform.InvalidRequestException naming {@code channel} or {@code note}
	 */
	GuidanceRequest request(long workerId, GuidanceChannel channel, String note);

	/** The worker's requests, the latest first. */
	List<GuidanceRequest> requestsOf(long workerId);

	/** The open requests of workers living within a region (the caller's own when {@code null}), the oldest first. */
	Paged<GuidanceRequest> openRequests(RegionCode within, PageQuery page);

	/**
	 * The follow-ups due by a day within a region (the caller's own when {@code null}): sessions whose follow-up day
	 * has come and after which nothing was recorded for the worker; the most overdue first.
	 */
	Paged<GuidanceFollowUp> followUpsDue(RegionCode within, java.time.LocalDate by, PageQuery page);

	/** The worker's open request, if any. */
	default Optional<GuidanceRequest> openRequestOf(long workerId) {
		return requestsOf(workerId).stream().filter(r -> r.status() == GuidanceRequestStatus.OPEN).findFirst();
	}
}
