package org.chunfeng.subsidies.rules;

/** Who a program pays: an enterprise (用人单位) or a worker (劳动者). */
public enum Beneficiary {
	ENTERPRISE, WORKER
}
