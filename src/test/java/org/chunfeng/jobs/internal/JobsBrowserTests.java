package org.chunfeng.jobs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Set;

import org.chunfeng.enterprises.Enterprises;
import org.chunfeng.identity.Accounts;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.reference.MobileNumber;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.support.Chromium;
import org.chunfeng.support.TestAccounts;
import org.chunfeng.support.TestPeople;
import org.chunfeng.workers.EmploymentStatus;
import org.chunfeng.workers.FestivalPlan;
import org.chunfeng.workers.RegistrationSource;
import org.chunfeng.workers.Worker;
import org.chunfeng.workers.Workers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole path of a job in Debian's Chromium: an enterprise posts it on a desktop, the district's caseworker
 * approves it, a worker finds it on a phone by Chinese free text and applies, and the enterprise hires.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class JobsBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Enterprises enterprises;

	@Autowired
	Workers workers;

	String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}

	/** Signs in and waits until the console shows the user: navigating on before then would cancel the sign-in. */
	void signIn(Chromium chromium, String username) {
		ChromeDriver browser = chromium.driver();
		browser.manage().deleteAllCookies();
		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
		browser.findElement(By.id("password")).sendKeys(Keys.ENTER);
		chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("cf-user")));
	}

	@Test
	void anEnterprisePostsTheBureauApprovesAWorkerFindsAppliesAndIsHired() throws IOException {
		TestAccounts.ensure(accounts);
		String enterpriseUser = TestAccounts.ensureEnterpriseUser(accounts, enterprises);
		MobileNumber mobile = TestPeople.mobile();
		RegionCode huqiu = RegionCode.of("320505");
		Worker worker = RegionScope.asSystem(() -> workers.register(TestPeople.worker("王春生", TestPeople.idNumber(),
				mobile, huqiu, null, EmploymentStatus.SEEKING, null, Set.of(), FestivalPlan.STAYING_PUT,
				RegistrationSource.CASEWORKER)));
		accounts.createWorkerAccount(worker.id(), huqiu, worker.name(), mobile, TestAccounts.PASSWORD);
		String title = "数控车床操作工" + Long.toString(System.nanoTime() % 100_000, 36);
		long postingId;

		try (Chromium desktop = Chromium.open(1280, 900)) {
			ChromeDriver browser = desktop.driver();
			signIn(desktop, enterpriseUser);
			desktop.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("nav-jobs")));
			browser.get(url("/postings/new"));
			browser.findElement(By.id("title")).sendKeys(title);
			browser.findElement(By.id("occupationCode")).sendKeys("6-18-01-01");
			browser.findElement(By.id("description")).sendKeys("操作数控车床加工零件，包吃住，春节期间在岗有补贴");
			browser.findElement(By.id("skills")).sendKeys("数控，看图");
			new Select(browser.findElement(By.id("workplaceRegion"))).selectByValue("320505");
			browser.findElement(By.id("wageMin")).sendKeys("5500");
			browser.findElement(By.id("wageMax")).sendKeys("7500");
			browser.findElement(By.id("headcount")).clear();
			browser.findElement(By.id("headcount")).sendKeys("3");
			browser.executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id("endDate")),
					LocalDate.now().plusMonths(2).toString());
			desktop.click(By.id("meals"));
			desktop.click(By.id("housing"));
			desktop.click(By.id("posting-submit"));
			desktop.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
			assertThat(browser.findElement(By.id("posting-status")).getText()).isEqualTo("待审核");
			postingId = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/postings/(\\d+).*", "$1"));
			desktop.screenshot("posting-submitted");

			signIn(desktop, TestAccounts.HUQIU);
			browser.get(url("/postings?status=PENDING_REVIEW"));
			desktop.click(By.linkText(title));
			desktop.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("review")));
			desktop.click(By.id("posting-approve"));
			desktop.waiting().until(ExpectedConditions.textToBe(By.id("posting-status"), "已发布"));
		}

		try (Chromium phone = Chromium.open(390, 844)) {
			ChromeDriver browser = phone.driver();
			signIn(phone, mobile.value());
			browser.get(url("/jobs"));
			browser.findElement(By.id("q")).sendKeys("数控车床 包吃住" + Keys.ENTER);
			phone.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("hit-" + postingId)));
			phone.screenshot("board-phone");
			phone.click(By.cssSelector("#hit-" + postingId + " a"));
			phone.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("apply-form")));
			assertThat(browser.findElement(By.id("posting-title")).getText()).isEqualTo(title);
			browser.findElement(By.id("message")).sendKeys("干过三年数控");
			phone.screenshot("posting-phone");
			phone.click(By.id("apply-button"));
			phone.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("my-applications")));
			assertThat(browser.findElement(By.id("my-applications")).getText()).contains(title).contains("已报名");
		}

		try (Chromium desktop = Chromium.open(1280, 900)) {
			ChromeDriver browser = desktop.driver();
			signIn(desktop, enterpriseUser);
			desktop.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("nav-jobs")));
			browser.get(url("/postings/" + postingId));
			assertThat(browser.findElement(By.id("applications")).getText()).contains("王春生").contains("干过三年数控");
			browser.findElement(By.cssSelector("#applications input[name=note]")).sendKeys("下周一上午到人事部报到");
			desktop.click(By.cssSelector("#applications button[data-move=HIRED]"));
			desktop.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
			assertThat(browser.findElement(By.id("posting-hired")).getText()).isEqualTo("1/3");
			desktop.screenshot("posting-hired");
		}

		try (Chromium phone = Chromium.open(390, 844)) {
			ChromeDriver browser = phone.driver();
			signIn(phone, mobile.value());
			browser.get(url("/me/applications"));
			assertThat(browser.findElement(By.id("my-applications")).getText()).contains("已录用")
				.contains("下周一上午到人事部报到");
		}
	}
}
