package org.chunfeng.matching.internal.tracker;

import org.chunfeng.identity.Actor;
import org.chunfeng.identity.DataCategory;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.identity.Role;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.reference.RegionCode;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who sees what of the tracker: the figures are for caseworkers and administrators and for the viewers of partner
 * agencies with the key-groups category (e.g. the rural revitalization office); the people behind them only for
 * caseworkers and administrators. A region asked about must lie within the caller's own.
 */
@Component
class TrackerAccess {

	/** The actor, if it may see the coverage figures. */
	Actor figures() {
		Actor actor = RegionScope.currentActor().orElseThrow(() -> new AccessDeniedException("not signed in"));
		boolean staff = actor.role() == Role.ADMINISTRATOR || actor.role() == Role.CASEWORKER;
		if (!staff && !(actor.role() == Role.AGENCY_VIEWER && actor.mayView(DataCategory.KEY_GROUPS))) {
			throw new AccessDeniedException("131 figures");
		}
		return actor;
	}

	/** Whether the actor may see the workers behind the figures. */
	boolean seesPeople(Actor actor) {
		return actor.role() == Role.ADMINISTRATOR || actor.role() == Role.CASEWORKER;
	}

	/** The region asked about, or the actor's own; refused outside the actor's. */
	RegionCode region(Actor actor, RegionCode asked) {
		if (asked == null) {
			return actor.region();
		}
		if (!actor.region().contains(asked)) {
			throw new InvalidRequestException("region", "service131.region.outside");
		}
		return asked;
	}
}
