package org.chunfeng.matching;

import java.util.List;
import java.util.Optional;

/**
 * The recommendation engine as the rest of the system sees it: a worker's 3 most suitable open postings, live; the
 * "3 jobs" of the 131 record; the nightly runs. Workers are read within the caller's region scope.
 */
public interface Recommendations {

	/**
	 * The worker's 3 best open postings now, best first (fewer when fewer fit).
	 *
	 * @throws org.chunfeng.platform.NotFoundException if the worker is not in the caller's region
	 */
	List<Recommendation> forWorker(long workerId);

	/** Gives the worker's 3 best postings now as the 3 jobs of the 131 record, replacing earlier ones. */
	List<JobLead> giveLeads(long workerId);

	/**
	 * The 3 jobs of the worker's 131 record, by rank.
	 *
	 * @throws org.chunfeng.platform.NotFoundException if the worker is not in the caller's region
	 */
	List<JobLead> leadsOf(long workerId);

	/**
	 * Asks for a run now instead of at night; it runs on whichever instance picks it up, once.
	 *
	 * @throws org.chunfeng.platform.RefusedException if a run is under way
	 */
	void requestRun();

	/** The latest runs, newest first. */
	List<RecommendationRun> runs(int limit);

	Optional<RecommendationRun> run(long id);
}
