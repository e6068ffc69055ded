package org.chunfeng.training;

import java.util.List;
import java.util.Optional;

import org.chunfeng.platform.ConflictException;
import org.chunfeng.platform.NotFoundException;
import org.chunfeng.platform.PageQuery;
import org.chunfeng.platform.Paged;
import org.chunfeng.platform.RefusedException;
import org.chunfeng.reference.RegionCode;

/**
 * The training catalogue and referrals to it, inside the current region scope: every project is readable by
 * everybody, only the organising district's staff change it; a referral is seen by the project's district and the
 * worker's. Who may act on which side is the caller's business; what a state allows is checked here and again by
 * the database.
 */
public interface Trainings {

	/**
	 * Lists a project, organised by {@code region} (the caller's own region if null).
	 *
	 * @throws org.chunfeng.platform.InvalidFieldsException naming every field that breaks a rule
	 */
	TrainingProject create(RegionCode region, ProjectDetails details);

	/**
	 * Changes an open project; its places cannot go below those taken.
	 *
	 * @throws ConflictException if saved since {@code version}
	 * @throws RefusedException  if closed or cancelled
	 */
	TrainingProject revise(long projectId, int version, ProjectDetails details);

	/** Closes enrolment (招生结束): enrolled trainees still complete or drop out. */
	TrainingProject close(long projectId, int version);

	/** Cancels an open project, with the reason; nothing moves on it any more. */
	TrainingProject cancel(long projectId, int version, String reason);

	Optional<TrainingProject> find(long projectId);

	/** The catalogue: open projects first, then by start date. */
	Paged<TrainingProject> search(ProjectQuery query, PageQuery page);

	/**
	 * Refers a worker (one the caller may see) to an open project that has places left.
	 *
	 * @throws NotFoundException if the project or the worker is not there for the caller
	 * @throws RefusedException  if the project takes no referrals, is full, or the worker was referred already
	 */
	TrainingReferral refer(long projectId, long workerId, String note);

	/**
	 * The worker takes a place (报名入班).
	 *
	 * @throws ConflictException if saved since {@code version}
	 * @throws RefusedException  if not referred, or the project is closed or full
	 */
	TrainingReferral enrol(long referralId, int version);

	/** The worker completed the course (结业), with the certificate's number if any; announced for the subsidy. */
	TrainingReferral complete(long referralId, int version, String certificateNo);

	/** The worker does not take up the referral. */
	TrainingReferral decline(long referralId, int version, String note);

	/** The enrolled worker left the course; the place is free again. */
	TrainingReferral dropOut(long referralId, int version, String note);

	Optional<TrainingReferral> findReferral(long referralId);

	/** A project's referrals (those visible to the caller), oldest first. */
	List<TrainingReferral> referrals(long projectId);

	/** A worker's referrals, the latest first. */
	List<TrainingReferral> referralsOf(long workerId);
}
