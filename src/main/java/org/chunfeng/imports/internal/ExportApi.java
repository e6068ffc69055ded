package org.chunfeng.imports.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.chunfeng.enterprises.EnterpriseQuery;
import org.chunfeng.enterprises.SizeClass;
import org.chunfeng.platform.spreadsheet.SpreadsheetFormat;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.workers.EmploymentStatus;
import org.chunfeng.workers.FestivalPlan;
import org.chunfeng.workers.KeyGroup;
import org.chunfeng.workers.WorkerQuery;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Excel exports of the filtered registries, for the console (session) and the API (token) alike: the same filters
 * as the lists. Personal numbers are masked unless {@code reveal=true} by a user with the reveal permission.
 */
@RestController
@Tag(name = "Exports")
class ExportApi {

	private final Exports exports;

	ExportApi(Exports exports) {
		this.exports = exports;
	}

	@Operation(summary = "The workers matching the filters as .xlsx, streamed; reveal=true needs the reveal permission and is audited")
	@GetMapping({ "/exports/workers.xlsx", "/api/v1/exports/workers.xlsx" })
	ResponseEntity<StreamingResponseBody> workers(@RequestParam(required = false) String q,
			@RequestParam(required = false) RegionCode region, @RequestParam(required = false) EmploymentStatus status,
			@RequestParam(required = false) KeyGroup keyGroup, @RequestParam(required = false) FestivalPlan plan,
			@RequestParam(required = false) String occupation, @RequestParam(defaultValue = "false") boolean reveal) {
		if (reveal && SecurityContextHolder.getContext().getAuthentication().getAuthorities().stream()
			.noneMatch(a -> "PERSONAL_DATA_REVEAL".equals(a.getAuthority()))) {
			throw new AccessDeniedException("reveal");
		}
		WorkerQuery query = new WorkerQuery(q, region, status, keyGroup, plan, occupation);
		return ImportApi.download("劳动者.xlsx", SpreadsheetFormat.XLSX, out -> exports.workers(query, reveal, out));
	}

	@Operation(summary = "The enterprises matching the filters as .xlsx, streamed")
	@GetMapping({ "/exports/enterprises.xlsx", "/api/v1/exports/enterprises.xlsx" })
	ResponseEntity<StreamingResponseBody> enterprises(@RequestParam(required = false) String q,
			@RequestParam(required = false) RegionCode region, @RequestParam(required = false) String industry,
			@RequestParam(defaultValue = "false") boolean keyOnly, @RequestParam(required = false) SizeClass sizeClass,
			@RequestParam(defaultValue = "false") boolean labourDispatch) {
		EnterpriseQuery query = new EnterpriseQuery(q, region, industry, keyOnly, sizeClass, labourDispatch);
		return ImportApi.download("用人单位.xlsx", SpreadsheetFormat.XLSX, out -> exports.enterprises(query, out));
	}
}
