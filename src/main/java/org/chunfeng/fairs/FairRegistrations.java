package org.chunfeng.fairs;

import java.util.List;
import java.util.Optional;

import org.chunfeng.platform.NotFoundException;
import org.chunfeng.platform.PageQuery;
import org.chunfeng.platform.Paged;
import org.chunfeng.platform.RefusedException;

/**
 * Registrations for fairs (报名) and their tickets, checked in at the door (入场核验). A ticket code is unguessable and
 * checks in once; the database keeps the attendee capacity and the single use, also among concurrent scans. Who may
 * act for which worker is the caller's business.
 */
public interface FairRegistrations {

	/**
	 * Registers a worker for a published fair that is not over; registering again returns the ticket held (or a new
	 * one after a cancellation).
	 *
	 * @throws RefusedException if the fair is full or takes no registrations
	 */
	FairRegistration register(long fairId, long workerId);

	/**
	 * Cancels a registration that was not checked in: its place is free again.
	 *
	 * @throws RefusedException if already checked in
	 */
	FairRegistration cancel(long registrationId);

	Optional<FairRegistration> find(long registrationId);

	/** The worker's registrations, the latest fair first. */
	List<FairRegistration> ofWorker(long workerId);

	/** The registrations of a fair of the caller's region, by name. */
	Paged<FairRegistration> atFair(long fairId, PageQuery page);

	/**
	 * Checks a ticket in at the door of an offline fair, on its day(s).
	 *
	 * @param code as typed or scanned; spaces, dashes and case do not matter
	 * @throws org.chunfeng.platform.InvalidRequestException naming {@code code} if it cannot be a ticket code
	 * @throws NotFoundException if no ticket has the code
	 * @throws RefusedException  if checked in already (saying when), for another fair (saying which), cancelled, or
	 *                           the fair is not open at the door now
	 */
	FairRegistration checkIn(long fairId, String code);

	/**
	 * The holder of a ticket of a fair, for a booth or the door: only the fair's bureau and enterprises with a
	 * confirmed booth there may read it.
	 *
	 * @throws NotFoundException if no ticket has the code
	 * @throws RefusedException  if it is a ticket of another fair, or cancelled
	 */
	FairRegistration ticket(long fairId, String code);
}
