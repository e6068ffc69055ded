package org.chunfeng.fairs;

import java.util.List;
import java.util.Optional;

import org.chunfeng.platform.RefusedException;

/**
 * Booths at fairs (展位): requested for an enterprise with its published postings, decided by the fair's bureau
 * within the venue's capacity (the database refuses the booth one too many, also among concurrent confirmations).
 * Who may act for which enterprise is the caller's business.
 */
public interface Booths {

	/**
	 * Requests a booth at a published fair that is not over (or again, after a decline or withdrawal).
	 *
	 * @param postingIds published postings of the enterprise, shown at the booth
	 * @throws RefusedException if the enterprise has a booth requested or confirmed there, or the fair takes none
	 */
	Booth request(long fairId, long enterpriseId, List<Long> postingIds, String note);

	/**
	 * Sets the postings shown at a booth; a posting with intentions recorded stays.
	 *
	 * @throws org.chunfeng.platform.InvalidRequestException naming {@code postingIds} for a posting that is not a
	 *         published posting of the booth's enterprise
	 */
	Booth attach(long boothId, List<Long> postingIds);

	/**
	 * Confirms a requested booth (the fair's bureau).
	 *
	 * @throws RefusedException if the fair's booths are all taken, or the booth is not requested
	 */
	Booth confirm(long boothId);

	/** Declines a requested booth, with the reason (the fair's bureau). */
	Booth decline(long boothId, String reason);

	/** Withdraws a requested or confirmed booth (the enterprise): a confirmed one frees its place. */
	Booth withdraw(long boothId);

	Optional<Booth> find(long boothId);

	/** The booth of an enterprise at a fair, if it ever asked for one. */
	Optional<Booth> of(long fairId, long enterpriseId);

	/** The booths of a fair the caller may see, by enterprise name. */
	List<Booth> atFair(long fairId);

	/** The booths of an enterprise, the latest fair first. */
	List<Booth> ofEnterprise(long enterpriseId);
}
