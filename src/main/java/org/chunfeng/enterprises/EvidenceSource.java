package org.chunfeng.enterprises;

/** Where a year of insurance evidence came from. */
public enum EvidenceSource {
	/** 社保系统导入: the file from the social-insurance system, the authoritative source. */
	IMPORT,
	/** 企业填报. */
	ENTERPRISE,
	/** 经办人员录入. */
	CASEWORKER
}
