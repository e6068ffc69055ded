package org.chunfeng.enterprises;

import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.reference.CreditCode;

/** An enterprise with this credit code (统一社会信用代码) is already registered: answered as a bad field. */
public class DuplicateEnterpriseException extends InvalidRequestException {

	private static final long serialVersionUID = 1L;

	private final transient CreditCode creditCode;
	private final Long existingId;

	public DuplicateEnterpriseException(CreditCode creditCode) {
		this(creditCode, null);
	}

	/** @param existingId the registered record, when the caller may see it (inside the caller's region) */
	public DuplicateEnterpriseException(CreditCode creditCode, Long existingId) {
		super("creditCode", "enterprise.creditCode.duplicate", creditCode.value());
		this.creditCode = creditCode;
		this.existingId = existingId;
	}

	public CreditCode creditCode() {
		return creditCode;
	}

	/** The registered record with this credit code, if the caller may see it. */
	public Long existingId() {
		return existingId;
	}
}
