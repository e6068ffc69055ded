package org.chunfeng.matching.internal.engine;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;


/**
 * Open postings in memory, arranged so that a seeker's 3 best postings are found exactly without scoring them all.
 * <p>
 * Every posting is filed in 16 lists: by its occupation at four levels (code, minor group, middle group, any) times
 * its workplace at four (county, prefecture, province, anywhere). For a seeker, the pairs of lists that concern it
 * (its occupations × its anchors and preferred regions) are visited in the order of the most the pair can give
 * (occupation points + place points); a pair is not visited once the third best found beats that plus the most the
 * seeker can gain from the other parts. Inside a list the postings are kept in blocks of {@value #BLOCK} (and groups of
 * {@value #GROUP} blocks) that record their highest wage, latest start, flags, and their skills and industries as bit
 * masks; groups and then blocks are taken the most promising first, and a run that cannot beat the third best is
 * passed over unread. Alike postings (flags, then skill set, industry, wage) are kept together so that these
 * summaries stay tight, and each list numbers its own skills and industries (when it has at most 64 and 32 of them)
 * so that a mask counts skills in common exactly. Scores are whole numbers, ties go to the lower posting id, so the
 * result is the same as scoring every posting ({@link Scoring}) and as the SQL baseline.
 * <p>
 * Immutable once built; searches from many threads each use their own {@link Search}.
 */
public final class PostingIndex {

	static final int BLOCK = 8;
	static final int GROUP = 16;
	static final byte RESERVED = 1;
	static final byte THROUGH_FESTIVAL = 2;
	private static final int NONE = -2;

	final Weights weights;
	final int size;
	final long[] ids;
	final PostingFacts[] facts;

	// per posting, in id order
	final int[] occupation;
	final int[] minor;
	final int[] middle;
	final int[] county;
	final int[] prefecture;
	final int[] province;
	final int[] wageMax;
	final int[] startDay;
	final byte[] flags;
	final int[] skillFrom;
	final int[] skills;
	final int[] industryFrom;
	final int[] industries;
	/**
	 * The facts of each list member packed into {@link #STRIDE} ints ({@code ROW_*} offsets) in list order: a posting is copied
	 * into every list it is filed in, so that scoring a block reads memory in sequence. Random reads of a posting
	 * (a cache miss each, ~100 ns) would cost more than all the rest of the search.
	 */
	final int[] rows;
	static final int STRIDE = 19;
	static final int ROW_OCCUPATION = 0;
	static final int ROW_MINOR = 1;
	static final int ROW_MIDDLE = 2;
	static final int ROW_COUNTY = 3;
	static final int ROW_PREFECTURE = 4;
	static final int ROW_PROVINCE = 5;
	/** flags | skill count << 8 | industry count << 16 */
	static final int ROW_FLAGS = 6;
	/** where the skills start in {@link #skills}, for postings with more than {@link #INLINE_SKILLS} */
	static final int ROW_SKILL_FROM = 7;
	static final int ROW_SKILLS = 8;
	static final int INLINE_SKILLS = 7;
	static final int ROW_INDUSTRIES = 15;
	static final int INLINE_INDUSTRIES = 4;

	final Map<String, Integer> occupationIds = new HashMap<>();
	final Map<String, Integer> minorIds = new HashMap<>();
	final Map<String, Integer> middleIds = new HashMap<>();
	final Map<String, Integer> countyIds = new HashMap<>();
	final Map<String, Integer> prefectureIds = new HashMap<>();
	final Map<String, Integer> provinceIds = new HashMap<>();
	final Map<String, Integer> skillIds = new HashMap<>();
	final Map<String, Integer> industryIds = new HashMap<>();

	// list directory: cell = occupationKey * regionKeys + regionKey
	final int occupationKeys;
	final int regionKeys;
	final int[] cells;
	final int[] listFrom;
	final int[] listBlockFrom;
	final int[] listGroupFrom;
	final int[] members;

	/**
	 * Skills and industries get bit positions of their own in each list (the list's most frequent ones, sorted by
	 * id; the rest share the last bit), so that row and summary masks are exact where a list has few of them.
	 */
	/**
	 * What the rest of a member's score (beyond occupation and place) depends on, 3 longs to a member in list order:
	 * skill mask; wage &lt;&lt; 32 | industry mask; start day &lt;&lt; 32 | flags. Rating a block reads these 24 bytes a
	 * member instead of its whole row.
	 */
	final long[] rates;
	static final int RATE_STRIDE = 3;
	final boolean[] hashedSkills;
	final boolean[] hashedIndustries;
	final int[] listSkillFrom;
	final int[] listSkills;
	final int[] listIndustryFrom;
	final int[] listIndustries;

	// block and group summaries
	final Summary blocks;
	final Summary groups;

	/**
	 * What a run of postings (a block or a group) can give at most, packed 4 longs to a run so that checking one reads
	 * one cache line: highest wage and latest start, lowest index and flags (any, all), skills and industries as bit
	 * masks.
	 */
	static final class Summary {

		private final long[] data;
		private final int count;

		Summary(int count) {
			this.count = count;
			data = new long[count * 4];
		}

		int count() {
			return count;
		}

		int maxWage(int at) {
			return (int) (data[at << 2] >> 32);
		}

		int maxStart(int at) {
			return (int) data[at << 2];
		}

		int minIndex(int at) {
			return (int) (data[(at << 2) + 1] >> 32);
		}

		int anyFlags(int at) {
			return (int) data[(at << 2) + 1] & 0xFF;
		}

		int allFlags(int at) {
			return ((int) data[(at << 2) + 1] >> 8) & 0xFF;
		}

		long skillMask(int at) {
			return data[(at << 2) + 2];
		}

		long industryMask(int at) {
			return data[(at << 2) + 3];
		}

		void clear(int at) {
			set(at, Integer.MIN_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE, 0, 0xFF, 0, 0);
		}

		void add(int at, int wage, int start, int index, int flags, long skills, long industries) {
			set(at, Math.max(maxWage(at), wage), Math.max(maxStart(at), start), Math.min(minIndex(at), index),
					anyFlags(at) | flags, allFlags(at) & flags, skillMask(at) | skills, industryMask(at) | industries);
		}

		/** Adds run {@code otherAt} of {@code other} to run {@code at}. */
		void merge(int at, Summary other, int otherAt) {
			set(at, Math.max(maxWage(at), other.maxWage(otherAt)), Math.max(maxStart(at), other.maxStart(otherAt)),
					Math.min(minIndex(at), other.minIndex(otherAt)), anyFlags(at) | other.anyFlags(otherAt),
					allFlags(at) & other.allFlags(otherAt), skillMask(at) | other.skillMask(otherAt),
					industryMask(at) | other.industryMask(otherAt));
		}

		private void set(int at, int wage, int start, int index, int any, int all, long skills, long industries) {
			data[at << 2] = (long) wage << 32 | (start & 0xFFFFFFFFL);
			data[(at << 2) + 1] = (long) index << 32 | (all & 0xFF) << 8 | (any & 0xFF);
			data[(at << 2) + 2] = skills;
			data[(at << 2) + 3] = industries;
		}
	}

	public PostingIndex(List<PostingFacts> postings, Weights weights) {
		this.weights = weights;
		if (postings.size() >= 1 << 28) {
			throw new IllegalArgumentException("at most 2^28 postings");
		}
		if (weights.skillCap() + weights.wageFull() + weights.industry() + weights.keyGroup()
				+ weights.festival() > Search.RANK_TOP) {
			throw new IllegalArgumentException("the weights beyond occupation and place add up to more than "
					+ Search.RANK_TOP);
		}
		this.facts = postings.toArray(PostingFacts[]::new);
		Arrays.sort(facts, Comparator.comparingLong(PostingFacts::id));
		this.size = facts.length;
		ids = new long[size];
		occupation = new int[size];
		minor = new int[size];
		middle = new int[size];
		county = new int[size];
		prefecture = new int[size];
		province = new int[size];
		wageMax = new int[size];
		startDay = new int[size];
		flags = new byte[size];
		skillFrom = new int[size + 1];
		industryFrom = new int[size + 1];
		int skillCount = 0;
		int industryCount = 0;
		for (PostingFacts posting : facts) {
			skillCount += posting.skills().size();
			industryCount += posting.industryPath().size();
		}
		skills = new int[skillCount];
		industries = new int[industryCount];
		int skillAt = 0;
		int industryAt = 0;
		for (int i = 0; i < size; i++) {
			PostingFacts posting = facts[i];
			if (i > 0 && posting.id() == ids[i - 1]) {
				throw new IllegalArgumentException("posting " + posting.id() + " given twice");
			}
			ids[i] = posting.id();
			String code = posting.occupation();
			occupation[i] = intern(occupationIds, code);
			minor[i] = code.length() >= 7 ? intern(minorIds, code.substring(0, 7)) : NONE;
			middle[i] = code.length() >= 4 ? intern(middleIds, code.substring(0, 4)) : NONE;
			String workplace = posting.workplace();
			county[i] = intern(countyIds, workplace);
			prefecture[i] = intern(prefectureIds, workplace.substring(0, 4));
			province[i] = intern(provinceIds, workplace.substring(0, 2));
			wageMax[i] = posting.wageMax();
			startDay[i] = (int) posting.startDate().toEpochDay();
			flags[i] = (byte) ((posting.reserved() ? RESERVED : 0) | (posting.throughFestival() ? THROUGH_FESTIVAL : 0));
			skillFrom[i] = skillAt;
			for (String skill : posting.skills()) {
				int id = intern(skillIds, skill);
				skills[skillAt++] = id;
			}
			industryFrom[i] = industryAt;
			for (String industry : posting.industryPath()) {
				int id = intern(industryIds, industry);
				industries[industryAt++] = id;
			}
		}
		skillFrom[size] = skillAt;
		industryFrom[size] = industryAt;
		int[] postingRows = new int[size * STRIDE];
		for (int i = 0; i < size; i++) {
			int r = i * STRIDE;
			int postingSkills = skillFrom[i + 1] - skillFrom[i];
			int postingIndustries = industryFrom[i + 1] - industryFrom[i];
			if (postingIndustries > INLINE_INDUSTRIES) {
				throw new IllegalArgumentException("posting " + ids[i] + ": an industry path has at most 4 levels");
			}
			postingRows[r + ROW_OCCUPATION] = occupation[i];
			postingRows[r + ROW_MINOR] = minor[i];
			postingRows[r + ROW_MIDDLE] = middle[i];
			postingRows[r + ROW_COUNTY] = county[i];
			postingRows[r + ROW_PREFECTURE] = prefecture[i];
			postingRows[r + ROW_PROVINCE] = province[i];
			postingRows[r + ROW_FLAGS] = flags[i] | postingSkills << 8 | postingIndustries << 16;
			postingRows[r + ROW_SKILL_FROM] = skillFrom[i];
			System.arraycopy(skills, skillFrom[i], postingRows, r + ROW_SKILLS, Math.min(postingSkills, INLINE_SKILLS));
			System.arraycopy(industries, industryFrom[i], postingRows, r + ROW_INDUSTRIES, postingIndustries);
		}

		occupationKeys = occupationIds.size() + minorIds.size() + middleIds.size() + 1;
		regionKeys = countyIds.size() + prefectureIds.size() + provinceIds.size() + 1;
		cells = new int[Math.multiplyExact(occupationKeys, regionKeys)];

		// the order inside every list: alike postings together, so that block summaries stay tight
		Integer[] boxed = new Integer[size];
		for (int i = 0; i < size; i++) {
			boxed[i] = i;
		}
		int[] sortedSkills = skills.clone();
		for (int i = 0; i < size; i++) {
			Arrays.sort(sortedSkills, skillFrom[i], skillFrom[i + 1]);
		}
		Comparator<Integer> bySkills = (a, b) -> Arrays.compare(sortedSkills, skillFrom[a], skillFrom[a + 1], sortedSkills,
				skillFrom[b], skillFrom[b + 1]);
		Arrays.sort(boxed, Comparator.<Integer>comparingInt(i -> flags[i])
			.thenComparing(bySkills)
			.thenComparingInt(i -> industryFrom[i + 1] > industryFrom[i] ? industries[industryFrom[i + 1] - 1] : -1)
			.thenComparingInt(i -> -wageMax[i])
			.thenComparingInt(i -> i));

		int[] count = new int[cells.length];
		int[] keys = new int[16];
		for (int i = 0; i < size; i++) {
			int filed = fileKeys(i, keys);
			for (int k = 0; k < filed; k++) {
				count[keys[k]]++;
			}
		}
		int lists = 0;
		for (int c = 0; c < cells.length; c++) {
			cells[c] = count[c] > 0 ? lists++ : -1;
		}
		listFrom = new int[lists + 1];
		listBlockFrom = new int[lists + 1];
		listGroupFrom = new int[lists + 1];
		for (int c = 0; c < cells.length; c++) {
			int list = cells[c];
			if (list >= 0) {
				int blocksOf = (count[c] + BLOCK - 1) / BLOCK;
				listFrom[list + 1] = listFrom[list] + count[c];
				listBlockFrom[list + 1] = listBlockFrom[list] + blocksOf;
				listGroupFrom[list + 1] = listGroupFrom[list] + (blocksOf + GROUP - 1) / GROUP;
			}
		}
		for (int list = 0; list < lists; list++) {
			if (listGroupFrom[list + 1] - listGroupFrom[list] >= 1 << 20) {
				throw new IllegalArgumentException("a list of more than 2^27 postings");
			}
		}
		members = new int[listFrom[lists]];
		int[] fill = Arrays.copyOf(listFrom, lists);
		for (Integer boxedIndex : boxed) {
			int i = boxedIndex;
			int filed = fileKeys(i, keys);
			for (int k = 0; k < filed; k++) {
				members[fill[cells[keys[k]]]++] = i;
			}
		}
		rows = new int[Math.multiplyExact(members.length, STRIDE)];
		for (int m = 0; m < members.length; m++) {
			System.arraycopy(postingRows, members[m] * STRIDE, rows, m * STRIDE, STRIDE);
		}
		blocks = new Summary(listBlockFrom[lists]);
		groups = new Summary(listGroupFrom[lists]);
		rates = new long[Math.multiplyExact(members.length, RATE_STRIDE)];
		hashedSkills = new boolean[lists];
		hashedIndustries = new boolean[lists];
		listSkillFrom = new int[lists + 1];
		listIndustryFrom = new int[lists + 1];
		int[] skillCounts = new int[skillIds.size()];
		int[] industryCounts = new int[industryIds.size()];
		int[] skillBit = new int[skillIds.size()];
		int[] industryBit = new int[industryIds.size()];
		Arrays.fill(skillBit, -1);
		Arrays.fill(industryBit, -1);
		int[] touchedSkills = new int[skillIds.size()];
		int[] touchedIndustries = new int[industryIds.size()];
		int[] localSkills = new int[Math.max(16, lists * 8)];
		int[] localIndustries = new int[Math.max(16, lists * 8)];
		for (int list = 0; list < lists; list++) {
			int touchedSkillCount = 0;
			int touchedIndustryCount = 0;
			for (int m = listFrom[list]; m < listFrom[list + 1]; m++) {
				int i = members[m];
				for (int k = skillFrom[i]; k < skillFrom[i + 1]; k++) {
					if (skillCounts[skills[k]]++ == 0) {
						touchedSkills[touchedSkillCount++] = skills[k];
					}
				}
				for (int k = industryFrom[i]; k < industryFrom[i + 1]; k++) {
					if (industryCounts[industries[k]]++ == 0) {
						touchedIndustries[touchedIndustryCount++] = industries[k];
					}
				}
			}
			int[] keptSkills = touchedSkillCount <= 64 ? sorted(touchedSkills, touchedSkillCount) : new int[0];
			int[] keptIndustries = touchedIndustryCount <= 32 ? sorted(touchedIndustries, touchedIndustryCount)
					: new int[0];
			hashedSkills[list] = touchedSkillCount > 64;
			hashedIndustries[list] = touchedIndustryCount > 32;
			localSkills = ensure(localSkills, listSkillFrom[list] + keptSkills.length);
			localIndustries = ensure(localIndustries, listIndustryFrom[list] + keptIndustries.length);
			for (int k = 0; k < keptSkills.length; k++) {
				localSkills[listSkillFrom[list] + k] = keptSkills[k];
				skillBit[keptSkills[k]] = k;
			}
			for (int k = 0; k < keptIndustries.length; k++) {
				localIndustries[listIndustryFrom[list] + k] = keptIndustries[k];
				industryBit[keptIndustries[k]] = k;
			}
			listSkillFrom[list + 1] = listSkillFrom[list] + keptSkills.length;
			listIndustryFrom[list + 1] = listIndustryFrom[list] + keptIndustries.length;
			for (int m = listFrom[list]; m < listFrom[list + 1]; m++) {
				int i = members[m];
				long skillLocal = 0;
				for (int k = skillFrom[i]; k < skillFrom[i + 1]; k++) {
					int b = hashedSkills[list] ? skills[k] & 63 : skillBit[skills[k]];
					skillLocal |= 1L << b;
				}
				int industryLocal = 0;
				for (int k = industryFrom[i]; k < industryFrom[i + 1]; k++) {
					int b = hashedIndustries[list] ? industries[k] & 31 : industryBit[industries[k]];
					industryLocal |= 1 << b;
				}
				int r = m * STRIDE;
				rates[m * RATE_STRIDE] = skillLocal;
				rates[m * RATE_STRIDE + 1] = (long) wageMax[i] << 32 | (industryLocal & 0xFFFFFFFFL);
				rates[m * RATE_STRIDE + 2] = (long) startDay[i] << 32 | rows[r + ROW_FLAGS] & 0xFFFFFFFFL;
				int block = listBlockFrom[list] + (m - listFrom[list]) / BLOCK;
				int group = listGroupFrom[list] + (block - listBlockFrom[list]) / GROUP;
				if ((m - listFrom[list]) % BLOCK == 0) {
					blocks.clear(block);
				}
				if ((m - listFrom[list]) % (BLOCK * GROUP) == 0) {
					groups.clear(group);
				}
				blocks.add(block, wageMax[i], startDay[i], i, flags[i], skillLocal, industryLocal & 0xFFFFFFFFL);
				groups.add(group, wageMax[i], startDay[i], i, flags[i], skillLocal, industryLocal & 0xFFFFFFFFL);
			}
			for (int k = 0; k < touchedSkillCount; k++) {
				skillCounts[touchedSkills[k]] = 0;
				skillBit[touchedSkills[k]] = -1;
			}
			for (int k = 0; k < touchedIndustryCount; k++) {
				industryCounts[touchedIndustries[k]] = 0;
				industryBit[touchedIndustries[k]] = -1;
			}
		}
		listSkills = Arrays.copyOf(localSkills, listSkillFrom[lists]);
		listIndustries = Arrays.copyOf(localIndustries, listIndustryFrom[lists]);
	}

	private static int[] sorted(int[] ids, int count) {
		int[] sorted = Arrays.copyOf(ids, count);
		Arrays.sort(sorted);
		return sorted;
	}

	private static int[] ensure(int[] array, int length) {
		return array.length >= length ? array : Arrays.copyOf(array, Math.max(length, array.length * 2));
	}

	/**
	 * The lists a posting is filed in (16, fewer when its occupation code has no minor or middle group), into
	 * {@code keys}; returns how many.
	 */
	private int fileKeys(int i, int[] keys) {
		int[] occupationKey = { occupation[i], minor[i] == NONE ? -1 : occupationIds.size() + minor[i],
				middle[i] == NONE ? -1 : occupationIds.size() + minorIds.size() + middle[i], occupationKeys - 1 };
		int[] regionKey = { county[i], countyIds.size() + prefecture[i],
				countyIds.size() + prefectureIds.size() + province[i], regionKeys - 1 };
		int k = 0;
		for (int o : occupationKey) {
			if (o >= 0) {
				for (int r : regionKey) {
					keys[k++] = o * regionKeys + r;
				}
			}
		}
		return k;
	}

	private static int intern(Map<String, Integer> dictionary, String value) {
		return dictionary.computeIfAbsent(value, v -> dictionary.size());
	}

	public int size() {
		return size;
	}

	/** How many lists the postings are filed in. */
	public int lists() {
		return listFrom.length - 1;
	}

	public long id(int index) {
		return ids[index];
	}

	public PostingFacts facts(int index) {
		return facts[index];
	}

	/** The position of a posting in id order, or -1. */
	public int indexOf(long postingId) {
		int at = Arrays.binarySearch(ids, postingId);
		return at < 0 ? -1 : at;
	}

	/** A searcher for one thread. */
	public Search search() {
		return new Search(this);
	}
}
