package org.chunfeng.subsidies.internal;

import org.chunfeng.identity.Actor;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.identity.Role;
import org.chunfeng.subsidies.SubsidyProgram;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may do what with programs: the bureau's staff read them (caseworkers, reviewers and finance officers work
 * under them), administrators set them up, copy, open and close them, each within its region. Checked here as well as
 * on the addresses (SecurityConfiguration), so a new address cannot forget it.
 */
final class ProgramAccess {

	private ProgramAccess() {
	}

	static Actor actor() {
		return RegionScope.currentActor().orElseThrow(() -> new AccessDeniedException("no actor"));
	}

	static boolean administrator() {
		return RegionScope.currentActor().map(a -> a.role() == Role.ADMINISTRATOR).orElse(false);
	}

	static void requireAdministrator() {
		if (!administrator()) {
			throw new AccessDeniedException("administrators only");
		}
	}

	static void requireReader() {
		if (!RegionScope.currentActor().map(a -> a.role().seesPersonalRecords()).orElse(false)) {
			throw new AccessDeniedException("the bureau's staff only");
		}
	}

	/** The caller administers this program: not a template, and of the caller's region or inside it. */
	static boolean manages(SubsidyProgram program) {
		return administrator() && !program.template() && program.region() != null
				&& actor().region().contains(program.region());
	}
}
