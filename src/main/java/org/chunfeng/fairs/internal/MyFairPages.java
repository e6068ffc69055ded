package org.chunfeng.fairs.internal;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chunfeng.fairs.Fair;
import org.chunfeng.fairs.FairRegistration;
import org.chunfeng.fairs.FairRegistrations;
import org.chunfeng.fairs.Fairs;
import org.chunfeng.fairs.RegistrationStatus;
import org.chunfeng.platform.RefusedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A worker's fairs on the phone (我的招聘会): registering for a fair, the tickets with their QR codes to show at the
 * door, cancelling before the fair. A cancelled fair stays in the list, shown cancelled with its reason.
 */
@Controller
@RequestMapping("/me/fairs")
class MyFairPages {

	private final Participants participants;
	private final FairRegistrations registrations;
	private final Fairs fairs;
	private final PublicFairs pages;
	private final Tickets tickets;
	private final FairForms forms;
	private final Clock clock;

	MyFairPages(Participants participants, FairRegistrations registrations, Fairs fairs, PublicFairs pages,
			Tickets tickets, FairForms forms, Clock clock) {
		this.participants = participants;
		this.registrations = registrations;
		this.fairs = fairs;
		this.pages = pages;
		this.tickets = tickets;
		this.forms = forms;
		this.clock = clock;
	}

	@GetMapping
	String mine(Model model) {
		List<FairRegistration> mine = participants.asWorker(registrations::ofWorker);
		Map<Long, Fair> byId = new LinkedHashMap<>();
		mine.forEach(r -> fairs.find(r.fairId()).ifPresent(f -> byId.put(f.id(), f)));
		model.addAttribute("navSection", "myFairs");
		model.addAttribute("registrations", mine);
		model.addAttribute("fairs", byId);
		model.addAttribute("now", now());
		return "fairs/my-list";
	}

	@GetMapping("/{fairId}/register")
	String registerPage(@PathVariable long fairId, Model model) {
		Fair fair = pages.fair(fairId);
		Optional<FairRegistration> held = held(fairId);
		if (held.isPresent()) {
			return "redirect:/me/fairs/tickets/" + held.get().id();
		}
		model.addAttribute("navSection", "myFairs");
		model.addAttribute("fair", fair);
		model.addAttribute("theme", forms.theme(fair.details()));
		model.addAttribute("organisers", forms.organiserNames());
		model.addAttribute("now", now());
		model.addAttribute("open", fair.open(now()));
		return "fairs/my-register";
	}

	@PostMapping("/{fairId}/register")
	String register(@PathVariable long fairId, RedirectAttributes redirect) {
		pages.fair(fairId);
		try {
			FairRegistration registration = participants.asWorker(worker -> registrations.register(fairId, worker));
			redirect.addFlashAttribute("notice", forms.text("fair.registration.registered"));
			return "redirect:/me/fairs/tickets/" + registration.id();
		}
		catch (RefusedException ex) {
			redirect.addFlashAttribute("problem", forms.refusal(ex));
			return "redirect:/me/fairs/" + fairId + "/register";
		}
	}

	private Optional<FairRegistration> held(long fairId) {
		return participants.asWorker(worker -> registrations.ofWorker(worker).stream()
			.filter(r -> r.fairId() == fairId && r.status() == RegistrationStatus.REGISTERED)
			.findFirst());
	}

	@GetMapping("/tickets/{registrationId}")
	String ticket(@PathVariable long registrationId, Model model) {
		FairRegistration registration = participants.registration(registrationId);
		Fair fair = pages.fair(registration.fairId());
		model.addAttribute("navSection", "myFairs");
		model.addAttribute("registration", registration);
		model.addAttribute("fair", fair);
		model.addAttribute("theme", forms.theme(fair.details()));
		model.addAttribute("organisers", forms.organiserNames());
		model.addAttribute("code", JdbcFairRegistrations.display(registration.code()));
		model.addAttribute("qr", tickets.svg(registration.code()));
		model.addAttribute("now", now());
		return "fairs/ticket";
	}

	@PostMapping("/tickets/{registrationId}/cancel")
	String cancel(@PathVariable long registrationId, RedirectAttributes redirect) {
		long id = participants.registration(registrationId).id();
		try {
			participants.asWorker(worker -> registrations.cancel(id));
			redirect.addFlashAttribute("notice", forms.text("fair.registration.cancelled"));
		}
		catch (RefusedException ex) {
			redirect.addFlashAttribute("problem", forms.refusal(ex));
		}
		return "redirect:/me/fairs/tickets/" + registrationId;
	}

	private LocalDateTime now() {
		return LocalDateTime.now(clock);
	}
}
