package org.chunfeng.identity;

/** An account as another module lists it (e.g. the users of an enterprise): no secrets, no scope details. */
public record AccountSummary(long id, String username, String displayName, boolean enabled) {
}
