package org.chunfeng.training.internal;

import java.util.Optional;

import org.chunfeng.identity.Actor;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.identity.Role;
import org.chunfeng.platform.NotFoundException;
import org.chunfeng.training.ReferralStatus;
import org.chunfeng.training.TrainingProject;
import org.chunfeng.training.TrainingReferral;
import org.chunfeng.training.Trainings;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may do what with a project or a referral. Every project is public, so "visible" is not "yours": the bureau of
 * the project's district keeps the project, enrols and certifies (the project side); the bureau of the worker's
 * district refers, enrols or declines for its workers (the worker side); a worker accepts or declines its own
 * referrals. A referral that is not the caller's business is "not found", as in the registries.
 */
@Component
class TrainingAccess {

	private final Trainings trainings;

	TrainingAccess(Trainings trainings) {
		this.trainings = trainings;
	}

	static Actor actor() {
		return RegionScope.currentActor().orElseThrow(() -> new AccessDeniedException("no actor"));
	}

	/** Bureau staff who keep projects and act for workers. */
	static boolean staff() {
		return RegionScope.currentActor()
			.map(a -> a.role() == Role.ADMINISTRATOR || a.role() == Role.CASEWORKER)
			.orElse(false);
	}

	/** Bureau staff who read projects and referrals. */
	static boolean reader() {
		return RegionScope.currentActor().map(a -> a.role().seesPersonalRecords()).orElse(false);
	}

	private static boolean inActorsRegion(String region) {
		Optional<Actor> actor = RegionScope.currentActor();
		return actor.isPresent() && region.startsWith(actor.get().region().scopePrefix());
	}

	/** The caller's bureau organises the project. */
	static boolean projectSide(TrainingProject project) {
		return reader() && inActorsRegion(project.region().value());
	}

	/** Any project of the catalogue. */
	TrainingProject project(long projectId) {
		return trainings.find(projectId)
			.orElseThrow(() -> new NotFoundException("kind.trainingProject", String.valueOf(projectId)));
	}

	/** The project, if the caller's bureau organises it. */
	TrainingProject managed(long projectId) {
		return trainings.find(projectId).filter(TrainingAccess::projectSide)
			.orElseThrow(() -> new NotFoundException("kind.trainingProject", String.valueOf(projectId)));
	}

	/** The referral, if the caller's bureau is on one of its sides. */
	TrainingReferral referral(long referralId) {
		return trainings.findReferral(referralId).filter(r -> reader()
				&& (inActorsRegion(r.region().value()) || projectSide(project(r.projectId()))))
			.orElseThrow(() -> new NotFoundException("kind.trainingReferral", String.valueOf(referralId)));
	}

	/**
	 * Staff move a referral on: enrolment and declining from either side; completion and drop-out only by the
	 * project's bureau, which runs the course (and whose word the subsidy is paid on).
	 */
	void mayMove(TrainingReferral referral, ReferralStatus to) {
		if (!staff()) {
			throw new AccessDeniedException("caseworkers only");
		}
		if ((to == ReferralStatus.COMPLETED || to == ReferralStatus.DROPPED_OUT)
				&& !projectSide(project(referral.projectId()))) {
			throw new AccessDeniedException("the project's bureau only");
		}
	}

	/** The worker's own referral. */
	TrainingReferral own(long referralId) {
		Long worker = actor().worker();
		return trainings.findReferral(referralId)
			.filter(referral -> worker != null && referral.workerId() == worker)
			.orElseThrow(() -> new NotFoundException("kind.trainingReferral", String.valueOf(referralId)));
	}
}
