package org.chunfeng.identity;

import org.chunfeng.reference.RegionCode;

/**
 * The append-only audit log (审计日志): every write and every reveal of a personal number. The database refuses to
 * change or delete an entry.
 */
public interface Audit {

	/**
	 * Records an action of the current actor (or of the system).
	 *
	 * @param recordType e.g. {@code worker}
	 * @param before     the record before the change (serialised to JSON), or null
	 * @param after      the record after the change, or null
	 */
	void record(String action, String recordType, String recordId, RegionCode region, Object before, Object after);

	/** Records many writes of one kind at once (a batch registration), one entry per record. */
	void recordAll(String action, String recordType, java.util.List<Entry> entries);

	/**
	 * One record of a batch.
	 *
	 * @param after what was written; personal numbers only masked
	 */
	record Entry(String recordId, RegionCode region, Object after) {
	}
}
