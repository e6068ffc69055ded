package org.chunfeng.workers.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.platform.NotFoundException;
import org.chunfeng.platform.PageQuery;
import org.chunfeng.platform.Paged;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.workers.DuplicateWorkerException;
import org.chunfeng.workers.EmploymentStatus;
import org.chunfeng.workers.FestivalPlan;
import org.chunfeng.workers.KeyGroup;
import org.chunfeng.workers.PersonalNumber;
import org.chunfeng.workers.PlanVersion;
import org.chunfeng.workers.RegistrationSource;
import org.chunfeng.workers.NewWorker;
import org.chunfeng.workers.Worker;
import org.chunfeng.workers.WorkerQuery;
import org.chunfeng.workers.Workers;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The worker registry for the bureau's staff: search, register, edit (optimistic locking: send the version you
 * read), plan history, merge. Personal numbers are masked; revealing one takes the reveal permission and is
 * audited. The database shows only workers inside the caller's region.
 */
@RestController
@RequestMapping("/api/v1/workers")
@Tag(name = "Workers")
class WorkerApi {

	private final Workers workers;
	private final MessageSource messages;

	WorkerApi(Workers workers, MessageSource messages) {
		this.workers = workers;
		this.messages = messages;
	}

	record RevealRequest(PersonalNumber field) {
	}

	record Revealed(long workerId, PersonalNumber field, String value) {
	}

	record MergeRequest(Long duplicateId) {
	}

	@Operation(summary = "Search workers: q is a full ID or mobile number, or part of a name; filters combine")
	@GetMapping
	Paged<Worker> search(@RequestParam(required = false) String q, @RequestParam(required = false) RegionCode region,
			@RequestParam(required = false) EmploymentStatus status, @RequestParam(required = false) KeyGroup keyGroup,
			@RequestParam(required = false) FestivalPlan plan, @RequestParam(required = false) String occupation,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return workers.search(new WorkerQuery(q, region, status, keyGroup, plan, occupation), PageQuery.of(page, size));
	}

	@Operation(summary = "Register a worker (source: caseworker); a registered ID number answers 409 with the existing record's address")
	@PostMapping
	ResponseEntity<Worker> register(@RequestBody WorkerDraft draft) {
		WorkerDraft.Checked checked = draft.check(true);
		Worker worker = workers.register(new NewWorker(checked.idNumber(), checked.profile(), checked.mobile(),
				checked.bank(), checked.plan(), RegistrationSource.CASEWORKER));
		return ResponseEntity.created(URI.create("/api/v1/workers/" + worker.id())).body(worker);
	}

	@Operation(summary = "One worker, personal numbers masked")
	@GetMapping("/{workerId}")
	Worker worker(@PathVariable long workerId) {
		return workers.find(workerId).orElseThrow(() -> new NotFoundException("kind.worker", String.valueOf(workerId)));
	}

	@Operation(summary = "Change a worker: send the whole record with the version you read; 409 if someone saved it since. Empty mobile or bank account keeps the stored one")
	@PutMapping("/{workerId}")
	Worker update(@PathVariable long workerId, @RequestBody WorkerDraft draft) {
		if (draft.version() == null) {
			throw new InvalidRequestException("version", "problem.field.required");
		}
		WorkerDraft.Checked checked = draft.check(false);
		return workers.update(workerId, draft.version(), checked.profile(), checked.plan(), checked.mobile(),
				checked.bank());
	}

	@Operation(summary = "The worker's festival plans, newest first (every change is kept)")
	@GetMapping("/{workerId}/plans")
	List<PlanVersion> plans(@PathVariable long workerId) {
		worker(workerId);
		return workers.planHistory(workerId);
	}

	@Operation(summary = "Merge a duplicate record into this one (administrators); the duplicate stays, read-only")
	@PostMapping("/{workerId}/merge")
	Worker merge(@PathVariable long workerId, @RequestBody MergeRequest request) {
		if (request.duplicateId() == null) {
			throw new InvalidRequestException("duplicateId", "problem.field.required");
		}
		return workers.merge(workerId, request.duplicateId());
	}

	@Operation(summary = "Reveal a worker's resident ID, mobile or bank account number in full (needs the reveal permission; audited)")
	@PostMapping("/{workerId}/reveal")
	Revealed reveal(@PathVariable long workerId, @RequestBody RevealRequest request) {
		if (request.field() == null) {
			throw new InvalidRequestException("field", "problem.field.required");
		}
		String value = workers.reveal(workerId, request.field())
			.orElseThrow(() -> new NotFoundException("kind.worker", String.valueOf(workerId)));
		return new Revealed(workerId, request.field(), value);
	}

	/** A registered ID number: 409, pointing at the existing record when the caller may see it. */
	@ExceptionHandler(DuplicateWorkerException.class)
	ResponseEntity<ProblemDetail> duplicate(DuplicateWorkerException ex, HttpServletRequest request) {
		var locale = LocaleContextHolder.getLocale();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				messages.getMessage(ex.code(), ex.args(), locale));
		problem.setTitle(messages.getMessage("problem.duplicate", null, locale));
		problem.setInstance(URI.create(request.getRequestURI()));
		problem.setProperty("errors", List.of(java.util.Map.of("field", "idNumber", "message",
				messages.getMessage(ex.code(), ex.args(), locale))));
		ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.CONFLICT);
		if (ex.existingId() != null) {
			problem.setProperty("existing", "/api/v1/workers/" + ex.existingId());
			response.location(URI.create("/api/v1/workers/" + ex.existingId()));
		}
		return response.body(problem);
	}
}
