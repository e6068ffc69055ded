package org.chunfeng.matching;

import java.util.function.Consumer;

import org.chunfeng.platform.PageQuery;
import org.chunfeng.platform.Paged;
import org.chunfeng.reference.RegionCode;

/**
 * The 131 tracker (131服务台账): for every worker in a key group (merged records left out), whether the 131 service
 * has been delivered: guidance (a session recorded), 3 jobs (three job leads held), training (a referral to a
 * training project). Aggregated in PostgreSQL; every read is bounded by the caller's region scope.
 */
public interface Service131 {

	/** The figures of a region (the caller's own when {@code null}), per child region. */
	Service131Coverage coverage(RegionCode within);

	/** One page of the key-group workers matching a filter, by district, name and id. */
	Paged<Service131Worker> workers(Service131Query query, PageQuery page);

	/** How many key-group workers match a filter. */
	long count(Service131Query query);

	/** Every key-group worker matching a filter, streamed in the order of {@link #workers} (exports). */
	void forEach(Service131Query query, Consumer<Service131Worker> action);

	/** One worker's 131 record (any worker: one without key groups has one too). */
	Service131Status status(long workerId);
}
