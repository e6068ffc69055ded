package org.chunfeng.workers.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.platform.NotFoundException;
import org.chunfeng.workers.PersonalNumber;
import org.chunfeng.workers.Worker;
import org.chunfeng.workers.Workers;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A worker's record for the bureau's staff, personal numbers masked; revealing one in full takes the reveal
 * permission and is audited. The database shows only workers inside the caller's region.
 */
@RestController
@RequestMapping("/api/v1/workers")
@Tag(name = "Workers")
class WorkerApi {

	private final Workers workers;

	WorkerApi(Workers workers) {
		this.workers = workers;
	}

	record RevealRequest(PersonalNumber field) {
	}

	record Revealed(long workerId, PersonalNumber field, String value) {
	}

	@Operation(summary = "One worker, personal numbers masked")
	@GetMapping("/{workerId}")
	Worker worker(@PathVariable long workerId) {
		return workers.find(workerId).orElseThrow(() -> new NotFoundException("kind.worker", String.valueOf(workerId)));
	}

	@Operation(summary = "Reveal a worker's resident ID or mobile number in full (needs the reveal permission; audited)")
	@PostMapping("/{workerId}/reveal")
	Revealed reveal(@PathVariable long workerId, @RequestBody RevealRequest request) {
		if (request.field() == null) {
			throw new InvalidRequestException("field", "problem.field.required");
		}
		String value = workers.reveal(workerId, request.field())
			.orElseThrow(() -> new NotFoundException("kind.worker", String.valueOf(workerId)));
		return new Revealed(workerId, request.field(), value);
	}
}
