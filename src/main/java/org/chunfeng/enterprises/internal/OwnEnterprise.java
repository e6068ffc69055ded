package org.chunfeng.enterprises.internal;

import java.util.List;

import org.chunfeng.enterprises.Contact;
import org.chunfeng.enterprises.Enterprise;
import org.chunfeng.enterprises.Enterprises;
import org.chunfeng.enterprises.EvidenceSource;
import org.chunfeng.enterprises.InsuranceYear;
import org.chunfeng.enterprises.NewContact;
import org.chunfeng.identity.Actor;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.platform.NotFoundException;
import org.chunfeng.reference.Industries;
import org.springframework.stereotype.Component;

/**
 * The enterprise of the signed-in enterprise user (用人单位用户), for its self-service pages and API: every read and
 * write goes to that one record, never to an id the caller names. An account whose record was merged into another
 * works on the record kept.
 */
@Component
class OwnEnterprise {

	/** Merges point straight at the kept record; the bound only guards against a cycle in bad data. */
	private static final int MAX_HOPS = 5;

	private final Enterprises enterprises;
	private final Industries industries;

	OwnEnterprise(Enterprises enterprises, Industries industries) {
		this.enterprises = enterprises;
		this.industries = industries;
	}

	/** The record, following merges. */
	Enterprise get() {
		Long id = RegionScope.currentActor().map(Actor::enterprise).orElse(null);
		if (id == null) {
			throw new NotFoundException("kind.enterprise", "-");
		}
		Enterprise enterprise = find(id);
		for (int hop = 0; enterprise.merged() && hop < MAX_HOPS; hop++) {
			enterprise = find(enterprise.mergedInto());
		}
		return enterprise;
	}

	private Enterprise find(long id) {
		return enterprises.find(id).orElseThrow(() -> new NotFoundException("kind.enterprise", String.valueOf(id)));
	}

	/**
	 * Saves the enterprise's own changes; credit code, region and key-enterprise category stay as registered.
	 *
	 * @throws org.chunfeng.platform.ConflictException if the record was saved since the draft's version
	 */
	Enterprise update(EnterpriseDraft draft) {
		Enterprise own = get();
		if (draft.version() == null) {
			throw new org.chunfeng.platform.InvalidRequestException("version", "problem.field.required");
		}
		return enterprises.update(own.id(), draft.version(), draft.keeping(own).check(industries));
	}

	List<Contact> contacts() {
		return enterprises.contacts(get().id());
	}

	Contact addContact(NewContact contact) {
		return enterprises.addContact(get().id(), contact);
	}

	void removeContact(long contactId) {
		enterprises.removeContact(get().id(), contactId);
	}

	/** The own basic account, or {@code null}. */
	org.chunfeng.enterprises.BasicAccount bankAccount() {
		long id = get().id();
		return enterprises.bankAccounts(List.of(id)).get(id);
	}

	/** Sets (or, with {@code null}, removes) the own basic account. */
	void setBankAccount(org.chunfeng.enterprises.BasicAccount account) {
		enterprises.setBankAccount(get().id(), account);
	}

	List<InsuranceYear> insurance() {
		return enterprises.insurance(get().id());
	}

	/**
	 * Records a year as the enterprise's own figures.
	 *
	 * @throws org.chunfeng.platform.InvalidRequestException naming {@code year} if the social-insurance file already
	 *         gave it
	 */
	InsuranceYear recordInsurance(String year, String headcount, String premiums) {
		InsuranceYear checked = EnterpriseForms.insuranceYear(year, headcount, premiums, EvidenceSource.ENTERPRISE);
		return enterprises.recordInsurance(get().id(), checked);
	}
}
