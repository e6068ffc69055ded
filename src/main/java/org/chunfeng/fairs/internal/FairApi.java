package org.chunfeng.fairs.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import org.chunfeng.fairs.Booth;
import org.chunfeng.fairs.Booths;
import org.chunfeng.fairs.Fair;
import org.chunfeng.fairs.FairFigures;
import org.chunfeng.fairs.FairQuery;
import org.chunfeng.fairs.FairRegistration;
import org.chunfeng.fairs.FairRegistrations;
import org.chunfeng.fairs.FairStatus;
import org.chunfeng.fairs.Fairs;
import org.chunfeng.fairs.Intention;
import org.chunfeng.fairs.Intentions;
import org.chunfeng.fairs.internal.FairRequests.BoothRequest;
import org.chunfeng.fairs.internal.FairRequests.CheckInRequest;
import org.chunfeng.fairs.internal.FairRequests.FairRequest;
import org.chunfeng.fairs.internal.FairRequests.IntentionRequest;
import org.chunfeng.fairs.internal.FairRequests.PostingsRequest;
import org.chunfeng.fairs.internal.FairRequests.ReasonRequest;
import org.chunfeng.fairs.internal.FairRequests.RegistrationRequest;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.platform.NotFoundException;
import org.chunfeng.platform.PageQuery;
import org.chunfeng.platform.Paged;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Fairs for the bureau's staff of the fair's region: plan, change, publish, cancel; decide booths (and book one for
 * an enterprise); register workers; check tickets in at the door; record intentions; the figures. A fair of another
 * region is not found here (its public page is at {@code /api/v1/public/fairs}).
 */
@RestController
@RequestMapping("/api/v1/fairs")
@Tag(name = "Fairs")
class FairApi {

	private final Fairs fairs;
	private final Booths booths;
	private final FairRegistrations registrations;
	private final Intentions intentions;

	FairApi(Fairs fairs, Booths booths, FairRegistrations registrations, Intentions intentions) {
		this.fairs = fairs;
		this.booths = booths;
		this.registrations = registrations;
		this.intentions = intentions;
	}

	@Operation(summary = "The fairs of the caller's region, the latest first: from/to (days) bound the dates, q is part of the title")
	@GetMapping
	Paged<Fair> search(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
			@RequestParam(required = false) FairStatus status, @RequestParam(required = false) Long seriesId,
			@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return fairs.search(new FairQuery(from, to, status, seriesId, q), PageQuery.of(page, size));
	}

	@Operation(summary = "Plan a fair (not public until published); times in China Standard Time, e.g. 2027-02-16T09:00")
	@PostMapping
	ResponseEntity<Fair> plan(@RequestBody FairRequest request) {
		Fair fair = fairs.plan(FairRequests.region(request.region()), request.details());
		return ResponseEntity.created(URI.create("/api/v1/fairs/" + fair.id())).body(fair);
	}

	@Operation(summary = "One fair of the caller's region")
	@GetMapping("/{fairId}")
	Fair fair(@PathVariable long fairId) {
		return fairs.manageable(fairId);
	}

	@Operation(summary = "Change a fair: send it whole with the version you read; 409 if someone saved it since. A capacity below what is confirmed or registered is refused")
	@PutMapping("/{fairId}")
	Fair revise(@PathVariable long fairId, @RequestBody FairRequest request) {
		if (request.version() == null) {
			throw new InvalidRequestException("version", "problem.field.required");
		}
		return fairs.revise(fairId, request.version(), request.details());
	}

	@Operation(summary = "Publish a planned fair: enterprises may book booths, workers may register")
	@PostMapping("/{fairId}/publish")
	Fair publish(@PathVariable long fairId) {
		return fairs.publish(fairId);
	}

	@Operation(summary = "Cancel a fair with the reason; its booths and registrations stay, shown as cancelled")
	@PostMapping("/{fairId}/cancel")
	Fair cancel(@PathVariable long fairId, @RequestBody ReasonRequest request) {
		return fairs.cancel(fairId, request.reason());
	}

	@Operation(summary = "What the fair achieved: registrations, attendance, confirmed booths, postings, intentions, hires")
	@GetMapping("/{fairId}/figures")
	FairFigures figures(@PathVariable long fairId) {
		return fairs.figures(fairId);
	}

	@Operation(summary = "The fair's booths (requested, confirmed, declined, withdrawn) with their postings")
	@GetMapping("/{fairId}/booths")
	List<Booth> booths(@PathVariable long fairId) {
		fairs.manageable(fairId);
		return booths.atFair(fairId);
	}

	@Operation(summary = "Request a booth for an enterprise (a caseworker on its behalf), with its published postings")
	@PostMapping("/{fairId}/booths")
	ResponseEntity<Booth> requestBooth(@PathVariable long fairId, @RequestBody BoothRequest request) {
		fairs.manageable(fairId);
		Booth booth = booths.request(fairId, FairRequests.required(request.enterpriseId(), "enterpriseId"),
				request.postingIds(), request.note());
		return ResponseEntity.created(URI.create("/api/v1/fairs/" + fairId + "/booths/" + booth.id())).body(booth);
	}

	@Operation(summary = "Confirm a requested booth; 409 when the venue's booths are all taken")
	@PostMapping("/{fairId}/booths/{boothId}/confirm")
	Booth confirm(@PathVariable long fairId, @PathVariable long boothId) {
		return booths.confirm(boothOf(fairId, boothId).id());
	}

	@Operation(summary = "Decline a requested booth, with the reason")
	@PostMapping("/{fairId}/booths/{boothId}/decline")
	Booth decline(@PathVariable long fairId, @PathVariable long boothId, @RequestBody ReasonRequest request) {
		return booths.decline(boothOf(fairId, boothId).id(), request.reason());
	}

	@Operation(summary = "Set the postings shown at a booth (published postings of the booth's enterprise)")
	@PutMapping("/{fairId}/booths/{boothId}/postings")
	Booth attach(@PathVariable long fairId, @PathVariable long boothId, @RequestBody PostingsRequest request) {
		return booths.attach(boothOf(fairId, boothId).id(), request.postingIds());
	}

	private Booth boothOf(long fairId, long boothId) {
		fairs.manageable(fairId);
		return booths.find(boothId).filter(b -> b.fairId() == fairId)
			.orElseThrow(() -> new NotFoundException("kind.booth", String.valueOf(boothId)));
	}

	@Operation(summary = "The fair's registrations, by name")
	@GetMapping("/{fairId}/registrations")
	Paged<FairRegistration> registrations(@PathVariable long fairId, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return registrations.atFair(fairId, PageQuery.of(page, size));
	}

	@Operation(summary = "Register a worker of the registry for the fair (a caseworker); registering again returns the ticket held")
	@PostMapping("/{fairId}/registrations")
	ResponseEntity<FairRegistration> register(@PathVariable long fairId, @RequestBody RegistrationRequest request) {
		fairs.manageable(fairId);
		FairRegistration registration = registrations.register(fairId,
				FairRequests.required(request.workerId(), "workerId"));
		return ResponseEntity.created(URI.create("/api/v1/fairs/" + fairId + "/registrations")).body(registration);
	}

	@Operation(summary = "Check a ticket in at the door (the QR code's text, or typed: case, spaces and dashes do not matter); 409 says when it was checked in already, or which fair it is for")
	@PostMapping("/{fairId}/check-ins")
	FairRegistration checkIn(@PathVariable long fairId, @RequestBody CheckInRequest request) {
		return registrations.checkIn(fairId, request.code());
	}

	@Operation(summary = "The intentions recorded at the fair, the latest first, each with the outcome of its application")
	@GetMapping("/{fairId}/intentions")
	List<Intention> intentions(@PathVariable long fairId) {
		fairs.manageable(fairId);
		return intentions.atFair(fairId);
	}

	@Operation(summary = "Record an intention at the booth showing the posting: the worker by ticket code or by registry id; it becomes the worker's application (channel FAIR)")
	@PostMapping("/{fairId}/intentions")
	ResponseEntity<Intention> recordIntention(@PathVariable long fairId, @RequestBody IntentionRequest request) {
		fairs.manageable(fairId);
		long postingId = FairRequests.required(request.postingId(), "postingId");
		Booth booth = booths.atFair(fairId).stream().filter(b -> b.postingIds().contains(postingId)).findFirst()
			.orElseThrow(() -> new InvalidRequestException("postingId", "fair.intention.posting.notAtFair", postingId));
		Intention intention = intentions.record(booth.id(), postingId, request.code(), request.workerId(),
				request.note());
		return ResponseEntity.created(URI.create("/api/v1/fairs/" + fairId + "/intentions")).body(intention);
	}
}
