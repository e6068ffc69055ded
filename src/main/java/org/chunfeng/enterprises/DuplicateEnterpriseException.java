package org.chunfeng.enterprises;

import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.reference.CreditCode;

/** An enterprise with this credit code (统一社会信用代码) is already registered: answered as a bad field. */
public class DuplicateEnterpriseException extends InvalidRequestException {

	private static final long serialVersionUID = 1L;

	private final transient CreditCode creditCode;

	public DuplicateEnterpriseException(CreditCode creditCode) {
		super("creditCode", "enterprise.creditCode.duplicate", creditCode.value());
		this.creditCode = creditCode;
	}

	public CreditCode creditCode() {
		return creditCode;
	}
}
