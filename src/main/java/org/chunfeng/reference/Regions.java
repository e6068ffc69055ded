package org.chunfeng.reference;

import java.util.List;
import java.util.Optional;

import org.chunfeng.platform.PageQuery;
import org.chunfeng.platform.Paged;

/** The current GB/T 2260 divisions. */
public interface Regions {

	Optional<Region> find(RegionCode code);

	/** The divisions directly below {@code parent}, or the provinces when {@code parent} is null; by code. */
	List<Region> children(RegionCode parent);

	/** The county-level divisions within a region (itself, if it is one), by code: what a record may be placed in. */
	List<Region> counties(RegionCode within);

	/** Province, prefecture and county of a code, as far as they exist; empty for an unknown code. */
	List<Region> path(RegionCode code);

	/**
	 * Divisions whose name contains {@code text} or whose code starts with it, optionally of one level and inside
	 * {@code within}; ordered by code.
	 */
	Paged<Region> search(String text, RegionCode.Level level, RegionCode within, PageQuery page);

	/** Counts per level, for the overview. */
	java.util.Map<RegionCode.Level, Long> countByLevel();
}
