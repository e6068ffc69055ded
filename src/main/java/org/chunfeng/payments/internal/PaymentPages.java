package org.chunfeng.payments.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.chunfeng.identity.Actor;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.identity.Role;
import org.chunfeng.payments.BatchStatus;
import org.chunfeng.payments.EntitlementStatus;
import org.chunfeng.payments.PayeeKind;
import org.chunfeng.payments.PaymentBatch;
import org.chunfeng.platform.InvalidFieldsException;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.platform.LocalizedMessage;
import org.chunfeng.platform.NotFoundException;
import org.chunfeng.platform.PageQuery;
import org.chunfeng.platform.RefusedException;
import org.chunfeng.platform.spreadsheet.SpreadsheetFormat;
import org.chunfeng.reference.InvalidValueException;
import org.chunfeng.reference.RegionCode;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The finance pages (发放管理): payment batches (start one, follow its building, download the bank file, mark it sent,
 * upload the bank's results and see the reconciliation, reissue failed payments) and the entitlements. Finance
 * officers act; administrators and reviewers read; everybody else gets 403 (here and in SecurityConfiguration). A
 * refused step comes back as a message on the page, never as an error page.
 */
@Controller
class PaymentPages {

	/** A payment attempt's states (V17 payment_status). */
	static final List<String> PAYMENT_STATUSES = List.of("QUEUED", "SENT", "PAID", "FAILED");

	private final JdbcPaymentBatches batches;
	private final JdbcEntitlements entitlements;
	private final PaymentFiles files;
	private final PaymentViews views;

	PaymentPages(JdbcPaymentBatches batches, JdbcEntitlements entitlements, PaymentFiles files, PaymentViews views) {
		this.batches = batches;
		this.entitlements = entitlements;
		this.files = files;
		this.views = views;
	}

	private static boolean finance() {
		return RegionScope.currentActor().map(a -> a.role() == Role.FINANCE_OFFICER).orElse(false);
	}

	static <E extends Enum<E>> E choice(Class<E> type, String text) {
		try {
			return text == null || text.isBlank() ? null : Enum.valueOf(type, text.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static Long number(String text) {
		try {
			return text == null || text.isBlank() ? null : Long.valueOf(text.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	@GetMapping("/payments/batches")
	String batches(@RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
			Model model) {
		PaymentApi.requireReader();
		Actor actor = RegionScope.currentActor().orElseThrow();
		Map<Long, String> labels = views.programLabels();
		BatchStatus chosen = choice(BatchStatus.class, status);
		var results = batches.search(chosen, PageQuery.of(page, 30));
		model.addAttribute("navSection", "paymentBatches");
		model.addAttribute("status", chosen);
		model.addAttribute("statuses", BatchStatus.values());
		model.addAttribute("results", results);
		model.addAttribute("labels", labels);
		model.addAttribute("dues", views.dues(labels));
		model.addAttribute("finance", finance());
		model.addAttribute("regions", finance() ? views.batchRegions(actor) : List.of());
		return "payments/batches";
	}

	@PostMapping("/payments/batches")
	String start(@RequestParam(required = false) String region, @RequestParam(required = false) String programId,
			RedirectAttributes redirect) {
		PaymentApi.requireFinanceOfficer();
		try {
			RegionCode code = region == null || region.isBlank()
					? RegionScope.currentActor().map(Actor::region).orElseThrow() : RegionCode.of(region.strip());
			Long program = null;
			if (programId != null && !programId.isBlank()) {
				program = number(programId);
				if (program == null) {
					throw new InvalidRequestException("programId", "payments.budget.programUnknown");
				}
			}
			PaymentBatch batch = batches.start(code, program);
			redirect.addFlashAttribute("notice", views.text("payments.batch.started", batch.id()));
			return "redirect:/payments/batches/" + batch.id();
		}
		catch (InvalidFieldsException | InvalidRequestException ex) {
			redirect.addFlashAttribute("problem", String.join(" ", views.errors(ex)));
		}
		catch (InvalidValueException | RefusedException ex) {
			redirect.addFlashAttribute("problem", message((LocalizedMessage) ex));
		}
		return "redirect:/payments/batches";
	}

	private String message(LocalizedMessage ex) {
		return views.text(ex.messageCode(), ex.messageArgs());
	}

	private PaymentBatch batch(long batchId) {
		return batches.find(batchId).orElseThrow(() -> new NotFoundException("kind.paymentBatch", String.valueOf(batchId)));
	}

	@GetMapping("/payments/batches/{batchId}")
	String batch(@PathVariable long batchId, @RequestParam(required = false) String paymentStatus,
			@RequestParam(required = false) Integer page, Model model) {
		PaymentApi.requireReader();
		PaymentBatch batch = batch(batchId);
		String status = paymentStatus != null && PAYMENT_STATUSES.contains(paymentStatus) ? paymentStatus : null;
		model.addAttribute("navSection", "paymentBatches");
		model.addAttribute("batch", batch);
		model.addAttribute("labels", views.programLabels());
		model.addAttribute("waitingAccount", batches.waitingAccount(batchId));
		model.addAttribute("paymentStatus", status);
		model.addAttribute("paymentStatuses", PAYMENT_STATUSES);
		model.addAttribute("payments", views.payments(batchId, status, PageQuery.of(page, 50)));
		model.addAttribute("finance", finance());
		return "payments/batch";
	}

	/**
	 * The progress part alone, polled while the batch is building; once it is built the whole page is reloaded (its
	 * buttons depend on the status).
	 */
	@GetMapping("/payments/batches/{batchId}/progress")
	String progress(@PathVariable long batchId, @RequestHeader(name = "HX-Request", required = false) String htmx,
			Model model, HttpServletResponse response) {
		PaymentApi.requireReader();
		PaymentBatch batch = batch(batchId);
		if (htmx != null && batch.status() != BatchStatus.BUILDING) {
			response.setHeader("HX-Refresh", "true");
		}
		model.addAttribute("batch", batch);
		return "payments/batch :: progress";
	}

	@GetMapping("/payments/batches/{batchId}/bank-file.csv")
	ResponseEntity<byte[]> bankFileCsv(@PathVariable long batchId) {
		return bankFile(batchId, SpreadsheetFormat.CSV);
	}

	@GetMapping("/payments/batches/{batchId}/bank-file.xlsx")
	ResponseEntity<byte[]> bankFileXlsx(@PathVariable long batchId) {
		return bankFile(batchId, SpreadsheetFormat.XLSX);
	}

	/** The bank file (account numbers in full: finance officers only, audited), or back to the page if refused. */
	private ResponseEntity<byte[]> bankFile(long batchId, SpreadsheetFormat format) {
		PaymentApi.requireFinanceOfficer();
		batch(batchId);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			files.export(batchId, format, out);
		}
		catch (RefusedException ex) {
			// still building: the page says so
			return ResponseEntity.status(303).header(HttpHeaders.LOCATION, "/payments/batches/" + batchId).build();
		}
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"payment-batch-" + batchId + "." + format.extension() + "\"")
			.contentType(MediaType.parseMediaType(format.contentType()))
			.body(out.toByteArray());
	}

	@PostMapping("/payments/batches/{batchId}/sent")
	String sent(@PathVariable long batchId, @RequestParam(required = false) String confirm,
			RedirectAttributes redirect) {
		PaymentApi.requireFinanceOfficer();
		batch(batchId);
		if (!"yes".equals(confirm)) {
			redirect.addFlashAttribute("problem", views.text("payments.batch.markSentUnconfirmed"));
			return "redirect:/payments/batches/" + batchId;
		}
		try {
			files.markSent(batchId);
			redirect.addFlashAttribute("notice", views.text("payments.batch.sentNotice"));
		}
		catch (RefusedException ex) {
			redirect.addFlashAttribute("problem", message(ex));
		}
		return "redirect:/payments/batches/" + batchId;
	}

	@PostMapping("/payments/batches/{batchId}/results")
	String results(@PathVariable long batchId, @RequestParam(required = false) MultipartFile file,
			RedirectAttributes redirect) throws IOException {
		PaymentApi.requireFinanceOfficer();
		batch(batchId);
		Path saved = null;
		try {
			saved = PaymentApi.save(file);
			PaymentFiles.ImportOutcome outcome = files.importResults(batchId, saved, file.getOriginalFilename());
			// flash attributes live in the (JDBC) session: plain serializable values only
			Map<String, Object> shown = new java.util.LinkedHashMap<>();
			shown.put("rows", outcome.rows());
			shown.put("paid", outcome.paid());
			shown.put("failed", outcome.failed());
			shown.put("unchanged", outcome.unchanged());
			shown.put("reconciled", outcome.reconciled());
			redirect.addFlashAttribute("outcome", shown);
			redirect.addFlashAttribute("notice", views.text(outcome.changedNothing()
					? "payments.results.unchangedNotice" : "payments.results.importedNotice"));
		}
		catch (InvalidFieldsException | InvalidRequestException ex) {
			redirect.addFlashAttribute("resultErrors", views.errors(ex));
		}
		catch (RefusedException ex) {
			redirect.addFlashAttribute("resultErrors", List.of(message(ex)));
		}
		finally {
			if (saved != null) {
				Files.deleteIfExists(saved);
			}
		}
		return "redirect:/payments/batches/" + batchId + "#results";
	}

	@GetMapping("/payments/entitlements")
	String entitlements(@RequestParam(required = false) String status,
			@RequestParam(required = false) String programId, @RequestParam(required = false) String payeeKind,
			@RequestParam(required = false) Integer page, Model model) {
		PaymentApi.requireReader();
		EntitlementStatus chosenStatus = choice(EntitlementStatus.class, status);
		PayeeKind chosenKind = choice(PayeeKind.class, payeeKind);
		Long chosenProgram = number(programId);
		Map<Long, String> labels = views.programLabels();
		model.addAttribute("navSection", "entitlements");
		model.addAttribute("status", chosenStatus);
		model.addAttribute("programId", chosenProgram);
		model.addAttribute("payeeKind", chosenKind);
		model.addAttribute("statuses", EntitlementStatus.values());
		model.addAttribute("kinds", PayeeKind.values());
		model.addAttribute("labels", labels);
		model.addAttribute("programs", views.budgetedPrograms(labels));
		model.addAttribute("results",
				entitlements.search(chosenStatus, chosenProgram, chosenKind, null, PageQuery.of(page, 50)));
		model.addAttribute("finance", finance());
		return "payments/entitlements";
	}

	/** Reissues a failed entitlement; back to the batch it failed in, or to the entitlements list. */
	@PostMapping("/payments/entitlements/{entitlementId}/reissue")
	String reissue(@PathVariable long entitlementId, @RequestParam(required = false) String batchId,
			RedirectAttributes redirect) {
		PaymentApi.requireFinanceOfficer();
		Long batch = number(batchId);
		try {
			files.reissue(entitlementId);
			redirect.addFlashAttribute("notice", views.text("payments.reissue.done", entitlementId));
		}
		catch (RefusedException ex) {
			redirect.addFlashAttribute("problem", message(ex));
		}
		return batch != null ? "redirect:/payments/batches/" + batch : "redirect:/payments/entitlements";
	}
}
