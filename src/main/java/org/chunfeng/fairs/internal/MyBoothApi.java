package org.chunfeng.fairs.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

import org.chunfeng.fairs.Booth;
import org.chunfeng.fairs.Booths;
import org.chunfeng.fairs.Intention;
import org.chunfeng.fairs.Intentions;
import org.chunfeng.fairs.internal.FairRequests.BoothRequest;
import org.chunfeng.fairs.internal.FairRequests.IntentionRequest;
import org.chunfeng.fairs.internal.FairRequests.PostingsRequest;
import org.chunfeng.platform.InvalidRequestException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The own enterprise's booths at fairs (enterprise users): request one with the own published postings, change the
 * postings, withdraw; at the fair, record intentions of workers identified by their ticket.
 */
@RestController
@RequestMapping("/api/v1/me/booths")
@Tag(name = "My booths")
class MyBoothApi {

	private final Participants participants;
	private final Booths booths;
	private final Intentions intentions;

	MyBoothApi(Participants participants, Booths booths, Intentions intentions) {
		this.participants = participants;
		this.booths = booths;
		this.intentions = intentions;
	}

	@Operation(summary = "The own booths, the latest fair first")
	@GetMapping
	List<Booth> booths() {
		return participants.booths();
	}

	@Operation(summary = "Request a booth at a published fair with the own published postings; asking again after a decline or withdrawal is allowed")
	@PostMapping
	ResponseEntity<Booth> request(@RequestBody BoothRequest request) {
		long fairId = FairRequests.required(request.fairId(), "fairId");
		if (request.enterpriseId() != null && request.enterpriseId() != participants.enterprise().id()) {
			throw new InvalidRequestException("enterpriseId", "fair.booth.ownOnly");
		}
		Booth booth = booths.request(fairId, participants.enterprise().id(), request.postingIds(), request.note());
		return ResponseEntity.created(URI.create("/api/v1/me/booths/" + booth.id())).body(booth);
	}

	@Operation(summary = "One own booth")
	@GetMapping("/{boothId}")
	Booth booth(@PathVariable long boothId) {
		return participants.booth(boothId);
	}

	@Operation(summary = "Set the postings shown at the own booth")
	@PutMapping("/{boothId}/postings")
	Booth attach(@PathVariable long boothId, @RequestBody PostingsRequest request) {
		return booths.attach(participants.booth(boothId).id(), request.postingIds());
	}

	@Operation(summary = "Withdraw the own booth; a confirmed one frees its place")
	@PostMapping("/{boothId}/withdraw")
	Booth withdraw(@PathVariable long boothId) {
		return booths.withdraw(participants.booth(boothId).id());
	}

	@Operation(summary = "The intentions recorded at the own booth, each with the outcome of its application")
	@GetMapping("/{boothId}/intentions")
	List<Intention> intentions(@PathVariable long boothId) {
		return intentions.atBooth(participants.booth(boothId).id());
	}

	@Operation(summary = "Record an intention at the own confirmed booth: one of its postings and the worker's ticket code (scanned or typed); it becomes the worker's application (channel FAIR)")
	@PostMapping("/{boothId}/intentions")
	ResponseEntity<Intention> record(@PathVariable long boothId, @RequestBody IntentionRequest request) {
		Booth booth = participants.booth(boothId);
		if (request.code() == null || request.code().isBlank()) {
			throw new InvalidRequestException("code", "problem.field.required");
		}
		Intention intention = intentions.record(booth.id(), FairRequests.required(request.postingId(), "postingId"),
				request.code(), null, request.note());
		return ResponseEntity.created(URI.create("/api/v1/me/booths/" + boothId + "/intentions")).body(intention);
	}
}
