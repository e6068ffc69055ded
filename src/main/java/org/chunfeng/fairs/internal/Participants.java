package org.chunfeng.fairs.internal;

import java.util.List;
import java.util.function.Function;

import org.chunfeng.enterprises.Enterprise;
import org.chunfeng.enterprises.Enterprises;
import org.chunfeng.fairs.Booth;
import org.chunfeng.fairs.Booths;
import org.chunfeng.fairs.FairRegistration;
import org.chunfeng.fairs.FairRegistrations;
import org.chunfeng.identity.Actor;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.identity.Role;
import org.chunfeng.platform.NotFoundException;
import org.chunfeng.workers.Worker;
import org.chunfeng.workers.Workers;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * The signed-in enterprise user or worker taking part in fairs: an enterprise user acts only for its own enterprise
 * (and its booths), a worker only for itself (and its registrations). Ids come from the account, never from the
 * request; a record merged into another is followed to the one kept.
 */
@Component
class Participants {

	private final Enterprises enterprises;
	private final Workers workers;
	private final Booths booths;
	private final FairRegistrations registrations;

	Participants(Enterprises enterprises, Workers workers, Booths booths, FairRegistrations registrations) {
		this.enterprises = enterprises;
		this.workers = workers;
		this.booths = booths;
		this.registrations = registrations;
	}

	/** The enterprise of the signed-in enterprise user. */
	Enterprise enterprise() {
		Long id = RegionScope.currentActor().filter(a -> a.role() == Role.ENTERPRISE_USER).map(Actor::enterprise)
			.orElseThrow(() -> new AccessDeniedException("not an enterprise user"));
		Enterprise enterprise = enterprises.find(id)
			.orElseThrow(() -> new NotFoundException("kind.enterprise", String.valueOf(id)));
		for (int hop = 0; enterprise.merged() && hop < 5; hop++) {
			long kept = enterprise.mergedInto();
			enterprise = enterprises.find(kept)
				.orElseThrow(() -> new NotFoundException("kind.enterprise", String.valueOf(kept)));
		}
		return enterprise;
	}

	/** A booth of the own enterprise; another enterprise's is not found. */
	Booth booth(long boothId) {
		long own = enterprise().id();
		return booths.find(boothId).filter(b -> b.enterpriseId() == own)
			.orElseThrow(() -> new NotFoundException("kind.booth", String.valueOf(boothId)));
	}

	/** The own booths, the latest fair first. */
	List<Booth> booths() {
		return booths.ofEnterprise(enterprise().id());
	}

	/**
	 * Work of the signed-in worker on its own record, given the record's id. It runs over every region: the account's
	 * region is where the worker lived when it was opened, the record may have moved since (as on the worker's own
	 * pages); the id is the account's, never the request's.
	 */
	<T> T asWorker(Function<Long, T> work) {
		long id = RegionScope.currentActor().filter(a -> a.role() == Role.WORKER).map(Actor::worker)
			.orElseThrow(() -> new AccessDeniedException("not a worker"));
		return RegionScope.asSystem(() -> {
			Worker worker = workers.find(id).orElseThrow(() -> new AccessDeniedException("no record"));
			long kept = worker.merged() ? worker.mergedInto() : worker.id();
			return work.apply(kept);
		});
	}

	/** A registration of the signed-in worker; another's is not found. */
	FairRegistration registration(long registrationId) {
		return asWorker(worker -> registrations.find(registrationId).filter(r -> r.workerId() == worker)
			.orElseThrow(() -> new NotFoundException("kind.fairRegistration", String.valueOf(registrationId))));
	}
}
