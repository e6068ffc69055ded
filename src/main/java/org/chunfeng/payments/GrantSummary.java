package org.chunfeng.payments;

/**
 * What a bulk grant did.
 *
 * @param granted         entitlements created
 * @param grantedFen      their sum
 * @param alreadyEntitled grants left out because the payee already holds one for that program and period, or one of
 *                        its exclusive claims (nothing is ever granted twice, so a second run adds nothing)
 * @param overBudget      grants left out because the budget had no room for them
 */
public record GrantSummary(long granted, long grantedFen, long alreadyEntitled, long overBudget) {
}
