package org.chunfeng.subsidies.internal;

import static org.chunfeng.subsidies.internal.ProgramRequests.required;

import java.net.URI;

import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.platform.NotFoundException;
import org.chunfeng.platform.PageQuery;
import org.chunfeng.platform.Paged;
import org.chunfeng.platform.RefusedException;
import org.chunfeng.subsidies.ProgramQuery;
import org.chunfeng.subsidies.ProgramStatus;
import org.chunfeng.subsidies.SubsidyProgram;
import org.chunfeng.subsidies.SubsidyPrograms;
import org.chunfeng.subsidies.internal.ProgramRequests.CopyRequest;
import org.chunfeng.subsidies.internal.ProgramRequests.ProgramRequest;
import org.chunfeng.subsidies.internal.ProgramRequests.StatusRequest;
import org.chunfeng.subsidies.rules.ProgramKind;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Subsidy programs for the bureau's staff: everybody of the bureau reads the templates and the programs of its
 * region (and those around it); administrators set programs up, copy a template or a program for a new year, change
 * drafts (and an open program's name, budget and closing date), open and close them. Changes carry the version read
 * (409 if saved since); a move the state does not allow is a 409 that says why.
 */
@RestController
@Tag(name = "Subsidy programs")
class SubsidyProgramApi {

	private final SubsidyPrograms programs;

	SubsidyProgramApi(SubsidyPrograms programs) {
		this.programs = programs;
	}

	@Operation(summary = "Templates and the programs the caller may read: the bureau's programs first (open ones first, then the latest policy year, then by name), then the templates. template=true lists only templates")
	@GetMapping("/api/v1/subsidy-programs")
	Paged<SubsidyProgram> search(@RequestParam(required = false) String q,
			@RequestParam(required = false) ProgramKind kind, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) ProgramStatus status, @RequestParam(required = false) Boolean template,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		ProgramAccess.requireReader();
		return programs.search(new ProgramQuery(q, kind, year, status, template), PageQuery.of(page, size));
	}

	@Operation(summary = "Set up a draft program of the caller's region (or a region inside it): kind, name, policyYear, budgetFen, openDate, closeDate, basis and the kind's parameters")
	@PostMapping("/api/v1/subsidy-programs")
	ResponseEntity<SubsidyProgram> create(@RequestBody ProgramRequest request) {
		ProgramAccess.requireAdministrator();
		if (request.kind() == null) {
			throw new InvalidRequestException("kind", "problem.field.required");
		}
		SubsidyProgram program = programs.create(request.runningRegion(), request.kind(),
				request.details(request.kind()));
		return ResponseEntity.created(URI.create("/api/v1/subsidy-programs/" + program.id())).body(program);
	}

	@Operation(summary = "One program or template")
	@GetMapping("/api/v1/subsidy-programs/{programId}")
	SubsidyProgram program(@PathVariable long programId) {
		ProgramAccess.requireReader();
		return find(programId);
	}

	private SubsidyProgram find(long programId) {
		return programs.find(programId)
			.orElseThrow(() -> new NotFoundException("kind.subsidyProgram", String.valueOf(programId)));
	}

	@Operation(summary = "Change a program of the caller's region (send the version read): anything of a draft; of an open one only name, budgetFen, closeDate and basis. Templates are copied, not changed")
	@PutMapping("/api/v1/subsidy-programs/{programId}")
	SubsidyProgram revise(@PathVariable long programId, @RequestBody ProgramRequest request) {
		ProgramAccess.requireAdministrator();
		SubsidyProgram program = find(programId);
		if (request.kind() != null && request.kind() != program.kind()) {
			throw new InvalidRequestException("kind", "subsidy.program.kindFixed");
		}
		int version = required("version", request.version());
		return programs.revise(programId, version, request.details(program.kind()), request.reviewSteps());
	}

	@Operation(summary = "Copy a template or program into a draft for another policy year (dates move along; the name's year too unless a name is given)")
	@PostMapping("/api/v1/subsidy-programs/{programId}/copies")
	ResponseEntity<SubsidyProgram> copy(@PathVariable long programId, @RequestBody CopyRequest request) {
		ProgramAccess.requireAdministrator();
		find(programId);
		int year = required("policyYear", request.policyYear());
		SubsidyProgram copy = programs.copy(programId, ProgramRequests.region("region", request.region()), year,
				request.name());
		return ResponseEntity.created(URI.create("/api/v1/subsidy-programs/" + copy.id())).body(copy);
	}

	@Operation(summary = "Open a draft (status OPEN: it needs a budget, complete parameters and a closing date not past) or close an open program (status CLOSED), with the version read")
	@PostMapping("/api/v1/subsidy-programs/{programId}/status")
	SubsidyProgram move(@PathVariable long programId, @RequestBody StatusRequest request) {
		ProgramAccess.requireAdministrator();
		find(programId);
		if (request.status() == null) {
			throw new InvalidRequestException("status", "problem.field.required");
		}
		int version = required("version", request.version());
		return switch (request.status()) {
			case OPEN -> programs.open(programId, version);
			case CLOSED -> programs.close(programId, version);
			case DRAFT -> throw new RefusedException("subsidy.program.transition.DRAFT", find(programId).status());
		};
	}
}
