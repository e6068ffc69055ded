package org.chunfeng.jobs.internal.board;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.jobs.JobBoard;
import org.chunfeng.jobs.JobHit;
import org.chunfeng.jobs.JobSearch;
import org.chunfeng.jobs.PostingChanged;
import org.chunfeng.platform.PageQuery;
import org.chunfeng.platform.Paged;
import org.chunfeng.reference.OccupationsImported;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The job board of this instance. Several instances share one PostgreSQL, and each keeps its own index, so each
 * follows the postings by itself:
 * <ol>
 * <li>at start-up it builds the index from the database, before the web server takes requests;</li>
 * <li>a posting changed by this instance is put on (or taken off) the board right after its commit, so the
 * enterprise that just published sees it on its next request;</li>
 * <li>every few seconds ({@code chunfeng.jobs.board.poll-interval}, default 5 s) it reads the postings changed
 * since its last look, minus an overlap ({@code chunfeng.jobs.board.overlap}, default 1 min): {@code updated_at} is
 * the time a transaction began, so a transaction that began earlier may commit after a look that began later, and
 * the overlap picks it up (a posting transaction longer than the overlap could be missed until the next start).
 * Re-applying a change is harmless, so the look needs no coordination between instances.</li>
 * </ol>
 * Writers take one lock (a change read later is written later); searches never wait for it.
 *
 * <p>The index lives in memory by default: it is a cache of PostgreSQL that is rebuilt at every start (200,000
 * postings: 30 to 40 s from PostgreSQL on 2 cores, nearly all of it Chinese segmentation; 44 MB of index), so a disk
 * copy would have to be rebuilt or checked anyway, and two instances on one host cannot collide over it. {@code chunfeng.jobs.board.index-dir} puts it on
 * disk instead (memory-mapped, replaced at each start), for boards too large for the heap.
 */
@Component
class JobBoardIndex implements JobBoard, SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(JobBoardIndex.class);

	private final BoardPostings postings;
	private final Clock clock;
	private final TransactionTemplate freshTransaction;
	private final Duration pollInterval;
	private final Duration overlap;
	private final String indexDir;
	private final ReentrantLock writing = new ReentrantLock();

	/** Postings written recently (id → update time and version): a change seen again in the overlap is skipped. */
	private final Map<Long, Change> recent = new HashMap<>();

	private volatile BoardIndex index;
	private volatile Instant watermark;
	private volatile boolean running;
	private volatile boolean stopped;
	private ScheduledExecutorService follower;

	JobBoardIndex(BoardPostings postings, Clock clock, PlatformTransactionManager transactions,
			@Value("${chunfeng.jobs.board.poll-interval:PT5S}") Duration pollInterval,
			@Value("${chunfeng.jobs.board.overlap:PT1M}") Duration overlap,
			@Value("${chunfeng.jobs.board.index-dir:}") String indexDir) {
		this.postings = postings;
		this.clock = clock;
		this.freshTransaction = new TransactionTemplate(transactions);
		this.freshTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.freshTransaction.setReadOnly(true);
		this.pollInterval = pollInterval;
		this.overlap = overlap;
		this.indexDir = indexDir;
	}

	private record Change(Instant updatedAt, int version) {
	}

	@Override
	public Paged<JobHit> search(JobSearch search, PageQuery page) {
		return index().search(search, LocalDate.now(clock), page);
	}

	/** Where the open postings are and in which occupation groups, for the board's filters. */
	BoardIndex.Facets facets() {
		return index().facets(LocalDate.now(clock));
	}

	private BoardIndex index() {
		BoardIndex current = index;
		if (current == null) {
			if (stopped) {
				throw new IllegalStateException("The job board is closed");
			}
			// only before start-up completed (another bean searching while the context starts)
			rebuild();
			current = index;
		}
		return current;
	}

	/** Builds the index anew from the database. */
	void rebuild() {
		writing.lock();
		try {
			long started = System.nanoTime();
			BoardIndex target = index == null ? new BoardIndex(directory()) : index;
			int[] count = { 0 };
			RegionScope.asSystem(() -> {
				Instant from = postings.now();
				target.clear();
				postings.forEachPublished(batch -> {
					// the segmenter is the cost: every core analyses (the writer takes documents from many threads)
					batch.parallelStream().forEach(target::put);
					count[0] += batch.size();
				});
				target.refresh();
				recent.clear();
				watermark = from;
			});
			index = target;
			log.info("Job board: {} published postings indexed in {} ms", count[0],
					TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
		}
		finally {
			writing.unlock();
		}
	}

	/**
	 * Follows the postings changed since the last look (minus the overlap), on this instance's index: what other
	 * instances changed. Idempotent.
	 *
	 * @return the postings whose change was applied (not those already followed)
	 */
	int catchUp() {
		index();
		writing.lock();
		try {
			Instant since = watermark.minus(overlap);
			int[] applied = { 0 };
			RegionScope.asSystem(() -> {
				Instant now = postings.now();
				postings.forEachChangedSince(since, batch -> {
					List<BoardPosting> changed = batch.stream()
						.filter(posting -> !change(posting).equals(recent.get(posting.id())))
						.toList();
					changed.parallelStream().forEach(index::put);
					changed.forEach(posting -> recent.put(posting.id(), change(posting)));
					if (!changed.isEmpty()) {
						// batch by batch: after a mass change searches see the progress
						index.refresh();
					}
					applied[0] += changed.size();
				});
				watermark = now;
				recent.values().removeIf(change -> change.updatedAt().isBefore(since));
			});
			return applied[0];
		}
		finally {
			writing.unlock();
		}
	}

	/** Puts a posting changed on this instance on the board (or off it) at once, after its transaction committed. */
	@TransactionalEventListener(fallbackExecution = true)
	void on(PostingChanged changed) {
		try {
			index();
			writing.lock();
			try {
				// a transaction of its own: in an after-commit callback the finished one's connection is still bound
				RegionScope.asSystem(() -> freshTransaction.executeWithoutResult(status -> postings
					.find(changed.postingId()).ifPresent(posting -> {
						if (follow(posting)) {
							index.refresh();
						}
					})));
			}
			finally {
				writing.unlock();
			}
		}
		catch (RuntimeException ex) {
			// the next look at the database follows it
			log.warn("Job board: posting {} not followed at once", changed.postingId(), ex);
		}
	}

	/** Occupation names may have changed: the index is built anew, in the background. */
	@TransactionalEventListener(fallbackExecution = true)
	void on(OccupationsImported imported) {
		ScheduledExecutorService executor = follower;
		Runnable work = () -> {
			postings.forgetNames();
			rebuild();
		};
		if (executor != null) {
			executor.execute(work);
		}
		else {
			work.run();
		}
	}

	/** Writes one posting unless this very change was written already; whether it was written. */
	private boolean follow(BoardPosting posting) {
		Change change = change(posting);
		if (change.equals(recent.get(posting.id()))) {
			return false;
		}
		index.put(posting);
		recent.put(posting.id(), change);
		return true;
	}

	private static Change change(BoardPosting posting) {
		return new Change(posting.updatedAt(), posting.version());
	}

	private Directory directory() {
		if (indexDir == null || indexDir.isBlank()) {
			return new ByteBuffersDirectory();
		}
		try {
			Path path = Path.of(indexDir);
			Files.createDirectories(path);
			return FSDirectory.open(path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// ------------------------------------------------------------------------------------------------ life cycle

	@Override
	public void start() {
		if (index == null) {
			rebuild();
		}
		running = true;
		if (!pollInterval.isZero() && !pollInterval.isNegative()) {
			follower = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("job-board")
				.factory());
			long millis = pollInterval.toMillis();
			follower.scheduleWithFixedDelay(this::lookSafely, millis, millis, TimeUnit.MILLISECONDS);
		}
	}

	private void lookSafely() {
		try {
			catchUp();
		}
		catch (RuntimeException ex) {
			log.warn("Job board: following the postings failed, trying again in {}", pollInterval, ex);
		}
	}

	@Override
	public void stop() {
		running = false;
		stopped = true;
		if (follower != null) {
			follower.shutdownNow();
			follower = null;
		}
		writing.lock();
		try {
			if (index != null) {
				index.close();
				index = null;
			}
		}
		catch (IOException ex) {
			log.warn("Job board: closing the index failed", ex);
		}
		finally {
			writing.unlock();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Before the web server starts taking requests. */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 2048;
	}

	/** Postings on the board now (the index's documents), for the tests and the log. */
	int size() {
		return index().size();
	}
}
