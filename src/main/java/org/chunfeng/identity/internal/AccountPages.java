package org.chunfeng.identity.internal;

import java.security.Principal;

import org.chunfeng.platform.InvalidRequestException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Sign-in page and the user's own password. */
@Controller
class AccountPages {

	private final JdbcAccounts accounts;
	private final JdbcAudit audit;
	private final MessageSource messages;

	AccountPages(JdbcAccounts accounts, JdbcAudit audit, MessageSource messages) {
		this.accounts = accounts;
		this.audit = audit;
		this.messages = messages;
	}

	@GetMapping("/login")
	String login() {
		return "account/login";
	}

	@GetMapping("/account/password")
	String passwordForm(Principal principal, Model model) {
		model.addAttribute("navSection", "password");
		model.addAttribute("mustChangePassword", accounts.mustChangePassword(principal.getName()));
		return "account/password";
	}

	@PostMapping("/account/password")
	String changePassword(Principal principal, @RequestParam String currentPassword, @RequestParam String newPassword,
			@RequestParam String confirmPassword, Model model, RedirectAttributes redirect,
			java.util.Locale locale) {
		try {
			if (!newPassword.equals(confirmPassword)) {
				throw new InvalidRequestException("confirmPassword", "account.password.mismatch");
			}
			accounts.changePassword(principal.getName(), currentPassword, newPassword);
		}
		catch (InvalidRequestException ex) {
			model.addAttribute("navSection", "password");
			model.addAttribute("errorField", ex.field());
			model.addAttribute("error", messages.getMessage(ex.code(), ex.args(), locale));
			return "account/password";
		}
		String region = accounts.findByUsername(principal.getName()).map(a -> a.region().value()).orElseThrow();
		audit.record(principal.getName(), "account.password.changed", "account", principal.getName(), region, null,
				null, null);
		redirect.addFlashAttribute("notice", messages.getMessage("account.password.changed", null, locale));
		// the session's principal still says "must change"; the filter asks the database, which no longer does
		return "redirect:/";
	}
}
