package org.chunfeng.fairs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chunfeng.fairs.internal.FairFixtures.WUZHONG;

import java.io.IOException;

import org.chunfeng.enterprises.Enterprises;
import org.chunfeng.identity.Accounts;
import org.chunfeng.jobs.Jobs;
import org.chunfeng.support.Chromium;
import org.chunfeng.support.TestAccounts;
import org.chunfeng.workers.Worker;
import org.chunfeng.workers.Workers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * On a phone-sized window of Debian's Chromium: a worker opens a fair's public page, signs in to register, and holds
 * the QR ticket; then the door's staff, on a phone too, check the ticket in by typing its code, and a second time are
 * told it was used.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class FairTicketBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	Enterprises enterprises;

	@Autowired
	Workers workers;

	@Autowired
	Jobs jobs;

	Chromium chromium;
	ChromeDriver browser;
	WebDriverWait wait;

	@BeforeEach
	void openPhoneSizedBrowser() throws IOException {
		chromium = Chromium.open(390, 844);
		browser = chromium.driver();
		wait = chromium.waiting();
	}

	@AfterEach
	void closeBrowser() throws IOException {
		if (chromium != null) {
			chromium.close();
		}
	}

	@Test
	void aWorkerRegistersOnAPhoneAndTheDoorChecksTheTypedCodeInOnce() throws IOException {
		FairFixtures fixtures = new FairFixtures(port, accounts, enterprises, workers, jobs);
		String nonce = FairFixtures.nonce();
		long fair = fixtures.fairNow("春风专场" + nonce, 20, 100).get("id").asLong();
		Worker worker = fixtures.worker("王春生" + nonce, WUZHONG);
		String username = fixtures.workerUser(worker);

		browser.get(url("/public/fairs/" + fair));
		assertThat(browser.findElement(By.id("public-fair-title")).getText()).isEqualTo("春风专场" + nonce);
		click(By.id("public-register"));
		signIn(username);

		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("fair-register-form")));
		click(By.id("fair-register-submit"));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ticket-qr")));
		assertThat(browser.findElement(By.cssSelector("#ticket-qr svg path")).getAttribute("d")).startsWith("M");
		String code = browser.findElement(By.id("ticket-code")).getText();
		assertThat(code).matches("[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}");
		// the QR code fits the phone's width
		assertThat(browser.findElement(By.cssSelector("#ticket-qr svg")).getSize().getWidth()).isBetween(150, 390);
		chromium.screenshot("fair-ticket-phone");

		browser.manage().deleteAllCookies();
		browser.get(url("/fairs/" + fair + "/check-in"));
		signIn(TestAccounts.HUQIU);
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("check-in-form")));
		// the camera button shows where the browser can read QR codes (its own detector or the webjar's reader)
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("scan-start")));
		browser.findElement(By.id("code")).sendKeys(code.toLowerCase());
		click(By.id("check-in-submit"));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("check-in-admitted")));
		assertThat(browser.findElement(By.id("check-in-admitted")).getText()).contains("王春生" + nonce + " 入场成功");
		assertThat(browser.findElement(By.id("check-in-count")).getText()).startsWith("已入场 1 人");
		chromium.screenshot("fair-check-in-phone");

		browser.findElement(By.id("code")).sendKeys(code);
		click(By.id("check-in-submit"));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("check-in-refused")));
		assertThat(browser.findElement(By.id("check-in-refused")).getText()).contains("入场码只能使用一次");

		browser.get(url("/fairs/" + fair));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("fair-figures")));
		assertThat(browser.findElement(By.id("figure-attendance")).getText()).isEqualTo("1");
		chromium.screenshot("fair-manage-phone");
	}

	private void signIn(String username) {
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
		browser.findElement(By.cssSelector("#login-form button[type=submit]")).click();
	}

	private String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}

	/** Clicks as a thumb does: after scrolling the element into the middle of the small screen. */
	private void click(By locator) {
		var element = wait.until(ExpectedConditions.presenceOfElementLocated(locator));
		browser.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
		wait.until(ExpectedConditions.elementToBeClickable(element)).click();
	}
}
