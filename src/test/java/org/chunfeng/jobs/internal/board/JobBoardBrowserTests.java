package org.chunfeng.jobs.internal.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.chunfeng.enterprises.Enterprises;
import org.chunfeng.support.Chromium;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A migrant worker looks for a job on a phone, without an account: types 普工 包吃住, opens the filters, narrows to a
 * district, and follows a card; the same page on a desktop shows the filters beside the search at once. Screenshots
 * land in {@code target/screenshots}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "chunfeng.jobs.board.poll-interval=0")
class JobBoardBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Enterprises enterprises;

	@Autowired
	JobBoardIndex index;

	long assembly;

	@BeforeEach
	void postings() {
		BoardFixtures fixtures = new BoardFixtures(jdbc, enterprises);
		assembly = fixtures.posting("电子厂装配普工（长白班）").in("320505").wage(5500, 7500).meals().housing().headcount(30)
			.description("坐着上班，无尘车间").insert();
		fixtures.posting("普工").in("320506").wage(4500, 6000).meals().housing().insert();
		fixtures.posting("仓库普工").in("320506").wage(4200, 4800).meals().insert();
		fixtures.posting("维修电工").occupation("6-31-01-03").in("320507").wage(6500, 9000).housing().insert();
		fixtures.posting("社区消杀员").occupation("4-09-08-01").in("320505").wage(3000, 3000)
			.kind(org.chunfeng.jobs.JobKind.PUBLIC_DISINFECTION).insert();
		index.catchUp();
	}

	@Test
	void aWorkerFindsAJobOnAPhone() throws IOException {
		try (Chromium chromium = Chromium.open(390, 844)) {
			ChromeDriver browser = chromium.driver();
			browser.get("http://127.0.0.1:" + port + "/login");
			browser.findElement(By.id("board-link")).click();
			chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("board-search")));
			assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("招聘信息");
			assertThat(browser.findElement(By.id("board-filters")).isDisplayed()).isFalse();
			chromium.screenshot("job-board-phone");

			browser.findElement(By.id("q")).sendKeys("普工 包吃住" + Keys.ENTER);
			chromium.waiting().until(ExpectedConditions.urlContains("q="));
			List<String> titles = titles(browser);
			assertThat(titles).contains("电子厂装配普工（长白班）", "普工").doesNotContain("仓库普工", "维修电工");
			assertThat(noSidewaysScrolling(browser)).isTrue();
			chromium.screenshot("job-board-phone-results");

			browser.findElement(By.cssSelector("[data-bs-target='#board-filters']")).click();
			chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("region")));
			new Select(browser.findElement(By.id("region"))).selectByValue("320505");
			browser.findElement(By.cssSelector("#board-filters button[type=submit]")).click();
			chromium.waiting().until(ExpectedConditions.urlContains("region=320505"));
			assertThat(titles(browser)).contains("电子厂装配普工（长白班）").doesNotContain("普工");
			chromium.screenshot("job-board-phone-filtered");

			WebElement card = browser.findElement(By.id("hit-" + assembly));
			assertThat(card.getText()).contains("5500–7500 元/月", "包吃", "包住", "苏州市虎丘区", "剩余 30 个名额");
			assertThat(card.findElement(By.tagName("a")).getAttribute("href")).endsWith("/jobs/" + assembly);
		}
	}

	@Test
	void theBoardOnADesktopShowsFiltersAtOnce() throws IOException {
		try (Chromium chromium = Chromium.open(1280, 900)) {
			ChromeDriver browser = chromium.driver();
			browser.get("http://127.0.0.1:" + port + "/jobs?q=" + java.net.URLEncoder.encode("苏州 月薪5000",
					java.nio.charset.StandardCharsets.UTF_8));
			chromium.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("board-results")));
			assertThat(browser.findElement(By.id("board-filters")).isDisplayed()).isTrue();
			assertThat(titles(browser)).contains("电子厂装配普工（长白班）", "普工", "维修电工").doesNotContain("仓库普工", "社区消杀员");
			assertThat(noSidewaysScrolling(browser)).isTrue();
			chromium.screenshot("job-board-desktop");

			browser.findElement(By.id("lang-en")).click();
			chromium.waiting().until(ExpectedConditions.textToBe(By.tagName("h1"), "Job board"));
			chromium.screenshot("job-board-desktop-en");
		}
	}

	private static List<String> titles(ChromeDriver browser) {
		return browser.findElements(By.cssSelector(".cf-hit h2")).stream().map(WebElement::getText).toList();
	}

	private static boolean noSidewaysScrolling(ChromeDriver browser) {
		return (Boolean) browser.executeScript(
				"return document.documentElement.scrollWidth <= document.documentElement.clientWidth");
	}
}
