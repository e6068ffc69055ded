package org.chunfeng.jobs;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chunfeng.platform.ConflictException;
import org.chunfeng.platform.PageQuery;
import org.chunfeng.platform.Paged;
import org.chunfeng.platform.RefusedException;

/**
 * Postings and applications, inside the current region scope (a published posting is visible to everybody). Who may
 * act for which enterprise or worker is the caller's business; what a state allows is checked here and again by the
 * database.
 */
public interface Jobs {

	/** Submits a posting for the bureau's review. */
	JobPosting post(long enterpriseId, PostingDetails details, String postedBy);

	/**
	 * Changes a posting that is still under review or was returned; a returned one goes back to review.
	 *
	 * @throws ConflictException if saved since {@code version}
	 * @throws RefusedException  if already published or closed
	 */
	JobPosting revise(long postingId, int version, PostingDetails details);

	/** Publishes a posting under review (审核通过). */
	JobPosting approve(long postingId, int version, String reviewer);

	/** Returns a posting under review to the enterprise, with the reason (退回). */
	JobPosting returnForChanges(long postingId, int version, String reviewer, String reason);

	/** Closes a posting: withdrawn before publication, or taken off the board. */
	JobPosting close(long postingId, int version);

	Optional<JobPosting> find(long postingId);

	List<JobPosting> findAll(Collection<Long> postingIds);

	Paged<JobPosting> search(PostingQuery query, PageQuery page);

	/**
	 * An application of {@code workerId} to a posting that takes applications.
	 *
	 * @throws RefusedException if the posting is not open, is reserved for key groups the worker is not in, or the
	 *                          worker has applied already
	 */
	JobApplication apply(long postingId, long workerId, ApplicationChannel channel, String message, String appliedBy);

	/**
	 * Moves an application on (interview, offer, hire, rejection, withdrawal). A hire takes a place.
	 *
	 * @throws ConflictException if saved since {@code version}
	 * @throws RefusedException  if the move is not allowed from where it stands, or a hire finds the posting full
	 */
	JobApplication move(long applicationId, int version, ApplicationStatus to, String note);

	Optional<JobApplication> findApplication(long applicationId);

	List<JobApplication> findApplications(Collection<Long> applicationIds);

	List<JobApplication> applications(long postingId);

	List<JobApplication> applicationsOf(long workerId);

	/**
	 * The postings each of the given workers has applied to, whatever became of the application (recommendations
	 * leave them out); workers without applications are absent.
	 */
	Map<Long, List<Long>> postingsAppliedTo(Collection<Long> workerIds);

	Optional<JobApplication> applicationOf(long postingId, long workerId);

	/** Closes every published posting whose end date is before {@code today}; the number closed. */
	int closeExpired(LocalDate today);

	/**
	 * Every posting published and open on {@code today} (not ended, places left), in id order, streamed: what the
	 * recommendation engine indexes. Readable in any region scope.
	 */
	void forEachOpen(LocalDate today, java.util.function.Consumer<OpenPosting> action);
}
