package org.chunfeng.workers;

import java.util.List;
import java.util.Optional;

import org.chunfeng.reference.RegionCode;
import org.chunfeng.reference.ResidentIdNumber;

/** The worker registry (劳动者名录). */
public interface Workers {

	/**
	 * Registers a worker: the ID and mobile numbers are sealed, and their blind indexes stored for lookup; the
	 * database allows one worker per ID number, also against concurrent registrations.
	 *
	 * @throws DuplicateWorkerException if a worker with this ID number is already registered
	 * @throws org.chunfeng.platform.InvalidRequestException naming the field, for an unknown residence, employer or
	 *         occupation
	 */
	Worker register(NewWorker worker);

	/**
	 * Registers many workers in one transaction with batched statements, all or none (imports, demo data).
	 *
	 * @return how many were registered: all of them
	 * @throws DuplicateWorkerException for the first ID number that is already registered or given twice
	 */
	int registerAll(List<NewWorker> workers);

	Optional<Worker> find(long id);

	/** Exact lookup through the blind index; the number itself is never compared in clear. */
	Optional<Worker> findByIdNumber(ResidentIdNumber idNumber);

	/**
	 * One personal number of a worker in full, for a user allowed to see it; the reveal is written to the audit log.
	 * Empty when the worker is not in the user's region or has no such number.
	 */
	Optional<String> reveal(long workerId, PersonalNumber number);

	/** Figures of all workers. */
	WorkerFigures figures();

	/** Figures of the workers living within a region (by code prefix, e.g. all of Suzhou for 320500). */
	WorkerFigures figures(RegionCode within);
}
