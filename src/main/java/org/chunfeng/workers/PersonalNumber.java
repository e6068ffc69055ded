package org.chunfeng.workers;

/** The personal numbers kept sealed in a worker's record, which a permitted user may reveal in full. */
public enum PersonalNumber {
	/** 公民身份号码. */
	ID_NUMBER,
	/** 手机号码. */
	MOBILE,
	/** 银行账号. */
	BANK_ACCOUNT
}
