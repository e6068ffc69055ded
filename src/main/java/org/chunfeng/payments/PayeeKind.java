package org.chunfeng.payments;

/** Who receives a payment: an enterprise (用人单位, to its basic account) or a worker (劳动者, to the subsidy account). */
public enum PayeeKind {
	ENTERPRISE, WORKER
}
