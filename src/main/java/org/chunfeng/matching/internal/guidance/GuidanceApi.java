package org.chunfeng.matching.internal.guidance;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.chunfeng.matching.Guidance;
import org.chunfeng.matching.GuidanceChannel;
import org.chunfeng.matching.GuidanceFollowUp;
import org.chunfeng.matching.GuidanceRequest;
import org.chunfeng.matching.GuidanceSession;
import org.chunfeng.matching.GuidanceSessionDetails;
import org.chunfeng.matching.GuidanceTopic;
import org.chunfeng.platform.NotFoundException;
import org.chunfeng.platform.PageQuery;
import org.chunfeng.platform.Paged;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.workers.Workers;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Career guidance for caseworkers and administrators of the worker's district: a worker's sessions and recording one
 * (which answers the worker's open request), the open requests, the follow-ups due. A worker of another district is
 * not found.
 */
@RestController
@Tag(name = "Career guidance")
class GuidanceApi {

	private final Guidance guidance;
	private final Workers workers;
	private final Clock clock;

	GuidanceApi(Guidance guidance, Workers workers, Clock clock) {
		this.guidance = guidance;
		this.workers = workers;
		this.clock = clock;
	}

	/**
	 * A session as recorded: {@code heldOn} and {@code followUpOn} as {@code 2027-01-28}; {@code topics} one or more
	 * of JOB_SEARCH, CAREER_PLANNING, POLICY, SKILLS_TRAINING, RIGHTS, ENTREPRENEURSHIP.
	 */
	record SessionRequest(LocalDate heldOn, GuidanceChannel channel, Set<GuidanceTopic> topics, String notes,
			LocalDate followUpOn) {
	}

	@Operation(summary = "The worker's guidance sessions, the latest first")
	@GetMapping("/api/v1/workers/{workerId}/guidance-sessions")
	List<GuidanceSession> sessions(@PathVariable long workerId) {
		visible(workerId);
		return guidance.sessionsOf(workerId);
	}

	@Operation(summary = "Record a guidance session with the worker (channel COUNTER, PHONE or ONLINE; notes up to 1000 characters; follow-up not before the session); it answers the worker's open request")
	@PostMapping("/api/v1/workers/{workerId}/guidance-sessions")
	ResponseEntity<GuidanceSession> record(@PathVariable long workerId, @RequestBody SessionRequest request) {
		visible(workerId);
		GuidanceSession session = guidance.record(workerId, new GuidanceSessionDetails(request.heldOn(),
				request.channel(), request.topics(), request.notes(), request.followUpOn()));
		return ResponseEntity.created(URI.create("/api/v1/workers/" + workerId + "/guidance-sessions/" + session.id()))
			.body(session);
	}

	@Operation(summary = "The open guidance requests of workers of the caller's region (or of a region within it), the oldest first")
	@GetMapping("/api/v1/guidance-requests")
	Paged<GuidanceRequest> openRequests(@RequestParam(required = false) RegionCode region,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return guidance.openRequests(region, PageQuery.of(page, size));
	}

	@Operation(summary = "The follow-ups due by a day (today when left out): sessions whose follow-up day has come, with nothing recorded for the worker since; the most overdue first")
	@GetMapping("/api/v1/guidance-follow-ups")
	Paged<GuidanceFollowUp> followUps(@RequestParam(required = false) RegionCode region,
			@RequestParam(required = false) LocalDate by, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return guidance.followUpsDue(region, by == null ? LocalDate.now(clock) : by, PageQuery.of(page, size));
	}

	private void visible(long workerId) {
		workers.find(workerId).orElseThrow(() -> new NotFoundException("kind.worker", String.valueOf(workerId)));
	}
}
