package org.chunfeng.matching.internal.recommend;

import java.util.List;
import java.util.Locale;

import org.chunfeng.matching.JobLead;
import org.chunfeng.matching.Reason;
import org.chunfeng.matching.Recommendation;
import org.chunfeng.matching.RecommendationRun;
import org.chunfeng.platform.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Recommendations, job leads and runs, with each reason also rendered in the caller's language. */
@RestController
@Tag(name = "Recommendations")
class RecommendationApi {

	/** A reason as code, arguments and text in the caller's language. */
	record ReasonView(String code, List<String> args, String text) {
	}

	record RecommendationView(long postingId, String title, String enterpriseName, String workplaceRegion,
			String workplaceName, int wageMin, int wageMax, boolean meals, boolean housing, int score,
			List<ReasonView> reasons) {
	}

	record JobLeadView(int rank, long postingId, String title, String enterpriseName, int score, Long runId,
			String givenBy, java.time.Instant givenAt, List<ReasonView> reasons) {
	}

	private final JdbcRecommendations recommendations;
	private final MessageSource messages;

	RecommendationApi(JdbcRecommendations recommendations, MessageSource messages) {
		this.recommendations = recommendations;
		this.messages = messages;
	}

	@Operation(summary = "The signed-in worker's 3 most suitable open postings, with why")
	@GetMapping("/api/v1/me/recommendations")
	List<RecommendationView> mine(Locale locale) {
		return recommendations.mine().stream().map(r -> view(r, locale)).toList();
	}

	@Operation(summary = "A worker's 3 most suitable open postings now, with why")
	@GetMapping("/api/v1/workers/{workerId}/recommendations")
	List<RecommendationView> forWorker(@PathVariable long workerId, Locale locale) {
		return recommendations.forWorker(workerId).stream().map(r -> view(r, locale)).toList();
	}

	@Operation(summary = "The 3 jobs of the worker's 131 record")
	@GetMapping("/api/v1/workers/{workerId}/job-leads")
	List<JobLeadView> leads(@PathVariable long workerId, Locale locale) {
		return recommendations.leadsOf(workerId).stream().map(l -> view(l, locale)).toList();
	}

	@Operation(summary = "Give the worker's 3 best postings now as the 3 jobs of its 131 record")
	@PostMapping("/api/v1/workers/{workerId}/job-leads")
	List<JobLeadView> give(@PathVariable long workerId, Locale locale) {
		return recommendations.giveLeads(workerId).stream().map(l -> view(l, locale)).toList();
	}

	@Operation(summary = "The latest recommendation runs with their figures, newest first")
	@GetMapping("/api/v1/matching/runs")
	List<RecommendationRun> runs(@RequestParam(defaultValue = "20") int size) {
		return recommendations.runs(Math.max(1, Math.min(100, size)));
	}

	@Operation(summary = "One recommendation run")
	@GetMapping("/api/v1/matching/runs/{runId}")
	RecommendationRun run(@PathVariable long runId) {
		return recommendations.run(runId).orElseThrow(() -> new NotFoundException("kind.recommendationRun",
				String.valueOf(runId)));
	}

	@Operation(summary = "Run the recommendations for every active seeker now (202); 409 while a run is under way")
	@PostMapping("/api/v1/matching/runs")
	ResponseEntity<Void> start() {
		recommendations.requestRun();
		return ResponseEntity.accepted().build();
	}

	private RecommendationView view(Recommendation r, Locale locale) {
		return new RecommendationView(r.postingId(), r.title(), r.enterpriseName(), r.workplaceRegion(),
				r.workplaceName(), r.wageMin(), r.wageMax(), r.meals(), r.housing(), r.score(), reasons(r.reasons(), locale));
	}

	private JobLeadView view(JobLead l, Locale locale) {
		return new JobLeadView(l.rank(), l.postingId(), l.title(), l.enterpriseName(), l.score(), l.runId(),
				l.givenBy(), l.givenAt(), reasons(l.reasons(), locale));
	}

	private List<ReasonView> reasons(List<Reason> reasons, Locale locale) {
		return reasons.stream()
			.map(reason -> new ReasonView(reason.code(), reason.args(),
					messages.getMessage(reason.code(), reason.args().toArray(), reason.code(), locale)))
			.toList();
	}
}
