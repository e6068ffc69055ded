package org.chunfeng.enterprises;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.chunfeng.platform.PageQuery;
import org.chunfeng.platform.Paged;
import org.chunfeng.platform.UpsertCounts;
import org.chunfeng.reference.CreditCode;
import org.chunfeng.reference.RegionCode;

/**
 * The enterprise registry (用人单位名录). Every read and write is bounded by the caller's region scope in the
 * database.
 */
public interface Enterprises {

	/**
	 * Registers an enterprise.
	 *
	 * @throws DuplicateEnterpriseException if its credit code is already registered
	 * @throws org.chunfeng.platform.InvalidRequestException naming the field, for an unknown region or industry
	 */
	Enterprise register(NewEnterprise enterprise);

	/**
	 * Registers many enterprises in one transaction with batched statements, all or none (demo data).
	 *
	 * @return the registered enterprises, in the order given
	 * @throws DuplicateEnterpriseException for the first credit code that is already registered or given twice
	 */
	List<Enterprise> registerAll(List<NewEnterprise> enterprises);

	/**
	 * Adds or updates enterprises by credit code in the caller's transaction (imports); a row equal to the stored
	 * record changes nothing.
	 */
	UpsertCounts upsertAll(List<NewEnterprise> enterprises);

	/** Which of these credit codes are registered outside the caller's region (an import reports those rows). */
	Set<CreditCode> registeredElsewhere(List<CreditCode> codes);

	Optional<Enterprise> find(long id);

	Optional<Enterprise> findByCreditCode(CreditCode creditCode);

	/** One page of the records matching a filter, by name; merged records are left out. */
	Paged<Enterprise> search(EnterpriseQuery query, PageQuery page);

	/** Every record matching a filter, streamed in name order (exports). */
	void forEach(EnterpriseQuery query, Consumer<Enterprise> action);

	/**
	 * Changes a record, based on the version the user saw (optimistic locking). The credit code cannot change.
	 *
	 * @throws org.chunfeng.platform.ConflictException if somebody saved the record since {@code version}
	 * @throws org.chunfeng.platform.NotFoundException if there is no such record in the caller's region
	 */
	Enterprise update(long id, int version, NewEnterprise data);

	/**
	 * Sets (or, with {@code null}, removes) the enterprise's basic account, where its subsidies are paid. Audited.
	 *
	 * @throws org.chunfeng.platform.NotFoundException if there is no such record in the caller's region
	 */
	void setBankAccount(long id, BasicAccount account);

	/** The basic accounts of these enterprises that have one (those inside the caller's region scope). */
	java.util.Map<Long, BasicAccount> bankAccounts(java.util.Collection<Long> ids);

	/**
	 * Merges a duplicate record into the one to keep: its workers, contacts and the insurance years the kept record
	 * lacks follow; the duplicate stays, read-only, marked as merged. Audited.
	 */
	Enterprise merge(long keepId, long duplicateId);

	/** Records merged into this one. */
	List<Enterprise> mergedInto(long enterpriseId);

	List<Contact> contacts(long enterpriseId);

	Contact addContact(long enterpriseId, NewContact contact);

	void removeContact(long enterpriseId, long contactId);

	/** The insurance evidence of an enterprise, the latest year first. */
	List<InsuranceYear> insurance(long enterpriseId);

	/**
	 * Records (or replaces) one year of evidence.
	 *
	 * @throws org.chunfeng.platform.InvalidRequestException naming {@code year} if the enterprise itself would
	 *         replace a year from the social-insurance file ({@link EvidenceSource#IMPORT} is authoritative)
	 */
	InsuranceYear recordInsurance(long enterpriseId, InsuranceYear year);

	/**
	 * Adds or replaces evidence rows by credit code and year (the social-insurance file); equal rows change nothing.
	 *
	 * @throws org.chunfeng.platform.InvalidRequestException if a credit code is not registered in the caller's region
	 */
	UpsertCounts upsertInsurance(List<InsuranceEvidence> rows);

	/** Figures of all enterprises. */
	EnterpriseFigures figures();

	/** Figures of the enterprises registered within a region (by code prefix, e.g. all of Suzhou for 320500). */
	EnterpriseFigures figures(RegionCode within);

	/**
	 * Every enterprise registered within a region (not merged) that has insurance evidence in
	 * {@code fromYear..toYear}, with that evidence, in id order and streamed in one query: memory stays flat for a
	 * million enterprises. Bounded by the caller's region scope too. Call it outside a transaction or inside a
	 * read-only one of its own; {@code action} runs while the query is open.
	 *
	 * @param afterId only enterprises with a larger id (0 for all): a run that stopped resumes where it was
	 */
	void forEachInsured(RegionCode within, int fromYear, int toYear, long afterId, Consumer<InsuredEnterprise> action);
}
