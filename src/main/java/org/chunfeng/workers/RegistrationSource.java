package org.chunfeng.workers;

/** How a worker came into the registry (登记来源). */
public enum RegistrationSource {
	/** 本人登记, e.g. on a phone. */
	SELF_REGISTERED,
	/** 专员代登记. */
	CASEWORKER,
	/** 批量导入. */
	IMPORT
}
