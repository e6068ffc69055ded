package org.chunfeng.jobs.internal.board;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.chunfeng.jobs.JobKind;
import org.chunfeng.jobs.KeyGroupAccess;
import org.chunfeng.jobs.PostingStatus;
import org.chunfeng.jobs.Shift;
import org.chunfeng.reference.RegionCode;

/**
 * A posting as the board indexes it: the stored posting with the names a seeker types (occupation, places) already
 * looked up, so that the index needs nothing else and the benchmark can feed it generated postings.
 *
 * @param occupationNames the occupation's name, then its minor and middle groups' names
 * @param places          the workplace's province, prefecture and county, top first, as far as they exist
 * @param updatedAt       when the row last changed: with {@code version}, tells a change already followed
 */
record BoardPosting(long id, PostingStatus status, String title, String occupationCode, List<String> occupationNames,
		String description, List<String> skills, String enterpriseName, RegionCode workplaceRegion,
		List<String> places, int wageMin, int wageMax, int headcount, int hired, JobKind kind, Set<Shift> shifts,
		boolean meals, boolean housing, boolean throughFestival, KeyGroupAccess access, LocalDate endDate,
		Instant publishedAt, Instant updatedAt, int version) {

	/** Names of administrative groupings that no seeker types (市辖区, 省直辖县级行政区划). */
	private static final Set<String> GROUPINGS = Set.of("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划");

	/** Suffixes a seeker leaves out: 苏州 for 苏州市. Longest first. */
	private static final List<String> SUFFIXES = List.of("特别行政区", "自治区", "自治州", "自治县", "地区", "省", "市", "区",
			"县", "盟", "旗");

	boolean onBoard() {
		return status == PostingStatus.PUBLISHED;
	}

	int remaining() {
		return headcount - hired;
	}

	/** The place names worth indexing: groupings left out. */
	List<String> placeNames() {
		return places.stream().filter(name -> !GROUPINGS.contains(name)).toList();
	}

	/** How a seeker reads the workplace: 苏州市虎丘区, 北京市朝阳区 (the province only where it is all there is). */
	String workplaceName() {
		List<String> names = placeNames();
		if (names.size() > 1 && !names.getFirst().endsWith("市")) {
			names = names.subList(1, names.size());
		}
		return String.join("", names);
	}

	/** A place name and its short form (苏州市 and 苏州, 吴中区 and 吴中); the short form only if two characters remain. */
	static List<String> withShortForm(String name) {
		for (String suffix : SUFFIXES) {
			if (name.endsWith(suffix) && name.length() - suffix.length() >= 2) {
				return List.of(name, name.substring(0, name.length() - suffix.length()));
			}
		}
		return List.of(name);
	}
}
