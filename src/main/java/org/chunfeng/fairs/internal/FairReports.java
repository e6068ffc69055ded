package org.chunfeng.fairs.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.chunfeng.fairs.Booth;
import org.chunfeng.fairs.Booths;
import org.chunfeng.fairs.Fair;
import org.chunfeng.fairs.FairFigures;
import org.chunfeng.fairs.FairRegistration;
import org.chunfeng.fairs.FairRegistrations;
import org.chunfeng.fairs.Fairs;
import org.chunfeng.fairs.Intention;
import org.chunfeng.fairs.Intentions;
import org.chunfeng.jobs.Jobs;
import org.chunfeng.platform.PageQuery;
import org.chunfeng.platform.Paged;
import org.chunfeng.platform.spreadsheet.SpreadsheetFormat;
import org.chunfeng.platform.spreadsheet.SpreadsheetWriter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A fair's report as a workbook (招聘会台账): the registrations with their attendance, and sheets for the figures,
 * the booths and the intentions with their outcomes. Mobile numbers only masked. Built while the request's region
 * scope holds, then sent.
 */
@Controller
class FairReports {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final Fairs fairs;
	private final Booths booths;
	private final FairRegistrations registrations;
	private final Intentions intentions;
	private final Jobs jobs;
	private final FairForms forms;
	private final Clock clock;

	FairReports(Fairs fairs, Booths booths, FairRegistrations registrations, Intentions intentions, Jobs jobs,
			FairForms forms, Clock clock) {
		this.fairs = fairs;
		this.booths = booths;
		this.registrations = registrations;
		this.intentions = intentions;
		this.jobs = jobs;
		this.forms = forms;
		this.clock = clock;
	}

	@GetMapping("/fairs/{fairId}/report.xlsx")
	ResponseEntity<byte[]> report(@PathVariable long fairId) {
		Fair fair = fairs.manageable(fairId);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (SpreadsheetWriter out = SpreadsheetWriter.xlsx(bytes, forms.text("fair.registrations"))) {
			out.header(List.of(forms.text("fair.registration.worker"), forms.text("worker.mobile"),
					forms.text("fair.status"), forms.text("fair.registration.checkedInAt")));
			for (int page = 0;; page++) {
				Paged<FairRegistration> rows = registrations.atFair(fairId, new PageQuery(page, PageQuery.MAX_SIZE));
				for (FairRegistration r : rows.items()) {
					out.row(java.util.Arrays.asList(r.workerName(), r.workerMobileMasked(),
							forms.text("fair.registration.status." + r.status()), time(r.checkedInAt())));
				}
				if (!rows.hasNext()) {
					break;
				}
			}
			FairFigures f = fairs.figures(fairId);
			out.extraSheet(forms.text("fair.figures"), List.of(
					List.of(forms.text("fair.title"), fair.title()),
					List.of(forms.text("fair.when"), TIME.format(fair.startsAt()) + " – " + TIME.format(fair.endsAt())),
					List.of(forms.text("fair.figures.registrations"), String.valueOf(f.registrations())),
					List.of(forms.text("fair.figures.attendance"), String.valueOf(f.attendance())),
					List.of(forms.text("fair.figures.booths"), String.valueOf(f.booths())),
					List.of(forms.text("fair.figures.postings"), String.valueOf(f.postings())),
					List.of(forms.text("fair.figures.intentions"), String.valueOf(f.intentions())),
					List.of(forms.text("fair.figures.hires"), String.valueOf(f.hires()))));
			List<Booth> all = booths.atFair(fairId);
			Map<Long, String> titles = new HashMap<>();
			List<Long> ids = all.stream().flatMap(b -> b.postingIds().stream()).distinct().toList();
			if (!ids.isEmpty()) {
				jobs.findAll(ids).forEach(p -> titles.put(p.id(), p.details().title()));
			}
			List<List<String>> boothRows = new ArrayList<>();
			boothRows.add(List.of(forms.text("fair.booth.enterprise"), forms.text("fair.status"),
					forms.text("fair.booth.postings")));
			all.forEach(b -> boothRows.add(List.of(b.enterpriseName(), forms.text("fair.booth.status." + b.status()),
					String.join("、", b.postingIds().stream().map(id -> titles.getOrDefault(id, "#" + id)).toList()))));
			out.extraSheet(forms.text("fair.booths"), boothRows);
			Map<Long, String> enterpriseOf = new HashMap<>();
			all.forEach(b -> b.postingIds().forEach(id -> enterpriseOf.put(id, b.enterpriseName())));
			List<List<String>> intentionRows = new ArrayList<>();
			intentionRows.add(List.of(forms.text("fair.registration.worker"), forms.text("fair.booth.enterprise"),
					forms.text("fair.intention.posting"), forms.text("fair.intention.outcome"),
					forms.text("fair.intention.recordedAt")));
			for (Intention i : intentions.atFair(fairId)) {
				intentionRows.add(List.of(i.workerName(), enterpriseOf.getOrDefault(i.postingId(), ""),
						titles.getOrDefault(i.postingId(), "#" + i.postingId()),
						forms.text("fair.outcome." + i.outcome()), time(i.recordedAt())));
			}
			out.extraSheet(forms.text("fair.intentions"), intentionRows);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String name = forms.text("fair.report.file", fair.id(), LocalDateTime.now(clock).toLocalDate()) + ".xlsx";
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.contentType(MediaType.parseMediaType(SpreadsheetFormat.XLSX.contentType()))
			.body(bytes.toByteArray());
	}

	private String time(java.time.Instant instant) {
		return instant == null ? "" : TIME.format(LocalDateTime.ofInstant(instant, clock.getZone()));
	}
}
