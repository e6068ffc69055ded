package org.chunfeng.jobs.internal.board;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.chunfeng.jobs.JobBoard;
import org.chunfeng.jobs.JobHit;
import org.chunfeng.jobs.JobKind;
import org.chunfeng.platform.PageQuery;
import org.chunfeng.platform.Paged;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public job board for apps and partner sites: no token needed, only open postings (published, places left, not
 * past the end date), best match first.
 */
@RestController
@RequestMapping("/api/v1/jobs")
@Tag(name = "Job board", description = "Open postings, found by Chinese free text and filters; public")
class JobBoardApi {

	private final JobBoard board;
	private final BoardRequests requests;

	JobBoardApi(JobBoard board, BoardRequests requests) {
		this.board = board;
		this.requests = requests;
	}

	@Operation(summary = "Search open postings (public, no token): Chinese free text such as 普工 包吃住 or 苏州 月薪5000, "
			+ "with filters. A wage in the text (月薪5000, 5k, 5000以上) is a minimum like wageAtLeast (the stricter "
			+ "wins); 包吃/包住/包吃住 only find postings that provide meals/housing. Ordered by relevance, then the "
			+ "newest; without text, newest first. Hits beyond position 10,000 are counted but not listed")
	@GetMapping
	Paged<JobHit> search(
			@Parameter(description = "free text, at most 100 characters") @RequestParam(required = false) String q,
			@Parameter(description = "GB/T 2260 code of the workplace region: a prefecture finds its counties",
					example = "320500") @RequestParam(required = false) String region,
			@Parameter(description = "occupation code or group prefix", example = "6-29")
			@RequestParam(required = false) String occupation,
			@Parameter(description = "the posting's upper monthly wage reaches at least this many yuan")
			@RequestParam(required = false) Integer wageAtLeast,
			@RequestParam(required = false) JobKind kind, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		PageQuery paging = PageQuery.of(page, size);
		return board.search(requests.search(q, region, occupation, wageAtLeast, kind), paging);
	}
}
