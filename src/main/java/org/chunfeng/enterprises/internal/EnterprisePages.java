package org.chunfeng.enterprises.internal;

import java.util.List;
import java.util.Map;

import org.chunfeng.enterprises.DuplicateEnterpriseException;
import org.chunfeng.enterprises.Enterprise;
import org.chunfeng.enterprises.EnterpriseQuery;
import org.chunfeng.enterprises.Enterprises;
import org.chunfeng.enterprises.EvidenceSource;
import org.chunfeng.enterprises.SizeClass;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.identity.Role;
import org.chunfeng.platform.ConflictException;
import org.chunfeng.platform.InvalidFieldsException;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.platform.NotFoundException;
import org.chunfeng.platform.PageQuery;
import org.chunfeng.reference.Industries;
import org.chunfeng.reference.InvalidValueException;
import org.chunfeng.reference.Region;
import org.chunfeng.reference.RegionCode;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The enterprise registry pages for the bureau's staff (用人单位名录): search and filter, open, register, edit (a
 * stale edit is refused with the user's input kept), contacts, insurance years, and merging duplicates
 * (administrators).
 */
@Controller
@RequestMapping("/enterprises")
class EnterprisePages {

	private final Enterprises enterprises;
	private final Industries industries;
	private final EnterpriseForms forms;
	private final org.chunfeng.identity.Accounts accounts;

	EnterprisePages(Enterprises enterprises, Industries industries, EnterpriseForms forms,
			org.chunfeng.identity.Accounts accounts) {
		this.accounts = accounts;
		this.enterprises = enterprises;
		this.industries = industries;
		this.forms = forms;
	}

	@GetMapping
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) String region,
			@RequestParam(required = false) String industry, @RequestParam(required = false) Boolean keyOnly,
			@RequestParam(required = false) String sizeClass, @RequestParam(required = false) Boolean labourDispatch,
			@RequestParam(required = false) Integer page, Model model) {
		// a filter that cannot be read (an old bookmark, a hand-edited address) is dropped rather than refused
		EnterpriseQuery query = new EnterpriseQuery(q, regionOrNull(region), industry, Boolean.TRUE.equals(keyOnly),
				sizeOrNull(sizeClass), Boolean.TRUE.equals(labourDispatch));
		List<Region> counties = forms.counties();
		model.addAttribute("navSection", "enterprises");
		model.addAttribute("query", query);
		model.addAttribute("counties", counties);
		model.addAttribute("regionNames", forms.regionNames(counties));
		model.addAttribute("sections", forms.sections());
		model.addAttribute("industryNames", forms.industryNames());
		model.addAttribute("sizeClasses", SizeClass.values());
		model.addAttribute("results", enterprises.search(query, PageQuery.of(page, 50)));
		model.addAttribute("exportUrl", exportUrl(query));
		return "enterprises/list";
	}

	/** The export of exactly this list: the same filters, no page. */
	private static String exportUrl(EnterpriseQuery query) {
		UriComponentsBuilder url = UriComponentsBuilder.fromPath("/exports/enterprises.xlsx");
		if (query.text() != null) {
			url.queryParam("q", query.text());
		}
		if (query.region() != null) {
			url.queryParam("region", query.region().value());
		}
		if (query.industry() != null) {
			url.queryParam("industry", query.industry());
		}
		if (query.keyOnly()) {
			url.queryParam("keyOnly", true);
		}
		if (query.sizeClass() != null) {
			url.queryParam("sizeClass", query.sizeClass());
		}
		if (query.labourDispatch()) {
			url.queryParam("labourDispatch", true);
		}
		return url.encode().build().toUriString();
	}

	private static RegionCode regionOrNull(String text) {
		try {
			return text == null || text.isBlank() ? null : RegionCode.of(text);
		}
		catch (InvalidValueException ex) {
			return null;
		}
	}

	private static SizeClass sizeOrNull(String text) {
		try {
			return text == null || text.isBlank() ? null : SizeClass.valueOf(text.strip());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** The hint which figures the chosen industry's size criteria need, swapped into the form by htmx. */
	@GetMapping("/size-indicators")
	String sizeIndicators(@RequestParam(required = false) String industryCode, Model model) {
		model.addAttribute("sizeHint", forms.sizeHint(industryCode));
		return "enterprises/size-indicators";
	}

	@GetMapping("/new")
	String newEnterprise(Model model) {
		return form(model, null, EnterpriseDraft.empty(), Map.of(), null, null);
	}

	@PostMapping
	String register(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		EnterpriseDraft draft = null;
		try {
			draft = forms.draft(params, d -> d);
			Enterprise enterprise = enterprises.register(draft.check(industries));
			redirect.addFlashAttribute("notice", forms.text("enterprise.registered"));
			return "redirect:/enterprises/" + enterprise.id();
		}
		catch (DuplicateEnterpriseException ex) {
			if (ex.existingId() != null) {
				// one enterprise, one record: show the one that exists instead of a second
				redirect.addFlashAttribute("notice", forms.text("enterprise.creditCode.duplicate.shown",
						ex.creditCode().value()));
				return "redirect:/enterprises/" + ex.existingId();
			}
			return form(model, null, draft, Map.of("creditCode", forms.text(ex.code(), ex.args())), params, null);
		}
		catch (EnterpriseForms.DraftException ex) {
			return form(model, null, ex.draft(), forms.errors(ex), params, null);
		}
		catch (InvalidFieldsException | InvalidRequestException ex) {
			return form(model, null, draft == null ? EnterpriseDraft.empty() : draft, forms.errors(ex), params, null);
		}
	}

	@GetMapping("/{enterpriseId}")
	String show(@PathVariable long enterpriseId, Model model) {
		Enterprise enterprise = find(enterpriseId);
		model.addAttribute("navSection", "enterprises");
		forms.details(model, enterprise, enterprises.contacts(enterpriseId), enterprises.insurance(enterpriseId));
		model.addAttribute("base", "/enterprises/" + enterpriseId);
		model.addAttribute("selfService", false);
		model.addAttribute("mergedRecords", enterprises.mergedInto(enterpriseId));
		model.addAttribute("userAccounts", accounts.ofEnterprise(enterpriseId));
		model.addAttribute("mayAdminister", RegionScope.currentActor().map(a -> a.role() == Role.ADMINISTRATOR).orElse(false));
		model.addAttribute("mayEdit", mayEdit() && !enterprise.merged());
		model.addAttribute("bankAccount", enterprises.bankAccounts(List.of(enterpriseId)).get(enterpriseId));
		model.addAttribute("mayMerge", !enterprise.merged()
				&& RegionScope.currentActor().map(a -> a.role() == Role.ADMINISTRATOR).orElse(false));
		return "enterprises/show";
	}

	@GetMapping("/{enterpriseId}/edit")
	String edit(@PathVariable long enterpriseId, Model model) {
		Enterprise enterprise = find(enterpriseId);
		return form(model, enterprise, EnterpriseDraft.of(enterprise), Map.of(), null, null);
	}

	@PostMapping("/{enterpriseId}")
	String update(@PathVariable long enterpriseId, @RequestParam MultiValueMap<String, String> params, Model model,
			RedirectAttributes redirect) {
		Enterprise enterprise = find(enterpriseId);
		EnterpriseDraft draft = null;
		try {
			// the credit code is not on the edit form: it cannot change
			draft = forms.draft(params, d -> withCode(d, enterprise));
			if (draft.version() == null) {
				throw new InvalidRequestException("version", "problem.field.required");
			}
			enterprises.update(enterpriseId, draft.version(), draft.check(industries));
			redirect.addFlashAttribute("notice", forms.text("enterprise.saved"));
			return "redirect:/enterprises/" + enterpriseId;
		}
		catch (ConflictException ex) {
			// nothing is lost: the user's input stays in the form, now based on the version just saved by the other
			// person, so that a second save after a look at the record overwrites knowingly
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

	@PostMapping("/{enterpriseId}/merge")
	String merge(@PathVariable long enterpriseId, @RequestParam(required = false) String duplicateId,
			RedirectAttributes redirect) {
		try {
			long duplicate;
			try {
				duplicate = Long.parseLong(duplicateId == null ? "" : duplicateId.strip());
			}
			catch (NumberFormatException ex) {
				throw new InvalidRequestException("duplicateId", "enterprise.merge.idRequired");
			}
			enterprises.merge(enterpriseId, duplicate);
			redirect.addFlashAttribute("notice", forms.text("enterprise.merged.done", duplicate));
		}
		catch (InvalidRequestException | NotFoundException ex) {
			redirect.addFlashAttribute("mergeError", ex instanceof InvalidRequestException invalid
					? forms.text(invalid.code(), invalid.args()) : forms.text("enterprise.merge.notFound"));
		}
		return "redirect:/enterprises/" + enterpriseId;
	}

	@PostMapping("/{enterpriseId}/contacts")
	String addContact(@PathVariable long enterpriseId, @RequestParam MultiValueMap<String, String> params,
			RedirectAttributes redirect) {
		try {
			enterprises.addContact(enterpriseId, EnterpriseForms.contact(params.getFirst("contactName"),
					params.getFirst("contactTitle"), params.getFirst("contactMobile"), params.getFirst("contactEmail")));
			redirect.addFlashAttribute("notice", forms.text("enterprise.contact.added"));
		}
		catch (InvalidFieldsException | InvalidRequestException ex) {
			redirect.addFlashAttribute("contactErrors", forms.errors(ex));
			redirect.addFlashAttribute("contactTyped", params.toSingleValueMap());
		}
		return "redirect:/enterprises/" + enterpriseId + "#contacts";
	}

	@PostMapping("/{enterpriseId}/contacts/{contactId}/delete")
	String removeContact(@PathVariable long enterpriseId, @PathVariable long contactId, RedirectAttributes redirect) {
		enterprises.removeContact(enterpriseId, contactId);
		redirect.addFlashAttribute("notice", forms.text("enterprise.contact.removed"));
		return "redirect:/enterprises/" + enterpriseId + "#contacts";
	}

	/** Sets the basic account subsidies are paid to (对公基本存款账户). */
	@PostMapping("/{enterpriseId}/bank-account")
	String setBankAccount(@PathVariable long enterpriseId, @RequestParam MultiValueMap<String, String> params,
			RedirectAttributes redirect) {
		find(enterpriseId);
		try {
			enterprises.setBankAccount(enterpriseId,
					EnterpriseForms.basicAccount(params.getFirst("bankName"), params.getFirst("bankAccount")));
			redirect.addFlashAttribute("notice", forms.text("enterprise.bankAccount.saved"));
		}
		catch (InvalidFieldsException | InvalidRequestException ex) {
			redirect.addFlashAttribute("bankErrors", forms.errors(ex));
			redirect.addFlashAttribute("bankTyped", params.toSingleValueMap());
		}
		return "redirect:/enterprises/" + enterpriseId + "#bank-account";
	}

	@PostMapping("/{enterpriseId}/insurance")
	String recordInsurance(@PathVariable long enterpriseId, @RequestParam MultiValueMap<String, String> params,
			RedirectAttributes redirect) {
		try {
			enterprises.recordInsurance(enterpriseId, EnterpriseForms.insuranceYear(params.getFirst("year"),
					params.getFirst("insuredHeadcount"), params.getFirst("premiums"), EvidenceSource.CASEWORKER));
			redirect.addFlashAttribute("notice", forms.text("enterprise.insurance.recorded", params.getFirst("year")));
		}
		catch (InvalidFieldsException | InvalidRequestException ex) {
			redirect.addFlashAttribute("insuranceErrors", forms.errors(ex));
			redirect.addFlashAttribute("insuranceTyped", params.toSingleValueMap());
		}
		return "redirect:/enterprises/" + enterpriseId + "#insurance";
	}

	private String form(Model model, Enterprise enterprise, EnterpriseDraft draft, Map<String, String> errors,
			MultiValueMap<String, String> typed, String conflict) {
		model.addAttribute("navSection", "enterprises");
		model.addAttribute("enterprise", enterprise);
		model.addAttribute("selfService", false);
		model.addAttribute("formAction", enterprise == null ? "/enterprises" : "/enterprises/" + enterprise.id());
		model.addAttribute("cancelUrl", enterprise == null ? "/enterprises" : "/enterprises/" + enterprise.id());
		model.addAttribute("indicatorsUrl", "/enterprises/size-indicators");
		forms.form(model, draft, errors, typed, conflict);
		return "enterprises/form";
	}

	private static EnterpriseDraft withCode(EnterpriseDraft d, Enterprise enterprise) {
		return new EnterpriseDraft(enterprise.creditCode().value(), d.name(), d.region(), d.address(), d.industryCode(),
				d.employeeCount(), d.keyCategory(), d.labourDispatch(), d.revenueYuan(), d.totalAssetsYuan(),
				d.version());
	}

	private Enterprise find(long enterpriseId) {
		return enterprises.find(enterpriseId)
			.orElseThrow(() -> new NotFoundException("kind.enterprise", String.valueOf(enterpriseId)));
	}

	private static boolean mayEdit() {
		return RegionScope.currentActor().map(a -> a.role() == Role.ADMINISTRATOR || a.role() == Role.CASEWORKER)
			.orElse(false);
	}
}
