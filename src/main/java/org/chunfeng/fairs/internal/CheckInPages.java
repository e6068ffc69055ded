package org.chunfeng.fairs.internal;

import org.chunfeng.fairs.Fair;
import org.chunfeng.fairs.FairRegistration;
import org.chunfeng.fairs.FairRegistrations;
import org.chunfeng.fairs.Fairs;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.platform.NotFoundException;
import org.chunfeng.platform.RefusedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The door of an offline fair (入场核验), made for a phone held by the staff: the camera reads the ticket's QR code
 * where the browser can (the page's script fills in the code and sends it), and the code can always be typed. Each
 * answer says plainly who came in, or why not (already in at 10:32, another fair's ticket, unknown).
 */
@Controller
@RequestMapping("/fairs/{fairId}/check-in")
class CheckInPages {

	private final Fairs fairs;
	private final FairRegistrations registrations;
	private final FairForms forms;

	CheckInPages(Fairs fairs, FairRegistrations registrations, FairForms forms) {
		this.fairs = fairs;
		this.registrations = registrations;
		this.forms = forms;
	}

	@GetMapping
	String page(@PathVariable long fairId, Model model) {
		Fair fair = fairs.manageable(fairId);
		model.addAttribute("navSection", "fairs");
		model.addAttribute("fair", fair);
		model.addAttribute("figures", fairs.figures(fairId));
		model.addAttribute("mayCheckIn", FairPages.mayChange());
		return "fairs/check-in";
	}

	@PostMapping
	String checkIn(@PathVariable long fairId, @RequestParam(required = false) String code,
			RedirectAttributes redirect) {
		fairs.manageable(fairId);
		try {
			FairRegistration in = registrations.checkIn(fairId, code);
			redirect.addFlashAttribute("admitted", forms.text("fair.checkIn.admitted", in.workerName()));
		}
		catch (RefusedException ex) {
			redirect.addFlashAttribute("refused", forms.refusal(ex));
		}
		catch (InvalidRequestException ex) {
			redirect.addFlashAttribute("refused", forms.text(ex.code(), ex.args()));
			redirect.addFlashAttribute("typed", code);
		}
		catch (NotFoundException ex) {
			redirect.addFlashAttribute("refused", forms.text("fair.checkIn.unknown"));
			redirect.addFlashAttribute("typed", code);
		}
		return "redirect:/fairs/" + fairId + "/check-in";
	}
}
