package org.chunfeng.jobs.internal;

import java.util.Optional;

import org.chunfeng.identity.Actor;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.identity.Role;
import org.chunfeng.jobs.ApplicationStatus;
import org.chunfeng.jobs.JobApplication;
import org.chunfeng.jobs.JobPosting;
import org.chunfeng.jobs.Jobs;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.platform.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may manage which posting: an enterprise user only its own enterprise's, bureau staff those of enterprises in
 * their region. A published posting is public, so "visible" is not enough for managing it; a posting that is not
 * the caller's to manage is "not found", as in the registries.
 */
@Component
class PostingAccess {

	private final Jobs jobs;

	PostingAccess(Jobs jobs) {
		this.jobs = jobs;
	}

	static Actor actor() {
		return RegionScope.currentActor().orElseThrow(() -> new AccessDeniedException("no actor"));
	}

	static boolean enterpriseUser() {
		return RegionScope.currentActor().map(a -> a.role() == Role.ENTERPRISE_USER).orElse(false);
	}

	/** Bureau staff who review postings and act for enterprises and workers. */
	static boolean reviewer() {
		return RegionScope.currentActor()
			.map(a -> a.role() == Role.ADMINISTRATOR || a.role() == Role.CASEWORKER)
			.orElse(false);
	}

	/** The posting, if the caller may manage it. */
	JobPosting managed(long postingId) {
		return jobs.find(postingId).filter(PostingAccess::manages)
			.orElseThrow(() -> new NotFoundException("kind.posting", String.valueOf(postingId)));
	}

	static boolean manages(JobPosting posting) {
		Optional<Actor> actor = RegionScope.currentActor();
		if (actor.isEmpty()) {
			return false;
		}
		if (actor.get().role() == Role.ENTERPRISE_USER) {
			return Long.valueOf(posting.enterpriseId()).equals(actor.get().enterprise());
		}
		return actor.get().role().seesPersonalRecords() && posting.region().value().startsWith(actor.get().region().scopePrefix());
	}

	/** The enterprise a new posting is for: an enterprise user's own, else the one staff name. */
	static long enterpriseFor(Long requested) {
		Actor actor = actor();
		if (actor.role() == Role.ENTERPRISE_USER) {
			return actor.enterprise();
		}
		if (requested == null) {
			throw new InvalidRequestException("enterpriseId", "problem.field.required");
		}
		return requested;
	}

	/** The application, if the caller manages its posting. */
	JobApplication managedApplication(long applicationId) {
		JobApplication application = jobs.findApplication(applicationId)
			.orElseThrow(() -> new NotFoundException("kind.application", String.valueOf(applicationId)));
		managed(application.postingId());
		return application;
	}

	/** An enterprise moves its applicants on; a withdrawal is the worker's own act. */
	static void mayMoveTo(ApplicationStatus status) {
		if (status == ApplicationStatus.WITHDRAWN || status == ApplicationStatus.APPLIED) {
			throw new InvalidRequestException("status", "application.status.notForEmployer", status.name());
		}
	}

	/** The worker's own application. */
	JobApplication ownApplication(long applicationId) {
		Long worker = actor().worker();
		return jobs.findApplication(applicationId)
			.filter(application -> worker != null && application.workerId() == worker)
			.orElseThrow(() -> new NotFoundException("kind.application", String.valueOf(applicationId)));
	}
}
