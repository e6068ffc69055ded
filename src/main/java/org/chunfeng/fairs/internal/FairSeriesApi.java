package org.chunfeng.fairs.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.chunfeng.fairs.Fair;
import org.chunfeng.fairs.FairFigures;
import org.chunfeng.fairs.FairSeries;
import org.chunfeng.fairs.Fairs;
import org.chunfeng.fairs.internal.FairRequests.ReasonRequest;
import org.chunfeng.fairs.internal.FairRequests.SeriesRequest;
import org.chunfeng.platform.NotFoundException;
import org.chunfeng.platform.PageQuery;
import org.chunfeng.platform.Paged;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Recurring series of fairs (系列招聘会) for the bureau's staff: plan one ("every Tuesday and Friday until 31 March")
 * and its fairs are generated; publish or cancel what is left of it; its figures, in total and per fair.
 */
@RestController
@RequestMapping("/api/v1/fair-series")
@Tag(name = "Fairs")
class FairSeriesApi {

	private final Fairs fairs;

	FairSeriesApi(Fairs fairs) {
		this.fairs = fairs;
	}

	/** A series with its fairs and figures. */
	record SeriesView(FairSeries series, List<SeriesFair> fairs, FairFigures figures) {
	}

	record SeriesFair(Fair fair, FairFigures figures) {
	}

	@Operation(summary = "The series of the caller's region, the latest first")
	@GetMapping
	Paged<FairSeries> list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return fairs.series(PageQuery.of(page, size));
	}

	@Operation(summary = "Plan a series: weekdays, times and first/last day (at most 100 fairs); its fairs are generated, planned, each changeable on its own")
	@PostMapping
	ResponseEntity<SeriesView> plan(@RequestBody SeriesRequest request) {
		FairSeries series = fairs.planSeries(FairRequests.region(request.region()), request.plan());
		return ResponseEntity.created(URI.create("/api/v1/fair-series/" + series.id())).body(view(series.id()));
	}

	@Operation(summary = "A series with its fairs and figures (per fair and in total, cancelled fairs left out of the total)")
	@GetMapping("/{seriesId}")
	SeriesView series(@PathVariable long seriesId) {
		return view(seriesId);
	}

	@Operation(summary = "Publish the series' planned fairs that are not over")
	@PostMapping("/{seriesId}/publish")
	SeriesView publish(@PathVariable long seriesId) {
		fairs.publishSeries(seriesId);
		return view(seriesId);
	}

	@Operation(summary = "Cancel the series' fairs that are neither cancelled nor over, with the reason")
	@PostMapping("/{seriesId}/cancel")
	SeriesView cancel(@PathVariable long seriesId, @RequestBody ReasonRequest request) {
		fairs.cancelSeries(seriesId, request.reason());
		return view(seriesId);
	}

	private SeriesView view(long seriesId) {
		FairSeries series = fairs.findSeries(seriesId)
			.orElseThrow(() -> new NotFoundException("kind.fairSeries", String.valueOf(seriesId)));
		Map<Long, FairFigures> figures = fairs.figuresOfSeries(seriesId);
		return new SeriesView(series, fairs.fairsOf(seriesId).stream()
			.map(f -> new SeriesFair(f, figures.getOrDefault(f.id(), FairFigures.NONE)))
			.toList(), fairs.seriesFigures(seriesId));
	}
}
