package org.chunfeng.fairs.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

import org.chunfeng.fairs.FairRegistration;
import org.chunfeng.fairs.FairRegistrations;
import org.chunfeng.fairs.internal.FairRequests.RegistrationRequest;
import org.chunfeng.platform.InvalidRequestException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A worker's own registrations for fairs (workers): register, the tickets (code and QR code), cancel before the
 * fair.
 */
@RestController
@RequestMapping("/api/v1/me/fair-registrations")
@Tag(name = "My fairs")
class MyFairRegistrationApi {

	private final Participants participants;
	private final FairRegistrations registrations;
	private final Tickets tickets;
	private final PublicFairs fairs;

	MyFairRegistrationApi(Participants participants, FairRegistrations registrations, Tickets tickets,
			PublicFairs fairs) {
		this.fairs = fairs;
		this.participants = participants;
		this.registrations = registrations;
		this.tickets = tickets;
	}

	@Operation(summary = "The own registrations with their ticket codes, the latest fair first")
	@GetMapping
	List<FairRegistration> mine() {
		return participants.asWorker(registrations::ofWorker);
	}

	@Operation(summary = "Register for a published fair; registering again returns the ticket held")
	@PostMapping
	ResponseEntity<FairRegistration> register(@RequestBody RegistrationRequest request) {
		long fairId = FairRequests.required(request.fairId(), "fairId");
		if (request.workerId() != null) {
			throw new InvalidRequestException("workerId", "fair.registration.selfOnly");
		}
		// only a fair the public sees: a planned one is not found
		fairs.fair(fairId);
		FairRegistration registration = participants.asWorker(worker -> registrations.register(fairId, worker));
		return ResponseEntity.created(URI.create("/api/v1/me/fair-registrations/" + registration.id()))
			.body(registration);
	}

	@Operation(summary = "One own registration with its ticket code")
	@GetMapping("/{registrationId}")
	FairRegistration registration(@PathVariable long registrationId) {
		return participants.registration(registrationId);
	}

	@Operation(summary = "The ticket's QR code (SVG) to show at the door")
	@GetMapping(path = "/{registrationId}/qr", produces = "image/svg+xml")
	ResponseEntity<String> qr(@PathVariable long registrationId) {
		FairRegistration registration = participants.registration(registrationId);
		return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml"))
			.body(tickets.svg(registration.code()));
	}

	@Operation(summary = "Cancel the own registration before the fair: the place is free again")
	@PostMapping("/{registrationId}/cancel")
	FairRegistration cancel(@PathVariable long registrationId) {
		long id = participants.registration(registrationId).id();
		return participants.asWorker(worker -> registrations.cancel(id));
	}
}
