package org.chunfeng.training.internal;

import static org.chunfeng.training.internal.TrainingRequests.required;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.platform.PageQuery;
import org.chunfeng.platform.Paged;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.training.Delivery;
import org.chunfeng.training.ProjectQuery;
import org.chunfeng.training.ProjectStatus;
import org.chunfeng.training.ReferralStatus;
import org.chunfeng.training.TrainingProject;
import org.chunfeng.training.TrainingReferral;
import org.chunfeng.training.Trainings;
import org.chunfeng.training.internal.TrainingRequests.CancelRequest;
import org.chunfeng.training.internal.TrainingRequests.MoveRequest;
import org.chunfeng.training.internal.TrainingRequests.ProjectRequest;
import org.chunfeng.training.internal.TrainingRequests.ReferRequest;
import org.chunfeng.training.internal.TrainingRequests.VersionRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
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
 * The training catalogue and referrals, for the bureau's staff: list, change, close and cancel projects of the own
 * region; refer workers of the own region to any open project; enrol, certify completion, record declining and
 * drop-outs. Changes carry the version read (409 if saved since); a move the state does not allow, or an enrolment
 * on a full project, is a 409 that says why.
 */
@RestController
@Tag(name = "Training")
class TrainingApi {

	private final Trainings trainings;
	private final TrainingAccess access;

	TrainingApi(Trainings trainings, TrainingAccess access) {
		this.trainings = trainings;
		this.access = access;
	}

	@Operation(summary = "The training catalogue (every district's projects): open ones first, then by start date. occupation takes a code or a group prefix; region matches the organising or the delivering district; openOn keeps projects that take referrals that day")
	@GetMapping("/api/v1/training-projects")
	Paged<TrainingProject> search(@RequestParam(required = false) String q,
			@RequestParam(required = false) String occupation, @RequestParam(required = false) RegionCode region,
			@RequestParam(required = false) Delivery delivery,
			@RequestParam(required = false) Boolean subsidyEligible,
			@RequestParam(required = false) LocalDate openOn, @RequestParam(required = false) ProjectStatus status,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return trainings.search(new ProjectQuery(q, occupation, region, delivery, subsidyEligible, openOn, status),
				PageQuery.of(page, size));
	}

	@Operation(summary = "List a training project, organised by the caller's region (or a region inside it)")
	@PostMapping("/api/v1/training-projects")
	ResponseEntity<TrainingProject> create(@RequestBody ProjectRequest request) {
		TrainingProject project = trainings.create(request.organiser(), request.details());
		return ResponseEntity.created(URI.create("/api/v1/training-projects/" + project.id())).body(project);
	}

	@Operation(summary = "One training project")
	@GetMapping("/api/v1/training-projects/{projectId}")
	TrainingProject project(@PathVariable long projectId) {
		return access.project(projectId);
	}

	@Operation(summary = "Change an open project of the caller's region (send the version read); places never below those taken")
	@PutMapping("/api/v1/training-projects/{projectId}")
	TrainingProject revise(@PathVariable long projectId, @RequestBody ProjectRequest request) {
		access.managed(projectId);
		int version = required(request.version());
		return trainings.revise(projectId, version, request.details());
	}

	@Operation(summary = "Close enrolment of a project: its trainees still complete or drop out")
	@PostMapping("/api/v1/training-projects/{projectId}/closure")
	TrainingProject close(@PathVariable long projectId, @RequestBody VersionRequest request) {
		access.managed(projectId);
		return trainings.close(projectId, required(request.version()));
	}

	@Operation(summary = "Cancel an open project, with the reason")
	@PostMapping("/api/v1/training-projects/{projectId}/cancellation")
	TrainingProject cancel(@PathVariable long projectId, @RequestBody CancelRequest request) {
		access.managed(projectId);
		return trainings.cancel(projectId, required(request.version()), request.reason());
	}

	@Operation(summary = "The project's referrals the caller may see: all of them for the project's bureau, its own workers' for another district's")
	@GetMapping("/api/v1/training-projects/{projectId}/referrals")
	List<TrainingReferral> referrals(@PathVariable long projectId) {
		access.project(projectId);
		return trainings.referrals(projectId);
	}

	@Operation(summary = "Refer a worker of the caller's region to an open project with places left; 409 if closed, full, or referred already")
	@PostMapping("/api/v1/training-projects/{projectId}/referrals")
	ResponseEntity<TrainingReferral> refer(@PathVariable long projectId, @RequestBody ReferRequest request) {
		if (!TrainingAccess.staff()) {
			throw new AccessDeniedException("caseworkers only");
		}
		access.project(projectId);
		if (request.workerId() == null) {
			throw new InvalidRequestException("workerId", "problem.field.required");
		}
		TrainingReferral referral = trainings.refer(projectId, request.workerId(), request.note());
		return ResponseEntity.created(URI.create("/api/v1/training-referrals/" + referral.id())).body(referral);
	}

	@Operation(summary = "One referral, seen from the project's or the worker's district")
	@GetMapping("/api/v1/training-referrals/{referralId}")
	TrainingReferral referral(@PathVariable long referralId) {
		return access.referral(referralId);
	}

	@Operation(summary = "Move a referral on: ENROLLED or DECLINED (either district), COMPLETED with an optional certificateNo or DROPPED_OUT (the project's district), with a note (send the version read). An enrolment on a full project is refused with 409")
	@PostMapping("/api/v1/training-referrals/{referralId}/status")
	TrainingReferral move(@PathVariable long referralId, @RequestBody MoveRequest request) {
		TrainingReferral referral = access.referral(referralId);
		if (request.status() == null) {
			throw new InvalidRequestException("status", "problem.field.required");
		}
		access.mayMove(referral, request.status());
		return TrainingMoves.move(trainings, referralId, required(request.version()), request.status(),
				request.note(), request.certificateNo());
	}
}
