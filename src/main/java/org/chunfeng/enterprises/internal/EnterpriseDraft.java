package org.chunfeng.enterprises.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.chunfeng.enterprises.Enterprise;
import org.chunfeng.enterprises.KeyCategory;
import org.chunfeng.enterprises.NewEnterprise;
import org.chunfeng.platform.InvalidFieldsException;
import org.chunfeng.platform.InvalidRequestException;
import org.chunfeng.reference.CreditCode;
import org.chunfeng.reference.Industries;
import org.chunfeng.reference.InvalidValueException;
import org.chunfeng.reference.RegionCode;

/**
 * An enterprise's record as a form or an API client sends it: plain texts, checked all at once so that every bad
 * field is reported together. Money is in whole yuan here; the pages convert from the 万元 people type.
 *
 * @param version the version the user saw (edits only)
 */
record EnterpriseDraft(String creditCode, String name, String region, String address, String industryCode,
		Integer employeeCount, KeyCategory keyCategory, Boolean labourDispatch, Long revenueYuan, Long totalAssetsYuan,
		Integer version) {

	static EnterpriseDraft of(Enterprise e) {
		return new EnterpriseDraft(e.creditCode().value(), e.name(), e.region().value(), e.address(), e.industryCode(),
				e.employeeCount(), e.keyCategory(), e.labourDispatch(), e.revenueYuan(), e.totalAssetsYuan(),
				e.version());
	}

	static EnterpriseDraft empty() {
		return new EnterpriseDraft(null, null, null, null, null, null, null, false, null, null, null);
	}

	EnterpriseDraft withVersion(Integer v) {
		return new EnterpriseDraft(creditCode, name, region, address, industryCode, employeeCount, keyCategory,
				labourDispatch, revenueYuan, totalAssetsYuan, v);
	}

	/**
	 * The draft an enterprise user may send: credit code, region and key-enterprise category stay as registered,
	 * whatever was sent, because the bureau decides them.
	 */
	EnterpriseDraft keeping(Enterprise stored) {
		return new EnterpriseDraft(stored.creditCode().value(), name, stored.region().value(), address, industryCode,
				employeeCount, stored.keyCategory(), labourDispatch, revenueYuan, totalAssetsYuan, version);
	}

	/**
	 * Checks everything.
	 *
	 * @param industries to tell an unknown industry code in the same answer as the other fields
	 * @throws InvalidFieldsException naming every bad field
	 */
	NewEnterprise check(Industries industries) {
		List<InvalidRequestException> problems = new ArrayList<>();
		CreditCode code = blank(creditCode) ? missing(problems, "creditCode")
				: field(problems, "creditCode", () -> CreditCode.of(creditCode.strip().toUpperCase(Locale.ROOT)));
		if (blank(name)) {
			problems.add(new InvalidRequestException("name", "problem.field.required"));
		}
		else if (name.strip().length() > NewEnterprise.MAX_NAME) {
			problems.add(new InvalidRequestException("name", "enterprise.name.length", NewEnterprise.MAX_NAME));
		}
		RegionCode regionCode = blank(region) ? missing(problems, "region")
				: field(problems, "region", () -> RegionCode.of(region.strip()));
		if (!blank(address) && address.strip().length() > NewEnterprise.MAX_ADDRESS) {
			problems.add(new InvalidRequestException("address", "enterprise.address.length", NewEnterprise.MAX_ADDRESS));
		}
		String industry = blank(industryCode) ? null : industryCode.strip().toUpperCase(Locale.ROOT);
		if (industry != null && industries.find(industry).isEmpty()) {
			problems.add(new InvalidRequestException("industryCode", "enterprise.industry.unknown"));
		}
		if (employeeCount != null && employeeCount < 0) {
			problems.add(new InvalidRequestException("employeeCount", "enterprise.employeeCount.negative"));
		}
		if (revenueYuan != null && revenueYuan < 0) {
			problems.add(new InvalidRequestException("revenueYuan", "enterprise.amount.negative"));
		}
		if (totalAssetsYuan != null && totalAssetsYuan < 0) {
			problems.add(new InvalidRequestException("totalAssetsYuan", "enterprise.amount.negative"));
		}
		if (problems.isEmpty()) {
			// the record's own rules, for anything the checks above do not cover
			NewEnterprise checked = field(problems, "name", () -> new NewEnterprise(code, name, regionCode, address,
					industry, employeeCount, keyCategory, Boolean.TRUE.equals(labourDispatch), revenueYuan,
					totalAssetsYuan));
			if (checked != null) {
				return checked;
			}
		}
		throw new InvalidFieldsException(problems);
	}

	private static <T> T missing(List<InvalidRequestException> problems, String field) {
		problems.add(new InvalidRequestException(field, "problem.field.required"));
		return null;
	}

	private static <T> T field(List<InvalidRequestException> problems, String field, Supplier<T> parse) {
		try {
			return parse.get();
		}
		catch (InvalidRequestException ex) {
			problems.add(ex);
		}
		catch (InvalidValueException ex) {
			problems.add(new InvalidRequestException(field, ex.code(), ex.args()));
		}
		return null;
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}
}
