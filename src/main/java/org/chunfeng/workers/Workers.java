package org.chunfeng.workers;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.chunfeng.platform.PageQuery;
import org.chunfeng.platform.Paged;
import org.chunfeng.platform.UpsertCounts;
import org.chunfeng.reference.MobileNumber;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.reference.ResidentIdNumber;

/**
 * The worker registry (劳动者名录). Every read and write is bounded by the caller's region scope in the database.
 */
public interface Workers {

	/**
	 * Registers a worker: the ID and mobile numbers are sealed, and their blind indexes stored for lookup; the
	 * database allows one worker per ID number, also against concurrent registrations.
	 *
	 * @throws DuplicateWorkerException if a worker with this ID number is already registered
	 * @throws org.chunfeng.platform.InvalidRequestException naming the field, for an unknown residence, employer or
	 *         code
	 */
	Worker register(NewWorker worker);

	/**
	 * Registers many workers in one transaction with batched statements, all or none (demo data).
	 *
	 * @return how many were registered: all of them
	 * @throws DuplicateWorkerException for the first ID number that is already registered or given twice
	 */
	int registerAll(List<NewWorker> workers);

	/**
	 * Adds or updates workers by ID number in the caller's transaction, in batches (imports). A row whose data
	 * equal the stored record's changes nothing; a record outside the caller's region is refused, not moved.
	 * Concurrent imports of the same person leave one record.
	 *
	 * @throws org.chunfeng.platform.InvalidRequestException for an unknown code or employer, naming the field
	 */
	UpsertCounts upsertAll(List<NewWorker> workers);

	/**
	 * Which of these ID numbers (as {@link ResidentIdNumber#value()}) belong to records outside the caller's region:
	 * an import reports those rows instead of failing. Nothing else about those records is disclosed.
	 */
	java.util.Set<String> registeredElsewhere(List<ResidentIdNumber> idNumbers);

	Optional<Worker> find(long id);

	/** Exact lookup through the blind index; the number itself is never compared in clear. */
	Optional<Worker> findByIdNumber(ResidentIdNumber idNumber);

	/** Records with this mobile number (several people may share one). */
	List<Worker> findByMobile(MobileNumber mobile);

	/** One page of the records matching a filter, by name; merged records are left out. */
	Paged<Worker> search(WorkerQuery query, PageQuery page);

	/** Every record matching a filter, streamed in name order (exports); merged records are left out. */
	void forEach(WorkerQuery query, Consumer<Worker> action);

	/**
	 * Every record matching a filter with its personal numbers in full, for an export by a user allowed to reveal
	 * them; the export is written to the audit log (with the filter and the count).
	 */
	void forEachRevealed(WorkerQuery query, java.util.function.BiConsumer<Worker, java.util.Map<PersonalNumber, String>> action);

	/**
	 * Changes a record, based on the version the user saw (optimistic locking). The plan is recorded in the
	 * history when it differs. {@code mobile} and {@code bank} replace the stored numbers when given; {@code null}
	 * keeps them.
	 *
	 * @throws org.chunfeng.platform.ConflictException if somebody saved the record since {@code version}
	 * @throws org.chunfeng.platform.NotFoundException if there is no such record in the caller's region
	 * @throws org.chunfeng.platform.InvalidRequestException for a merged record or bad data
	 */
	Worker update(long id, int version, WorkerProfile profile, PlanDetails plan, MobileNumber mobile,
			BankAccount bank);

	/** Every plan the worker has had, the newest first, including those of records merged into it. */
	List<PlanVersion> planHistory(long workerId);

	/**
	 * Merges a duplicate record into the one to keep (e.g. a person registered twice under an old and a new ID
	 * number): the employer links, accounts and plan history follow the kept record; the duplicate stays,
	 * read-only, marked as merged. Audited.
	 *
	 * @throws org.chunfeng.platform.InvalidRequestException if the two are the same, or either is already merged
	 */
	Worker merge(long keepId, long duplicateId);

	/** Records merged into this one. */
	List<Worker> mergedInto(long workerId);

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
