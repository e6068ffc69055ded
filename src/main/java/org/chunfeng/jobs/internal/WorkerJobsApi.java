package org.chunfeng.jobs.internal;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.chunfeng.jobs.ApplicationChannel;
import org.chunfeng.jobs.ApplicationStatus;
import org.chunfeng.jobs.JobApplication;
import org.chunfeng.jobs.JobPosting;
import org.chunfeng.jobs.Jobs;
import org.chunfeng.jobs.PostingDetails;
import org.chunfeng.jobs.PostingStatus;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.platform.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * A published posting for anybody, and a signed-in worker's own applications: apply, follow, withdraw.
 */
@RestController
@Tag(name = "Job board")
class WorkerJobsApi {

	private final Jobs jobs;
	private final PostingAccess access;

	WorkerJobsApi(Jobs jobs, PostingAccess access) {
		this.jobs = jobs;
		this.access = access;
	}

	record ApplyRequest(Long postingId, String message) {
	}

	record WithdrawRequest(Integer version) {
	}

	@Operation(summary = "A published posting, as the job board shows it (no sign-in)")
	@GetMapping("/api/v1/jobs/{postingId}")
	PublicPosting job(@PathVariable long postingId) {
		return jobs.find(postingId).filter(p -> p.publishedAt() != null).map(PublicPosting::of)
			.orElseThrow(() -> new NotFoundException("kind.posting", String.valueOf(postingId)));
	}

	@Operation(summary = "The signed-in worker's applications, the latest first")
	@GetMapping("/api/v1/me/applications")
	List<JobApplication> mine() {
		Long worker = PostingAccess.actor().worker();
		return worker == null ? List.of() : jobs.applicationsOf(worker);
	}

	@Operation(summary = "Apply for a published posting as the signed-in worker; 409 if it is closed, full, reserved for key groups, or applied for already")
	@PostMapping("/api/v1/me/applications")
	ResponseEntity<JobApplication> apply(@RequestBody ApplyRequest request) {
		if (request.postingId() == null) {
			throw new InvalidRequestException("postingId", "problem.field.required");
		}
		Long worker = PostingAccess.actor().worker();
		if (worker == null) {
			throw new NotFoundException("kind.worker", "-");
		}
		JobApplication application = jobs.apply(request.postingId(), worker, ApplicationChannel.SELF,
				request.message(), PostingAccess.actor().username());
		return ResponseEntity.created(URI.create("/api/v1/me/applications/" + application.id())).body(application);
	}

	@Operation(summary = "Withdraw one's own application (send the version read)")
	@PostMapping("/api/v1/me/applications/{applicationId}/withdrawal")
	JobApplication withdraw(@PathVariable long applicationId, @RequestBody WithdrawRequest request) {
		JobApplication application = access.ownApplication(applicationId);
		if (request.version() == null) {
			throw new InvalidRequestException("version", "problem.field.required");
		}
		return jobs.move(application.id(), request.version(), ApplicationStatus.WITHDRAWN, null);
	}

	/** What anybody may read of a posting: not who posted or reviewed it. */
	record PublicPosting(long id, String enterpriseName, PostingDetails details, int remaining,
			PostingStatus status, Instant publishedAt) {

		static PublicPosting of(JobPosting p) {
			return new PublicPosting(p.id(), p.enterpriseName(), p.details(), p.remaining(), p.status(),
					p.publishedAt());
		}
	}
}
