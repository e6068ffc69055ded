package org.chunfeng.matching.internal.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.chunfeng.enterprises.Enterprises;
import org.chunfeng.identity.Accounts;
import org.chunfeng.jobs.JobPosting;
import org.chunfeng.jobs.Jobs;
import org.chunfeng.reference.MobileNumber;
import org.chunfeng.support.Chromium;
import org.chunfeng.support.TestAccounts;
import org.chunfeng.support.TestPeople;
import org.chunfeng.workers.Worker;
import org.chunfeng.workers.Workers;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A worker opens "jobs for you" on a phone in Debian's Chromium and sees 3 jobs, each with why. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class RecommendationBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Enterprises enterprises;

	@Autowired
	Jobs jobs;

	@Autowired
	Workers workers;

	String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}

	@Test
	void aWorkerSeesThreeJobsWithTheirReasonsOnAPhone() throws IOException {
		TestAccounts.ensure(accounts);
		MatchingFixture fixture = new MatchingFixture(enterprises, jobs, workers);
		JobPosting first = fixture.posting("管道安装工（包吃住）", 7000, 3, true);
		JobPosting second = fixture.posting("管工", 6200, 2, false);
		JobPosting third = fixture.posting("水暖管工", 5600, 2, false);
		MobileNumber mobile = TestPeople.mobile();
		Worker worker = fixture.worker("王春生", mobile);
		accounts.createWorkerAccount(worker.id(), MatchingFixture.HUQIU, worker.name(), mobile, TestAccounts.PASSWORD);

		try (Chromium phone = Chromium.open(390, 844)) {
			ChromeDriver browser = phone.driver();
			browser.get(url("/login"));
			browser.findElement(By.id("username")).sendKeys(mobile.value());
			browser.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
			browser.findElement(By.id("password")).sendKeys(Keys.ENTER);
			phone.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("cf-user")));
			browser.get(url("/me/recommendations"));
			phone.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("my-recommendations")));
			List<WebElement> cards = browser.findElements(By.cssSelector("#my-recommendations .cf-recommendation"));
			assertThat(cards).hasSize(3);
			assertThat(cards).extracting(card -> card.getAttribute("id")).containsExactly(
					"recommendation-" + first.id(), "recommendation-" + second.id(), "recommendation-" + third.id());
			String text = cards.getFirst().getText();
			assertThat(text).contains("管道安装工（包吃住）", "职业相同：6-29-03-04 管工", "就在你居住的区县", "达到期望的5,000元",
					"包吃包住", "春节期间在岗");
			// fits the phone: nothing wider than the screen
			Long overflow = (Long) browser.executeScript(
					"return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
			assertThat(overflow).isLessThanOrEqualTo(0L);
			phone.screenshot("recommendations-phone");
			phone.click(By.cssSelector("#recommendation-" + first.id() + " a.btn-primary"));
			phone.waiting().until(ExpectedConditions.urlContains("/jobs/" + first.id()));
		}
	}
}
