package org.chunfeng.identity.internal;

import java.time.LocalDate;

import org.chunfeng.identity.internal.AuditSearch.AuditFilter;
import org.chunfeng.platform.PageQuery;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log page (审计日志) for administrators: filters, a paged table, and the CSV export. */
@Controller
class AuditPages {

	private final AuditSearch search;

	AuditPages(AuditSearch search) {
		this.search = search;
	}

	@GetMapping("/admin/audit")
	String audit(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
			@RequestParam(required = false) String recordType,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Integer page, Model model) {
		AccountAdministration.administrator();
		AuditFilter filter = new AuditFilter(actor, action, recordType, from, to);
		model.addAttribute("navSection", "audit");
		model.addAttribute("filter", filter);
		model.addAttribute("results", search.search(filter, PageQuery.of(page, 50)));
		return "admin/audit";
	}
}
