package org.chunfeng.subsidies.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.chunfeng.enterprises.Enterprise;
import org.chunfeng.enterprises.Enterprises;
import org.chunfeng.identity.Accounts;
import org.chunfeng.identity.NewAccount;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.identity.Role;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.subsidies.ReviewLevel;
import org.chunfeng.subsidies.SubsidyProgram;
import org.chunfeng.subsidies.SubsidyPrograms;
import org.chunfeng.subsidies.rules.Beneficiary;
import org.chunfeng.subsidies.rules.ProgramKind;
import org.chunfeng.subsidies.rules.Templates;
import org.chunfeng.support.Chromium;
import org.chunfeng.support.SubsidyFixtures;
import org.chunfeng.support.TestAccounts;
import org.chunfeng.workers.EmploymentStatus;
import org.chunfeng.workers.FestivalPlan;
import org.chunfeng.workers.PersonalNumber;
import org.chunfeng.workers.Worker;
import org.chunfeng.workers.Workers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Work-for-training in Debian's Chromium: the enterprise picks the open program, names its trainees, sees the
 * assessment line by line, submits and attaches its contract; the county's reviewer approves, the city's reviewer
 * approves, and the enterprise sees the approved amount, due; finance builds a batch, marks its bank file sent and
 * uploads the bank's answer, the batch reconciles, and the enterprise sees "paid" on its phone.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SubsidyApplicationBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Workers workers;

	@Autowired
	Enterprises enterprises;

	@Autowired
	SubsidyPrograms programs;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}

	void signIn(Chromium chromium, String username) {
		ChromeDriver browser = chromium.driver();
		browser.manage().deleteAllCookies();
		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
		browser.findElement(By.id("password")).sendKeys(Keys.ENTER);
		chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("cf-user")));
	}

	String account(Role role, RegionCode region, Long enterprise) {
		String username = "b-app-" + role.name().toLowerCase(java.util.Locale.ROOT) + "-"
				+ Long.toString(System.nanoTime() % 1_000_000_000L, 36);
		accounts.create(new NewAccount(username, username, TestAccounts.PASSWORD, role, region, null, Set.of(),
				enterprise, null, false));
		return username;
	}

	@Test
	void anEnterpriseAppliesForWorkForTrainingTheCountyReviewsTheCityApprovesFinancePaysAndTheEnterpriseSeesPaid()
			throws Exception {
		SubsidyProgram program = SubsidyFixtures.openProgram(programs, ProgramKind.WORK_FOR_TRAINING,
				Beneficiary.ENTERPRISE, Templates.WORK_FOR_TRAINING_2021.parameters(), 10_000_000L,
				List.of(ReviewLevel.COUNTY, ReviewLevel.CITY));
		Enterprise enterprise = SubsidyFixtures.enterprise(enterprises, SubsidyFixtures.HUQIU, 40);
		RegionScope.asSystem(() -> enterprises.setBankAccount(enterprise.id(),
				new org.chunfeng.enterprises.BasicAccount("中国工商银行苏州分行", "322000" + (100_000_000L + enterprise.id()))));
		Worker first = SubsidyFixtures.worker(workers, SubsidyFixtures.HUQIU, enterprise.id(), EmploymentStatus.EMPLOYED,
				FestivalPlan.STAYING_PUT);
		Worker second = SubsidyFixtures.worker(workers, SubsidyFixtures.HUQIU, enterprise.id(),
				EmploymentStatus.EMPLOYED, FestivalPlan.STAYING_PUT);
		String firstId = RegionScope.asSystem(() -> workers.reveal(first.id(), PersonalNumber.ID_NUMBER).orElseThrow());
		String secondId = RegionScope.asSystem(() -> workers.reveal(second.id(), PersonalNumber.ID_NUMBER).orElseThrow());
		String company = account(Role.ENTERPRISE_USER, SubsidyFixtures.HUQIU, enterprise.id());
		String county = account(Role.REVIEWER, SubsidyFixtures.HUQIU, null);
		String city = account(Role.REVIEWER, SubsidyFixtures.CITY, null);
		String finance = account(Role.FINANCE_OFFICER, SubsidyFixtures.CITY, null);
		Path contract = Files.createTempFile("contract", ".png");
		Files.write(contract, new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13 });
		String applicationUrl;

		try (Chromium desktop = Chromium.open(1280, 900)) {
			ChromeDriver browser = desktop.driver();
			signIn(desktop, company);
			desktop.click(By.id("nav-enterprise-subsidies"));
			desktop.click(By.id("application-new"));
			desktop.click(By.partialLinkText(program.details().name()));
			desktop.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("trainees")));
			browser.findElement(By.id("trainees")).sendKeys(firstId + ", 3\n" + secondId + ", 8");
			desktop.click(By.id("application-preview"));
			desktop.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("preview")));
			String assessment = browser.findElement(By.id("preview")).getText();
			assertThat(assessment).contains(first.name()).contains("4,500.00").contains("最长 6 个月");
			desktop.screenshot("subsidy-application-preview");
			desktop.click(By.id("application-submit"));
			desktop.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
			assertThat(browser.findElement(By.id("application-status")).getText()).isEqualTo("待县级初审");
			browser.findElement(By.id("evidence-file")).sendKeys(contract.toString());
			desktop.click(By.id("evidence-upload"));
			desktop.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("application-evidence"),
					contract.getFileName().toString()));
			applicationUrl = browser.getCurrentUrl();
		}

		try (Chromium desktop = Chromium.open(1280, 900)) {
			ChromeDriver browser = desktop.driver();
			signIn(desktop, county);
			desktop.click(By.id("nav-subsidy-applications"));
			desktop.click(By.linkText(enterprise.name()));
			desktop.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("decision")));
			assertThat(browser.findElement(By.id("application-case")).getText()).contains(second.name());
			desktop.click(By.id("decision-approve"));
			desktop.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
			assertThat(browser.findElement(By.id("application-status")).getText()).isEqualTo("待市级审批");
			assertThat(browser.findElements(By.id("decision"))).isEmpty();

			signIn(desktop, city);
			browser.get(applicationUrl);
			desktop.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("decision")));
			browser.findElement(By.id("reason")).sendKeys("材料齐全，同意");
			desktop.click(By.id("decision-approve"));
			desktop.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
			assertThat(browser.findElement(By.id("application-status")).getText()).isEqualTo("已批准");
			desktop.screenshot("subsidy-application-approved");
		}

		try (Chromium phone = Chromium.open(390, 844)) {
			ChromeDriver browser = phone.driver();
			signIn(phone, company);
			browser.get(applicationUrl);
			phone.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("application-approved")));
			assertThat(browser.findElement(By.id("application-approved")).getText()).isEqualTo("4,500.00");
			assertThat(browser.findElement(By.id("application-payment")).getText()).isEqualTo("待发放");
			assertThat(browser.findElement(By.id("application-history")).getText()).contains("材料齐全，同意");
		}

		long applicationId = Long.parseLong(applicationUrl.replaceAll(".*/subsidies/applications/(\\d+).*", "$1"));
		try (Chromium desktop = Chromium.open(1280, 900)) {
			ChromeDriver browser = desktop.driver();
			signIn(desktop, finance);
			desktop.click(By.id("nav-payment-batches"));
			new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("programId")))
				.selectByValue(String.valueOf(program.id()));
			desktop.click(By.id("batch-start-submit"));
			// the page polls while the batch is built, then reloads with the bank file's links
			desktop.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("bank-file-csv")));
			String reference = RegionScope.asSystem(() -> jdbc.sql("""
					select 'P' || p.entitlement_id || '-' || p.attempt_no from payment p
					join entitlement e on e.id = p.entitlement_id where e.source = ?""")
				.param("application:" + applicationId).query(String.class).single());
			assertThat(browser.findElement(By.id("payments")).getText()).contains(reference)
				.contains(enterprise.name());
			desktop.click(By.id("confirm"));
			desktop.click(By.id("mark-sent-submit"));
			desktop.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("results-form")));
			// the bank answers: paid
			Path answer = Files.createTempFile("bank-result", ".csv");
			Files.writeString(answer, "付款参考号,金额,结果,原因\n" + reference + ",4500.00,成功,\n");
			browser.findElement(By.id("file")).sendKeys(answer.toString());
			desktop.click(By.id("results-submit"));
			desktop.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("result-outcome")));
			assertThat(browser.findElement(By.id("batch-status")).getText()).isEqualTo("已对账");
			assertThat(browser.findElement(By.id("batch-paid")).getText()).contains("4,500.00");
			desktop.screenshot("payment-batch-reconciled");
		}

		try (Chromium phone = Chromium.open(390, 844)) {
			ChromeDriver browser = phone.driver();
			signIn(phone, company);
			browser.get(applicationUrl);
			phone.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("application-payment")));
			assertThat(browser.findElement(By.id("application-payment")).getText()).isEqualTo("已发放");
			phone.screenshot("subsidy-application-paid-phone");
		}
	}
}
