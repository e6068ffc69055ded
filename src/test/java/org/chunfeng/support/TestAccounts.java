package org.chunfeng.support;

import java.util.Set;

import org.chunfeng.enterprises.Enterprise;
import org.chunfeng.enterprises.Enterprises;
import org.chunfeng.enterprises.NewEnterprise;
import org.chunfeng.identity.Accounts;
import org.chunfeng.identity.DataCategory;
import org.chunfeng.identity.NewAccount;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.identity.Role;
import org.chunfeng.reference.RegionCode;

/**
 * Accounts for tests, created once in the shared test database: an administrator of Suzhou, caseworkers of two
 * sibling districts (虎丘 320505 and 吴中 320506), and a partner-agency viewer.
 */
public final class TestAccounts {

	public static final String PASSWORD = "test-password-2027";
	public static final String ADMIN = "test-admin";
	public static final String HUQIU = "test-huqiu";
	public static final String WUZHONG = "test-wuzhong";
	public static final String AGENCY = "test-miit";
	/** An enterprise user of an enterprise in 虎丘 (see {@link #ensureEnterpriseUser}). */
	public static final String ENTERPRISE = "test-enterprise";
	/** A finance officer of Suzhou (see {@link #ensureFinance}). */
	public static final String FINANCE = "test-finance";
	/** A reviewer of Suzhou (see {@link #ensureFinance}). */
	public static final String REVIEWER = "test-reviewer";

	private TestAccounts() {
	}

	public static synchronized void ensure(Accounts accounts) {
		if (accounts.findByUsername(ADMIN).isPresent()) {
			return;
		}
		RegionCode city = RegionCode.of("320500");
		accounts.create(account(ADMIN, Role.ADMINISTRATOR, city, null, Set.of()));
		accounts.create(account(HUQIU, Role.CASEWORKER, RegionCode.of("320505"), null, Set.of()));
		accounts.create(account(WUZHONG, Role.CASEWORKER, RegionCode.of("320506"), null, Set.of()));
		accounts.create(account(AGENCY, Role.AGENCY_VIEWER, city, "MIIT", Set.of(DataCategory.KEY_ENTERPRISES)));
	}

	/** The enterprise user {@link #ENTERPRISE}, with an enterprise of its own in 虎丘, created once. */
	public static synchronized String ensureEnterpriseUser(Accounts accounts, Enterprises enterprises) {
		ensure(accounts);
		if (accounts.findByUsername(ENTERPRISE).isEmpty()) {
			RegionCode huqiu = RegionCode.of("320505");
			Enterprise enterprise = RegionScope.asSystem(() -> enterprises.register(new NewEnterprise(
					TestPeople.creditCode(), "测试用户所在单位", huqiu, null, "36", 120, null, false)));
			accounts.create(new NewAccount(ENTERPRISE, ENTERPRISE, PASSWORD, Role.ENTERPRISE_USER, huqiu, null,
					Set.of(), enterprise.id(), null, false));
		}
		return ENTERPRISE;
	}

	/** The finance officer {@link #FINANCE} and the reviewer {@link #REVIEWER} of Suzhou, created once. */
	public static synchronized void ensureFinance(Accounts accounts) {
		ensure(accounts);
		RegionCode city = RegionCode.of("320500");
		if (accounts.findByUsername(FINANCE).isEmpty()) {
			accounts.create(account(FINANCE, Role.FINANCE_OFFICER, city, null, Set.of()));
		}
		if (accounts.findByUsername(REVIEWER).isEmpty()) {
			accounts.create(account(REVIEWER, Role.REVIEWER, city, null, Set.of()));
		}
	}

	private static NewAccount account(String username, Role role, RegionCode region, String agency,
			Set<DataCategory> categories) {
		return new NewAccount(username, username, PASSWORD, role, region, agency, categories, null, null, false);
	}
}
