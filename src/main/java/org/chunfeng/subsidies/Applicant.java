package org.chunfeng.subsidies;

import org.chunfeng.subsidies.rules.Beneficiary;

/**
 * Who applies (and is paid): an enterprise or a worker of the registries.
 *
 * @param id the registry record's id
 */
public record Applicant(Beneficiary kind, long id) {

	public Applicant {
		if (kind == null) {
			throw new IllegalArgumentException("kind");
		}
	}

	public static Applicant enterprise(long id) {
		return new Applicant(Beneficiary.ENTERPRISE, id);
	}

	public static Applicant worker(long id) {
		return new Applicant(Beneficiary.WORKER, id);
	}
}
