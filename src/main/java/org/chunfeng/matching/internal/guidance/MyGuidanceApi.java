package org.chunfeng.matching.internal.guidance;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

import org.chunfeng.matching.Guidance;
import org.chunfeng.matching.GuidanceChannel;
import org.chunfeng.matching.GuidanceRequest;
import org.chunfeng.matching.GuidanceSession;
import org.chunfeng.matching.Service131;
import org.chunfeng.matching.Service131Status;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A worker's own career guidance and 131 record (workers): ask for guidance, the requests, the sessions held. */
@RestController
@Tag(name = "My guidance")
class MyGuidanceApi {

	private final OwnRecord own;
	private final Guidance guidance;
	private final Service131 service131;

	MyGuidanceApi(OwnRecord own, Guidance guidance, Service131 service131) {
		this.own = own;
		this.guidance = guidance;
		this.service131 = service131;
	}

	/** The channel the worker prefers and a short note (up to 200 characters). */
	record AskRequest(GuidanceChannel channel, String note) {
	}

	@Operation(summary = "The own guidance requests, the latest first")
	@GetMapping("/api/v1/me/guidance-requests")
	List<GuidanceRequest> requests() {
		return own.asWorker(guidance::requestsOf);
	}

	@Operation(summary = "Ask for career guidance (channel COUNTER, PHONE or ONLINE); 409 while a request is open")
	@PostMapping("/api/v1/me/guidance-requests")
	ResponseEntity<GuidanceRequest> ask(@RequestBody AskRequest request) {
		GuidanceRequest asked = own.asWorker(worker -> guidance.request(worker, request.channel(), request.note()));
		return ResponseEntity.created(URI.create("/api/v1/me/guidance-requests/" + asked.id())).body(asked);
	}

	@Operation(summary = "The own guidance sessions, the latest first")
	@GetMapping("/api/v1/me/guidance-sessions")
	List<GuidanceSession> sessions() {
		return own.asWorker(guidance::sessionsOf);
	}

	@Operation(summary = "The own 131 record: guidance sessions, job leads (of 3), training referrals")
	@GetMapping("/api/v1/me/service131")
	Service131Status status() {
		return own.asWorker(service131::status);
	}
}
