package org.chunfeng.payments.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.chunfeng.identity.Actor;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.identity.Role;
import org.chunfeng.payments.BatchStatus;
import org.chunfeng.payments.Entitlement;
import org.chunfeng.payments.EntitlementStatus;
import org.chunfeng.payments.PayeeKind;
import org.chunfeng.payments.PaymentBatch;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.platform.NotFoundException;
import org.chunfeng.platform.PageQuery;
import org.chunfeng.platform.Paged;
import org.chunfeng.platform.spreadsheet.SpreadsheetFormat;
import org.chunfeng.reference.RegionCode;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Payment batches and entitlements for finance (发放管理): finance officers start batches, download the bank file, mark
 * it sent, upload the bank's results and reissue failed entitlements; administrators and reviewers read. Everything
 * within the caller's region scope.
 */
@RestController
@Tag(name = "Payments")
class PaymentApi {

	/** The bank's result file: at most this many bytes. */
	static final long MAX_RESULT_BYTES = 20L * 1024 * 1024;

	private final JdbcPaymentBatches batches;
	private final JdbcEntitlements entitlements;
	private final PaymentFiles files;

	PaymentApi(JdbcPaymentBatches batches, JdbcEntitlements entitlements, PaymentFiles files) {
		this.batches = batches;
		this.entitlements = entitlements;
		this.files = files;
	}

	static void requireReader() {
		Role role = RegionScope.currentActor().map(Actor::role).orElse(null);
		if (role != Role.ADMINISTRATOR && role != Role.REVIEWER && role != Role.FINANCE_OFFICER) {
			throw new AccessDeniedException("finance, administrators and reviewers only");
		}
	}

	static void requireFinanceOfficer() {
		if (RegionScope.currentActor().map(Actor::role).orElse(null) != Role.FINANCE_OFFICER) {
			throw new AccessDeniedException("finance officers only");
		}
	}

	record StartRequest(String region, Long programId) {
	}

	@Operation(summary = "Payment batches in the caller's region, newest first")
	@GetMapping("/api/v1/payment-batches")
	Paged<PaymentBatch> list(@RequestParam(required = false) BatchStatus status,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		requireReader();
		return batches.search(status, PageQuery.of(page, size));
	}

	@Operation(summary = "Start a batch of every due entitlement of a region (and a program): a background task fills it")
	@PostMapping("/api/v1/payment-batches")
	ResponseEntity<PaymentBatch> start(@RequestBody StartRequest request) {
		requireFinanceOfficer();
		RegionCode region = request == null || request.region() == null
				? RegionScope.currentActor().map(Actor::region).orElseThrow()
				: RegionCode.of(request.region());
		PaymentBatch batch = batches.start(region, request == null ? null : request.programId());
		return ResponseEntity.created(URI.create("/api/v1/payment-batches/" + batch.id())).body(batch);
	}

	@Operation(summary = "One batch: its status, progress while building, counts and totals")
	@GetMapping("/api/v1/payment-batches/{id}")
	PaymentBatch find(@PathVariable long id) {
		requireReader();
		return files.batch(id);
	}

	@Operation(summary = "The bank transfer file (format csv or xlsx): header line with batch, count and total, one row per payment with the account in full; audited")
	@GetMapping("/api/v1/payment-batches/{id}/bank-file")
	ResponseEntity<StreamingResponseBody> bankFile(@PathVariable long id,
			@RequestParam(required = false, defaultValue = "xlsx") String format) {
		requireFinanceOfficer();
		SpreadsheetFormat f = switch (format.toLowerCase(java.util.Locale.ROOT)) {
			case "csv" -> SpreadsheetFormat.CSV;
			case "xlsx" -> SpreadsheetFormat.XLSX;
			default -> throw new InvalidRequestException("format", "payments.bankFile.format");
		};
		files.batch(id);
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		// written inside the request's security context (the audit needs the actor), then sent
		files.export(id, f, out);
		byte[] bytes = out.toByteArray();
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"payment-batch-" + id + "." + f.extension() + "\"")
			.contentType(MediaType.parseMediaType(f.contentType()))
			.body(stream -> stream.write(bytes));
	}

	@Operation(summary = "Mark the batch's file sent to the bank (READY → SENT)")
	@PostMapping("/api/v1/payment-batches/{id}/sent")
	PaymentBatch sent(@PathVariable long id) {
		requireFinanceOfficer();
		return files.markSent(id);
	}

	@Operation(summary = "Import the bank's result file (csv or xlsx: reference, amount, result PAID/FAILED, reason); all or nothing, a second import changes nothing")
	@PostMapping(value = "/api/v1/payment-batches/{id}/results", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	PaymentFiles.ImportOutcome results(@PathVariable long id, @RequestPart("file") MultipartFile file)
			throws IOException {
		requireFinanceOfficer();
		Path saved = save(file);
		try {
			return files.importResults(id, saved, file.getOriginalFilename());
		}
		finally {
			Files.deleteIfExists(saved);
		}
	}

	/** Streams the upload to a temporary file, refusing it past the size limit. */
	static Path save(MultipartFile file) throws IOException {
		if (file == null || file.isEmpty()) {
			throw new InvalidRequestException("file", "problem.field.required");
		}
		if (file.getSize() > MAX_RESULT_BYTES) {
			throw new InvalidRequestException("file", "payments.results.tooLarge", MAX_RESULT_BYTES / 1024 / 1024);
		}
		Path saved = Files.createTempFile("payment-results", ".upload");
		try (InputStream in = file.getInputStream()) {
			Files.copy(in, saved, StandardCopyOption.REPLACE_EXISTING);
		}
		return saved;
	}

	@Operation(summary = "Entitlements in the caller's region (filters status, programId, payeeKind, payeeId), newest first")
	@GetMapping("/api/v1/entitlements")
	Paged<Entitlement> entitlements(@RequestParam(required = false) EntitlementStatus status,
			@RequestParam(required = false) Long programId, @RequestParam(required = false) PayeeKind payeeKind,
			@RequestParam(required = false) Long payeeId, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		requireReader();
		return entitlements.search(status, programId, payeeKind, payeeId, PageQuery.of(page, size));
	}

	@Operation(summary = "One entitlement")
	@GetMapping("/api/v1/entitlements/{id}")
	Entitlement entitlement(@PathVariable long id) {
		requireReader();
		return entitlements.find(id).orElseThrow(() -> new NotFoundException("kind.entitlement", String.valueOf(id)));
	}

	@Operation(summary = "Reissue a failed entitlement: it becomes due again and the next batch makes a new attempt; refused for a paid one or one not yet answered")
	@PostMapping("/api/v1/entitlements/{id}/reissue")
	Entitlement reissue(@PathVariable long id) {
		requireFinanceOfficer();
		return files.reissue(id);
	}
}
