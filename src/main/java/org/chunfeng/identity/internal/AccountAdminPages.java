package org.chunfeng.identity.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.chunfeng.identity.Actor;
import org.chunfeng.identity.DataCategory;
import org.chunfeng.identity.Role;
import org.chunfeng.identity.internal.AccountAdministration.AccountChanges;
import org.chunfeng.identity.internal.AccountAdministration.AccountDraft;
import org.chunfeng.identity.internal.AccountAdministration.AccountView;
import org.chunfeng.platform.InvalidFieldsException;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.platform.NotFoundException;
import org.chunfeng.platform.PageQuery;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Account management pages (账号管理) for administrators: search, create, change, reset a password. */
@Controller
@RequestMapping("/admin/accounts")
class AccountAdminPages {

	private final AccountAdministration administration;
	private final MessageSource messages;

	AccountAdminPages(AccountAdministration administration, MessageSource messages) {
		this.administration = administration;
		this.messages = messages;
	}

	@GetMapping
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) Role role,
			@RequestParam(required = false) Integer page, Model model) {
		Actor admin = AccountAdministration.administrator();
		model.addAttribute("navSection", "accounts");
		model.addAttribute("q", q == null ? "" : q.strip());
		model.addAttribute("role", role);
		model.addAttribute("roles", Role.values());
		model.addAttribute("results", administration.search(admin, q, role, PageQuery.of(page, 50)));
		return "admin/accounts";
	}

	@GetMapping("/new")
	String newAccount(@RequestParam(required = false) Long enterpriseId, Model model) {
		AccountAdministration.administrator();
		Map<String, Object> form = new LinkedHashMap<>();
		// from an enterprise's page: an account of that enterprise's user
		form.put("role", enterpriseId == null ? Role.CASEWORKER.name() : Role.ENTERPRISE_USER.name());
		form.put("enterpriseId", enterpriseId);
		form.put("enabled", true);
		form.put("categories", Set.of());
		return form(model, null, form, Map.of());
	}

	@PostMapping
	String create(@RequestParam(required = false) String username, @RequestParam(required = false) String displayName,
			@RequestParam(required = false) String password, @RequestParam(required = false) String role,
			@RequestParam(required = false) String region, @RequestParam(required = false) String agency,
			@RequestParam(required = false) Set<String> categories, @RequestParam(required = false) Long enterpriseId,
			Model model, RedirectAttributes redirect, Locale locale) {
		Actor admin = AccountAdministration.administrator();
		AccountDraft draft = new AccountDraft(username, displayName, password, role, region, blank(agency), categories,
				enterpriseId, null, true);
		try {
			AccountView created = administration.create(admin, draft);
			redirect.addFlashAttribute("notice", messages.getMessage("account.admin.created", null, locale));
			return "redirect:/admin/accounts/" + created.id();
		}
		catch (InvalidRequestException | InvalidFieldsException ex) {
			Map<String, Object> form = new LinkedHashMap<>();
			form.put("username", username);
			form.put("displayName", displayName);
			form.put("role", role);
			form.put("region", region);
			form.put("agency", agency);
			form.put("categories", categories == null ? Set.of() : categories);
			form.put("enterpriseId", enterpriseId);
			form.put("enabled", true);
			return form(model, null, form, errors(ex, locale));
		}
	}

	@GetMapping("/{id}")
	String edit(@PathVariable long id, Model model) {
		Actor admin = AccountAdministration.administrator();
		return form(model, administration.get(admin, id), values(administration.get(admin, id)), Map.of());
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @RequestParam(required = false) String displayName,
			@RequestParam(required = false) String role, @RequestParam(required = false) String region,
			@RequestParam(required = false) String agency, @RequestParam(required = false) Set<String> categories,
			@RequestParam(defaultValue = "false") boolean enabled, Model model, RedirectAttributes redirect,
			Locale locale) {
		Actor admin = AccountAdministration.administrator();
		AccountView account = administration.get(admin, id);
		try {
			administration.update(admin, id, new AccountChanges(displayName, role, region, blank(agency),
					categories == null ? Set.of() : categories, enabled));
			redirect.addFlashAttribute("notice", messages.getMessage("account.admin.saved", null, locale));
			return "redirect:/admin/accounts/" + id;
		}
		catch (InvalidRequestException | InvalidFieldsException ex) {
			Map<String, Object> form = values(account);
			form.put("displayName", displayName);
			form.put("role", role);
			form.put("region", region);
			form.put("agency", agency);
			form.put("categories", categories == null ? Set.of() : categories);
			form.put("enabled", enabled);
			return form(model, account, form, errors(ex, locale));
		}
	}

	/** Shows the one-time password on this response only: never in a redirect, a flash attribute or the session. */
	@PostMapping("/{id}/password-reset")
	String resetPassword(@PathVariable long id, Model model) {
		Actor admin = AccountAdministration.administrator();
		var reset = administration.resetPassword(admin, id);
		AccountView account = administration.get(admin, id);
		model.addAttribute("oneTimePassword", reset.oneTimePassword());
		return form(model, account, values(account), Map.of());
	}

	@ExceptionHandler(NotFoundException.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound(Model model) {
		model.addAttribute("status", 404);
		return "error";
	}

	private String form(Model model, AccountView account, Map<String, Object> form, Map<String, String> errors) {
		model.addAttribute("navSection", "accounts");
		model.addAttribute("account", account);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("roles", Role.values());
		model.addAttribute("categoryValues", DataCategory.values());
		model.addAttribute("agencies", administration.agencies());
		return "admin/account";
	}

	private static Map<String, Object> values(AccountView account) {
		Map<String, Object> form = new LinkedHashMap<>();
		form.put("username", account.username());
		form.put("displayName", account.displayName());
		form.put("role", account.role().name());
		form.put("region", account.regionCode());
		form.put("agency", account.agency());
		form.put("categories", account.categories().stream().map(Enum::name).toList());
		form.put("enabled", account.enabled());
		return form;
	}

	private Map<String, String> errors(RuntimeException ex, Locale locale) {
		return org.chunfeng.platform.FieldErrors.of(ex, messages, locale);
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value;
	}
}
