package org.chunfeng.fairs.internal;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.chunfeng.fairs.Booth;
import org.chunfeng.fairs.BoothStatus;
import org.chunfeng.fairs.Booths;
import org.chunfeng.fairs.Fair;
import org.chunfeng.fairs.FairMode;
import org.chunfeng.fairs.FairStatus;
import org.chunfeng.fairs.Fairs;
import org.chunfeng.fairs.ThemeKind;
import org.chunfeng.jobs.JobPosting;
import org.chunfeng.jobs.Jobs;
import org.chunfeng.platform.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * A fair as anybody sees it (the public page and API): no staff names, only confirmed booths with the postings they
 * show that are still on the board, each with the address of its page where a worker applies.
 */
@Component
class PublicFairs {

	private final Fairs fairs;
	private final Booths booths;
	private final Jobs jobs;

	PublicFairs(Fairs fairs, Booths booths, Jobs jobs) {
		this.fairs = fairs;
		this.booths = booths;
		this.jobs = jobs;
	}

	/**
	 * A published (or cancelled) fair as the public sees it.
	 *
	 * @param boothsLeft booths still free, {@code null} when unlimited
	 * @param placesLeft places still free, {@code null} when unlimited
	 */
	record PublicFair(long id, String title, FairMode mode, String venue, String address, LocalDateTime startsAt,
			LocalDateTime endsAt, ThemeKind theme, String themeCode, String organiser, String description,
			FairStatus status, String cancelReason, Integer boothsLeft, Integer placesLeft) {

		static PublicFair of(Fair f) {
			return new PublicFair(f.id(), f.title(), f.details().mode(), f.details().venue(), f.details().address(),
					f.startsAt(), f.endsAt(), f.details().theme(), f.details().themeCode(), f.details().organiser(),
					f.details().description(), f.status(), f.cancelReason(), f.boothsLeft(), f.placesLeft());
		}
	}

	/** An enterprise at the fair with the postings it shows. */
	record PublicBooth(long enterpriseId, String enterpriseName, List<PublicPosting> postings) {
	}

	/**
	 * A posting shown at a booth.
	 *
	 * @param wageMin monthly, whole yuan
	 * @param url     the posting's page, where a worker applies
	 */
	record PublicPosting(long id, String title, int wageMin, int wageMax, int remaining, boolean open, String url) {
	}

	record FairPage(PublicFair fair, List<PublicBooth> booths) {
	}

	/** A fair the public may see: published, or cancelled after it was. */
	Fair fair(long fairId) {
		return fairs.find(fairId).filter(f -> f.publishedAt() != null)
			.orElseThrow(() -> new NotFoundException("kind.fair", String.valueOf(fairId)));
	}

	FairPage page(long fairId, LocalDateTime now) {
		Fair fair = fair(fairId);
		List<Booth> confirmed = fair.status() == FairStatus.CANCELLED ? List.of()
				: booths.atFair(fairId).stream().filter(b -> b.status() == BoothStatus.CONFIRMED).toList();
		List<Long> postingIds = confirmed.stream().flatMap(b -> b.postingIds().stream()).toList();
		Map<Long, JobPosting> postings = postingIds.isEmpty() ? Map.of()
				: jobs.findAll(postingIds).stream().collect(Collectors.toMap(JobPosting::id, Function.identity()));
		List<PublicBooth> shown = new ArrayList<>();
		for (Booth booth : confirmed) {
			List<PublicPosting> list = booth.postingIds().stream().map(postings::get)
				.filter(p -> p != null && p.publishedAt() != null)
				.sorted(Comparator.comparing((JobPosting p) -> p.details().title()).thenComparing(JobPosting::id))
				.map(p -> new PublicPosting(p.id(), p.details().title(), p.details().wageMin(), p.details().wageMax(),
						p.remaining(), p.open(now.toLocalDate()), "/jobs/" + p.id()))
				.toList();
			shown.add(new PublicBooth(booth.enterpriseId(), booth.enterpriseName(), list));
		}
		return new FairPage(PublicFair.of(fair), shown);
	}
}
