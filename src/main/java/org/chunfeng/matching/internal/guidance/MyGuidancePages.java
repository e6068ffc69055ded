package org.chunfeng.matching.internal.guidance;

import org.chunfeng.matching.Guidance;
import org.chunfeng.matching.GuidanceChannel;
import org.chunfeng.matching.Service131;
import org.chunfeng.platform.InvalidFieldsException;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.platform.RefusedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A worker's career guidance on the phone (职业指导): the 131 record as three ticks, asking for guidance (one open
 * request at a time), and the sessions held.
 */
@Controller
@RequestMapping("/me/guidance")
class MyGuidancePages {

	private final OwnRecord own;
	private final Guidance guidance;
	private final Service131 service131;
	private final GuidanceForms forms;

	MyGuidancePages(OwnRecord own, Guidance guidance, Service131 service131, GuidanceForms forms) {
		this.own = own;
		this.guidance = guidance;
		this.service131 = service131;
		this.forms = forms;
	}

	@GetMapping
	String mine(Model model) {
		own.asWorker(worker -> {
			model.addAttribute("status", service131.status(worker));
			model.addAttribute("requests", guidance.requestsOf(worker));
			model.addAttribute("openRequest", guidance.openRequestOf(worker).orElse(null));
			model.addAttribute("sessions", guidance.sessionsOf(worker));
			return null;
		});
		model.addAttribute("navSection", "myGuidance");
		model.addAttribute("channels", GuidanceChannel.values());
		return "guidance/mine";
	}

	@PostMapping
	String ask(@RequestParam(required = false) String channel, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		try {
			GuidanceChannel preferred = channel == null || channel.isBlank() ? null : GuidanceChannel.valueOf(channel);
			own.asWorker(worker -> guidance.request(worker, preferred, note));
			redirect.addFlashAttribute("notice", forms.text("guidance.request.sent"));
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("problem", forms.text("problem.field.typeValue", channel));
		}
		catch (RefusedException ex) {
			redirect.addFlashAttribute("problem", forms.refusal(ex));
		}
		catch (InvalidFieldsException | InvalidRequestException ex) {
			redirect.addFlashAttribute("problem", String.join(" ", forms.errors(ex).values()));
			redirect.addFlashAttribute("note", note);
		}
		return "redirect:/me/guidance";
	}
}
