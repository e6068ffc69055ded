/**
 * Payments: what approved decisions entitle a beneficiary to (应发待遇), the budgets they draw on, the payment batches
 * finance builds from them, the bank transfer files, and the reconciliation of the bank's results. Anything that pays
 * is guarded by the database (unique keys, checks, row locks) as well as here: a retry, a second instance or a crash
 * never pays twice, never pays past a budget.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Payments")
package org.chunfeng.payments;
