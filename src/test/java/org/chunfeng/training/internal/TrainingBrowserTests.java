package org.chunfeng.training.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.chunfeng.identity.Accounts;
import org.chunfeng.identity.RegionScope;
import org.chunfeng.reference.MobileNumber;
import org.chunfeng.reference.RegionCode;
import org.chunfeng.support.Chromium;
import org.chunfeng.support.TestAccounts;
import org.chunfeng.support.TestPeople;
import org.chunfeng.training.Delivery;
import org.chunfeng.training.ProjectDetails;
import org.chunfeng.training.TrainingProject;
import org.chunfeng.training.Trainings;
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
 * A referral in Debian's Chromium: the caseworker opens a worker's page, whose training part htmx loads, refers the
 * worker to a project there; the worker takes the place on a phone.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class TrainingBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Workers workers;

	@Autowired
	Trainings trainings;

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

	@Test
	void aCaseworkerRefersFromTheWorkersPageAndTheWorkerTakesThePlaceOnAPhone() throws IOException {
		TestAccounts.ensure(accounts);
		RegionCode huqiu = RegionCode.of("320505");
		MobileNumber mobile = TestPeople.mobile();
		Worker worker = RegionScope.asSystem(() -> workers.register(TestPeople.worker("李春花", TestPeople.idNumber(),
				mobile, huqiu, null, EmploymentStatus.SEEKING, null, Set.of(), FestivalPlan.STAYING_PUT,
				RegistrationSource.CASEWORKER)));
		accounts.createWorkerAccount(worker.id(), huqiu, worker.name(), mobile, TestAccounts.PASSWORD);
		String title = "育婴员培训" + Long.toString(System.nanoTime() % 100_000, 36);
		TrainingProject project = RegionScope.within(huqiu, () -> trainings.create(huqiu, new ProjectDetails(
				"虎丘家政培训学校", title, "4-10-01-03", List.of("婴幼儿照料"), "", Delivery.OFFLINE, huqiu, "金山路 8 号",
				LocalDate.now().plusDays(3), LocalDate.now().plusDays(30), 20, true, 120_000L)));

		try (Chromium desktop = Chromium.open(1280, 900)) {
			ChromeDriver browser = desktop.driver();
			signIn(desktop, TestAccounts.HUQIU);
			browser.get(url("/workers/" + worker.id()));
			desktop.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("worker-refer")));
			new Select(browser.findElement(By.id("projectId"))).selectByValue(String.valueOf(project.id()));
			browser.findElement(By.id("trainingNote")).sendKeys("结业后推荐家政岗位");
			desktop.click(By.cssSelector("#worker-refer button[type=submit]"));
			desktop.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
			desktop.waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("worker-training"), title));
			desktop.screenshot("training-worker-page");
		}

		try (Chromium phone = Chromium.open(390, 844)) {
			ChromeDriver browser = phone.driver();
			signIn(phone, mobile.value());
			browser.get(url("/me/training"));
			phone.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("my-referrals")));
			assertThat(browser.findElement(By.id("my-referrals")).getText()).contains(title).contains("结业后推荐家政岗位");
			phone.screenshot("training-phone");
			phone.click(By.cssSelector("#my-referrals form[action$='/enrol'] button"));
			phone.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
			assertThat(browser.findElement(By.cssSelector(".referral-status")).getText()).isEqualTo("已报名入班");
		}
		assertThat(RegionScope.within(huqiu, () -> trainings.find(project.id()).orElseThrow().enrolled())).isEqualTo(1);
	}
}
