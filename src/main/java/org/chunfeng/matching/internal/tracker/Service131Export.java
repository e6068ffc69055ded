package org.chunfeng.matching.internal.tracker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.chunfeng.matching.Service131;
import org.chunfeng.matching.Service131Item;
import org.chunfeng.matching.Service131Query;
import org.chunfeng.matching.Service131Status;
import org.chunfeng.matching.Service131Worker;
import org.chunfeng.platform.RefusedException;
import org.chunfeng.platform.spreadsheet.SpreadsheetWriter;
import org.chunfeng.reference.Region;
import org.chunfeng.reference.Regions;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The tracker's list as a workbook (131服务台账), streamed row by row from a database cursor: memory stays flat. Personal
 * numbers only masked. At most {@value #MAX_ROWS} rows: a larger list is refused before anything is written, asking
 * for a narrower filter.
 */
@Component
class Service131Export {

	static final int MAX_ROWS = 100_000;

	private final Service131 service131;
	private final Regions regions;
	private final MessageSource messages;

	Service131Export(Service131 service131, Regions regions, MessageSource messages) {
		this.service131 = service131;
		this.regions = regions;
		this.messages = messages;
	}

	/**
	 * Checks the size while the request's thread still holds the user.
	 *
	 * @throws RefusedException if more than {@value #MAX_ROWS} workers match
	 */
	void checkSize(Service131Query query) {
		long count = service131.count(query);
		if (count > MAX_ROWS) {
			throw new RefusedException("service131.export.tooMany", count, MAX_ROWS);
		}
	}

	void write(Service131Query query, Locale locale, OutputStream out) throws IOException {
		Map<String, String> names = new HashMap<>();
		try (SpreadsheetWriter writer = SpreadsheetWriter.xlsx(out, text("service131.export.sheet", locale))) {
			writer.header(List.of(text("service131.export.id", locale), text("worker.name", locale),
					text("worker.idNumber", locale), text("worker.mobile", locale),
					text("service131.export.regionCode", locale), text("worker.residence", locale),
					text("worker.keyGroups", locale), text("service131.guidance", locale),
					text("service131.jobs", locale), text("service131.training", locale),
					text("service131.missing", locale)));
			long[] written = { 0 };
			service131.forEach(query, w -> {
				if (written[0]++ < MAX_ROWS) {
					row(writer, w, names, locale);
				}
			});
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

	private void row(SpreadsheetWriter writer, Service131Worker w, Map<String, String> names, Locale locale) {
		Service131Status s = w.status();
		List<Object> row = new ArrayList<>();
		row.add(SpreadsheetWriter.number(w.workerId()));
		row.add(w.name());
		row.add(w.idNumberMasked());
		row.add(w.mobileMasked());
		row.add(w.residence().value());
		row.add(names.computeIfAbsent(w.residence().value(),
				c -> regions.find(w.residence()).map(Region::name).orElse("")));
		row.add(w.keyGroups().stream().sorted().map(g -> text("worker.keyGroup." + g, locale))
			.collect(Collectors.joining("、")));
		row.add(SpreadsheetWriter.number(s.guidanceSessions()));
		row.add(SpreadsheetWriter.number(s.jobLeads()));
		row.add(SpreadsheetWriter.number(s.trainingReferrals()));
		row.add(List.of(Service131Item.GUIDANCE, Service131Item.JOBS, Service131Item.TRAINING).stream()
			.filter(s::lacks)
			.map(item -> text("service131.item." + item, locale))
			.collect(Collectors.joining("、")));
		try {
			writer.row(row);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String text(String code, Locale locale) {
		return messages.getMessage(code, null, code, locale);
	}
}
