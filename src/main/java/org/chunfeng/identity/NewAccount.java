package org.chunfeng.identity;

import java.util.Set;

import org.chunfeng.reference.RegionCode;

/** An account an administrator (or the installation itself) sets up. */
public record NewAccount(String username, String displayName, String password, Role role, RegionCode region,
		String agency, Set<DataCategory> categories, Long enterprise, Long worker, boolean mustChangePassword) {

	public NewAccount {
		categories = Set.copyOf(categories);
	}
}
