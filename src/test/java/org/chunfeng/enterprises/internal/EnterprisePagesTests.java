package org.chunfeng.enterprises.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chunfeng.enterprises.Enterprise;
import org.chunfeng.enterprises.Enterprises;
import org.chunfeng.enterprises.EvidenceSource;
import org.chunfeng.enterprises.InsuranceEvidence;
import org.chunfeng.enterprises.InsuranceYear;
import org.chunfeng.enterprises.KeyCategory;
import org.chunfeng.enterprises.NewEnterprise;
import org.chunfeng.enterprises.SizeClass;
import org.chunfeng.identity.Accounts;
import org.chunfeng.identity.NewAccount;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.identity.Role;
import org.chunfeng.reference.CreditCode;
import org.chunfeng.reference.Money;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.support.ApiClient;
import org.chunfeng.support.ApiClient.Response;
import org.chunfeng.support.TestAccounts;
import org.chunfeng.support.TestPeople;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The enterprise pages in the console: the list with its filters and links, registering through the form, the
 * stale-edit banner, contacts and insurance years, and the enterprise user's own pages.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class EnterprisePagesTests {

	private static final RegionCode HUQIU = RegionCode.of("320505");

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Enterprises enterprises;

	String nonce;

	@BeforeEach
	void accounts() {
		TestAccounts.ensure(accounts);
		nonce = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
	}

	@Test
	void theListFiltersAndLinksTheExportAndTheImport() {
		register(new NewEnterprise(TestPeople.creditCode(), "列表" + nonce + "汽车", HUQIU, null, "36", 1200,
				KeyCategory.CONTINUOUS_PRODUCTION, false, 500_000_000L, null));
		register(new NewEnterprise(TestPeople.creditCode(), "列表" + nonce + "餐饮", HUQIU, null, "62", 30, null, true));
		ApiClient console = ApiClient.withSession(port, TestAccounts.HUQIU);

		Response all = console.get("/enterprises?q=" + ApiClient.encode(nonce));
		assertThat(all.status()).isEqualTo(200);
		assertThat(all.body()).contains("列表" + nonce + "汽车", "列表" + nonce + "餐饮", "大型", "重点企业", "劳务派遣")
			.contains("href=\"/imports?kind=ENTERPRISES\"").contains("href=\"/enterprises/new\"")
			.contains("/exports/enterprises.xlsx?q=");
		Response key = console.get("/enterprises?q=" + ApiClient.encode(nonce) + "&keyOnly=true&industry=C");
		assertThat(key.body()).contains("列表" + nonce + "汽车").doesNotContain("列表" + nonce + "餐饮")
			.containsPattern("/exports/enterprises.xlsx\\?q=[^\"]*&amp;industry=C&amp;keyOnly=true");
		assertThat(console.get("/enterprises?q=" + ApiClient.encode(nonce) + "&sizeClass=LARGE&region=&labourDispatch=")
			.body()).contains("列表" + nonce + "汽车").doesNotContain("列表" + nonce + "餐饮");
		assertThat(console.get("/enterprises?sizeClass=HUGE&region=12").status()).isEqualTo(200);
		assertThat(console.get("/enterprises?lang=en").body()).contains("Enterprises").doesNotContain("??");
		// partner agencies see no enterprise records
		assertThat(ApiClient.withSession(port, TestAccounts.AGENCY).get("/enterprises").status()).isEqualTo(403);
	}

	@Test
	void aFormRegistersAndRedirectsToTheRecord() {
		CreditCode code = TestPeople.creditCode();
		ApiClient console = ApiClient.withSession(port, TestAccounts.HUQIU);
		String form = "creditCode=" + code.value() + "&name=" + ApiClient.encode("表单" + nonce + "有限公司")
				+ "&region=320505&address=&industryCode=39&employeeCount=350&revenue=" + ApiClient.encode("3,000.5")
				+ "&totalAssets=&keyCategory=OTHER&labourDispatch=true";
		Response created = console.postForm("/enterprises/new", "/enterprises", form);
		assertThat(created.status()).isEqualTo(302);
		assertThat(created.location()).matches(".*/enterprises/\\d+");
		Enterprise enterprise = RegionScope.asSystem(() -> enterprises.findByCreditCode(code)).orElseThrow();
		assertThat(enterprise.revenueYuan()).isEqualTo(30_005_000L);
		assertThat(enterprise.sizeClass()).isEqualTo(SizeClass.MEDIUM);
		assertThat(enterprise.keyCategory()).isEqualTo(KeyCategory.OTHER);
		assertThat(enterprise.labourDispatch()).isTrue();

		Response shown = console.get("/enterprises/" + enterprise.id());
		assertThat(shown.body()).contains("表单" + nonce + "有限公司", "用人单位已登记", code.value(), "中型", "工业",
				"3,000.5 万元", "划型指标");

		// the same credit code again shows the record that exists
		Response again = console.postForm("/enterprises/new", "/enterprises", form);
		assertThat(again.status()).isEqualTo(302);
		assertThat(again.location()).endsWith("/enterprises/" + enterprise.id());

		// bad input: the form again, every bad field named, the input kept
		Response bad = console.postForm("/enterprises/new", "/enterprises",
				"creditCode=123&name=&region=&industryCode=39&employeeCount=many&revenue=1.23456&totalAssets=-2");
		assertThat(bad.status()).isEqualTo(200);
		assertThat(bad.body()).contains("id=\"form-errors\"", "统一社会信用代码应为18位", "最多四位小数", "金额不能为负数",
				"value=\"many\"", "value=\"1.23456\"");
		assertThat(bad.body()).containsPattern("class=\"[^\"]*is-invalid[^\"]*\" id=\"employeeCount\"");
		assertThat(bad.body().split("is-invalid", -1).length - 1).isGreaterThanOrEqualTo(5);
	}

	@Test
	void aStaleEditShowsTheConflictBannerAndKeepsTheInput() {
		Enterprise enterprise = register(new NewEnterprise(TestPeople.creditCode(), "冲突" + nonce, HUQIU, null, "36",
				100, null, false, 20_000_000L, null));
		ApiClient first = ApiClient.withSession(port, TestAccounts.HUQIU);
		ApiClient second = ApiClient.withSession(port, TestAccounts.ADMIN);
		String edit = "/enterprises/" + enterprise.id() + "/edit";
		Response form = first.get(edit);
		assertThat(form.body()).contains("value=\"2000\"").contains(enterprise.creditCode().value());
		int version = version(form.body());

		Response saved = second.postForm(edit, "/enterprises/" + enterprise.id(),
				formOf("冲突" + nonce + "甲", version));
		assertThat(saved.status()).isEqualTo(302);
		Response stale = first.postForm(edit, "/enterprises/" + enterprise.id(), formOf("冲突" + nonce + "乙", version));
		assertThat(stale.status()).isEqualTo(200);
		assertThat(stale.body()).contains("id=\"conflict\"").contains("value=\"冲突" + nonce + "乙\"");
		assertThat(version(stale.body())).isEqualTo(version + 1);
		assertThat(RegionScope.asSystem(() -> enterprises.find(enterprise.id())).orElseThrow().name())
			.isEqualTo("冲突" + nonce + "甲");

		// saving the rebased form again overwrites knowingly
		Response again = first.postForm(edit, "/enterprises/" + enterprise.id(),
				formOf("冲突" + nonce + "乙", version + 1));
		assertThat(again.status()).isEqualTo(302);
		assertThat(RegionScope.asSystem(() -> enterprises.find(enterprise.id())).orElseThrow().name())
			.isEqualTo("冲突" + nonce + "乙");
	}

	@Test
	void contactsInsuranceAndMergeFromTheRecordPage() {
		Enterprise enterprise = register(new NewEnterprise(TestPeople.creditCode(), "明细" + nonce, HUQIU, null, null,
				10, null, false));
		Enterprise duplicate = register(new NewEnterprise(TestPeople.creditCode(), "明细" + nonce + "重复", HUQIU, null,
				null, 10, null, false));
		String page = "/enterprises/" + enterprise.id();
		ApiClient console = ApiClient.withSession(port, TestAccounts.HUQIU);
		assertThat(console.postForm(page, page + "/contacts", "contactName=" + ApiClient.encode("赵主任")
				+ "&contactTitle=&contactMobile=13900139000&contactEmail=").status()).isEqualTo(302);
		Response bad = console.postForm(page, page + "/contacts", "contactName=&contactMobile=123");
		assertThat(bad.status()).isEqualTo(302);
		assertThat(console.get(page).body()).contains("赵主任", "139****9000", "手机号码格式不正确", "必填")
			.doesNotContain("13900139000");
		assertThat(console.get(page).body()).doesNotContain("手机号码格式不正确");

		assertThat(console.postForm(page, page + "/insurance", "year=2025&insuredHeadcount=12&premiums="
				+ ApiClient.encode("3,456.70")).status()).isEqualTo(302);
		assertThat(console.get(page).body()).contains("3,456.70", "经办人员录入");
		console.postForm(page, page + "/insurance", "year=1990&insuredHeadcount=x&premiums=");
		// years are printed without a thousands separator
		assertThat(console.get(page).body()).contains("年度应在 2000 至 2100 之间", "请填写金额")
			.containsPattern("class=\"[^\"]*is-invalid[^\"]*\" id=\"insuredHeadcount\"");

		long contactId = RegionScope.asSystem(() -> enterprises.contacts(enterprise.id())).getFirst().id();
		assertThat(console.postForm(page, page + "/contacts/" + contactId + "/delete", "").status()).isEqualTo(302);
		assertThat(console.get(page).body()).doesNotContain("赵主任");

		// merging: administrators only
		assertThat(console.get(page).body()).doesNotContain("id=\"merge-form\"");
		assertThat(console.postForm(page, page + "/merge", "duplicateId=" + duplicate.id()).status()).isEqualTo(403);
		ApiClient admin = ApiClient.withSession(port, TestAccounts.ADMIN);
		assertThat(admin.get(page).body()).contains("id=\"merge-form\"");
		admin.postForm(page, page + "/merge", "duplicateId=abc");
		assertThat(admin.get(page).body()).contains("请填写要合并的重复记录编号");
		assertThat(admin.postForm(page, page + "/merge", "duplicateId=" + duplicate.id()).status()).isEqualTo(302);
		assertThat(admin.get(page).body()).contains("已将记录 #" + duplicate.id(), "明细" + nonce + "重复");
		assertThat(admin.get("/enterprises/" + duplicate.id()).body()).contains("id=\"merged-banner\"")
			.doesNotContain("id=\"enterprise-edit\"").doesNotContain("id=\"contact-form\"");
	}

	@Test
	void anAdministratorCreatesTheEnterprisesUserAccountFromItsPage() {
		Enterprise enterprise = register(new NewEnterprise(TestPeople.creditCode(), "账号" + nonce, HUQIU, null, null,
				10, null, false));
		String page = "/enterprises/" + enterprise.id();
		ApiClient admin = ApiClient.withSession(port, TestAccounts.ADMIN);
		assertThat(admin.get(page).body()).contains("id=\"enterprise-account-new\"", "暂无单位用户账号");
		String form = "/admin/accounts/new?enterpriseId=" + enterprise.id();
		assertThat(admin.get(form).body()).contains("value=\"" + enterprise.id() + "\"");
		String username = "ent" + nonce.toLowerCase(java.util.Locale.ROOT);
		Response created = admin.postForm(form, "/admin/accounts", "username=" + username + "&displayName="
				+ ApiClient.encode("单位办事员") + "&password=Enterprise-2027&role=ENTERPRISE_USER&region=320505&agency="
				+ "&enterpriseId=" + enterprise.id());
		assertThat(created.status()).isEqualTo(302);
		assertThat(admin.get(page).body()).contains(username, "单位办事员");
		// a caseworker sees the accounts, but cannot create one
		assertThat(ApiClient.withSession(port, TestAccounts.HUQIU).get(page).body()).contains(username)
			.doesNotContain("id=\"enterprise-account-new\"");
	}

	@Test
	void anEnterpriseUserSeesAndEditsItsOwnEnterpriseOnly() {
		Enterprise own = register(new NewEnterprise(TestPeople.creditCode(), "本单位" + nonce, HUQIU, null, "36", 50,
				KeyCategory.DAILY_NECESSITIES, false, 8_000_000L, null));
		Enterprise other = register(new NewEnterprise(TestPeople.creditCode(), "别的单位" + nonce, HUQIU, null, null, 5,
				null, false));
		ApiClient user = ApiClient.withSession(port, enterpriseUser(own));

		Response mine = user.get("/my-enterprise");
		assertThat(mine.status()).isEqualTo(200);
		assertThat(mine.body()).contains("本单位" + nonce, own.creditCode().value(), "生活必需品保供")
			.doesNotContain("别的单位" + nonce);
		assertThat(user.get("/enterprises").status()).isEqualTo(403);
		assertThat(user.get("/enterprises/" + other.id()).status()).isEqualTo(403);
		assertThat(user.get("/enterprises/" + own.id() + "/edit").status()).isEqualTo(403);

		Response form = user.get("/my-enterprise/edit");
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.body()).contains("value=\"800\"").doesNotContain("name=\"creditCode\"")
			.doesNotContain("name=\"region\"").doesNotContain("name=\"keyCategory\"");
		// fields the bureau decides are not taken from the form even when sent
		Response saved = user.postForm("/my-enterprise/edit", "/my-enterprise", "name="
				+ ApiClient.encode("本单位" + nonce + "新名") + "&industryCode=36&employeeCount=60&revenue=900"
				+ "&creditCode=" + other.creditCode().value() + "&region=320506&keyCategory=&version=" + own.version());
		assertThat(saved.status()).isEqualTo(302);
		assertThat(saved.location()).endsWith("/my-enterprise");
		Enterprise after = RegionScope.asSystem(() -> enterprises.find(own.id())).orElseThrow();
		assertThat(after.name()).isEqualTo("本单位" + nonce + "新名");
		assertThat(after.revenueYuan()).isEqualTo(9_000_000L);
		assertThat(after.creditCode()).isEqualTo(own.creditCode());
		assertThat(after.region()).isEqualTo(HUQIU);
		assertThat(after.keyCategory()).isEqualTo(KeyCategory.DAILY_NECESSITIES);

		Response stale = user.postForm("/my-enterprise/edit", "/my-enterprise",
				"name=" + ApiClient.encode("又一个名字") + "&version=" + own.version());
		assertThat(stale.status()).isEqualTo(200);
		assertThat(stale.body()).contains("id=\"conflict\"", "value=\"又一个名字\"");

		assertThat(user.postForm("/my-enterprise", "/my-enterprise/contacts",
				"contactName=" + ApiClient.encode("钱出纳") + "&contactEmail=qian@example.com").status()).isEqualTo(302);
		assertThat(user.get("/my-enterprise").body()).contains("钱出纳", "qian@example.com");
	}

	@Test
	void anEnterpriseUserCannotOverwriteAYearFromTheSocialInsuranceFile() {
		Enterprise own = register(new NewEnterprise(TestPeople.creditCode(), "导入年度" + nonce, HUQIU, null, null, 50,
				null, false));
		RegionScope.asSystem(() -> enterprises.upsertInsurance(List.of(new InsuranceEvidence(own.creditCode(),
				new InsuranceYear(2025, 48, Money.parse("20000"), EvidenceSource.IMPORT, null)))));
		ApiClient user = ApiClient.withSession(port, enterpriseUser(own));
		assertThat(user.get("/my-enterprise").body()).contains("社保系统导入", "20,000.00");

		Response refused = user.postForm("/my-enterprise", "/my-enterprise/insurance",
				"year=2025&insuredHeadcount=99&premiums=1");
		assertThat(refused.status()).isEqualTo(302);
		Response page = user.get("/my-enterprise");
		assertThat(page.body()).contains("2025 年度的参保缴费信息来自社保系统导入", "value=\"99\"");
		InsuranceYear kept = RegionScope.asSystem(() -> enterprises.insurance(own.id())).getFirst();
		assertThat(kept.insuredHeadcount()).isEqualTo(48);
		assertThat(kept.source()).isEqualTo(EvidenceSource.IMPORT);

		assertThat(user.postForm("/my-enterprise", "/my-enterprise/insurance",
				"year=2026&insuredHeadcount=51&premiums=21000").status()).isEqualTo(302);
		assertThat(user.get("/my-enterprise").body()).contains("单位填报", "21,000.00");
	}

	@Test
	void theSizeHintFollowsTheChosenIndustry() {
		ApiClient console = ApiClient.withSession(port, TestAccounts.HUQIU);
		assertThat(console.get("/enterprises/size-indicators?industryCode=70").body()).contains("id=\"size-indicators\"")
			.contains("没有划型标准");
		assertThat(console.get("/enterprises/size-indicators?industryCode=E").body()).contains("建筑业", "营业收入",
				"资产总额");
		assertThat(console.get("/enterprises/new").body()).contains("hx-get=\"/enterprises/size-indicators\"");
	}

	/** An enterprise user of the enterprise, with a fresh name. */
	private String enterpriseUser(Enterprise enterprise) {
		String username = "entp-" + nonce + "-" + enterprise.id();
		accounts.create(new NewAccount(username, username, TestAccounts.PASSWORD, Role.ENTERPRISE_USER,
				enterprise.region(), null, Set.of(), enterprise.id(), null, false));
		return username;
	}

	private String formOf(String name, int version) {
		return "name=" + ApiClient.encode(name) + "&region=320505&industryCode=36&employeeCount=100&revenue=2000"
				+ "&keyCategory=&version=" + version;
	}

	private static int version(String page) {
		Matcher matcher = Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(page);
		assertThat(matcher.find()).as("a version field").isTrue();
		return Integer.parseInt(matcher.group(1));
	}

	private Enterprise register(NewEnterprise enterprise) {
		return RegionScope.asSystem(() -> enterprises.register(enterprise));
	}
}
