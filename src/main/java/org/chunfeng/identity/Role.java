package org.chunfeng.identity;

/** What an account is for; its region scope says where. */
public enum Role {
	/** City or county administrator (市/县人社局管理员): campaigns, accounts, the audit log in its region. */
	ADMINISTRATOR,
	/** Caseworker (就业服务专员): registers and serves workers and enterprises. */
	CASEWORKER,
	/** Reviewer / approver (审核人员) of subsidy applications. */
	REVIEWER,
	/** Finance officer (财务人员): payment batches and bank files. */
	FINANCE_OFFICER,
	/** An enterprise's own user (用人单位). */
	ENTERPRISE_USER,
	/** A worker (劳动者) using the phone pages. */
	WORKER,
	/** A partner agency's viewer (协作部门): aggregates of its own data categories only, never a person. */
	AGENCY_VIEWER;

	/** Roles that may see records of individual people and enterprises in their region. */
	public boolean seesPersonalRecords() {
		return this == ADMINISTRATOR || this == CASEWORKER || this == REVIEWER || this == FINANCE_OFFICER;
	}
}
