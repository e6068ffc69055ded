package org.chunfeng.subsidies.internal.automatic;

import java.net.URI;
import java.util.List;

import org.chunfeng.platform.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Automatic refund runs (稳岗返还 免申即享): administrators of an open automatic refund program's region start one;
 * the bureau's staff follow its progress and find the payment batch it started.
 */
@RestController
@Tag(name = "Automatic refunds")
class RefundRunApi {

	private final RefundRuns runs;

	RefundRunApi(RefundRuns runs) {
		this.runs = runs;
	}

	@Operation(summary = "Start an automatic refund run of an open automatic job-stabilizing refund program (administrators of its region): every enterprise of the region with insurance evidence is assessed, the eligible ones are granted their refund and a payment batch is started. 202 with the queued run; 409 if the program cannot run automatically or a run of it is under way")
	@PostMapping("/api/v1/subsidy-programs/{programId}/automatic-runs")
	ResponseEntity<RefundRun> start(@PathVariable long programId) {
		RefundRuns.requireReader();
		RefundRun run = runs.start(programId);
		return ResponseEntity.accepted().location(URI.create("/api/v1/automatic-runs/" + run.id())).body(run);
	}

	@Operation(summary = "The automatic refund runs of a program, the latest first (at most 50)")
	@GetMapping("/api/v1/subsidy-programs/{programId}/automatic-runs")
	List<RefundRun> ofProgram(@PathVariable long programId) {
		RefundRuns.requireReader();
		runs.program(programId);
		return runs.ofProgram(programId, 50);
	}

	@Operation(summary = "One automatic refund run with its progress: assessed, eligible (granted, already entitled, over budget), not eligible by main reason, the sum granted and the payment batch it started")
	@GetMapping("/api/v1/automatic-runs/{runId}")
	RefundRun run(@PathVariable long runId) {
		RefundRuns.requireReader();
		return runs.find(runId).orElseThrow(() -> new NotFoundException("kind.refundRun", String.valueOf(runId)));
	}
}
