package org.chunfeng.enterprises;

/**
 * Published, inside the merge's transaction, when a duplicate enterprise record was merged into the one kept:
 * modules holding references to enterprises move them in the same transaction.
 */
public record EnterprisesMerged(long keptId, long duplicateId) {
}
