package org.chunfeng.matching.internal.tracker;

import java.util.List;

import org.chunfeng.identity.Actor;
import org.chunfeng.matching.Service131;
import org.chunfeng.matching.Service131Coverage;
import org.chunfeng.matching.Service131Item;
import org.chunfeng.matching.Service131Query;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.platform.PageQuery;
import org.chunfeng.reference.Region;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.reference.Regions;
import org.chunfeng.workers.KeyGroup;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The 131 tracker page (131服务台账): coverage per child region of the region shown (a row opens that region), and for
 * caseworkers and administrators the key-group workers still lacking a part, with the Excel export of that list.
 */
@Controller
@RequestMapping("/service131")
class Service131Pages {

	private final Service131 service131;
	private final TrackerAccess access;
	private final Regions regions;

	Service131Pages(Service131 service131, TrackerAccess access, Regions regions) {
		this.service131 = service131;
		this.access = access;
		this.regions = regions;
	}

	/**
	 * @param missing {@code GUIDANCE}, {@code JOBS}, {@code TRAINING}, {@code ANY} (the default when left out), or
	 *                empty for every key-group worker
	 */
	@GetMapping
	String tracker(@RequestParam(required = false) RegionCode region, @RequestParam(required = false) KeyGroup keyGroup,
			@RequestParam(required = false) String missing, @RequestParam(required = false) Integer page,
			Model model) {
		Actor actor = access.figures();
		RegionCode shown = access.region(actor, region);
		Service131Coverage coverage = service131.coverage(shown);
		model.addAttribute("navSection", "service131");
		model.addAttribute("coverage", coverage);
		model.addAttribute("shown", shown);
		model.addAttribute("own", actor.region());
		model.addAttribute("parent", shown.equals(actor.region()) ? null : shown.parent().orElse(null));
		model.addAttribute("drillDown", shown.level() != RegionCode.Level.COUNTY);
		boolean people = access.seesPeople(actor);
		model.addAttribute("people", people);
		if (people) {
			Service131Item item = missing(missing);
			Service131Query query = new Service131Query(shown.equals(actor.region()) ? null : shown, keyGroup, item);
			model.addAttribute("query", query);
			model.addAttribute("missing", item == null ? "" : item.name());
			model.addAttribute("keyGroups", KeyGroup.values());
			model.addAttribute("items", Service131Item.values());
			model.addAttribute("results", service131.workers(query, PageQuery.of(page, 50)));
			java.util.Map<String, String> names = new java.util.HashMap<>();
			List<Region> counties = regions.counties(actor.region());
			counties.forEach(r -> names.put(r.code().value(), r.name()));
			model.addAttribute("regionNames", names);
		}
		return "service131/tracker";
	}

	private static Service131Item missing(String text) {
		if (text == null) {
			return Service131Item.ANY;
		}
		if (text.isBlank()) {
			return null;
		}
		try {
			return Service131Item.valueOf(text.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRequestException("missing", "problem.field.typeValue", text);
		}
	}
}
