package org.chunfeng.identity.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.chunfeng.identity.Role;
import org.chunfeng.identity.internal.AccountAdministration.AccountChanges;
import org.chunfeng.identity.internal.AccountAdministration.AccountDraft;
import org.chunfeng.identity.internal.AccountAdministration.AccountView;
import org.chunfeng.identity.internal.AccountAdministration.PasswordReset;
import org.chunfeng.platform.PageQuery;
import org.chunfeng.platform.Paged;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Account management (账号管理) for administrators, inside their region scope. */
@RestController
@RequestMapping("/api/v1/accounts")
@Tag(name = "Accounts")
class AccountsApi {

	private final AccountAdministration administration;

	AccountsApi(AccountAdministration administration) {
		this.administration = administration;
	}

	@Operation(summary = "Accounts in the administrator's region, by username; q searches username and display name")
	@GetMapping
	Paged<AccountView> list(@RequestParam(required = false) String q, @RequestParam(required = false) Role role,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return administration.search(AccountAdministration.administrator(), q, role, PageQuery.of(page, size));
	}

	@Operation(summary = "One account of the administrator's region")
	@GetMapping("/{id}")
	AccountView get(@PathVariable long id) {
		return administration.get(AccountAdministration.administrator(), id);
	}

	@Operation(summary = "Create an account in the administrator's region; it must change its password at first sign-in unless mustChangePassword is false")
	@PostMapping
	ResponseEntity<AccountView> create(@RequestBody AccountDraft draft) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(administration.create(AccountAdministration.administrator(), draft));
	}

	@Operation(summary = "Change display name, role, region, agency, data categories or enabled; absent fields stay")
	@PatchMapping("/{id}")
	AccountView update(@PathVariable long id, @RequestBody AccountChanges changes) {
		return administration.update(AccountAdministration.administrator(), id, changes);
	}

	@Operation(summary = "Set a one-time password (returned only here), to be changed at the next sign-in; clears a lockout and revokes the account's tokens")
	@PostMapping("/{id}/password-reset")
	PasswordReset resetPassword(@PathVariable long id) {
		return administration.resetPassword(AccountAdministration.administrator(), id);
	}

}
