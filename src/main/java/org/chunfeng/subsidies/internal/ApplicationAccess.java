package org.chunfeng.subsidies.internal;

import java.util.Optional;

import org.chunfeng.identity.Actor;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.identity.Role;
import org.chunfeng.subsidies.Applicant;
import org.chunfeng.subsidies.SubsidyApplication;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may do what with subsidy applications (on top of the region scope the database keeps): an enterprise user or a
 * worker applies for itself and sees its own; a caseworker applies on behalf of applicants of its region; a reviewer
 * decides the steps of its level; administrators and finance officers read. Agency viewers see none.
 */
final class ApplicationAccess {

	private ApplicationAccess() {
	}

	static Actor actor() {
		return RegionScope.currentActor().orElseThrow(() -> new AccessDeniedException("no actor"));
	}

	static Role role() {
		return actor().role();
	}

	/** The applicant an enterprise user or a worker stands for. */
	static Optional<Applicant> own() {
		Actor a = actor();
		if (a.role() == Role.ENTERPRISE_USER && a.enterprise() != null) {
			return Optional.of(Applicant.enterprise(a.enterprise()));
		}
		if (a.role() == Role.WORKER && a.worker() != null) {
			return Optional.of(Applicant.worker(a.worker()));
		}
		return Optional.empty();
	}

	static boolean staff() {
		return role().seesPersonalRecords();
	}

	static void requireReader() {
		if (!staff() && own().isEmpty()) {
			throw new AccessDeniedException("applicants and the bureau's staff only");
		}
	}

	/** The caller applies (or resubmits) for {@code applicant}: itself, or a caseworker on its behalf. */
	static void requireApplyingFor(Applicant applicant) {
		if (role() == Role.CASEWORKER) {
			return;
		}
		if (own().filter(applicant::equals).isEmpty()) {
			throw new AccessDeniedException("applies only for itself");
		}
	}

	static boolean mayApply() {
		return role() == Role.CASEWORKER || own().isPresent();
	}

	/** Reads {@code application}: the bureau's staff (their scope is the database's business) or the applicant. */
	static boolean reads(SubsidyApplication application) {
		return staff() || own().filter(application.applicant()::equals).isPresent();
	}

	/** Acts as the applicant of {@code application}: itself, or a caseworker. */
	static boolean actsFor(SubsidyApplication application) {
		return role() == Role.CASEWORKER || own().filter(application.applicant()::equals).isPresent();
	}

	/** Takes the step {@code application} waits for: a reviewer of that level whose region holds the applicant's. */
	static boolean decides(SubsidyApplication application) {
		Actor a = actor();
		return a.role() == Role.REVIEWER && application.waitingLevel() != null
				&& application.waitingLevel().takenBy(a.region(), application.region());
	}
}
