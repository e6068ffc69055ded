package org.chunfeng.enterprises.internal;

import java.util.Map;

import org.chunfeng.enterprises.Enterprise;
import org.chunfeng.platform.ConflictException;
import org.chunfeng.platform.InvalidFieldsException;
import org.chunfeng.platform.InvalidRequestException;
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
 * The enterprise user's own pages (本单位): the profile, editing it (credit code, region and key-enterprise
 * category are the bureau's to decide, so read-only here), contacts, and reporting insurance years — except over a
 * year the social-insurance file gave.
 */
@Controller
@RequestMapping("/my-enterprise")
class MyEnterprisePages {

	private static final String BASE = "/my-enterprise";

	private final OwnEnterprise own;
	private final EnterpriseForms forms;

	MyEnterprisePages(OwnEnterprise own, EnterpriseForms forms) {
		this.own = own;
		this.forms = forms;
	}

	@GetMapping
	String show(Model model) {
		Enterprise enterprise = own.get();
		model.addAttribute("navSection", "myEnterprise");
		forms.details(model, enterprise, own.contacts(), own.insurance());
		model.addAttribute("base", BASE);
		model.addAttribute("mayEdit", true);
		model.addAttribute("selfService", true);
		model.addAttribute("bankAccount", own.bankAccount());
		return "my-enterprise/show";
	}

	@GetMapping("/size-indicators")
	String sizeIndicators(@RequestParam(required = false) String industryCode, Model model) {
		model.addAttribute("sizeHint", forms.sizeHint(industryCode));
		return "enterprises/size-indicators";
	}

	@GetMapping("/edit")
	String edit(Model model) {
		Enterprise enterprise = own.get();
		return form(model, enterprise, EnterpriseDraft.of(enterprise), Map.of(), null, null);
	}

	@PostMapping
	String update(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		Enterprise enterprise = own.get();
		EnterpriseDraft draft = null;
		try {
			draft = forms.draft(params, d -> d.keeping(enterprise));
			own.update(draft);
			redirect.addFlashAttribute("notice", forms.text("enterprise.saved"));
			return "redirect:" + BASE;
		}
		catch (ConflictException ex) {
			// as on the bureau's pages: the input stays, rebased on the version somebody else just saved
			return form(model, enterprise, draft.withVersion(ex.currentVersion()), Map.of(), params,
					forms.text("enterprise.conflict", ex.currentVersion()));
		}
		catch (EnterpriseForms.DraftException ex) {
			return form(model, enterprise, ex.draft(), forms.errors(ex), params, null);
		}
		catch (InvalidFieldsException | InvalidRequestException ex) {
			return form(model, enterprise, draft == null ? EnterpriseDraft.of(enterprise) : draft, forms.errors(ex),
					params, null);
		}
	}

	@PostMapping("/contacts")
	String addContact(@RequestParam MultiValueMap<String, String> params, RedirectAttributes redirect) {
		try {
			own.addContact(EnterpriseForms.contact(params.getFirst("contactName"), params.getFirst("contactTitle"),
					params.getFirst("contactMobile"), params.getFirst("contactEmail")));
			redirect.addFlashAttribute("notice", forms.text("enterprise.contact.added"));
		}
		catch (InvalidFieldsException | InvalidRequestException ex) {
			redirect.addFlashAttribute("contactErrors", forms.errors(ex));
			redirect.addFlashAttribute("contactTyped", params.toSingleValueMap());
		}
		return "redirect:" + BASE + "#contacts";
	}

	@PostMapping("/contacts/{contactId}/delete")
	String removeContact(@PathVariable long contactId, RedirectAttributes redirect) {
		own.removeContact(contactId);
		redirect.addFlashAttribute("notice", forms.text("enterprise.contact.removed"));
		return "redirect:" + BASE + "#contacts";
	}

	/** Sets the own basic account subsidies are paid to (对公基本存款账户). */
	@PostMapping("/bank-account")
	String setBankAccount(@RequestParam MultiValueMap<String, String> params, RedirectAttributes redirect) {
		try {
			own.setBankAccount(EnterpriseForms.basicAccount(params.getFirst("bankName"), params.getFirst("bankAccount")));
			redirect.addFlashAttribute("notice", forms.text("enterprise.bankAccount.saved"));
		}
		catch (InvalidFieldsException | InvalidRequestException ex) {
			redirect.addFlashAttribute("bankErrors", forms.errors(ex));
			redirect.addFlashAttribute("bankTyped", params.toSingleValueMap());
		}
		return "redirect:" + BASE + "#bank-account";
	}

	@PostMapping("/insurance")
	String recordInsurance(@RequestParam MultiValueMap<String, String> params, RedirectAttributes redirect) {
		try {
			own.recordInsurance(params.getFirst("year"), params.getFirst("insuredHeadcount"),
					params.getFirst("premiums"));
			redirect.addFlashAttribute("notice", forms.text("enterprise.insurance.recorded", params.getFirst("year")));
		}
		catch (InvalidFieldsException | InvalidRequestException ex) {
			redirect.addFlashAttribute("insuranceErrors", forms.errors(ex));
			redirect.addFlashAttribute("insuranceTyped", params.toSingleValueMap());
		}
		return "redirect:" + BASE + "#insurance";
	}

	private String form(Model model, Enterprise enterprise, EnterpriseDraft draft, Map<String, String> errors,
			MultiValueMap<String, String> typed, String conflict) {
		model.addAttribute("navSection", "myEnterprise");
		model.addAttribute("enterprise", enterprise);
		model.addAttribute("selfService", true);
		model.addAttribute("formAction", BASE);
		model.addAttribute("cancelUrl", BASE);
		model.addAttribute("indicatorsUrl", BASE + "/size-indicators");
		model.addAttribute("regionName", forms.regionName(enterprise.region()));
		forms.form(model, draft, errors, typed, conflict);
		return "enterprises/form";
	}
}
