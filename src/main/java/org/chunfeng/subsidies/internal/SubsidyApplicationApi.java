package org.chunfeng.subsidies.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;

import org.chunfeng.payments.Entitlement;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.platform.NotFoundException;
import org.chunfeng.platform.PageQuery;
import org.chunfeng.platform.Paged;
import org.chunfeng.subsidies.Applicant;
import org.chunfeng.subsidies.ApplicationDecision;
import org.chunfeng.subsidies.ApplicationQuery;
import org.chunfeng.subsidies.ApplicationStatus;
import org.chunfeng.subsidies.CaseFacts;
import org.chunfeng.subsidies.CasePreview;
import org.chunfeng.subsidies.Decision;
import org.chunfeng.subsidies.Evidence;
import org.chunfeng.subsidies.SubsidyApplication;
import org.chunfeng.subsidies.SubsidyApplications;
import org.chunfeng.subsidies.rules.ProgramKind;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Subsidy applications: an enterprise user or a worker applies for itself (a caseworker on behalf of an applicant of
 * its region, naming {@code enterpriseId} or {@code workerId}); reviewers decide their steps; staff read.
 */
@RestController
@Tag(name = "Subsidy applications")
class SubsidyApplicationApi {

	private final SubsidyApplications applications;
	private final ApplicationTexts texts;

	SubsidyApplicationApi(SubsidyApplications applications, ApplicationTexts texts) {
		this.applications = applications;
		this.texts = texts;
	}

	/**
	 * An application's facts (see {@link CaseFacts}); {@code enterpriseId} / {@code workerId} only when a caseworker
	 * applies on behalf; {@code version} only when resubmitting.
	 */
	record ApplicationRequest(Long programId, Long enterpriseId, Long workerId, Integer version,
			List<CaseFacts.Person> trainees, Long referralId, List<YearMonth> months, Integer coverMonths,
			Boolean receivingBenefit, List<CaseFacts.Stayer> stayers, String note) {

		CaseFacts facts() {
			return new CaseFacts(trainees, referralId, months, coverMonths, receivingBenefit, stayers, note);
		}

		Applicant applicant() {
			var own = ApplicationAccess.own();
			if (own.isPresent()) {
				return own.get();
			}
			if (enterpriseId != null) {
				return Applicant.enterprise(enterpriseId);
			}
			if (workerId != null) {
				return Applicant.worker(workerId);
			}
			if (!ApplicationAccess.mayApply()) {
				throw new AccessDeniedException("applicants and caseworkers apply");
			}
			throw new InvalidRequestException("enterpriseId", "subsidy.application.applicantRequired");
		}

		long program() {
			if (programId == null) {
				throw new InvalidRequestException("programId", "problem.field.required");
			}
			return programId;
		}
	}

	/** The assessment in the reader's words, line by line. */
	record AssessmentView(boolean eligible, long amountFen, List<String> lines) {
	}

	record PreviewView(String applicantName, Object assessedCase, AssessmentView assessment) {
	}

	/** One application with its assessment in words, its history, its evidence and what payments says about it. */
	record ApplicationView(SubsidyApplication application, AssessmentView assessment, List<ApplicationDecision> history,
			List<Evidence> evidence, List<Entitlement> entitlements, String payment) {
	}

	record DecisionRequest(Integer step, Integer version, Decision decision, String reason) {
	}

	@Operation(summary = "The case and the assessment, line by line, an application with these facts would get now (nothing stored)")
	@PostMapping("/api/v1/subsidy-applications/previews")
	PreviewView preview(@RequestBody ApplicationRequest request) {
		CasePreview preview = applications.preview(request.program(), request.applicant(), request.facts());
		return new PreviewView(preview.applicantName(), preview.assessedCase(), texts.view(preview.assessment()));
	}

	@Operation(summary = "Apply under an open program: the case is built from the facts and the registries, frozen with its assessment, and waits for the first review step")
	@PostMapping("/api/v1/subsidy-applications")
	ResponseEntity<ApplicationView> submit(@RequestBody ApplicationRequest request) {
		SubsidyApplication application = applications.submit(request.program(), request.applicant(), request.facts());
		return ResponseEntity.created(URI.create("/api/v1/subsidy-applications/" + application.id()))
			.body(view(application));
	}

	@Operation(summary = "Applications the caller may read: its own (applicants), or those of its region (staff); waiting=true: those waiting for a step the calling reviewer takes")
	@GetMapping("/api/v1/subsidy-applications")
	Paged<SubsidyApplication> search(@RequestParam(required = false) String q,
			@RequestParam(required = false) ProgramKind kind, @RequestParam(required = false) ApplicationStatus status,
			@RequestParam(required = false) Long programId, @RequestParam(required = false) Boolean waiting,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return applications.search(new ApplicationQuery(q, kind, status, programId, Boolean.TRUE.equals(waiting)),
				PageQuery.of(page, size));
	}

	@Operation(summary = "One application: facts, frozen case, assessment line by line, decisions, evidence, and its entitlement's payment status")
	@GetMapping("/api/v1/subsidy-applications/{id}")
	ApplicationView one(@PathVariable long id) {
		return view(find(id));
	}

	@Operation(summary = "Resubmit a returned application with edited facts (send the version read): assessed again, from the first step")
	@PutMapping("/api/v1/subsidy-applications/{id}")
	ApplicationView resubmit(@PathVariable long id, @RequestBody ApplicationRequest request) {
		if (request.version() == null) {
			throw new InvalidRequestException("version", "problem.field.required");
		}
		return view(applications.resubmit(id, request.version(), request.facts()));
	}

	@Operation(summary = "A reviewer's decision at the step waiting: APPROVE, RETURN (with a reason) or REJECT (with a reason), naming the step and version read. The last approval grants the entitlement")
	@PostMapping("/api/v1/subsidy-applications/{id}/decisions")
	ApplicationView decide(@PathVariable long id, @RequestBody DecisionRequest request) {
		if (request.step() == null) {
			throw new InvalidRequestException("step", "problem.field.required");
		}
		if (request.version() == null) {
			throw new InvalidRequestException("version", "problem.field.required");
		}
		return view(applications.decide(id, request.step(), request.version(), request.decision(), request.reason()));
	}

	@Operation(summary = "Attach evidence (multipart file: PDF, JPEG or PNG by its content, at most 10 MB, 10 per application)")
	@PostMapping(path = "/api/v1/subsidy-applications/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<Evidence> attach(@PathVariable long id, @RequestPart(name = "file", required = false) MultipartFile file)
			throws IOException {
		if (file == null || file.isEmpty()) {
			throw new InvalidRequestException("file", "subsidy.evidence.empty");
		}
		Evidence evidence = applications.attach(id, file.getOriginalFilename(), file.getInputStream());
		return ResponseEntity
			.created(URI.create("/api/v1/subsidy-applications/" + id + "/evidence/" + evidence.id()))
			.body(evidence);
	}

	@Operation(summary = "The evidence attached to an application")
	@GetMapping("/api/v1/subsidy-applications/{id}/evidence")
	List<Evidence> evidence(@PathVariable long id) {
		return applications.evidence(id);
	}

	@Operation(summary = "Download one attachment (as an attachment, never shown inline)")
	@GetMapping("/api/v1/subsidy-applications/{id}/evidence/{evidenceId}")
	void download(@PathVariable long id, @PathVariable long evidenceId, HttpServletResponse response)
			throws IOException {
		send(applications, id, evidenceId, response);
	}

	/** Streams an attachment to the response, with headers that keep a browser from running it. */
	static void send(SubsidyApplications applications, long id, long evidenceId, HttpServletResponse response)
			throws IOException {
		Evidence evidence = applications.evidence(id).stream().filter(e -> e.id() == evidenceId).findFirst()
			.orElseThrow(() -> new NotFoundException("kind.evidence", String.valueOf(evidenceId)));
		response.setContentType(evidence.contentType());
		response.setContentLengthLong(evidence.sizeBytes());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(evidence.fileName(), StandardCharsets.UTF_8).build().toString());
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
		applications.download(id, evidenceId, response.getOutputStream());
	}

	private SubsidyApplication find(long id) {
		return applications.find(id)
			.orElseThrow(() -> new NotFoundException("kind.subsidyApplication", String.valueOf(id)));
	}

	private ApplicationView view(SubsidyApplication application) {
		List<Entitlement> entitlements = applications.entitlements(application.id());
		return new ApplicationView(application, texts.view(application.assessment()),
				applications.history(application.id()), applications.evidence(application.id()), entitlements,
				ApplicationTexts.payment(application, entitlements));
	}
}
