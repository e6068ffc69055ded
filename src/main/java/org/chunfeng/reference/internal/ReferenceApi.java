package org.chunfeng.reference.internal;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.chunfeng.platform.NotFoundException;
import org.chunfeng.platform.PageQuery;
import org.chunfeng.platform.Paged;
import org.chunfeng.reference.Classification;
import org.chunfeng.reference.ClassificationEntry;
import org.chunfeng.reference.Industries;
import org.chunfeng.reference.Occupations;
import org.chunfeng.reference.Region;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.reference.Regions;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read access to the reference tables for integrators and the mobile pages. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Reference data", description = "GB/T 2260 regions, GB/T 4754-2017 industries, occupations")
class ReferenceApi {

	private final Regions regions;
	private final Industries industries;
	private final Occupations occupations;

	ReferenceApi(Regions regions, Industries industries, Occupations occupations) {
		this.regions = regions;
		this.industries = industries;
		this.occupations = occupations;
	}

	@Operation(summary = "Search regions by name or code prefix, optionally of one level and inside a region")
	@GetMapping("/regions")
	Paged<RegionView> regions(@RequestParam(required = false) String q,
			@RequestParam(required = false) RegionCode.Level level,
			@RequestParam(required = false) RegionCode within, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return regions.search(q, level, within, PageQuery.of(page, size)).map(RegionView::of);
	}

	@Operation(summary = "One region with its path (province, prefecture, county)")
	@GetMapping("/regions/{code}")
	RegionDetail region(@PathVariable RegionCode code) {
		Region region = regions.find(code).orElseThrow(() -> new NotFoundException("kind.region", code.value()));
		return new RegionDetail(RegionView.of(region), regions.path(code).stream().map(RegionView::of).toList());
	}

	@Operation(summary = "The regions directly below a province or prefecture (for the provinces: /regions?level=PROVINCE)")
	@GetMapping("/regions/{code}/children")
	List<RegionView> regionChildren(@PathVariable RegionCode code) {
		regions.find(code).orElseThrow(() -> new NotFoundException("kind.region", code.value()));
		return regions.children(code).stream().map(RegionView::of).toList();
	}

	@Operation(summary = "Search GB/T 4754-2017 industries by code prefix or name")
	@GetMapping("/industries")
	Paged<ClassificationEntry> industries(@RequestParam(required = false) String q,
			@RequestParam(required = false) String level, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return search(industries, q, level, page, size);
	}

	@Operation(summary = "One industry with its ancestors and children")
	@GetMapping("/industries/{code}")
	ClassificationDetail industry(@PathVariable String code) {
		return detail(industries, "kind.industry", code);
	}

	@Operation(summary = "Search occupations by code prefix or name")
	@GetMapping("/occupations")
	Paged<ClassificationEntry> occupations(@RequestParam(required = false) String q,
			@RequestParam(required = false) String level, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return search(occupations, q, level, page, size);
	}

	@Operation(summary = "One occupation with its ancestors and children")
	@GetMapping("/occupations/{code}")
	ClassificationDetail occupation(@PathVariable String code) {
		return detail(occupations, "kind.occupation", code);
	}

	private static Paged<ClassificationEntry> search(Classification table, String q, String level, Integer page,
			Integer size) {
		if (level != null && !table.levels().contains(level)) {
			throw new org.chunfeng.platform.InvalidRequestException("level", "request.level.unknown", level,
					String.join(", ", table.levels()));
		}
		return table.search(q, level, PageQuery.of(page, size));
	}

	private static ClassificationDetail detail(Classification table, String kind, String code) {
		ClassificationEntry entry = table.find(code).orElseThrow(() -> new NotFoundException(kind, code));
		return new ClassificationDetail(entry, table.edition(), table.path(code), table.children(code));
	}

	record RegionView(String code, String name, RegionCode.Level level, String parent) {

		static RegionView of(Region region) {
			return new RegionView(region.code().value(), region.name(), region.level(),
					region.parent() == null ? null : region.parent().value());
		}
	}

	record RegionDetail(RegionView region, List<RegionView> path) {
	}

	record ClassificationDetail(ClassificationEntry entry, String edition, List<ClassificationEntry> path,
			List<ClassificationEntry> children) {
	}
}
