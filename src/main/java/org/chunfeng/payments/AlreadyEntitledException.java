package org.chunfeng.payments;

import org.chunfeng.platform.RefusedException;

/** The payee already holds an entitlement for this program and period, or for one of the grant's exclusive claims. */
public class AlreadyEntitledException extends RefusedException {

	private static final long serialVersionUID = 1L;

	public AlreadyEntitledException(String period) {
		super("payments.entitlement.exists", period);
	}
}
