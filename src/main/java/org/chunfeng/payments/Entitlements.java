package org.chunfeng.payments;

import java.util.List;
import java.util.Optional;

/**
 * Entitlements (应发待遇): granted by the deciding module inside the transaction of its decision, so that a decision
 * and its entitlement commit or roll back together.
 */
public interface Entitlements {

	/**
	 * Grants one entitlement, drawing its amount from the budget atomically.
	 *
	 * @throws AlreadyEntitledException if the payee holds one for the program and period or for one of the claims
	 * @throws BudgetExceededException  if the budget of the program and region has no room for the amount
	 * @throws org.chunfeng.platform.RefusedException (code {@code payments.budget.missing}) if no budget is allotted
	 */
	Entitlement grant(EntitlementGrant grant);

	/**
	 * Grants many at once (the automatic refund run), in the order given, all drawing on budgets atomically: a grant
	 * the payee already holds is skipped, one past the budget is left out, and the rest are granted. Idempotent: a
	 * second call with the same grants adds nothing.
	 */
	GrantSummary grantAll(List<EntitlementGrant> grants);

	/** Inside the caller's region scope. */
	Optional<Entitlement> find(long id);

	/** The entitlements a decision made (by {@link EntitlementGrant#source()}), inside the caller's scope. */
	List<Entitlement> bySource(String source);
}
