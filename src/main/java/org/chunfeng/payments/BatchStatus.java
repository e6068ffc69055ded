package org.chunfeng.payments;

/**
 * A payment batch (发放批次): {@code BUILDING} (a background task is filling it) → {@code READY} (its bank file may be
 * exported) → {@code SENT} (finance marked the file sent to the bank) → {@code RECONCILED} (the bank's result file
 * answered every payment, count and sum agree).
 */
public enum BatchStatus {
	BUILDING, READY, SENT, RECONCILED
}
