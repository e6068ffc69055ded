package org.chunfeng.fairs;

import java.util.List;

import org.chunfeng.platform.RefusedException;

/**
 * Intentions recorded at a booth (现场达成意向) and their outcomes: each becomes (or reuses) the worker's application
 * to the posting, channel FAIR, and follows it through interview and offer to the hire.
 */
public interface Intentions {

	/**
	 * Records that a worker wants a posting of a confirmed booth, once the fair has begun; recording it again returns
	 * the intention recorded.
	 *
	 * @param ticketCode the worker's ticket of this fair, or {@code null} when {@code workerId} is given (staff)
	 * @throws RefusedException if the posting takes no applications, the ticket is not of this fair, the booth is not
	 *                          confirmed or the fair has not begun
	 */
	Intention record(long boothId, long postingId, String ticketCode, Long workerId, String note);

	/** The intentions at a fair, the latest first. */
	List<Intention> atFair(long fairId);

	/** The intentions at a booth, the latest first. */
	List<Intention> atBooth(long boothId);
}
