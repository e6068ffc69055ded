/**
 * The automatic job-stabilising refund (稳岗返还 免申即享): a background run (db-scheduler, cluster-safe, resumable)
 * assesses every enterprise with insurance evidence of an open automatic refund program's region under the program's
 * rules, grants the eligible ones their entitlements through {@link org.chunfeng.payments.Entitlements#grantAll} and
 * starts a payment batch; its page and API, and {@code bench payments}.
 */
package org.chunfeng.subsidies.internal.automatic;
