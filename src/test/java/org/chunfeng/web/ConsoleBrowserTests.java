package org.chunfeng.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.chunfeng.identity.Accounts;
import org.chunfeng.support.Chromium;
import org.chunfeng.support.TestAccounts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A person at the console, in Debian's Chromium driven by Debian's chromedriver (never a downloaded browser): the
 * Chinese console opens, switches to English, and a county is found in the region tree and by search.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "chunfeng.demo.enabled=true")
class ConsoleBrowserTests {

	@LocalServerPort
	int port;

	Chromium chromium;
	ChromeDriver browser;
	WebDriverWait wait;

	@BeforeEach
	void openBrowser() throws IOException {
		chromium = Chromium.open(1280, 900);
		browser = chromium.driver();
		wait = chromium.waiting();
	}

	@AfterEach
	void closeBrowser() throws IOException {
		if (chromium != null) {
			chromium.close();
		}
	}

	@Autowired
	Accounts accounts;

	/** Signs in through the login form, as a person does. */
	private void signIn(String username) {
		TestAccounts.ensure(accounts);
		browser.get("http://127.0.0.1:" + port + "/");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
		browser.findElement(By.cssSelector("#login-form button[type=submit]")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("cf-user")));
	}

	@Test
	void opensInChineseSwitchesToEnglishAndFindsACountyInTheRegionTree() throws IOException {
		signIn(TestAccounts.ADMIN);
		browser.get("http://127.0.0.1:" + port + "/");
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("概览");
		assertThat(browser.findElement(By.id("cf-campaign")).getText()).contains("苏州市2027年春节");
		assertThat(browser.findElement(By.id("cf-region")).getText()).contains("苏州市");

		browser.findElement(By.id("lang-en")).click();
		wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Overview"));
		assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");

		browser.findElement(By.linkText("Regions")).click();
		wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Regions"));
		open("320000");
		open("320500");
		WebElement huqiu = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-code='320505']")));
		assertThat(huqiu.getText()).contains("虎丘区");
		screenshot("regions-tree");

		WebElement search = browser.findElement(By.id("q"));
		search.sendKeys("相城");
		search.submit();
		WebElement results = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("region-results")));
		assertThat(results.getText()).contains("320507").contains("江苏省 · 苏州市");
		// the language choice sticks across pages (cookie)
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Regions");

		browser.findElement(By.id("lang-zh")).click();
		wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "行政区划"));
	}

	@Test
	void thePhoneLayoutKeepsTheMenuBehindAButton() throws IOException {
		browser.manage().window().setSize(new Dimension(390, 844));
		signIn(TestAccounts.HUQIU);
		browser.get("http://127.0.0.1:" + port + "/reference/occupations");
		assertThat(browser.findElement(By.id("cf-sidebar")).isDisplayed()).isFalse();
		browser.findElement(By.cssSelector("[data-bs-target='#cf-sidebar']")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.linkText("行政区划")));
		screenshot("phone-menu");
		browser.findElement(By.linkText("行政区划")).click();
		wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "行政区划"));
	}

	/** Opens a node of the region tree and waits until its children have been loaded. */
	private void open(String code) {
		WebElement summary = wait.until(ExpectedConditions
			.elementToBeClickable(By.cssSelector("details[data-code='" + code + "'] > summary")));
		summary.click();
		wait.until(driver -> !driver.findElements(By.cssSelector("details[data-code='" + code + "'] > ul > li[data-code], "
				+ "details[data-code='" + code + "'] > ul > li > [data-code]")).isEmpty());
	}

	private void screenshot(String name) throws IOException {
		chromium.screenshot(name);
	}
}
