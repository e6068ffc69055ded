package org.chunfeng.identity;

import java.util.Set;

import org.chunfeng.reference.RegionCode;

/**
 * Who is acting: the signed-in account, as every module may see it.
 *
 * @param region     the account's region scope: it reads and changes only records inside it
 * @param agency     the partner agency of an {@link Role#AGENCY_VIEWER}, else null
 * @param enterprise the enterprise of an {@link Role#ENTERPRISE_USER}, else null
 * @param worker     the worker record of a {@link Role#WORKER}, else null
 */
public record Actor(long accountId, String username, String displayName, Role role, RegionCode region, String agency,
		Set<DataCategory> categories, Long enterprise, Long worker) implements java.io.Serializable {

	public Actor {
		categories = Set.copyOf(categories);
	}

	/** Whether figures of this category may be shown to this actor. */
	public boolean mayView(DataCategory category) {
		return role != Role.AGENCY_VIEWER || categories.contains(category);
	}

	/** Something that carries the actor it stands for (the principal of a session or of a token). */
	public interface Holder {

		Actor actor();
	}
}
