package org.chunfeng.subsidies;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;

import org.chunfeng.platform.PageQuery;
import org.chunfeng.platform.Paged;

/**
 * Subsidy applications and their review, inside the caller's region scope and role: an enterprise user or a worker
 * applies for itself, a caseworker on behalf of an applicant of its region, a reviewer of each level the program
 * names decides its step, administrators and finance officers read. The final approval grants the entitlement
 * ({@code org.chunfeng.payments.Entitlements}) in the same transaction.
 */
public interface SubsidyApplications {

	/**
	 * The case and assessment an application with these facts would get now, without storing anything.
	 *
	 * @throws org.chunfeng.platform.InvalidFieldsException naming each fact that cannot be used
	 * @throws org.chunfeng.platform.RefusedException       if the program takes no application of this applicant
	 */
	CasePreview preview(long programId, Applicant applicant, CaseFacts facts);

	/** Applies: the case is built and frozen with its assessment; the first review step waits. */
	SubsidyApplication submit(long programId, Applicant applicant, CaseFacts facts);

	/** The applicant resubmits a returned application with edited facts: a new frozen case, from the first step. */
	SubsidyApplication resubmit(long applicationId, int version, CaseFacts facts);

	/**
	 * A reviewer decides the step waiting (naming the step and the version read). The last approval re-assesses the
	 * frozen case and grants the entitlement; if the budget has no room or the payee already holds it, nothing
	 * changes and the refusal says why.
	 *
	 * @throws org.chunfeng.platform.ConflictException if decided or changed since {@code version}
	 */
	SubsidyApplication decide(long applicationId, int step, int version, Decision decision, String reason);

	Optional<SubsidyApplication> find(long applicationId);

	Paged<SubsidyApplication> search(ApplicationQuery query, PageQuery page);

	/** Decisions and resubmissions, oldest first. */
	List<ApplicationDecision> history(long applicationId);

	/**
	 * Attaches evidence, read from {@code content} (at most the configured size; the type from the first bytes).
	 *
	 * @throws org.chunfeng.platform.InvalidRequestException naming {@code file} for a wrong type, an empty or too large
	 *         file, or one too many
	 */
	Evidence attach(long applicationId, String fileName, InputStream content);

	List<Evidence> evidence(long applicationId);

	/** Writes the content of one attachment to {@code out}; empty if not there for the caller. */
	Optional<Evidence> download(long applicationId, long evidenceId, OutputStream out);

	/** What the payments module says about the entitlements of an application: the status shown to the applicant. */
	List<org.chunfeng.payments.Entitlement> entitlements(long applicationId);
}
