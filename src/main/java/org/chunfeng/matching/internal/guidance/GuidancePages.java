package org.chunfeng.matching.internal.guidance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chunfeng.identity.Actor;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.matching.Guidance;
import org.chunfeng.matching.GuidanceChannel;
import org.chunfeng.matching.GuidanceSession;
import org.chunfeng.matching.GuidanceTopic;
import org.chunfeng.matching.Service131;
import org.chunfeng.platform.InvalidFieldsException;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.platform.NotFoundException;
import org.chunfeng.platform.PageQuery;
import org.chunfeng.reference.Region;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.reference.Regions;
import org.chunfeng.workers.Worker;
import org.chunfeng.workers.Workers;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Career guidance for the caseworkers of the worker's district (职业指导): the open requests and the follow-ups due,
 * a worker's sessions with the form to record one (which answers the worker's open request), and the sessions as a
 * part of the worker's page.
 */
@Controller
@RequestMapping("/guidance")
class GuidancePages {

	private final Guidance guidance;
	private final Service131 service131;
	private final Workers workers;
	private final Regions regions;
	private final GuidanceForms forms;
	private final Clock clock;

	GuidancePages(Guidance guidance, Service131 service131, Workers workers, Regions regions, GuidanceForms forms,
			Clock clock) {
		this.guidance = guidance;
		this.service131 = service131;
		this.workers = workers;
		this.regions = regions;
		this.forms = forms;
		this.clock = clock;
	}

	/** The open requests ({@code view=requests}, the default) or the follow-ups due ({@code view=followUps}). */
	@GetMapping
	String list(@RequestParam(required = false) String view, @RequestParam(required = false) RegionCode region,
			@RequestParam(required = false) Integer page, Model model) {
		boolean followUps = "followUps".equals(view);
		List<Region> counties = counties();
		model.addAttribute("navSection", "guidance");
		model.addAttribute("view", followUps ? "followUps" : "requests");
		model.addAttribute("region", region);
		model.addAttribute("counties", counties);
		Map<String, String> names = new LinkedHashMap<>();
		counties.forEach(r -> names.put(r.code().value(), r.name()));
		model.addAttribute("regionNames", names);
		PageQuery paging = PageQuery.of(page, 50);
		if (followUps) {
			model.addAttribute("results", guidance.followUpsDue(region, today(), paging));
		}
		else {
			model.addAttribute("results", guidance.openRequests(region, paging));
		}
		model.addAttribute("today", today());
		return "guidance/list";
	}

	@GetMapping("/workers/{workerId}")
	String worker(@PathVariable long workerId, Model model) {
		Worker worker = find(workerId);
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("heldOn", today().toString());
		values.put("channel", guidance.openRequestOf(workerId).map(r -> r.channel().name())
			.orElse(GuidanceChannel.COUNTER.name()));
		values.put("topics", List.of());
		return page(model, worker, values, Map.of());
	}

	@PostMapping("/workers/{workerId}")
	String record(@PathVariable long workerId, @RequestParam MultiValueMap<String, String> params, Model model,
			RedirectAttributes redirect) {
		Worker worker = find(workerId);
		try {
			GuidanceSession session = guidance.record(workerId, forms.session(params, today()));
			redirect.addFlashAttribute("notice", forms.text(session.requestId() == null ? "guidance.recorded"
					: "guidance.recorded.answered"));
			return "redirect:/guidance/workers/" + workerId;
		}
		catch (InvalidFieldsException | InvalidRequestException ex) {
			return page(model, worker, GuidanceForms.typed(params), forms.errors(ex));
		}
	}

	/** The worker's sessions as a part of the worker's page (swapped in by htmx). */
	@GetMapping("/workers/{workerId}/sessions")
	String sessions(@PathVariable long workerId, Model model) {
		Worker worker = find(workerId);
		model.addAttribute("worker", worker);
		model.addAttribute("sessions", guidance.sessionsOf(workerId));
		model.addAttribute("status", service131.status(workerId));
		model.addAttribute("openRequest", guidance.openRequestOf(workerId).orElse(null));
		return "guidance/parts :: worker-sessions";
	}

	private String page(Model model, Worker worker, Map<String, Object> values, Map<String, String> errors) {
		model.addAttribute("navSection", "guidance");
		model.addAttribute("worker", worker);
		model.addAttribute("residenceName", regions.path(worker.residence()).stream().map(Region::name)
			.reduce((a, b) -> a + " " + b).orElse(worker.residence().value()));
		model.addAttribute("sessions", guidance.sessionsOf(worker.id()));
		model.addAttribute("status", service131.status(worker.id()));
		model.addAttribute("openRequest", guidance.openRequestOf(worker.id()).orElse(null));
		model.addAttribute("channels", GuidanceChannel.values());
		model.addAttribute("topics", GuidanceTopic.values());
		model.addAttribute("values", values);
		model.addAttribute("errors", errors);
		model.addAttribute("today", today());
		return "guidance/worker";
	}

	private Worker find(long workerId) {
		return workers.find(workerId).orElseThrow(() -> new NotFoundException("kind.worker", String.valueOf(workerId)));
	}

	private List<Region> counties() {
		return RegionScope.currentActor().map(Actor::region).map(regions::counties).orElse(List.of());
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}
}
