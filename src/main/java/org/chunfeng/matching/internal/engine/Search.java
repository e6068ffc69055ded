package org.chunfeng.matching.internal.engine;

import java.util.List;

import org.chunfeng.workers.FestivalPlan;

/**
 * Finds a seeker's 3 best postings in a {@link PostingIndex}; one per thread, reused from seeker to seeker (it keeps
 * its scratch arrays). Optionally also the 3 best among postings that still have room in a run ({@link Capacity}),
 * in the same pass.
 */
public final class Search {

	/**
	 * Which postings may still be recommended in a run, with summaries by list, group and block of the index so that
	 * runs of full postings are passed over unread.
	 */
	public interface Capacity {

		boolean available(int index);

		/** Whether some posting of the list may still have room. */
		default boolean listOpen(int list) {
			return true;
		}

		default boolean groupOpen(int group) {
			return true;
		}

		default boolean blockOpen(int block) {
			return true;
		}

		/**
		 * Whether the posting at member position {@code m} of the index may still have room: read from memory laid
		 * out like the members, so that passing over full postings costs no look-up by posting. A hint; {@link
		 * #available} decides.
		 */
		default boolean memberOpen(int m) {
			return true;
		}

		/** Summaries of the blocks of the index over the postings with room only, or null. */
		default PostingIndex.Summary openBlocks() {
			return null;
		}

		/** Summaries of the groups of the index over the postings with room only, or null. */
		default PostingIndex.Summary openGroups() {
			return null;
		}
	}

	private static final int PLAN_NONE = 0;
	private static final int PLAN_STAYING = 1;
	private static final int PLAN_RETURNING = 2;
	private static final int MAX_OCCUPATIONS = 8;
	private static final int MAX_PLACES = 24;

	private final PostingIndex index;
	private final Weights w;

	// the compiled seeker
	private final int[] occupation = new int[MAX_OCCUPATIONS];
	private final int[] minor = new int[MAX_OCCUPATIONS];
	private final int[] middle = new int[MAX_OCCUPATIONS];
	private int occupations;
	private final int[] anchorCounty = new int[2];
	private final int[] anchorPrefecture = new int[2];
	private final int[] anchorProvince = new int[2];
	private int anchors;
	private final int[] preferredLevel = new int[MAX_PLACES];
	private final int[] preferredId = new int[MAX_PLACES];
	private int preferred;
	private int[] skills = new int[32];
	private int skillCount;
	private int[] industries = new int[16];
	private int industryCount;
	private int expectedWage;
	private boolean keyGroup;
	private int plan;
	private int returnDay;
	private int restMax;

	// the pairs of lists to visit
	private final int[] occupationKey = new int[MAX_OCCUPATIONS * 3 + 1];
	private final int[] occupationPoints = new int[MAX_OCCUPATIONS * 3 + 1];
	private int occupationKeyCount;
	private final int[] regionKey = new int[MAX_PLACES + 7];
	private final int[] regionPoints = new int[MAX_PLACES + 7];
	private int regionKeyCount;
	private int[] pairCell = new int[64];
	private int[] pairBound = new int[64];

	private final Top3 best = new Top3();
	private final Top3 bestAvailable = new Top3();
	private long scored;

	Search(PostingIndex index) {
		this.index = index;
		this.w = index.weights;
	}

	/** Whether this searcher works on that index (a live index is replaced when postings change). */
	public boolean searches(PostingIndex other) {
		return index == other;
	}

	/** How many postings this searcher has scored so far (for the bench). */
	public long scored() {
		return scored;
	}

	/** The 3 best postings (indexes into the index, best first; fewer if fewer are eligible). */
	public int[] top3(SeekerFacts seeker) {
		return top3(seeker, NONE);
	}

	/** The 3 best postings, leaving out those given (indexes; a worker's applications, say). */
	public int[] top3(SeekerFacts seeker, int[] passedOver) {
		run(seeker, null, passedOver);
		return best.indexes();
	}

	/** The scores of the last result, best first. */
	public int[] scores() {
		return best.scores();
	}

	/** The 3 best among the postings that still have room, after {@link #run}. */
	public int[] top3Available() {
		return bestAvailable.indexes();
	}

	public int[] top3() {
		return best.indexes();
	}

	/**
	 * Finds the 3 best and, when a capacity is given, the 3 best that still have room, in one pass: runs of full
	 * postings are read only while they could still enter the unconstrained 3 best.
	 */
	public void run(SeekerFacts seeker, Capacity capacity) {
		run(seeker, capacity, NONE);
	}

	/** As {@link #run(SeekerFacts, Capacity)}, leaving out the postings given (indexes). */
	public void run(SeekerFacts seeker, Capacity capacity, int[] passedOver) {
		compile(seeker);
		this.passedOver = passedOver;
		best.clear();
		bestAvailable.clear();
		room = capacity;
		int pairs = pairs();
		for (int p = 0; p < pairs; p++) {
			if (settled(pairBound[p] + restMax)) {
				break;
			}
			int list = index.cells[pairCell[p]];
			if (list >= 0 && wanted(pairBound[p] + restMax, Integer.MIN_VALUE, LIST, list)) {
				scan(list, pairBound[p]);
			}
		}
	}

	/** The capacity of the current run, or null. */
	private Capacity room;
	/** Postings the current run leaves out (few: a worker's applications). */
	private int[] passedOver = NONE;
	private static final int[] NONE = {};

	/** Run kinds for {@link #wanted}. */
	private static final int LIST = 0;
	private static final int GROUP = 1;
	private static final int BLOCK = 2;

	/**
	 * Whether a run of postings (a list, group or block) scoring at most {@code bound}, from index {@code minIndex} on,
	 * may enter the 3 best or, if some of it still has room, the 3 best with room. The capacity is consulted last: its
	 * counts are spread over memory.
	 */
	private boolean wanted(int bound, int minIndex, int kind, int at) {
		if (!best.cannotBeat(bound, minIndex)) {
			return true;
		}
		if (room == null || bestAvailable.cannotBeat(bound, minIndex)) {
			return false;
		}
		return open(kind, at);
	}

	private boolean open(int kind, int at) {
		return switch (kind) {
			case LIST -> room.listOpen(at);
			case GROUP -> room.groupOpen(at);
			default -> room.blockOpen(at);
		};
	}

	/** Whether nothing below {@code bound} can enter either of the 3 best any more. */
	private boolean settled(int bound) {
		return best.full() && bound < best.score[2] && (room == null || bestAvailable.full() && bound < bestAvailable.score[2]);
	}

	/** The seeker's skills and industries in the list's own bits ({@link PostingIndex#listSkills}). */
	private long localSkills;
	private int localIndustries;
	private boolean hashedSkills;
	private boolean hashedIndustries;
	private long[] order = new long[64];
	private final long[] blockOrder = new long[PostingIndex.GROUP];
	static final int RANK_TOP = 0x7FFF;

	/**
	 * A sort key for runs of postings: the highest bound first, on equal bounds the one holding the lowest index (ties
	 * go to the lower posting id), then the position (20 bits) in the list.
	 */
	private static long key(int rest, int minIndex, int position) {
		return (long) (RANK_TOP - rest) << 48 | (long) (minIndex & 0xFFFFFFF) << 20 | position;
	}

	private void localise(int list) {
		localSkills = 0;
		hashedSkills = index.hashedSkills[list];
		int from = index.listSkillFrom[list];
		int to = index.listSkillFrom[list + 1];
		for (int s = 0; s < skillCount; s++) {
			if (hashedSkills) {
				localSkills |= 1L << (skills[s] & 63);
			}
			else {
				int at = java.util.Arrays.binarySearch(index.listSkills, from, to, skills[s]);
				if (at >= 0) {
					localSkills |= 1L << (at - from);
				}
			}
		}
		localIndustries = 0;
		hashedIndustries = index.hashedIndustries[list];
		from = index.listIndustryFrom[list];
		to = index.listIndustryFrom[list + 1];
		for (int s = 0; s < industryCount; s++) {
			if (hashedIndustries) {
				localIndustries |= 1 << (industries[s] & 31);
			}
			else {
				int at = java.util.Arrays.binarySearch(index.listIndustries, from, to, industries[s]);
				if (at >= 0) {
					localIndustries |= 1 << (at - from);
				}
			}
		}
	}

	/**
	 * Scores the postings of a list that may enter the 3 best: its groups are taken the most promising first, so that
	 * the third best rises early and the rest of the list is passed over on its summaries.
	 */
	private void scan(int list, int base) {
		localise(list);
		PostingIndex.Summary groups = index.groups;
		int firstGroup = index.listGroupFrom[list];
		int endGroup = index.listGroupFrom[list + 1];
		if (order.length < endGroup - firstGroup) {
			order = new long[Math.max(endGroup - firstGroup, order.length * 2)];
		}
		int candidates = rank(groups, room == null ? null : room.openGroups(), GROUP, firstGroup, endGroup, base,
				order);
		// a broad list has thousands of groups and the search usually settles after a few: take them from a heap
		// rather than sorting them all
		heapify(order, candidates);
		while (candidates > 0) {
			long next = order[0];
			order[0] = order[--candidates];
			siftDown(order, 0, candidates);
			int group = firstGroup + (int) (next & 0xFFFFF);
			int bound = base + RANK_TOP - (int) (next >>> 48);
			if (settled(bound)) {
				break;
			}
			if (wanted(bound, (int) (next >>> 20) & 0xFFFFFFF, GROUP, group)) {
				scanGroup(list, group, base);
			}
		}
	}

	/**
	 * Rates the runs {@code from} to {@code to} (groups or blocks) and puts the keys ({@link #key}) of those that may
	 * hold a better posting into {@code keys}, unordered; returns how many. A run is rated on all its postings for the
	 * 3 best and, when that does not already want it, on its postings with room ({@code openRuns}) for the 3 best with
	 * room: those bounds are tighter once places run out.
	 */
	private int rank(PostingIndex.Summary runs, PostingIndex.Summary openRuns, int kind, int from, int to, int base,
			long[] keys) {
		int candidates = 0;
		// late in a run the unconstrained 3 best are long settled and most runs are full: then only a run with room
		// can be wanted, and whether it has room is one count, cheaper than rating it
		boolean roomOnly = room != null && best.cannotBeat(base + restMax, Integer.MIN_VALUE);
		PostingIndex.Summary withRoom = openRuns == null ? runs : openRuns;
		for (int run = from; run < to; run++) {
			int bound = -1;
			int minIndex = 0;
			if (!roomOnly) {
				int rest = rest(runs, run);
				if (rest >= 0 && !best.cannotBeat(base + rest, runs.minIndex(run))) {
					bound = rest;
					minIndex = runs.minIndex(run);
				}
			}
			if (bound < 0 && room != null && open(kind, run)) {
				int rest = rest(withRoom, run);
				if (rest >= 0 && !bestAvailable.cannotBeat(base + rest, withRoom.minIndex(run))) {
					bound = rest;
					minIndex = withRoom.minIndex(run);
				}
			}
			if (bound >= 0) {
				keys[candidates++] = key(bound, minIndex, run - from);
			}
		}
		return candidates;
	}

	/** Orders {@code keys[0..n)} as a binary min-heap: the most promising run on top. */
	private static void heapify(long[] keys, int n) {
		for (int at = n / 2 - 1; at >= 0; at--) {
			siftDown(keys, at, n);
		}
	}

	private static void siftDown(long[] keys, int at, int n) {
		long key = keys[at];
		while (true) {
			int child = 2 * at + 1;
			if (child >= n) {
				break;
			}
			if (child + 1 < n && keys[child + 1] < keys[child]) {
				child++;
			}
			if (keys[child] >= key) {
				break;
			}
			keys[at] = keys[child];
			at = child;
		}
		keys[at] = key;
	}

	private void scanGroup(int list, int group, int base) {
		PostingIndex.Summary blocks = index.blocks;
		int firstBlock = index.listBlockFrom[list];
		int fromBlock = firstBlock + (group - index.listGroupFrom[list]) * PostingIndex.GROUP;
		int toBlock = Math.min(index.listBlockFrom[list + 1], fromBlock + PostingIndex.GROUP);
		int firstMember = index.listFrom[list];
		int endMember = index.listFrom[list + 1];
		int[] members = index.members;
		int candidates = rank(blocks, room == null ? null : room.openBlocks(), BLOCK, fromBlock, toBlock, base,
				blockOrder);
		if (candidates > 1) {
			java.util.Arrays.sort(blockOrder, 0, candidates);
		}
		for (int k = 0; k < candidates; k++) {
			int block = fromBlock + (int) (blockOrder[k] & 0xFFFFF);
			int bound = base + RANK_TOP - (int) (blockOrder[k] >>> 48);
			if (settled(bound)) {
				break;
			}
			if (!wanted(bound, (int) (blockOrder[k] >>> 20) & 0xFFFFFFF, BLOCK, block)) {
				continue;
			}
			int from = firstMember + (block - firstBlock) * PostingIndex.BLOCK;
			int to = Math.min(endMember, from + PostingIndex.BLOCK);
			for (int m = from; m < to; m++) {
				if (!keyGroup && (index.rates[m * PostingIndex.RATE_STRIDE + 2] & PostingIndex.RESERVED) != 0) {
					continue;
				}
				int i = members[m];
				if (passedOver.length > 0 && passedOver(i)) {
					continue;
				}
				// a full posting that cannot enter the unconstrained 3 best even at the block's bound is not rated
				if (room != null && best.cannotBeat(bound, i) && !room.memberOpen(m)) {
					continue;
				}
				int rest = restOf(m);
				boolean forBest = !best.cannotBeat(base + rest, i);
				boolean forAvailable = room != null && !bestAvailable.cannotBeat(base + rest, i) && room.available(i);
				if (forBest || forAvailable) {
					scored++;
					int score = occupationAndPlace(m * PostingIndex.STRIDE) + rest;
					if (forBest) {
						best.offer(score, i);
					}
					if (forAvailable) {
						bestAvailable.offer(score, i);
					}
				}
			}
		}
	}

	private boolean passedOver(int i) {
		for (int left : passedOver) {
			if (left == i) {
				return true;
			}
		}
		return false;
	}

	/** The most a run of postings can add beyond occupation and place; -1 when none of it is eligible. */
	private int rest(PostingIndex.Summary summary, int at) {
		if (!keyGroup && (summary.allFlags(at) & PostingIndex.RESERVED) != 0) {
			return -1;
		}
		int rest = wagePoints(summary.maxWage(at));
		long skillsPresent = summary.skillMask(at) & localSkills;
		if (skillsPresent != 0) {
			int present;
			if (hashedSkills) {
				present = 0;
				for (int s = 0; s < skillCount; s++) {
					if ((skillsPresent & 1L << (skills[s] & 63)) != 0) {
						present++;
					}
				}
			}
			else {
				present = Long.bitCount(skillsPresent);
			}
			rest += Math.min(w.skillCap(), w.skillEach() * present);
		}
		if ((summary.industryMask(at) & localIndustries) != 0) {
			rest += w.industry();
		}
		if (keyGroup && (summary.anyFlags(at) & PostingIndex.RESERVED) != 0) {
			rest += w.keyGroup();
		}
		if (plan == PLAN_STAYING && (summary.anyFlags(at) & PostingIndex.THROUGH_FESTIVAL) != 0
				|| plan == PLAN_RETURNING && summary.maxStart(at) >= returnDay) {
			rest += w.festival();
		}
		return rest;
	}

	/** The occupation and place points of the posting at row offset {@code r}. */
	private int occupationAndPlace(int r) {
		int[] rows = index.rows;
		int postingOccupation = rows[r + PostingIndex.ROW_OCCUPATION];
		int postingMinor = rows[r + PostingIndex.ROW_MINOR];
		int postingMiddle = rows[r + PostingIndex.ROW_MIDDLE];
		int score = 0;
		for (int o = 0; o < occupations; o++) {
			if (postingOccupation == occupation[o]) {
				score = Math.max(score, w.occupationExact());
			}
			else if (postingMinor == minor[o]) {
				score = Math.max(score, w.occupationMinor());
			}
			else if (postingMiddle == middle[o]) {
				score = Math.max(score, w.occupationMiddle());
			}
		}
		int postingCounty = rows[r + PostingIndex.ROW_COUNTY];
		int postingPrefecture = rows[r + PostingIndex.ROW_PREFECTURE];
		int postingProvince = rows[r + PostingIndex.ROW_PROVINCE];
		int place = 0;
		for (int a = 0; a < anchors; a++) {
			if (postingCounty == anchorCounty[a]) {
				place = Math.max(place, w.placeCounty());
			}
			else if (postingPrefecture == anchorPrefecture[a]) {
				place = Math.max(place, w.placePrefecture());
			}
			else if (postingProvince == anchorProvince[a]) {
				place = Math.max(place, w.placeProvince());
			}
		}
		for (int p = 0; p < preferred && place < w.placePreferred(); p++) {
			int id = preferredLevel[p] == 0 ? postingCounty : preferredLevel[p] == 1 ? postingPrefecture : postingProvince;
			if (id == preferredId[p]) {
				place = w.placePreferred();
			}
		}
		score += place;
		return score;
	}

	/** The points beyond occupation and place of the posting at row offset {@code r}. */
	private int restOf(int m) {
		long[] rates = index.rates;
		int at = m * PostingIndex.RATE_STRIDE;
		long skillMask = rates[at];
		long wageAndIndustries = rates[at + 1];
		long startAndFlags = rates[at + 2];
		int score = 0;
		long common = skillMask & localSkills;
		if (common != 0) {
			int count = hashedSkills ? commonSkills(m * PostingIndex.STRIDE) : Long.bitCount(common);
			score += Math.min(w.skillCap(), w.skillEach() * count);
		}
		score += wagePoints((int) (wageAndIndustries >> 32));
		if (((int) wageAndIndustries & localIndustries) != 0
				&& (!hashedIndustries || preferredIndustry(m * PostingIndex.STRIDE))) {
			score += w.industry();
		}
		int postingFlags = (int) startAndFlags;
		if (keyGroup && (postingFlags & PostingIndex.RESERVED) != 0) {
			score += w.keyGroup();
		}
		if (plan == PLAN_STAYING && (postingFlags & PostingIndex.THROUGH_FESTIVAL) != 0
				|| plan == PLAN_RETURNING && (int) (startAndFlags >> 32) >= returnDay) {
			score += w.festival();
		}
		return score;
	}

	/** Skills in common, counted one by one (when the posting has skills beyond its list's own bits). */
	private int commonSkills(int r) {
		int[] rows = index.rows;
		int common = 0;
		int count = (rows[r + PostingIndex.ROW_FLAGS] >> 8) & 0xFF;
		int overflow = rows[r + PostingIndex.ROW_SKILL_FROM] - PostingIndex.INLINE_SKILLS;
		for (int k = 0; k < count; k++) {
			int skill = k < PostingIndex.INLINE_SKILLS ? rows[r + PostingIndex.ROW_SKILLS + k] : index.skills[overflow + k];
			for (int s = 0; s < skillCount; s++) {
				if (skills[s] == skill) {
					common++;
					break;
				}
			}
		}
		return common;
	}

	/** Whether the posting's industry path holds one of the preferred industries, checked one by one. */
	private boolean preferredIndustry(int r) {
		int[] rows = index.rows;
		for (int k = 0, count = (rows[r + PostingIndex.ROW_FLAGS] >> 16) & 0xFF; k < count; k++) {
			int industry = rows[r + PostingIndex.ROW_INDUSTRIES + k];
			for (int s = 0; s < industryCount; s++) {
				if (industries[s] == industry) {
					return true;
				}
			}
		}
		return false;
	}

	private int wagePoints(int wage) {
		if (expectedWage < 0 || wage >= expectedWage) {
			return w.wageFull();
		}
		return (long) wage * 10 >= (long) expectedWage * 9 ? w.wageNear() : 0;
	}

	// ------------------------------------------------------------------------------------------------ compiling

	private void compile(SeekerFacts seeker) {
		occupations = 0;
		occupationKeyCount = 0;
		int occupationIdsSize = index.occupationIds.size();
		int minorIdsSize = index.minorIds.size();
		for (String code : seeker.occupations()) {
			if (occupations == MAX_OCCUPATIONS) {
				break;
			}
			occupation[occupations] = lookup(index.occupationIds, code);
			minor[occupations] = code.length() >= 7 ? lookup(index.minorIds, code.substring(0, 7)) : -1;
			middle[occupations] = code.length() >= 4 ? lookup(index.middleIds, code.substring(0, 4)) : -1;
			addOccupationKey(occupation[occupations], w.occupationExact());
			addOccupationKey(minor[occupations] < 0 ? -1 : occupationIdsSize + minor[occupations], w.occupationMinor());
			addOccupationKey(middle[occupations] < 0 ? -1 : occupationIdsSize + minorIdsSize + middle[occupations],
					w.occupationMiddle());
			occupations++;
		}
		addOccupationKey(index.occupationKeys - 1, 0);

		anchors = 0;
		regionKeyCount = 0;
		int counties = index.countyIds.size();
		int prefectures = index.prefectureIds.size();
		for (SeekerFacts.Anchor anchor : seeker.anchors()) {
			String code = anchor.region();
			anchorCounty[anchors] = lookup(index.countyIds, code);
			anchorPrefecture[anchors] = lookup(index.prefectureIds, code.substring(0, 4));
			anchorProvince[anchors] = lookup(index.provinceIds, code.substring(0, 2));
			addRegionKey(anchorCounty[anchors], w.placeCounty());
			addRegionKey(anchorPrefecture[anchors] < 0 ? -1 : counties + anchorPrefecture[anchors], w.placePrefecture());
			addRegionKey(anchorProvince[anchors] < 0 ? -1 : counties + prefectures + anchorProvince[anchors],
					w.placeProvince());
			anchors++;
		}
		preferred = 0;
		for (String code : seeker.preferredRegions()) {
			if (preferred == MAX_PLACES) {
				break;
			}
			String prefix = Scoring.scopePrefix(code);
			int level = prefix.length() == 6 ? 0 : prefix.length() == 4 ? 1 : 2;
			int id = lookup(level == 0 ? index.countyIds : level == 1 ? index.prefectureIds : index.provinceIds, prefix);
			preferredLevel[preferred] = level;
			preferredId[preferred] = id;
			preferred++;
			int offset = level == 0 ? 0 : level == 1 ? counties : counties + prefectures;
			addRegionKey(id < 0 ? -1 : offset + id, w.placePreferred());
		}
		addRegionKey(index.regionKeys - 1, 0);

		skillCount = 0;
		if (skills.length < seeker.skills().size()) {
			skills = new int[seeker.skills().size()];
		}
		for (String skill : seeker.skills()) {
			int id = lookup(index.skillIds, skill);
			if (id >= 0) {
				skills[skillCount++] = id;
			}
		}
		industryCount = 0;
		if (industries.length < seeker.preferredIndustries().size()) {
			industries = new int[seeker.preferredIndustries().size()];
		}
		for (String industry : seeker.preferredIndustries()) {
			int id = lookup(index.industryIds, industry);
			if (id >= 0) {
				industries[industryCount++] = id;
			}
		}
		expectedWage = seeker.expectedWage() == null ? -1 : seeker.expectedWage();
		keyGroup = seeker.keyGroup();
		plan = seeker.plan() == FestivalPlan.STAYING_PUT ? PLAN_STAYING
				: seeker.plan() == FestivalPlan.GOING_HOME_RETURNING && seeker.returnDate() != null ? PLAN_RETURNING
						: PLAN_NONE;
		returnDay = seeker.returnDate() == null ? 0 : (int) seeker.returnDate().toEpochDay();
		restMax = Math.min(w.skillCap(), w.skillEach() * skillCount) + w.wageFull()
				+ (industryCount > 0 ? w.industry() : 0) + (keyGroup ? w.keyGroup() : 0)
				+ (plan != PLAN_NONE ? w.festival() : 0);
	}

	private static int lookup(java.util.Map<String, Integer> dictionary, String value) {
		Integer id = dictionary.get(value);
		return id == null ? -1 : id;
	}

	private void addOccupationKey(int key, int points) {
		if (key < 0) {
			return;
		}
		for (int k = 0; k < occupationKeyCount; k++) {
			if (occupationKey[k] == key) {
				occupationPoints[k] = Math.max(occupationPoints[k], points);
				return;
			}
		}
		occupationKey[occupationKeyCount] = key;
		occupationPoints[occupationKeyCount++] = points;
	}

	private void addRegionKey(int key, int points) {
		if (key < 0) {
			return;
		}
		for (int k = 0; k < regionKeyCount; k++) {
			if (regionKey[k] == key) {
				regionPoints[k] = Math.max(regionPoints[k], points);
				return;
			}
		}
		regionKey[regionKeyCount] = key;
		regionPoints[regionKeyCount++] = points;
	}

	/** Every pair of lists, the most promising first. */
	private int pairs() {
		int pairs = occupationKeyCount * regionKeyCount;
		if (pairCell.length < pairs) {
			pairCell = new int[pairs];
			pairBound = new int[pairs];
		}
		int n = 0;
		for (int o = 0; o < occupationKeyCount; o++) {
			for (int r = 0; r < regionKeyCount; r++) {
				int bound = occupationPoints[o] + regionPoints[r];
				int cell = occupationKey[o] * index.regionKeys + regionKey[r];
				int at = n++;
				while (at > 0 && pairBound[at - 1] < bound) {
					pairBound[at] = pairBound[at - 1];
					pairCell[at] = pairCell[at - 1];
					at--;
				}
				pairBound[at] = bound;
				pairCell[at] = cell;
			}
		}
		return n;
	}

	/** The 3 best so far: higher score first, the lower index (posting id) first on equal scores. */
	static final class Top3 {

		final int[] score = new int[3];
		final int[] index = new int[3];
		int size;

		void clear() {
			size = 0;
		}

		boolean full() {
			return size == 3;
		}

		/** Whether nothing scoring at most {@code bound}, at index {@code minIndex} or later, can enter. */
		boolean cannotBeat(int bound, int minIndex) {
			return size == 3 && (bound < score[2] || bound == score[2] && minIndex > index[2]);
		}

		void offer(int s, int i) {
			if (size == 3 && (s < score[2] || s == score[2] && i > index[2])) {
				return;
			}
			for (int k = 0; k < size; k++) {
				if (index[k] == i) {
					return;
				}
			}
			int at = Math.min(size, 2);
			if (size < 3) {
				size++;
			}
			while (at > 0 && (score[at - 1] < s || score[at - 1] == s && index[at - 1] > i)) {
				score[at] = score[at - 1];
				index[at] = index[at - 1];
				at--;
			}
			score[at] = s;
			index[at] = i;
		}

		void copy(Top3 other) {
			size = other.size;
			System.arraycopy(other.score, 0, score, 0, size);
			System.arraycopy(other.index, 0, index, 0, size);
		}

		int[] indexes() {
			return java.util.Arrays.copyOf(index, size);
		}

		int[] scores() {
			return java.util.Arrays.copyOf(score, size);
		}
	}

	/** For tests: the 3 best by scoring every posting with the reference definition. */
	static int[] bruteForce(PostingIndex index, Scoring scoring, SeekerFacts seeker) {
		Top3 top = new Top3();
		for (int i = 0; i < index.size; i++) {
			PostingFacts posting = index.facts[i];
			if (Scoring.eligible(seeker, posting)) {
				top.offer(scoring.score(seeker, posting), i);
			}
		}
		return top.indexes();
	}

	static List<Integer> asList(int[] values) {
		return java.util.Arrays.stream(values).boxed().toList();
	}
}
