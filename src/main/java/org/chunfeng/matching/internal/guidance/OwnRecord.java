package org.chunfeng.matching.internal.guidance;

import java.util.function.Function;

import org.chunfeng.identity.Actor;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.identity.Role;
import org.chunfeng.workers.Worker;
import org.chunfeng.workers.Workers;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The signed-in worker acting on its own guidance and 131 record. The id comes from the account, never from the
 * request; a record merged into another is followed to the one kept. The work runs over every region (the account's
 * region is where the worker lived when it was opened; the record may have moved since), each call in a transaction
 * of its own opened inside that scope: the caller must not hold one.
 */
@Component
class OwnRecord {

	private final Workers workers;

	OwnRecord(Workers workers) {
		this.workers = workers;
	}

	<T> T asWorker(Function<Long, T> work) {
		long id = RegionScope.currentActor().filter(a -> a.role() == Role.WORKER).map(Actor::worker)
			.orElseThrow(() -> new AccessDeniedException("not a worker"));
		return RegionScope.asSystem(() -> {
			Worker worker = workers.find(id).orElseThrow(() -> new AccessDeniedException("no record"));
			long kept = worker.merged() ? worker.mergedInto() : worker.id();
			return work.apply(kept);
		});
	}
}
