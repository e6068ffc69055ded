package org.chunfeng.imports.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.chunfeng.enterprises.Enterprise;
import org.chunfeng.enterprises.Enterprises;
import org.chunfeng.reference.CreditCode;
import org.chunfeng.reference.Industries;
import org.chunfeng.reference.Occupations;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.reference.Regions;

/**
 * Code checks for one import, remembered for its duration: a file of 100,000 rows names the same few hundred
 * regions, occupations and employers again and again.
 */
final class CodeLookups {

	private final Regions regions;
	private final Occupations occupations;
	private final Industries industries;
	private final Enterprises enterprises;
	private final Map<String, Boolean> knownRegions = new HashMap<>();
	private final Map<String, Boolean> knownOccupations = new HashMap<>();
	private final Map<String, Boolean> knownIndustries = new HashMap<>();
	private final Map<String, Optional<Long>> employers = new HashMap<>();

	CodeLookups(Regions regions, Occupations occupations, Industries industries, Enterprises enterprises) {
		this.regions = regions;
		this.occupations = occupations;
		this.industries = industries;
		this.enterprises = enterprises;
	}

	boolean region(RegionCode code) {
		return knownRegions.computeIfAbsent(code.value(), c -> regions.find(code).isPresent());
	}

	boolean occupation(String code) {
		return knownOccupations.computeIfAbsent(code, c -> occupations.find(c).isPresent());
	}

	boolean industry(String code) {
		return knownIndustries.computeIfAbsent(code, c -> industries.find(c).isPresent());
	}

	/** The registered enterprise with this code inside the uploader's region (a merged one's kept record). */
	Optional<Long> employer(CreditCode code) {
		return employers.computeIfAbsent(code.value(), c -> enterprises.findByCreditCode(code)
			.map(e -> e.mergedInto() != null ? e.mergedInto() : e.id()));
	}

	static Optional<Long> id(Optional<Enterprise> enterprise) {
		return enterprise.map(Enterprise::id);
	}
}
