package org.chunfeng.platform;

/**
 * What an import of records keyed by a natural key (ID number, credit code) did. Importing the same rows again
 * changes nothing and counts them as unchanged.
 *
 * @param added     new records
 * @param updated   existing records whose data differed and were replaced
 * @param unchanged existing records that already held exactly these data
 */
public record UpsertCounts(int added, int updated, int unchanged) {

	public static final UpsertCounts NONE = new UpsertCounts(0, 0, 0);

	public UpsertCounts plus(UpsertCounts other) {
		return new UpsertCounts(added + other.added, updated + other.updated, unchanged + other.unchanged);
	}

	public int total() {
		return added + updated + unchanged;
	}
}
