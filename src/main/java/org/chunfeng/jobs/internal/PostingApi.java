package org.chunfeng.jobs.internal;

import java.net.URI;
import java.util.List;

import org.chunfeng.identity.Actor;
import org.chunfeng.jobs.ApplicationChannel;
import org.chunfeng.jobs.ApplicationStatus;
import org.chunfeng.jobs.JobApplication;
import org.chunfeng.jobs.JobKind;
import org.chunfeng.jobs.JobPosting;
import org.chunfeng.jobs.Jobs;
import org.chunfeng.jobs.PostingQuery;
import org.chunfeng.jobs.PostingStatus;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.platform.PageQuery;
import org.chunfeng.platform.Paged;
import org.chunfeng.reference.RegionCode;
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
 * Postings and their applicants, for enterprise users (their own enterprise's) and the bureau (enterprises in its
 * region): post, revise, review, close; apply for a worker; move applications through interview, offer and hire.
 * Changes carry the version read (409 if saved since); a move the state does not allow, or a hire on a full posting,
 * is a 409 that says why.
 */
@RestController
@Tag(name = "Job postings")
class PostingApi {

	private final Jobs jobs;
	private final PostingAccess access;

	PostingApi(Jobs jobs, PostingAccess access) {
		this.jobs = jobs;
		this.access = access;
	}

	record VersionRequest(Integer version) {
		int required() {
			if (version == null) {
				throw new InvalidRequestException("version", "problem.field.required");
			}
			return version;
		}
	}

	record ReturnRequest(Integer version, String reason) {
	}

	record ApplyRequest(Long workerId, String message) {
	}

	record MoveRequest(Integer version, ApplicationStatus status, String note) {
	}

	@Operation(summary = "Postings to manage: an enterprise user's own, or the enterprises' of the caller's region; those waiting for review first")
	@GetMapping("/api/v1/postings")
	Paged<JobPosting> search(@RequestParam(required = false) Long enterpriseId,
			@RequestParam(required = false) RegionCode region, @RequestParam(required = false) PostingStatus status,
			@RequestParam(required = false) JobKind kind, @RequestParam(required = false) String q,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		Long enterprise = PostingAccess.enterpriseUser() ? PostingAccess.actor().enterprise() : enterpriseId;
		return jobs.search(new PostingQuery(enterprise, region, status, kind, q), PageQuery.of(page, size));
	}

	@Operation(summary = "Post a job: it waits for the bureau's review before it is published")
	@PostMapping("/api/v1/postings")
	ResponseEntity<JobPosting> post(@RequestBody PostingRequest request) {
		long enterprise = PostingAccess.enterpriseFor(request.enterpriseId());
		JobPosting posting = jobs.post(enterprise, request.details(), PostingAccess.actor().username());
		return ResponseEntity.created(URI.create("/api/v1/postings/" + posting.id())).body(posting);
	}

	@Operation(summary = "One posting, with its review state")
	@GetMapping("/api/v1/postings/{postingId}")
	JobPosting posting(@PathVariable long postingId) {
		return access.managed(postingId);
	}

	@Operation(summary = "Revise a posting under review or returned (send the version read); a returned one goes back to review")
	@PutMapping("/api/v1/postings/{postingId}")
	JobPosting revise(@PathVariable long postingId, @RequestBody PostingRequest request) {
		access.managed(postingId);
		if (request.version() == null) {
			throw new InvalidRequestException("version", "problem.field.required");
		}
		return jobs.revise(postingId, request.version(), request.details());
	}

	@Operation(summary = "Approve a posting under review: it is published on the job board (bureau staff)")
	@PostMapping("/api/v1/postings/{postingId}/approval")
	JobPosting approve(@PathVariable long postingId, @RequestBody VersionRequest request) {
		access.managed(postingId);
		return jobs.approve(postingId, request.required(), PostingAccess.actor().username());
	}

	@Operation(summary = "Return a posting under review to the enterprise with the reason (bureau staff)")
	@PostMapping("/api/v1/postings/{postingId}/return")
	JobPosting returnForChanges(@PathVariable long postingId, @RequestBody ReturnRequest request) {
		access.managed(postingId);
		return jobs.returnForChanges(postingId, new VersionRequest(request.version()).required(),
				PostingAccess.actor().username(), request.reason());
	}

	@Operation(summary = "Close a posting: withdrawn before publication, or taken off the board")
	@PostMapping("/api/v1/postings/{postingId}/closure")
	JobPosting close(@PathVariable long postingId, @RequestBody VersionRequest request) {
		access.managed(postingId);
		return jobs.close(postingId, request.required());
	}

	@Operation(summary = "The posting's applications, oldest first")
	@GetMapping("/api/v1/postings/{postingId}/applications")
	List<JobApplication> applications(@PathVariable long postingId) {
		access.managed(postingId);
		return jobs.applications(postingId);
	}

	@Operation(summary = "Apply for a worker of the caller's region (caseworkers, on the worker's behalf)")
	@PostMapping("/api/v1/postings/{postingId}/applications")
	ResponseEntity<JobApplication> applyFor(@PathVariable long postingId, @RequestBody ApplyRequest request) {
		Actor actor = PostingAccess.actor();
		if (!PostingAccess.reviewer()) {
			throw new org.springframework.security.access.AccessDeniedException("caseworkers only");
		}
		if (request.workerId() == null) {
			throw new InvalidRequestException("workerId", "problem.field.required");
		}
		JobApplication application = jobs.apply(postingId, request.workerId(), ApplicationChannel.CASEWORKER,
				request.message(), actor.username());
		return ResponseEntity.created(URI.create("/api/v1/applications/" + application.id())).body(application);
	}

	@Operation(summary = "One application to a posting the caller manages")
	@GetMapping("/api/v1/applications/{applicationId}")
	JobApplication application(@PathVariable long applicationId) {
		return access.managedApplication(applicationId);
	}

	@Operation(summary = "Move an application on: INTERVIEW, OFFERED, HIRED or REJECTED, with a note to the applicant (send the version read). A hire on a full posting is refused with 409")
	@PostMapping("/api/v1/applications/{applicationId}/status")
	JobApplication move(@PathVariable long applicationId, @RequestBody MoveRequest request) {
		access.managedApplication(applicationId);
		if (request.status() == null) {
			throw new InvalidRequestException("status", "problem.field.required");
		}
		PostingAccess.mayMoveTo(request.status());
		return jobs.move(applicationId, new VersionRequest(request.version()).required(), request.status(),
				request.note());
	}
}
