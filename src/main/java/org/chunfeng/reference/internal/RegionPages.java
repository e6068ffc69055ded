package org.chunfeng.reference.internal;

import org.chunfeng.platform.PageQuery;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.reference.Regions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The region browser: the GB/T 2260 tree, opened level by level, and a search by name or code. */
@Controller
@RequestMapping("/reference/regions")
class RegionPages {

	private final Regions regions;

	RegionPages(Regions regions) {
		this.regions = regions;
	}

	@GetMapping
	String browse(@RequestParam(required = false) String q, @RequestParam(required = false) RegionCode.Level level,
			@RequestParam(required = false) Integer page, Model model) {
		model.addAttribute("navSection", "regions");
		model.addAttribute("q", q == null ? "" : q.strip());
		model.addAttribute("level", level);
		model.addAttribute("levels", RegionCode.Level.values());
		if ((q != null && !q.isBlank()) || level != null) {
			var results = regions.search(q, level, null, PageQuery.of(page, 50));
			model.addAttribute("results", results);
			model.addAttribute("paths", results.items().stream()
				.map(region -> regions.path(region.code())).toList());
		}
		else {
			model.addAttribute("provinces", regions.children(null));
		}
		return "reference/regions";
	}

	/** One level of the tree, loaded when a node is opened. */
	@GetMapping("/{code}/children")
	String children(@PathVariable RegionCode code, Model model) {
		model.addAttribute("children", regions.children(code));
		return "reference/region-tree :: children";
	}
}
