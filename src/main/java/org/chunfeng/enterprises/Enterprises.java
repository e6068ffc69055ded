package org.chunfeng.enterprises;

import java.util.List;
import java.util.Optional;

import org.chunfeng.reference.CreditCode;
import org.chunfeng.reference.RegionCode;

/** The enterprise registry (用人单位名录). */
public interface Enterprises {

	/**
	 * Registers an enterprise.
	 *
	 * @throws DuplicateEnterpriseException if its credit code is already registered
	 * @throws org.chunfeng.platform.InvalidRequestException naming the field, for an unknown region or industry
	 */
	Enterprise register(NewEnterprise enterprise);

	/**
	 * Registers many enterprises in one transaction with batched statements, all or none (imports, demo data).
	 *
	 * @return the registered enterprises, in the order given
	 * @throws DuplicateEnterpriseException for the first credit code that is already registered or given twice
	 */
	List<Enterprise> registerAll(List<NewEnterprise> enterprises);

	Optional<Enterprise> find(long id);

	Optional<Enterprise> findByCreditCode(CreditCode creditCode);

	/** Figures of all enterprises. */
	EnterpriseFigures figures();

	/** Figures of the enterprises registered within a region (by code prefix, e.g. all of Suzhou for 320500). */
	EnterpriseFigures figures(RegionCode within);
}
