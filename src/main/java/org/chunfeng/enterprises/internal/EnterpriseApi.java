package org.chunfeng.enterprises.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.chunfeng.enterprises.Contact;
import org.chunfeng.enterprises.DuplicateEnterpriseException;
import org.chunfeng.enterprises.Enterprise;
import org.chunfeng.enterprises.EnterpriseQuery;
import org.chunfeng.enterprises.Enterprises;
import org.chunfeng.enterprises.EvidenceSource;
import org.chunfeng.enterprises.InsuranceYear;
import org.chunfeng.enterprises.SizeClass;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.platform.NotFoundException;
import org.chunfeng.platform.PageQuery;
import org.chunfeng.platform.Paged;
import org.chunfeng.reference.Industries;
import org.chunfeng.reference.RegionCode;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The enterprise registry for the bureau's staff: search, register, edit (optimistic locking: send the version you
 * read), merge, contacts and insurance evidence. The database shows only enterprises inside the caller's region.
 */
@RestController
@RequestMapping("/api/v1/enterprises")
@Tag(name = "Enterprises")
class EnterpriseApi {

	private final Enterprises enterprises;
	private final Industries industries;
	private final MessageSource messages;

	EnterpriseApi(Enterprises enterprises, Industries industries, MessageSource messages) {
		this.enterprises = enterprises;
		this.industries = industries;
		this.messages = messages;
	}

	record MergeRequest(Long duplicateId) {
	}

	/** A contact person; at least a mobile number or an e-mail address. */
	record ContactRequest(String name, String title, String mobile, String email) {
	}

	/** @param premiums 失业保险费 paid in the year, in yuan, e.g. {@code "12345.67"} */
	record InsuranceRequest(Integer insuredHeadcount, String premiums) {
	}

	/**
	 * One year of insurance evidence as the API shows it: premiums in yuan, as they are sent.
	 *
	 * @param premiums e.g. {@code "12345.67"}
	 */
	record InsuranceView(int year, int insuredHeadcount, String premiums, EvidenceSource source,
			Instant recordedAt) {

		static InsuranceView of(InsuranceYear y) {
			return new InsuranceView(y.year(), y.insuredHeadcount(), y.premiums().toString(), y.source(),
					y.recordedAt());
		}

		static List<InsuranceView> of(List<InsuranceYear> years) {
			return years.stream().map(InsuranceView::of).toList();
		}
	}

	@Operation(summary = "Search enterprises: q is a full credit code or part of the name; industry is a section letter or a division code; filters combine")
	@GetMapping
	Paged<Enterprise> search(@RequestParam(required = false) String q,
			@RequestParam(required = false) RegionCode region, @RequestParam(required = false) String industry,
			@RequestParam(required = false) Boolean keyOnly, @RequestParam(required = false) SizeClass sizeClass,
			@RequestParam(required = false) Boolean labourDispatch, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return enterprises.search(new EnterpriseQuery(q, region, industry, Boolean.TRUE.equals(keyOnly), sizeClass,
				Boolean.TRUE.equals(labourDispatch)), PageQuery.of(page, size));
	}

	@Operation(summary = "Register an enterprise (revenue and assets in whole yuan); a registered credit code answers 409 with the existing record's address")
	@PostMapping
	ResponseEntity<Enterprise> register(@RequestBody EnterpriseDraft draft) {
		Enterprise enterprise = enterprises.register(draft.check(industries));
		return ResponseEntity.created(URI.create("/api/v1/enterprises/" + enterprise.id())).body(enterprise);
	}

	@Operation(summary = "One enterprise")
	@GetMapping("/{enterpriseId}")
	Enterprise enterprise(@PathVariable long enterpriseId) {
		return enterprises.find(enterpriseId)
			.orElseThrow(() -> new NotFoundException("kind.enterprise", String.valueOf(enterpriseId)));
	}

	@Operation(summary = "Change an enterprise: send the whole record with the version you read; 409 if someone saved it since. The credit code cannot change")
	@PutMapping("/{enterpriseId}")
	Enterprise update(@PathVariable long enterpriseId, @RequestBody EnterpriseDraft draft) {
		if (draft.version() == null) {
			throw new InvalidRequestException("version", "problem.field.required");
		}
		return enterprises.update(enterpriseId, draft.version(), draft.check(industries));
	}

	@Operation(summary = "Merge a duplicate record into this one (administrators): its workers, contacts and missing insurance years follow; the duplicate stays, read-only")
	@PostMapping("/{enterpriseId}/merge")
	Enterprise merge(@PathVariable long enterpriseId, @RequestBody MergeRequest request) {
		if (request.duplicateId() == null) {
			throw new InvalidRequestException("duplicateId", "problem.field.required");
		}
		return enterprises.merge(enterpriseId, request.duplicateId());
	}

	@Operation(summary = "The enterprise's contact persons (mobile numbers masked)")
	@GetMapping("/{enterpriseId}/contacts")
	List<Contact> contacts(@PathVariable long enterpriseId) {
		enterprise(enterpriseId);
		return enterprises.contacts(enterpriseId);
	}

	@Operation(summary = "Add a contact person")
	@PostMapping("/{enterpriseId}/contacts")
	ResponseEntity<Contact> addContact(@PathVariable long enterpriseId, @RequestBody ContactRequest request) {
		Contact contact = enterprises.addContact(enterpriseId,
				EnterpriseForms.contact(request.name(), request.title(), request.mobile(), request.email()));
		return ResponseEntity.created(URI.create("/api/v1/enterprises/" + enterpriseId + "/contacts")).body(contact);
	}

	@Operation(summary = "Remove a contact person")
	@DeleteMapping("/{enterpriseId}/contacts/{contactId}")
	ResponseEntity<Void> removeContact(@PathVariable long enterpriseId, @PathVariable long contactId) {
		enterprises.removeContact(enterpriseId, contactId);
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "The enterprise's insurance evidence (年末参保人数, 失业保险缴费), the latest year first")
	@GetMapping("/{enterpriseId}/insurance")
	List<InsuranceView> insurance(@PathVariable long enterpriseId) {
		enterprise(enterpriseId);
		return InsuranceView.of(enterprises.insurance(enterpriseId));
	}

	@Operation(summary = "Record or replace one year of insurance evidence as entered by a caseworker (premiums in yuan)")
	@PutMapping("/{enterpriseId}/insurance/{year}")
	InsuranceView recordInsurance(@PathVariable long enterpriseId, @PathVariable int year,
			@RequestBody InsuranceRequest request) {
		return InsuranceView.of(enterprises.recordInsurance(enterpriseId, EnterpriseForms.insuranceYear(
				String.valueOf(year), request.insuredHeadcount() == null ? null : request.insuredHeadcount().toString(),
				request.premiums(), EvidenceSource.CASEWORKER)));
	}

	/**
	 * The basic account (对公基本存款账户) as the API shows and takes it: plain (an enterprise's account is not personal
	 * data).
	 *
	 * @param number 8 to 30 digits; spaces and dashes are dropped
	 */
	record BankAccountRequest(String bankName, String number) {
	}

	@Operation(summary = "The enterprise's basic account subsidies are paid to (对公基本存款账户); 404 if it has none")
	@GetMapping("/{enterpriseId}/bank-account")
	org.chunfeng.enterprises.BasicAccount bankAccount(@PathVariable long enterpriseId) {
		enterprise(enterpriseId);
		org.chunfeng.enterprises.BasicAccount account = enterprises.bankAccounts(List.of(enterpriseId)).get(enterpriseId);
		if (account == null) {
			throw new NotFoundException("kind.bankAccount", String.valueOf(enterpriseId));
		}
		return account;
	}

	@Operation(summary = "Set the enterprise's basic account (bank and branch, 8 to 30 digits); audited")
	@PutMapping("/{enterpriseId}/bank-account")
	org.chunfeng.enterprises.BasicAccount setBankAccount(@PathVariable long enterpriseId,
			@RequestBody BankAccountRequest request) {
		enterprise(enterpriseId);
		org.chunfeng.enterprises.BasicAccount account = EnterpriseForms.basicAccount(
				request == null ? null : request.bankName(), request == null ? null : request.number());
		enterprises.setBankAccount(enterpriseId, account);
		return account;
	}

	@Operation(summary = "Remove the enterprise's basic account (its subsidies wait until one is set again); audited")
	@DeleteMapping("/{enterpriseId}/bank-account")
	ResponseEntity<Void> removeBankAccount(@PathVariable long enterpriseId) {
		enterprises.setBankAccount(enterpriseId, null);
		return ResponseEntity.noContent().build();
	}

	/** A registered credit code: 409, pointing at the existing record when the caller may see it. */
	@ExceptionHandler(DuplicateEnterpriseException.class)
	ResponseEntity<ProblemDetail> duplicate(DuplicateEnterpriseException ex, HttpServletRequest request) {
		var locale = LocaleContextHolder.getLocale();
		String message = messages.getMessage(ex.code(), ex.args(), locale);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, message);
		problem.setTitle(messages.getMessage("problem.duplicate", null, locale));
		problem.setInstance(URI.create(request.getRequestURI()));
		problem.setProperty("errors", List.of(Map.of("field", "creditCode", "message", message)));
		ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.CONFLICT);
		if (ex.existingId() != null) {
			problem.setProperty("existing", "/api/v1/enterprises/" + ex.existingId());
			response.location(URI.create("/api/v1/enterprises/" + ex.existingId()));
		}
		return response.body(problem);
	}
}
