package org.chunfeng.payments;

/**
 * Where an entitlement stands. {@code DUE} (待发放) → {@code IN_BATCH} (a payment attempt is in a batch, not yet
 * answered by the bank) → {@code PAID} (已发放, final) or {@code FAILED} (发放失败: the bank gave a reason); a failed one
 * goes back to {@code DUE} only when finance reissues it, as a new attempt.
 */
public enum EntitlementStatus {
	DUE, IN_BATCH, PAID, FAILED
}
