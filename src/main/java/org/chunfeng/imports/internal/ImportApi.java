package org.chunfeng.imports.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.chunfeng.imports.ImportJob;
import org.chunfeng.imports.ImportKind;
import org.chunfeng.imports.ImportMode;
import org.chunfeng.imports.Imports;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.platform.NotFoundException;
import org.chunfeng.platform.PageQuery;
import org.chunfeng.platform.Paged;
import org.chunfeng.platform.spreadsheet.SpreadsheetFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** Bulk imports through the API: upload, then follow the job's status resource; templates and error reports. */
@RestController
@RequestMapping("/api/v1/imports")
@Tag(name = "Imports")
class ImportApi {

	private final Imports imports;

	ImportApi(Imports imports) {
		this.imports = imports;
	}

	@Operation(summary = "Upload an .xlsx or .csv (at most 50 MB, 100,000 rows) as a background import; 202 with the job's address")
	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<ImportJob> start(@RequestParam ImportKind kind,
			@RequestParam(defaultValue = "VALID_ROWS") ImportMode mode, @RequestPart("file") MultipartFile file)
			throws IOException {
		if (file.isEmpty()) {
			throw new InvalidRequestException("file", "import.file.empty");
		}
		ImportJob job = imports.start(kind, mode, file.getOriginalFilename(), file.getInputStream());
		return ResponseEntity.accepted().location(URI.create("/api/v1/imports/" + job.id())).body(job);
	}

	@Operation(summary = "The imports of the caller's region, newest first")
	@GetMapping
	Paged<ImportJob> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return imports.recent(PageQuery.of(page, size));
	}

	@Operation(summary = "One import: status, progress and counts")
	@GetMapping("/{importId}")
	ImportJob job(@PathVariable long importId) {
		return imports.find(importId).orElseThrow(() -> new NotFoundException("kind.import", String.valueOf(importId)));
	}

	@Operation(summary = "The bad rows of an import as a workbook (the row as it was, then row number, column, message)")
	@GetMapping("/{importId}/errors.xlsx")
	ResponseEntity<StreamingResponseBody> errors(@PathVariable long importId) {
		job(importId);
		return download("errors-" + importId + ".xlsx", SpreadsheetFormat.XLSX, out -> imports.writeErrors(importId, out));
	}

	@Operation(summary = "The empty template of a kind of import, xlsx (with instructions) or csv")
	@GetMapping("/templates/{kind}.{format}")
	ResponseEntity<StreamingResponseBody> template(@PathVariable ImportKind kind, @PathVariable String format) {
		SpreadsheetFormat type = "csv".equalsIgnoreCase(format) ? SpreadsheetFormat.CSV
				: "xlsx".equalsIgnoreCase(format) ? SpreadsheetFormat.XLSX : null;
		if (type == null) {
			throw new InvalidRequestException("format", "import.format.unknown");
		}
		return download(ImportService.templateName(kind) + "导入模板" + type.extension(), type,
				out -> imports.writeTemplate(kind, type, out));
	}

	static ResponseEntity<StreamingResponseBody> download(String fileName, SpreadsheetFormat format,
			StreamingResponseBody body) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
			.contentType(MediaType.parseMediaType(format.contentType()))
			.body(body);
	}
}
