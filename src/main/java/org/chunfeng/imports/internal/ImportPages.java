package org.chunfeng.imports.internal;

import java.io.IOException;
import java.util.Locale;

import org.chunfeng.imports.ImportJob;
import org.chunfeng.imports.ImportKind;
import org.chunfeng.imports.ImportMode;
import org.chunfeng.imports.Imports;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.platform.NotFoundException;
import org.chunfeng.platform.PageQuery;
import org.chunfeng.platform.spreadsheet.SpreadsheetFormat;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The import page: templates, upload with a choice of mode, the jobs of the region, and one job's progress. */
@Controller
@RequestMapping("/imports")
class ImportPages {

	private final Imports imports;
	private final MessageSource messages;

	ImportPages(Imports imports, MessageSource messages) {
		this.imports = imports;
		this.messages = messages;
	}

	@GetMapping
	String list(@RequestParam(required = false) ImportKind kind, @RequestParam(required = false) Integer page,
			Model model) {
		model.addAttribute("navSection", "imports");
		model.addAttribute("kinds", ImportKind.values());
		model.addAttribute("modes", ImportMode.values());
		model.addAttribute("kind", kind == null ? ImportKind.WORKERS : kind);
		model.addAttribute("jobs", imports.recent(PageQuery.of(page, 20)));
		if (!model.containsAttribute("error")) {
			model.addAttribute("error", null);
		}
		return "imports/list";
	}

	@PostMapping
	String upload(@RequestParam(required = false) ImportKind kind, @RequestParam(required = false) ImportMode mode,
			@RequestParam(required = false) MultipartFile file, Model model) throws IOException {
		try {
			if (file == null || file.isEmpty()) {
				throw new InvalidRequestException("file", "import.file.empty");
			}
			ImportJob job = imports.start(kind, mode, file.getOriginalFilename(), file.getInputStream());
			return "redirect:/imports/" + job.id();
		}
		catch (InvalidRequestException ex) {
			Locale locale = LocaleContextHolder.getLocale();
			model.addAttribute("error", messages.getMessage(ex.code(), ex.args(), ex.code(), locale));
			return list(kind, null, model);
		}
	}

	@GetMapping("/{importId}")
	String job(@PathVariable long importId, Model model) {
		model.addAttribute("navSection", "imports");
		model.addAttribute("job", find(importId));
		return "imports/job";
	}

	/** The progress part alone, polled by the page (htmx) until the job is finished. */
	@GetMapping("/{importId}/progress")
	String progress(@PathVariable long importId, Model model) {
		model.addAttribute("job", find(importId));
		return "imports/job :: progress";
	}

	@GetMapping("/{importId}/errors.xlsx")
	ResponseEntity<StreamingResponseBody> errors(@PathVariable long importId) {
		find(importId);
		return ImportApi.download("errors-" + importId + ".xlsx", SpreadsheetFormat.XLSX,
				out -> imports.writeErrors(importId, out));
	}

	@GetMapping("/templates/{kind}.xlsx")
	ResponseEntity<StreamingResponseBody> templateXlsx(@PathVariable ImportKind kind) {
		return ImportApi.download(ImportService.templateName(kind) + "导入模板.xlsx", SpreadsheetFormat.XLSX,
				out -> imports.writeTemplate(kind, SpreadsheetFormat.XLSX, out));
	}

	@GetMapping("/templates/{kind}.csv")
	ResponseEntity<StreamingResponseBody> templateCsv(@PathVariable ImportKind kind) {
		return ImportApi.download(ImportService.templateName(kind) + "导入模板.csv", SpreadsheetFormat.CSV,
				out -> imports.writeTemplate(kind, SpreadsheetFormat.CSV, out));
	}

	private ImportJob find(long importId) {
		return imports.find(importId).orElseThrow(() -> new NotFoundException("kind.import", String.valueOf(importId)));
	}
}
