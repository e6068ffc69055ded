package org.chunfeng.reference;

/**
 * Published when an administrator has imported an occupation table, so that the audit log records it (the
 * reference module cannot call the identity module, which depends on it).
 */
public record OccupationsImported(String edition, int rowsWritten) {
}
