package org.chunfeng.matching.internal.engine;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * One run's recommendations with a capacity per posting (容量约束): no posting is recommended to more than
 * ⌈α × remaining places⌉ seekers, so that a popular job is not sent to everyone while others get nobody. Seekers are
 * served in the order the caller gives (the nightly run: key groups first); each gets its 3 best postings among those
 * that still have room. Safe for several threads: a place is taken by compare-and-set, and a seeker whose pick was
 * taken by another thread meanwhile is searched again.
 * <p>
 * Also keeps the figures of the run against the unconstrained top-3 of the same seekers: coverage, postings used, the
 * most seekers per posting and the Gini coefficient of recommendations over postings (0: evenly spread; 1: all on
 * one).
 */
public final class Allocation implements Search.Capacity {

	private static final int[] NOTHING_PASSED_OVER = {};

	private final PostingIndex index;
	private final int[] capacity;
	private final AtomicIntegerArray given;
	// where each posting is filed (member positions, by posting), and how many postings with room each list, group and
	// block of the index still holds
	private final int[] filedFrom;
	private final int[] filed;
	private final AtomicIntegerArray openInList;
	private final AtomicIntegerArray openInGroup;
	private final AtomicIntegerArray openInBlock;
	// one bit per member position: the posting filed there has room (a search reads these in list order)
	private final long[] openMembers;
	private static final java.lang.invoke.VarHandle OPEN_MEMBERS =
			java.lang.invoke.MethodHandles.arrayElementVarHandle(long[].class);
	// block and group summaries of the postings with room only: tighter bounds for the 3 best with room once places
	// run out (kept up to date when a posting fills up or has room again; a few hundred operations each time)
	private final PostingIndex.Summary openBlocks;
	private final PostingIndex.Summary openGroups;
	private final Object[] summaryLocks = new Object[64];
	private final int[] unconstrainedGiven;
	private long withThree;
	private long withAny;
	private long unconstrainedWithThree;
	private long unconstrainedWithAny;

	public Allocation(PostingIndex index, double alpha) {
		if (!(alpha > 0)) {
			throw new IllegalArgumentException("alpha must be positive");
		}
		this.index = index;
		capacity = new int[index.size()];
		for (int i = 0; i < capacity.length; i++) {
			// a hair below, so that 0.1 x 30 is 3 and not 4
			capacity[i] = (int) Math.ceil(alpha * Math.max(0, index.facts(i).remaining()) - 1e-9);
		}
		given = new AtomicIntegerArray(index.size());
		unconstrainedGiven = new int[index.size()];
		filedFrom = new int[index.size() + 1];
		for (int member : index.members) {
			filedFrom[member + 1]++;
		}
		for (int i = 0; i < index.size(); i++) {
			filedFrom[i + 1] += filedFrom[i];
		}
		filed = new int[index.members.length];
		int[] fill = Arrays.copyOf(filedFrom, index.size());
		openBlocks = new PostingIndex.Summary(index.blocks.count());
		openGroups = new PostingIndex.Summary(index.groups.count());
		for (int k = 0; k < summaryLocks.length; k++) {
			summaryLocks[k] = new Object();
		}
		openInList = new AtomicIntegerArray(index.lists());
		openInGroup = new AtomicIntegerArray(index.groups.count());
		openInBlock = new AtomicIntegerArray(index.blocks.count());
		openMembers = new long[(index.members.length + 63) >>> 6];
		for (int list = 0; list < index.lists(); list++) {
			for (int m = index.listFrom[list]; m < index.listFrom[list + 1]; m++) {
				int i = index.members[m];
				filed[fill[i]++] = m;
				if (capacity[i] > 0) {
					mark(list, m, 1);
				}
			}
			for (int block = index.listBlockFrom[list]; block < index.listBlockFrom[list + 1]; block++) {
				summariseBlock(list, block);
			}
			for (int group = index.listGroupFrom[list]; group < index.listGroupFrom[list + 1]; group++) {
				summariseGroup(list, group);
			}
		}
	}

	/** Summarises the postings with room of a block from the members' rates. */
	private void summariseBlock(int list, int block) {
		openBlocks.clear(block);
		int from = index.listFrom[list] + (block - index.listBlockFrom[list]) * PostingIndex.BLOCK;
		int to = Math.min(index.listFrom[list + 1], from + PostingIndex.BLOCK);
		long[] rates = index.rates;
		for (int m = from; m < to; m++) {
			if (memberOpen(m)) {
				int at = m * PostingIndex.RATE_STRIDE;
				openBlocks.add(block, (int) (rates[at + 1] >> 32), (int) (rates[at + 2] >> 32), index.members[m],
						(int) rates[at + 2] & 0xFF, rates[at], rates[at + 1] & 0xFFFFFFFFL);
			}
		}
	}

	/** Summarises the postings with room of a group from its blocks'. */
	private void summariseGroup(int list, int group) {
		openGroups.clear(group);
		int from = index.listBlockFrom[list] + (group - index.listGroupFrom[list]) * PostingIndex.GROUP;
		int to = Math.min(index.listBlockFrom[list + 1], from + PostingIndex.GROUP);
		for (int block = from; block < to; block++) {
			if (openInBlock.get(block) > 0) {
				openGroups.merge(group, openBlocks, block);
			}
		}
	}

	/**
	 * Counts a posting with room in or out of the list, group and block of member position {@code m}, and summarises
	 * that block and group again.
	 */
	private void change(int list, int m, int delta) {
		int block = mark(list, m, delta);
		int group = index.listGroupFrom[list] + (block - index.listBlockFrom[list]) / PostingIndex.GROUP;
		// one summariser at a time per group (and so per block), so that the last one to write has seen every bit
		synchronized (summaryLocks[group & (summaryLocks.length - 1)]) {
			summariseBlock(list, block);
			summariseGroup(list, group);
		}
	}

	/** The counts and bit of {@link #change}; returns the block. */
	private int mark(int list, int m, int delta) {
		int block = index.listBlockFrom[list] + (m - index.listFrom[list]) / PostingIndex.BLOCK;
		int group = index.listGroupFrom[list] + (block - index.listBlockFrom[list]) / PostingIndex.GROUP;
		openInList.addAndGet(list, delta);
		openInGroup.addAndGet(group, delta);
		openInBlock.addAndGet(block, delta);
		long bit = 1L << (m & 63);
		if (delta > 0) {
			OPEN_MEMBERS.getAndBitwiseOr(openMembers, m >>> 6, bit);
		}
		else {
			OPEN_MEMBERS.getAndBitwiseAnd(openMembers, m >>> 6, ~bit);
		}
		return block;
	}

	/** Posting {@code i} became full ({@code -1}) or has room again ({@code +1}). */
	private void count(int i, int delta) {
		for (int k = filedFrom[i]; k < filedFrom[i + 1]; k++) {
			int m = filed[k];
			int list = Arrays.binarySearch(index.listFrom, m);
			// listFrom holds each list's first position; equal starts belong to the last list starting there
			if (list < 0) {
				list = -list - 2;
			}
			else {
				while (list + 1 < index.lists() && index.listFrom[list + 1] == m) {
					list++;
				}
			}
			change(list, m, delta);
		}
	}

	@Override
	public boolean available(int i) {
		return given.get(i) < capacity[i];
	}

	@Override
	public boolean listOpen(int list) {
		return openInList.get(list) > 0;
	}

	@Override
	public boolean groupOpen(int group) {
		return openInGroup.get(group) > 0;
	}

	@Override
	public boolean blockOpen(int block) {
		return openInBlock.get(block) > 0;
	}

	@Override
	public PostingIndex.Summary openBlocks() {
		return openBlocks;
	}

	@Override
	public PostingIndex.Summary openGroups() {
		return openGroups;
	}

	@Override
	public boolean memberOpen(int m) {
		// a plain read: a stale bit only means the posting is looked at (and asked) or passed over a moment early
		return (openMembers[m >>> 6] & 1L << (m & 63)) != 0;
	}

	/** The most seekers posting {@code i} may be recommended to in this run. */
	public int capacity(int i) {
		return capacity[i];
	}

	/** A thread's own counts, merged when closed. */
	public Tally tally() {
		return new Tally();
	}

	/**
	 * The seeker's 3 best postings that still have room, taken: indexes into the index, best first (fewer when fewer
	 * fit). {@link Search#top3()} holds the unconstrained 3 best afterwards.
	 */
	public int[] recommend(Search search, SeekerFacts seeker, Tally tally) {
		return recommend(search, seeker, NOTHING_PASSED_OVER, tally);
	}

	/** As {@link #recommend(Search, SeekerFacts, Tally)}, leaving out the postings given (indexes). */
	public int[] recommend(Search search, SeekerFacts seeker, int[] passedOver, Tally tally) {
		while (true) {
			search.run(seeker, this, passedOver);
			int[] picks = search.top3Available();
			int taken = 0;
			while (taken < picks.length && take(picks[taken])) {
				taken++;
			}
			if (taken == picks.length) {
				tally.count(search.top3(), picks);
				return picks;
			}
			for (int k = 0; k < taken; k++) {
				if (given.getAndDecrement(picks[k]) == capacity[picks[k]]) {
					count(picks[k], 1);
				}
			}
		}
	}

	private boolean take(int i) {
		while (true) {
			int now = given.get(i);
			if (now >= capacity[i]) {
				return false;
			}
			if (given.compareAndSet(i, now, now + 1)) {
				if (now + 1 == capacity[i]) {
					count(i, -1);
				}
				return true;
			}
		}
	}

	/** How many seekers posting {@code i} was recommended to. */
	public int given(int i) {
		return given.get(i);
	}

	public final class Tally implements AutoCloseable {

		private final int[] unconstrained = new int[index.size()];
		private long three;
		private long any;
		private long unconstrainedThree;
		private long unconstrainedAny;

		private Tally() {
		}

		void count(int[] top3, int[] picks) {
			for (int i : top3) {
				unconstrained[i]++;
			}
			three += picks.length == 3 ? 1 : 0;
			any += picks.length > 0 ? 1 : 0;
			unconstrainedThree += top3.length == 3 ? 1 : 0;
			unconstrainedAny += top3.length > 0 ? 1 : 0;
		}

		@Override
		public void close() {
			synchronized (Allocation.this) {
				for (int i = 0; i < unconstrained.length; i++) {
					unconstrainedGiven[i] += unconstrained[i];
				}
				withThree += three;
				withAny += any;
				unconstrainedWithThree += unconstrainedThree;
				unconstrainedWithAny += unconstrainedAny;
			}
		}
	}

	/** The figures of the run, once every tally is closed. */
	public synchronized Figures figures() {
		int[] counts = new int[index.size()];
		boolean within = true;
		for (int i = 0; i < counts.length; i++) {
			counts[i] = given.get(i);
			within &= counts[i] <= capacity[i];
		}
		return new Figures(withThree, withAny, used(counts), max(counts), gini(counts), unconstrainedWithThree,
				unconstrainedWithAny, used(unconstrainedGiven), max(unconstrainedGiven), gini(unconstrainedGiven),
				within);
	}

	/**
	 * @param withThree      seekers who got 3 postings
	 * @param withAny        seekers who got at least one
	 * @param postingsUsed   postings recommended to at least one seeker
	 * @param maxPerPosting  the most seekers one posting was recommended to
	 * @param gini           concentration of recommendations over all postings
	 * @param withinCapacity every posting within its capacity
	 */
	public record Figures(long withThree, long withAny, int postingsUsed, int maxPerPosting, double gini,
			long unconstrainedWithThree, long unconstrainedWithAny, int unconstrainedPostingsUsed,
			int unconstrainedMaxPerPosting, double unconstrainedGini, boolean withinCapacity) {
	}

	private static int used(int[] counts) {
		int used = 0;
		for (int count : counts) {
			used += count > 0 ? 1 : 0;
		}
		return used;
	}

	private static int max(int[] counts) {
		int max = 0;
		for (int count : counts) {
			max = Math.max(max, count);
		}
		return max;
	}

	/** Gini coefficient of non-negative counts: Σ (2k − n − 1) x_k / (n Σ x) over the counts in ascending order. */
	static double gini(int[] counts) {
		int[] sorted = counts.clone();
		Arrays.sort(sorted);
		long n = sorted.length;
		double total = 0;
		double weighted = 0;
		for (int k = 0; k < sorted.length; k++) {
			total += sorted[k];
			weighted += (2.0 * (k + 1) - n - 1) * sorted[k];
		}
		return total == 0 ? 0 : weighted / (n * total);
	}
}
