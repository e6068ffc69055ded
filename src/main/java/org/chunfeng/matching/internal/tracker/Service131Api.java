package org.chunfeng.matching.internal.tracker;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import org.chunfeng.identity.Actor;
import org.chunfeng.matching.Service131;
import org.chunfeng.matching.Service131Coverage;
import org.chunfeng.matching.Service131Item;
import org.chunfeng.matching.Service131Query;
import org.chunfeng.matching.Service131Worker;
import org.chunfeng.platform.PageQuery;
import org.chunfeng.platform.Paged;
import org.chunfeng.platform.spreadsheet.SpreadsheetFormat;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.workers.KeyGroup;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The 131 tracker: coverage figures per region (caseworkers, administrators, and partner-agency viewers with the
 * key-groups category), and the key-group workers with what each still lacks, as pages of JSON or as a workbook
 * (caseworkers and administrators). The workbook is served at the same address for the console and the API.
 */
@RestController
@Tag(name = "131 service")
class Service131Api {

	private final Service131 service131;
	private final Service131Export export;
	private final TrackerAccess access;
	private final Clock clock;

	Service131Api(Service131 service131, Service131Export export, TrackerAccess access, Clock clock) {
		this.service131 = service131;
		this.export = export;
		this.access = access;
		this.clock = clock;
	}

	@Operation(summary = "Coverage of the 131 service in the caller's region (or a region within it), per child region: key-group workers, and how many have had guidance, 3 job leads, a training referral, all three (with percentages)")
	@GetMapping("/api/v1/service131/coverage")
	Service131Coverage coverage(@RequestParam(required = false) RegionCode region) {
		Actor actor = access.figures();
		return service131.coverage(access.region(actor, region));
	}

	@Operation(summary = "The key-group workers with their 131 record, by district, name and id; missing = GUIDANCE, JOBS, TRAINING or ANY keeps those still lacking it (everybody when left out). Personal numbers masked")
	@GetMapping("/api/v1/service131/workers")
	Paged<Service131Worker> workers(@RequestParam(required = false) RegionCode region,
			@RequestParam(required = false) KeyGroup keyGroup, @RequestParam(required = false) Service131Item missing,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		Service131Query query = query(region, keyGroup, missing);
		return service131.workers(query, PageQuery.of(page, size));
	}

	@Operation(summary = "The same list as .xlsx, streamed (the same filters; at most 100,000 rows, else 409 asking for a narrower filter)")
	@GetMapping({ "/service131/workers.xlsx", "/api/v1/service131/workers.xlsx" })
	ResponseEntity<StreamingResponseBody> workbook(@RequestParam(required = false) RegionCode region,
			@RequestParam(required = false) KeyGroup keyGroup, @RequestParam(required = false) Service131Item missing) {
		Service131Query query = query(region, keyGroup, missing);
		export.checkSize(query);
		Locale locale = LocaleContextHolder.getLocale();
		String name = "131-" + LocalDate.now(clock) + ".xlsx";
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.contentType(MediaType.parseMediaType(SpreadsheetFormat.XLSX.contentType()))
			.body(out -> export.write(query, locale, out));
	}

	private Service131Query query(RegionCode region, KeyGroup keyGroup, Service131Item missing) {
		Actor actor = access.figures();
		if (!access.seesPeople(actor)) {
			throw new AccessDeniedException("131 workers");
		}
		return new Service131Query(region == null ? null : access.region(actor, region), keyGroup, missing);
	}
}
