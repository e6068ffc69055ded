package org.chunfeng.subsidies.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chunfeng.identity.Accounts;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.subsidies.rules.ProgramTemplate;
import org.chunfeng.subsidies.rules.Templates;
import org.chunfeng.support.ApiClient;
import org.chunfeng.support.ApiClient.Response;
import org.chunfeng.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The program pages as the bureau uses them: the list with its filters, a template's rules in words, copying it for
 * a new year into a draft, a form that keeps what was typed and names what cannot be read, opening and closing;
 * caseworkers read but do not change; every kind's form renders in both languages.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SubsidyProgramPagesTests {

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void accounts() {
		TestAccounts.ensure(accounts);
	}

	long template(ProgramTemplate template) {
		return RegionScope.asSystem(() -> jdbc.sql("select id from subsidy_program where template_key = ?")
			.param(template.key())
			.query(Long.class)
			.single());
	}

	static String unique(String name) {
		return name + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
	}

	static String path(Response redirect) {
		assertThat(redirect.status()).as(redirect.body()).isEqualTo(302);
		return java.net.URI.create(redirect.location()).getRawPath();
	}

	/** Copies a template for 2027 through the page, as the administrator; the path of the draft's form. */
	static String copy(ApiClient admin, long template, String name) {
		String page = "/subsidies/programs/" + template;
		return path(admin.postForm(page, page + "/copies",
				"policyYear=2027&region=320500&name=" + ApiClient.encode(name)));
	}

	@Test
	void aTemplateIsReadInWordsCopiedEditedOpenedAndClosed() {
		ApiClient admin = ApiClient.withSession(port, TestAccounts.ADMIN);
		// other tests' open programs come first on the unfiltered list: the templates are asked for by themselves
		assertThat(admin.get("/subsidies/programs").body()).contains("补贴项目");
		String list = admin.get("/subsidies/programs?template=yes").body();
		assertThat(list).contains(Templates.REFUND_2021.name()).contains("政策模板");
		String stayPut = admin.get("/subsidies/programs?kind=STAY_PUT_SUBSIDY&template=yes").body();
		assertThat(stayPut).contains(Templates.STAY_PUT_2021_TIANJIN.name())
			.doesNotContain(Templates.REFUND_2021.name());
		assertThat(admin.get("/subsidies/programs?year=2019&kind=NOT_A_KIND&status=&template=maybe").body())
			.contains(Templates.REFUND_2019.name()).doesNotContain(Templates.REFUND_2021.name());

		long refund = template(Templates.REFUND_2021);
		String shown = admin.get("/subsidies/programs/" + refund).body();
		assertThat(shown).contains("返还上年实缴失业保险费：大型企业 30%，中型企业 60%，小型企业 60%，微型企业 60%")
			.contains("裁员率不高于 5.5%（或未裁员）的企业可以享受").contains("参保职工 30 人及以下的企业，裁员率不高于 20% 即可享受")
			.contains("劳务派遣企业不纳入免申即享").contains("id=\"copy-form\"").doesNotContain("id=\"program-edit\"");
		assertThat(admin.get("/subsidies/programs/" + refund + "?lang=en").body())
			.contains("large enterprises 30%, medium 60%");
		// the language stays with the session: back to Chinese
		admin.get("/subsidies/programs?lang=zh_CN");
		// a template's form is not for editing
		assertThat(admin.get(path(admin.get("/subsidies/programs/" + refund + "/edit"))).body())
			.contains("id=\"problem\"").contains("政策模板不能修改");

		String name = unique("苏州市稳岗返还 2027 ");
		String form = copy(admin, refund, name);
		assertThat(form).matches("/subsidies/programs/\\d+/edit");
		String program = form.substring(0, form.length() - "/edit".length());
		String editing = admin.get(form).body();
		assertThat(editing).contains("已复制为项目草稿").contains("value=\"" + name + "\"")
			.contains("name=\"parameters.rates.large\"").contains("value=\"5.5\"").contains("value=\"2027-01-01\"");

		// what cannot be read is named, everything typed stays
		Response bad = admin.postForm(form, program, "version=0&name=&policyYear=2027&budgetYuan=" + ApiClient.encode("一百万")
				+ "&openDate=2027-01-01&closeDate=2027-12-31&parameters.rates.large=" + ApiClient.encode("三成")
				+ "&parameters.rates.medium=60&parameters.rates.small=60&parameters.rates.micro=160"
				+ "&parameters.layoffRateLimitBp=5.5&parameters.automatic=true");
		assertThat(bad.status()).isEqualTo(200);
		assertThat(bad.body()).contains("id=\"form-errors\"").contains("value=\"三成\"").contains("value=\"一百万\"")
			.contains("请填写百分比数字").contains("应在 0% 至 100% 之间").contains("value=\"160\"");

		Response saved = admin.postForm(form, program, "version=0&name=" + ApiClient.encode(name)
				+ "&policyYear=2027&budgetYuan=" + ApiClient.encode("1,000,000") + "&openDate=2027-01-01"
				+ "&closeDate=2027-12-31&basis=" + ApiClient.encode("苏人社发〔2027〕1号")
				+ "&parameters.rates.large=50&parameters.rates.medium=90&parameters.rates.small=90"
				+ "&parameters.rates.micro=90&parameters.layoffRateLimitBp=5.5&parameters.smallEnterpriseHeadcount=30"
				+ "&parameters.smallEnterpriseLayoffRateLimitBp=20&parameters.automatic=true"
				+ "&parameters.dispatchExcludedFromAutomatic=true");
		assertThat(path(saved)).isEqualTo(program);
		String page = admin.get(program).body();
		assertThat(page).contains("补贴项目已保存").contains("1,000,000.00").contains("大型企业 50%，中型企业 90%")
			.contains("苏人社发〔2027〕1号").contains("草稿").contains("id=\"program-open\"");

		// a stale form keeps the input and says so
		Response stale = admin.postForm(form, program, "version=0&name=" + ApiClient.encode(name + "改")
				+ "&policyYear=2027&budgetYuan=1&openDate=2027-01-01&closeDate=2027-12-31"
				+ "&parameters.rates.large=50&parameters.rates.medium=90&parameters.rates.small=90"
				+ "&parameters.rates.micro=90&parameters.layoffRateLimitBp=5.5");
		assertThat(stale.status()).isEqualTo(200);
		assertThat(stale.body()).contains("id=\"conflict\"").contains("value=\"" + name + "改\"");

		assertThat(admin.get(path(admin.postForm(program, program + "/open", "version=1"))).body())
			.contains("补贴项目已开始受理").contains("受理中").contains("id=\"program-close\"");
		// once open, only name, budget, closing date and basis change
		String openForm = admin.get(program + "/edit").body();
		assertThat(openForm).contains("id=\"rules-fixed\"").contains("disabled");
		Response more = admin.postForm(program + "/edit", program, "version=2&name=" + ApiClient.encode(name)
				+ "&budgetYuan=2000000&closeDate=2027-12-31&parameters.rates.large=100");
		assertThat(path(more)).isEqualTo(program);
		assertThat(admin.get(program).body()).contains("2,000,000.00").contains("大型企业 50%");
		assertThat(admin.get(path(admin.postForm(program, program + "/close", "version=3"))).body())
			.contains("补贴项目已结束受理").contains("已结束").doesNotContain("id=\"program-edit\"");
		// a closed program says why it stays as it is
		assertThat(admin.get(path(admin.postForm(program, program + "/open", "version=4"))).body())
			.contains("只有草稿可以开始受理");
	}

	@Test
	void copyingTwiceIntoTheSameYearSaysWhy() {
		ApiClient admin = ApiClient.withSession(port, TestAccounts.ADMIN);
		long template = template(Templates.WORK_FOR_TRAINING_2021_FESTIVAL);
		String name = unique("以工代训 2027 春节 ");
		copy(admin, template, name);
		String page = "/subsidies/programs/" + template;
		Response again = admin.postForm(page, page + "/copies", "policyYear=2027&region=320500&name="
				+ ApiClient.encode(name));
		assertThat(path(again)).isEqualTo(page);
		assertThat(admin.get(page).body()).contains("本地区同一政策年度已有同名项目");
		Response noYear = admin.postForm(page, page + "/copies", "policyYear=" + ApiClient.encode("明年"));
		assertThat(admin.get(path(noYear)).body()).contains("请填写数字");
	}

	@Test
	void caseworkersReadProgramsButDoNotChangeThem() {
		ApiClient admin = ApiClient.withSession(port, TestAccounts.ADMIN);
		String form = copy(admin, template(Templates.STAY_PUT_2021_LIYANG), unique("溧阳式留岗补贴 "));
		String program = form.substring(0, form.length() - "/edit".length());
		ApiClient huqiu = ApiClient.withSession(port, TestAccounts.HUQIU);
		String page = huqiu.get(program).body();
		assertThat(page).contains("企业须留住外地员工 20 人及以上").contains("员工须留岗 16 天及以上")
			.doesNotContain("id=\"copy-form\"").doesNotContain("id=\"program-edit\"");
		assertThat(huqiu.get(form).status()).isEqualTo(403);
		assertThat(huqiu.postForm(program, program + "/open", "version=0").status()).isEqualTo(403);
		assertThat(huqiu.postForm(program, program + "/copies", "policyYear=2028").status()).isEqualTo(403);
		assertThat(huqiu.get("/subsidies/programs").body()).contains("id=\"nav-subsidies\"");
		assertThat(ApiClient.withSession(port, TestAccounts.AGENCY).get(program).status()).isEqualTo(403);
	}

	@Test
	void everyKindsFormRendersInBothLanguages() {
		ApiClient admin = ApiClient.withSession(port, TestAccounts.ADMIN);
		for (ProgramTemplate t : Templates.ALL) {
			String form = copy(admin, template(t), unique(t.key() + " "));
			for (String lang : java.util.List.of("zh_CN", "en")) {
				Response page = admin.get(form + "?lang=" + lang);
				assertThat(page.status()).as(t.key()).isEqualTo(200);
				assertThat(page.body()).as(t.key() + " " + lang).doesNotContain("??").contains("name=\"parameters.");
				assertThat(page.body().strip()).endsWith("</html>");
				String program = form.substring(0, form.length() - "/edit".length());
				Response shown = admin.get(program + "?lang=" + lang);
				assertThat(shown.body()).as(t.key() + " " + lang).doesNotContain("??").contains("id=\"program-words\"");
			}
			// the form as shown, posted back unchanged, saves the same parameters
			String body = admin.get(form).body();
			StringBuilder fields = new StringBuilder("x=1");
			Matcher inputs = Pattern.compile("<input[^>]*\\sname=\"(parameters\\.[^\"]+|version|name|policyYear|budgetYuan"
					+ "|openDate|closeDate|basis)\"[^>]*>").matcher(body);
			while (inputs.find()) {
				String input = inputs.group();
				if (input.contains("type=\"checkbox\"") && !input.contains("checked")) {
					continue;
				}
				Matcher value = Pattern.compile("value=\"([^\"]*)\"").matcher(input);
				fields.append('&').append(inputs.group(1)).append('=')
					.append(ApiClient.encode(value.find() ? value.group(1) : ""));
			}
			Matcher selects = Pattern.compile("<select[^>]*name=\"(parameters\\.[^\"]+)\"[^>]*>.*?<option[^>]*value=\"([^\"]*)\"[^>]*selected",
					Pattern.DOTALL).matcher(body);
			while (selects.find()) {
				fields.append('&').append(selects.group(1)).append('=').append(selects.group(2));
			}
			String program = form.substring(0, form.length() - "/edit".length());
			Response saved = admin.postForm(form, program, fields.toString());
			assertThat(saved.status()).as(t.key() + ": " + fields).isEqualTo(302);
		}
	}
}
