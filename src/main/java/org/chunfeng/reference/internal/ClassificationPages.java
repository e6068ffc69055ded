package org.chunfeng.reference.internal;

import org.chunfeng.platform.PageQuery;
import org.chunfeng.reference.Classification;
import org.chunfeng.reference.Industries;
import org.chunfeng.reference.Occupations;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Browsers for the industry and occupation classifications: a tree and a search, one template for both. */
@Controller
class ClassificationPages {

	private final Industries industries;
	private final Occupations occupations;

	ClassificationPages(Industries industries, Occupations occupations) {
		this.industries = industries;
		this.occupations = occupations;
	}

	@GetMapping("/reference/{kind:industries|occupations}")
	String browse(@PathVariable String kind, @RequestParam(required = false) String q,
			@RequestParam(required = false) String level, @RequestParam(required = false) Integer page, Model model) {
		Classification table = table(kind);
		String chosenLevel = level != null && table.levels().contains(level) ? level : null;
		model.addAttribute("navSection", kind);
		model.addAttribute("kind", kind);
		model.addAttribute("edition", table.edition());
		model.addAttribute("levels", table.levels());
		model.addAttribute("counts", table.countByLevel());
		model.addAttribute("leafLevel", leafLevel(table));
		model.addAttribute("q", q == null ? "" : q.strip());
		model.addAttribute("level", chosenLevel);
		if ((q != null && !q.isBlank()) || chosenLevel != null) {
			model.addAttribute("results", table.search(q, chosenLevel, PageQuery.of(page, 50)));
		}
		else {
			model.addAttribute("roots", table.children(null));
		}
		return "reference/classification";
	}

	@GetMapping("/reference/{kind:industries|occupations}/{code}/children")
	String children(@PathVariable String kind, @PathVariable String code, Model model) {
		Classification table = table(kind);
		model.addAttribute("kind", kind);
		model.addAttribute("children", table.children(code));
		model.addAttribute("leafLevel", leafLevel(table));
		return "reference/classification-tree :: children";
	}

	/**
	 * The deepest level that has entries: nodes there open nothing. Tables are partial (industries have groups only
	 * under 70, no classes), so a node above it may open onto an empty list.
	 */
	private static String leafLevel(Classification table) {
		return table.countByLevel().entrySet().stream().filter(e -> e.getValue() > 0).map(java.util.Map.Entry::getKey)
			.reduce((first, second) -> second).orElse(table.levels().getLast());
	}

	private Classification table(String kind) {
		return kind.equals("industries") ? industries : occupations;
	}
}
