package org.chunfeng.fairs.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.Clock;
import java.time.LocalDateTime;

import org.chunfeng.fairs.Fairs;
import org.chunfeng.fairs.internal.PublicFairs.FairPage;
import org.chunfeng.fairs.internal.PublicFairs.PublicFair;
import org.chunfeng.platform.PageQuery;
import org.chunfeng.platform.Paged;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Fairs as anybody sees them, without signing in: the upcoming fairs, and each fair with its enterprises and postings. */
@RestController
@RequestMapping("/api/v1/public/fairs")
@Tag(name = "Fairs (public)")
class PublicFairApi {

	private final Fairs fairs;
	private final PublicFairs pages;
	private final Clock clock;

	PublicFairApi(Fairs fairs, PublicFairs pages, Clock clock) {
		this.fairs = fairs;
		this.pages = pages;
		this.clock = clock;
	}

	@Operation(summary = "Published fairs that are not over, soonest first; region narrows them to a city or county")
	@GetMapping
	Paged<PublicFair> upcoming(@RequestParam(required = false) String region,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return fairs.upcoming(FairRequests.region(region), PageQuery.of(page, size)).map(PublicFair::of);
	}

	@Operation(summary = "A fair with its confirmed enterprises and the postings they show (apply at each posting's url)")
	@GetMapping("/{fairId}")
	FairPage fair(@PathVariable long fairId) {
		return pages.page(fairId, LocalDateTime.now(clock));
	}
}
