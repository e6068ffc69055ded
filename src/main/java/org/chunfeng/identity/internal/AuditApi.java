package org.chunfeng.identity.internal;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.chunfeng.identity.Actor;
import org.chunfeng.identity.internal.AuditSearch.AuditEntry;
import org.chunfeng.identity.internal.AuditSearch.AuditFilter;
import org.chunfeng.platform.PageQuery;
import org.chunfeng.platform.Paged;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit log (审计日志) for administrators: search, and a CSV export for the API and for the console
 * ({@code /admin/audit.csv}, a download rather than a page).
 */
@RestController
@Tag(name = "Audit")
class AuditApi {

	private final AuditSearch search;

	AuditApi(AuditSearch search) {
		this.search = search;
	}

	@Operation(summary = "Audit entries of the caller's region, newest first; action matches by prefix, from/to are ISO dates (inclusive)")
	@GetMapping("/api/v1/audit")
	Paged<AuditEntry> search(@RequestParam(required = false) String actor,
			@RequestParam(required = false) String action, @RequestParam(required = false) String recordType,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		AccountAdministration.administrator();
		return search.search(new AuditFilter(actor, action, recordType, from, to), PageQuery.of(page, size));
	}

	@Operation(summary = "The same entries as CSV (UTF-8 with BOM, at most 100,000 rows); the export is audited")
	@GetMapping({ "/api/v1/audit/export", "/admin/audit.csv" })
	void export(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) String recordType,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			Locale locale, HttpServletResponse response) throws IOException {
		Actor admin = AccountAdministration.administrator();
		AuditFilter filter = new AuditFilter(actor, action, recordType, from, to);
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				"attachment; filename=\"audit-" + LocalDate.now() + ".csv\"");
		// written on this thread: the region scope of the database connection is the caller's
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		search.export(admin, filter, locale, out);
		out.flush();
	}

}
