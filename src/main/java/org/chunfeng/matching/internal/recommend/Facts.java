package org.chunfeng.matching.internal.recommend;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.chunfeng.jobs.OpenPosting;
import org.chunfeng.matching.internal.engine.PostingFacts;
import org.chunfeng.matching.internal.engine.PostingIndex;
import org.chunfeng.matching.internal.engine.SeekerFacts;
import org.chunfeng.reference.ClassificationEntry;
import org.chunfeng.reference.Industries;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.workers.Worker;
import org.springframework.stereotype.Component;

/** Turns registry records into what the engine knows: codes and words only. */
@Component
class Facts {

	private final Industries industries;
	private final Map<String, List<String>> paths = new ConcurrentHashMap<>();

	Facts(Industries industries) {
		this.industries = industries;
	}

	PostingFacts posting(OpenPosting posting) {
		List<String> path = posting.industryCode() == null ? List.of()
				: paths.computeIfAbsent(posting.industryCode(),
						code -> industries.path(code).stream().map(ClassificationEntry::code).toList());
		return new PostingFacts(posting.id(), posting.occupationCode(), posting.skills(), posting.workplaceRegion(),
				posting.wageMax(), path, posting.keyGroupsOnly(), posting.throughFestival(), posting.startDate(),
				posting.remaining());
	}

	static SeekerFacts seeker(Worker worker) {
		var profile = worker.profile();
		var plan = worker.plan();
		return new SeekerFacts(worker.id(), profile.occupations(), profile.skills(), profile.residence().value(),
				profile.preferredRegions().stream().map(RegionCode::value).toList(), profile.expectedWage(),
				profile.preferredIndustries(), !profile.keyGroups().isEmpty(), plan.plan(),
				plan.homeRegion() == null ? null : plan.homeRegion().value(), plan.returnDate());
	}

	/** Who the nightly run serves: job seekers, and everybody of a key group (the 131 service promises them 3 jobs). */
	/** The positions in the index of the given postings, those no longer open left out. */
	static int[] indexes(PostingIndex index, List<Long> postingIds) {
		return postingIds.stream().mapToInt(index::indexOf).filter(i -> i >= 0).toArray();
	}

	static boolean active(Worker worker) {
		return !worker.merged() && (worker.status() != org.chunfeng.workers.EmploymentStatus.EMPLOYED
				|| !worker.keyGroups().isEmpty());
	}
}
