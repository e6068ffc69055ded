package org.chunfeng.matching.internal.recommend;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.chunfeng.identity.RegionScope;
import org.chunfeng.jobs.Jobs;
import org.chunfeng.jobs.OpenPosting;
import org.chunfeng.jobs.PostingChanged;
import org.chunfeng.matching.internal.engine.PostingFacts;
import org.chunfeng.matching.internal.engine.PostingIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The open postings in the engine's index, for live recommendations. Rebuilt after a posting changes here (after
 * commit), when the day turns, and at least every 30 seconds for changes made on other instances. A small index is
 * rebuilt before answering (it takes milliseconds); a large one in the background while the previous one answers.
 */
@Component
class LiveIndex implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(LiveIndex.class);
	private static final int REBUILD_INLINE_BELOW = 50_000;
	private static final Duration MAX_AGE = Duration.ofSeconds(30);

	/** One build: the index, the postings it holds (for display) and when it was built. */
	record Snapshot(PostingIndex index, Map<Long, OpenPosting> postings, LocalDate day, Instant builtAt) {
	}

	private final Jobs jobs;
	private final Facts facts;
	private final MatchingProperties properties;
	private final Clock clock;
	private final ExecutorService rebuilder = Executors.newSingleThreadExecutor(r -> {
		Thread thread = new Thread(r, "matching-index");
		thread.setDaemon(true);
		return thread;
	});
	private final AtomicBoolean rebuilding = new AtomicBoolean();
	private volatile Snapshot snapshot;
	private volatile boolean changed = true;

	LiveIndex(Jobs jobs, Facts facts, MatchingProperties properties, Clock clock) {
		this.jobs = jobs;
		this.facts = facts;
		this.properties = properties;
		this.clock = clock;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(PostingChanged event) {
		changed = true;
	}

	Snapshot current() {
		Snapshot now = snapshot;
		boolean stale = now == null || changed || !now.day().equals(LocalDate.now(clock))
				|| now.builtAt().plus(MAX_AGE).isBefore(clock.instant());
		if (!stale) {
			return now;
		}
		if (now == null || now.index().size() < REBUILD_INLINE_BELOW) {
			synchronized (this) {
				if (snapshot == now) {
					snapshot = build();
				}
				return snapshot;
			}
		}
		if (rebuilding.compareAndSet(false, true)) {
			rebuilder.execute(() -> {
				try {
					snapshot = build();
				}
				catch (RuntimeException ex) {
					log.warn("Rebuilding the matching index failed; the previous one still answers", ex);
				}
				finally {
					rebuilding.set(false);
				}
			});
		}
		return now;
	}

	/** A fresh index of the postings open today (also what a nightly run uses). */
	Snapshot build() {
		changed = false;
		LocalDate today = LocalDate.now(clock);
		Instant started = clock.instant();
		List<PostingFacts> postings = new ArrayList<>();
		Map<Long, OpenPosting> open = new HashMap<>();
		RegionScope.asSystem(() -> jobs.forEachOpen(today, posting -> {
			postings.add(facts.posting(posting));
			open.put(posting.id(), posting);
		}));
		return new Snapshot(new PostingIndex(postings, properties.weights()), open, today, started);
	}

	@Override
	public void destroy() {
		rebuilder.shutdownNow();
	}
}
