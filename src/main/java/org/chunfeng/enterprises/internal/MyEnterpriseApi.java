package org.chunfeng.enterprises.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

import org.chunfeng.enterprises.Contact;
import org.chunfeng.enterprises.Enterprise;
import org.chunfeng.enterprises.internal.EnterpriseApi.ContactRequest;
import org.chunfeng.enterprises.internal.EnterpriseApi.InsuranceRequest;
import org.chunfeng.enterprises.internal.EnterpriseApi.InsuranceView;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An enterprise user's own enterprise (本单位): its record, contacts and insurance figures. There is no id to
 * name: every call works on the account's enterprise (or the record it was merged into).
 */
@RestController
@RequestMapping("/api/v1/me/enterprise")
@Tag(name = "My enterprise")
class MyEnterpriseApi {

	private final OwnEnterprise own;

	MyEnterpriseApi(OwnEnterprise own) {
		this.own = own;
	}

	@Operation(summary = "The enterprise of the signed-in enterprise user")
	@GetMapping
	Enterprise enterprise() {
		return own.get();
	}

	@Operation(summary = "Change the own record: send it whole with the version you read; 409 if someone saved it since. Credit code, region and key-enterprise category stay as registered (the bureau decides them); values sent for them are ignored")
	@PutMapping
	Enterprise update(@RequestBody EnterpriseDraft draft) {
		return own.update(draft);
	}

	@Operation(summary = "The own contact persons (mobile numbers masked)")
	@GetMapping("/contacts")
	List<Contact> contacts() {
		return own.contacts();
	}

	@Operation(summary = "Add a contact person")
	@PostMapping("/contacts")
	ResponseEntity<Contact> addContact(@RequestBody ContactRequest request) {
		Contact contact = own.addContact(
				EnterpriseForms.contact(request.name(), request.title(), request.mobile(), request.email()));
		return ResponseEntity.created(URI.create("/api/v1/me/enterprise/contacts")).body(contact);
	}

	@Operation(summary = "Remove a contact person")
	@DeleteMapping("/contacts/{contactId}")
	ResponseEntity<Void> removeContact(@PathVariable long contactId) {
		own.removeContact(contactId);
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "The own basic account subsidies are paid to (对公基本存款账户); 404 if none is set")
	@GetMapping("/bank-account")
	org.chunfeng.enterprises.BasicAccount bankAccount() {
		org.chunfeng.enterprises.BasicAccount account = own.bankAccount();
		if (account == null) {
			throw new org.chunfeng.platform.NotFoundException("kind.bankAccount", "-");
		}
		return account;
	}

	@Operation(summary = "Set the own basic account (bank and branch, 8 to 30 digits); audited")
	@PutMapping("/bank-account")
	org.chunfeng.enterprises.BasicAccount setBankAccount(@RequestBody EnterpriseApi.BankAccountRequest request) {
		org.chunfeng.enterprises.BasicAccount account = EnterpriseForms.basicAccount(
				request == null ? null : request.bankName(), request == null ? null : request.number());
		own.setBankAccount(account);
		return account;
	}

	@Operation(summary = "The own insurance evidence, the latest year first")
	@GetMapping("/insurance")
	List<InsuranceView> insurance() {
		return InsuranceView.of(own.insurance());
	}

	@Operation(summary = "Report one year (年末参保人数, 失业保险缴费 in yuan); a year given by the social-insurance file cannot be replaced (400 naming year)")
	@PutMapping("/insurance/{year}")
	InsuranceView recordInsurance(@PathVariable int year, @RequestBody InsuranceRequest request) {
		return InsuranceView.of(own.recordInsurance(String.valueOf(year),
				request.insuredHeadcount() == null ? null : request.insuredHeadcount().toString(), request.premiums()));
	}
}
