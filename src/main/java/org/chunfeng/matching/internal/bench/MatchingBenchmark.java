package org.chunfeng.matching.internal.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.chunfeng.matching.internal.engine.Allocation;
import org.chunfeng.matching.internal.engine.PostingFacts;
import org.chunfeng.matching.internal.engine.PostingIndex;
import org.chunfeng.matching.internal.engine.Search;
import org.chunfeng.matching.internal.engine.SeekerFacts;
import org.chunfeng.matching.internal.engine.SyntheticPopulation;
import org.chunfeng.matching.internal.engine.Weights;
import org.chunfeng.platform.Benchmark;
import org.springframework.stereotype.Component;

/**
 * {@code bench matching --postings 1000000 --seekers 10000000 --seed 1 [--alpha 3] [--sample 20] [--online 100000]
 * [--threads n]}: generates a deterministic population ({@link SyntheticPopulation}), indexes the postings, runs the
 * nightly capacity-aware top-3 for every seeker (key groups first, as the nightly run does), times single searches
 * as the live pages make them (median and p99 of {@code --online} searches), then runs the baseline a typical
 * bureau system would use — one PostgreSQL query per seeker computing the same score, {@code ORDER BY score DESC, id
 * LIMIT 3} — on a sample of seekers loaded into the database, checks that both give identical top-3 lists and prints
 * seekers per second of both, the ratio, the total time, the peak heap and the congestion figures (coverage, postings
 * used, the most seekers per posting, Gini over postings) with and without the capacity limit.
 */
@Component
class MatchingBenchmark implements Benchmark {

	private static final long SEEKER_BITS = (1L << 40) - 1;

	private final DataSource dataSource;

	MatchingBenchmark(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public String engine() {
		return "matching";
	}

	@Override
	public String usage() {
		return "[--postings 1000000] [--seekers 10000000] [--seed 1] [--alpha 3] [--sample 20] [--online 100000] "
				+ "[--threads n]";
	}

	@Override
	public int run(List<String> options, PrintStream out) throws Exception {
		int postingCount = 1_000_000;
		long seekerCount = 10_000_000;
		long seed = 1;
		double alpha = 3;
		int sample = 20;
		int online = 100_000;
		int threads = Runtime.getRuntime().availableProcessors();
		for (int i = 0; i + 1 < options.size(); i += 2) {
			String value = options.get(i + 1);
			switch (options.get(i)) {
				case "--postings" -> postingCount = Integer.parseInt(value);
				case "--seekers" -> seekerCount = Long.parseLong(value);
				case "--seed" -> seed = Long.parseLong(value);
				case "--alpha" -> alpha = Double.parseDouble(value);
				case "--sample" -> sample = Integer.parseInt(value);
				case "--online" -> online = Integer.parseInt(value);
				case "--threads" -> threads = Integer.parseInt(value);
				default -> {
					out.println("bench matching " + usage());
					return 2;
				}
			}
		}
		if (options.size() % 2 != 0 || postingCount < 1 || seekerCount < 1 || seekerCount > Integer.MAX_VALUE - 8
				|| alpha <= 0 || sample < 0 || online < 0 || threads < 1) {
			out.println("bench matching " + usage());
			return 2;
		}
		resetPeaks();
		long started = System.nanoTime();
		SyntheticPopulation population = new SyntheticPopulation(seed);
		List<PostingFacts> postings = new ArrayList<>(postingCount);
		for (int i = 1; i <= postingCount; i++) {
			postings.add(population.posting(i));
		}
		double generated = seconds(started);
		long indexing = System.nanoTime();
		PostingIndex index = new PostingIndex(postings, Weights.DEFAULTS);
		out.printf(Locale.ROOT, "postings: %,d generated in %.1f s, indexed in %.1f s (%,d lists)%n", postingCount,
				generated, seconds(indexing), index.lists());

		// the nightly run: key-group seekers first, then the others; within each pass by occupation, so that seekers
		// looking at the same lists of the index follow each other (see SyntheticPopulation#servingOrder)
		Allocation allocation = new Allocation(index, alpha);
		AtomicLong scored = new AtomicLong();
		long matching = System.nanoTime();
		long[] order = new long[Math.toIntExact(seekerCount)];
		Arrays.parallelSetAll(order, k -> population.servingOrder(k + 1L));
		Arrays.parallelSort(order);
		int keyGroupSeekers = 0;
		while (keyGroupSeekers < order.length && order[keyGroupSeekers] >= 0 && order[keyGroupSeekers] < 1L << 62) {
			keyGroupSeekers++;
		}
		// progress every tenth, so that a slow stretch of a long run shows where it is
		AtomicLong done = new AtomicLong();
		long all = seekerCount;
		long tenth = Math.max(1, all / 10);
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			for (int[] pass : new int[][] { { 0, keyGroupSeekers }, { keyGroupSeekers, order.length } }) {
				List<Future<?>> parts = new ArrayList<>();
				int chunk = 1_024;
				AtomicInteger next = new AtomicInteger(pass[0]);
				int end = pass[1];
				for (int t = 0; t < threads; t++) {
					parts.add(pool.submit(() -> {
						Search search = index.search();
						Allocation.Tally tally = allocation.tally();
						for (int from = next.getAndAdd(chunk); from < end; from = next.getAndAdd(chunk)) {
							int to = Math.min(end, from + chunk);
							for (int k = from; k < to; k++) {
								allocation.recommend(search, population.seeker(order[k] & SEEKER_BITS), tally);
							}
							long now = done.addAndGet(to - from);
							if (all >= 100_000 && now / tenth != (now - (to - from)) / tenth) {
								out.printf(Locale.ROOT, "  matched %,d seekers (%d%%) after %.1f s%n", now,
										now * 100 / all, seconds(matching));
							}
						}
						tally.close();
						scored.addAndGet(search.scored());
						return null;
					}));
				}
				for (Future<?> part : parts) {
					part.get();
				}
			}
		}
		finally {
			pool.shutdownNow();
		}
		double matchingSeconds = seconds(matching);
		double engineRate = seekerCount / matchingSeconds;
		out.printf(Locale.ROOT, "engine: %,d seekers x %,d postings in %.1f s on %d threads: %,.0f seekers/s "
				+ "(%,.1f postings scored per seeker)%n", seekerCount, postingCount, matchingSeconds, threads,
				engineRate, scored.get() / (double) seekerCount);
		Allocation.Figures figures = allocation.figures();
		out.printf(Locale.ROOT, "capacity alpha %.2f: no posting above ceil(alpha x remaining places): %s%n", alpha,
				figures.withinCapacity() ? "holds" : "BROKEN");
		out.printf(Locale.ROOT, "%-14s %12s %12s %12s %12s %8s%n", "", "3 jobs", ">= 1 job", "postings used",
				"max/posting", "Gini");
		out.printf(Locale.ROOT, "%-14s %11.2f%% %11.2f%% %13.2f%% %12d %8.4f%n", "unconstrained",
				100.0 * figures.unconstrainedWithThree() / seekerCount, 100.0 * figures.unconstrainedWithAny() / seekerCount,
				100.0 * figures.unconstrainedPostingsUsed() / postingCount, figures.unconstrainedMaxPerPosting(),
				figures.unconstrainedGini());
		out.printf(Locale.ROOT, "%-14s %11.2f%% %11.2f%% %13.2f%% %12d %8.4f%n", "capacity-aware",
				100.0 * figures.withThree() / seekerCount, 100.0 * figures.withAny() / seekerCount,
				100.0 * figures.postingsUsed() / postingCount, figures.maxPerPosting(), figures.gini());

		// online: one seeker at a time, as the phone page and the caseworker's view ask
		if (online > 0) {
			Search search = index.search();
			long[] nanos = new long[online];
			for (int k = 0; k < online; k++) {
				SeekerFacts seeker = population.seeker(1 + (seekerCount - 1) * k / Math.max(1, online - 1));
				long asked = System.nanoTime();
				search.top3(seeker);
				nanos[k] = System.nanoTime() - asked;
			}
			Arrays.sort(nanos);
			out.printf(Locale.ROOT, "online: %,d single searches over %,d postings: median %.1f µs, p99 %.1f µs, "
					+ "max %.1f µs%n", online, postingCount, nanos[online / 2] / 1e3, nanos[(int) (online * 0.99)] / 1e3,
					nanos[online - 1] / 1e3);
		}

		boolean agree = true;
		if (sample > 0) {
			SqlBaseline baseline = new SqlBaseline(dataSource, Weights.DEFAULTS);
			List<SeekerFacts> seekers = new ArrayList<>(sample);
			for (int k = 0; k < sample; k++) {
				seekers.add(population.seeker(1 + (seekerCount - 1) * k / Math.max(1, sample - 1)));
			}
			long loading = System.nanoTime();
			SqlBaseline.Result result = baseline.run(postings, seekers);
			double baselineRate = sample / result.querySeconds();
			out.printf(Locale.ROOT, "baseline: %,d postings and %d seekers loaded in %.1f s; one query per seeker: "
					+ "%.2f s per seeker, %,.2f seekers/s%n", postingCount, sample, result.loadSeconds(),
					result.querySeconds() / sample, baselineRate);
			Search search = index.search();
			int same = 0;
			for (int k = 0; k < sample; k++) {
				int[] top = search.top3(seekers.get(k));
				List<Long> engine = new ArrayList<>();
				for (int i : top) {
					engine.add(index.id(i));
				}
				if (engine.equals(result.top3().get(k))) {
					same++;
				}
				else {
					out.printf(Locale.ROOT, "DIFFERENT for seeker %d: engine %s, baseline %s%n", seekers.get(k).id(),
							engine, result.top3().get(k));
				}
			}
			agree = same == sample;
			out.printf(Locale.ROOT, "check: identical top-3 for %d of %d sampled seekers%n", same, sample);
			out.printf(Locale.ROOT, "ratio: the engine serves %,.0f times as many seekers per second as the baseline "
					+ "(baseline took %.1f s in all)%n", engineRate / baselineRate, seconds(loading));
		}
		out.printf(Locale.ROOT, "total: %.1f s; peak heap used: %,d MB (max heap %,d MB)%n", seconds(started),
				peakHeap() / (1024 * 1024), Runtime.getRuntime().maxMemory() / (1024 * 1024));
		return agree && figures.withinCapacity() ? 0 : 1;
	}

	private static double seconds(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

	private static void resetPeaks() {
		ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
	}

	private static long peakHeap() {
		return ManagementFactory.getMemoryPoolMXBeans().stream()
			.filter(pool -> pool.getType() == MemoryType.HEAP)
			.mapToLong(pool -> pool.getPeakUsage().getUsed())
			.sum();
	}
}
