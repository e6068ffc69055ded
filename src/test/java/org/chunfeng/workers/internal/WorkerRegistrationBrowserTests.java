package org.chunfeng.workers.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chunfeng.identity.RegionScope;
import org.chunfeng.identity.SmsSender;
import org.chunfeng.reference.MobileNumber;
import org.chunfeng.reference.ResidentIdNumber;
import org.chunfeng.support.Chromium;
import org.chunfeng.support.TestPeople;
import org.chunfeng.workers.FestivalPlan;
import org.chunfeng.workers.Worker;
import org.chunfeng.workers.Workers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

/**
 * A migrant worker registers on a phone-sized window of Debian's Chromium: mobile number, the SMS code, ID number,
 * where they live and the festival plan; then signs in with the mobile number and changes the plan, which the
 * history keeps.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "chunfeng.demo.enabled=true")
class WorkerRegistrationBrowserTests {

	/** The SMS gateway of the test: keeps the last text sent to each number. */
	@TestConfiguration
	static class Sms {

		static final Map<String, String> SENT = new ConcurrentHashMap<>();

		@Bean
		SmsSender testSmsSender() {
			return (to, text) -> SENT.put(to.value(), text);
		}
	}

	@LocalServerPort
	int port;

	@Autowired
	Workers workers;

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
	void aWorkerRegistersOnAPhoneSignsInWithTheMobileAndChangesTheFestivalPlan() throws IOException {
		MobileNumber mobile = TestPeople.mobile();
		ResidentIdNumber id = TestPeople.idNumber();
		browser.get("http://127.0.0.1:" + port + "/login");
		browser.findElement(By.id("register-link")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("register-form")));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("劳动者注册");

		browser.findElement(By.id("mobile")).sendKeys(mobile.value());
		click(By.id("send-code"));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("register-notice")));
		Matcher code = Pattern.compile("(\\d{6})").matcher(Sms.SENT.get(mobile.value()));
		assertThat(code.find()).isTrue();

		// the number typed survives the round trip for the code
		assertThat(browser.findElement(By.id("mobile")).getAttribute("value")).isEqualTo(mobile.value());
		browser.findElement(By.id("code")).sendKeys(code.group(1));
		browser.findElement(By.id("name")).sendKeys("李春燕");
		browser.findElement(By.id("idNumber")).sendKeys(id.value());
		new Select(browser.findElement(By.id("residence"))).selectByVisibleText("虎丘区");
		new Select(browser.findElement(By.id("plan"))).selectByVisibleText("返乡后返岗");
		browser.findElement(By.id("password")).sendKeys("Chunfeng-2027!");
		// the browser's password suggestion may cover the bottom of a small screen: go on with the keyboard
		browser.findElement(By.id("passwordAgain")).sendKeys("Chunfeng-2027!" + org.openqa.selenium.Keys.TAB);
		browser.findElement(By.id("consent")).sendKeys(org.openqa.selenium.Keys.SPACE);
		assertThat(browser.findElement(By.id("consent")).isSelected()).isTrue();
		screenshot("register-phone");
		click(By.id("register-submit"));

		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-registered")));
		browser.findElement(By.id("username")).sendKeys(mobile.value());
		browser.findElement(By.id("password")).sendKeys("Chunfeng-2027!");
		browser.findElement(By.cssSelector("#login-form button[type=submit]")).click();

		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("me-form")));
		assertThat(browser.findElement(By.id("me-name")).getText()).isEqualTo("李春燕");
		// a date field's typing depends on the browser's locale: set the value as the date picker would
		browser.executeScript("arguments[0].value = '2027-01-30'", browser.findElement(By.id("leaveDate")));
		browser.executeScript("arguments[0].value = '2027-02-14'", browser.findElement(By.id("returnDate")));
		// a wage that is not a number is refused, and the form keeps what was typed
		browser.findElement(By.id("expectedWage")).sendKeys("五千");
		click(By.id("me-save"));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form-errors")));
		assertThat(browser.findElement(By.id("expectedWage")).getAttribute("value")).isEqualTo("五千");
		browser.executeScript("arguments[0].value = '2027-01-30'", browser.findElement(By.id("leaveDate")));
		browser.executeScript("arguments[0].value = '2027-02-14'", browser.findElement(By.id("returnDate")));
		browser.findElement(By.id("expectedWage")).clear();
		browser.findElement(By.id("expectedWage")).sendKeys("5500");
		click(By.id("me-save"));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice")));
		assertThat(browser.findElements(By.cssSelector("#plan-history li"))).hasSize(2);
		screenshot("me-phone");

		Worker stored = RegionScope.asSystem(() -> workers.findByIdNumber(id)).orElseThrow();
		assertThat(stored.festivalPlan()).isEqualTo(FestivalPlan.GOING_HOME_RETURNING);
		assertThat(stored.plan().returnDate()).hasToString("2027-02-14");
		assertThat(stored.profile().expectedWage()).isEqualTo(5500);
		assertThat(stored.mobileMasked()).isEqualTo(mobile.masked());
		assertThat(stored.source().name()).isEqualTo("SELF_REGISTERED");
		assertThat(stored.consentAt()).isNotNull();
	}

	/** Clicks as a thumb does: after scrolling the element into the middle of the small screen (at once, not smoothly). */
	private void click(By locator) {
		chromium.click(locator);
	}

	private void screenshot(String name) throws IOException {
		chromium.screenshot(name);
	}
}
