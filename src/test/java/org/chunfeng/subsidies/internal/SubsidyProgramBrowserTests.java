package org.chunfeng.subsidies.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.chunfeng.identity.Accounts;
import org.chunfeng.support.Chromium;
import org.chunfeng.support.TestAccounts;
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
 * A program in Debian's Chromium: the city's administrator finds the Xiangcheng stay-put template, reads its rules,
 * copies it for 2027, types a bad rate (named next to its field), corrects it, saves and opens the program.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SubsidyProgramBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}

	@Test
	void anAdministratorCopiesATemplateForTheNewYearAndOpensIt() throws IOException {
		TestAccounts.ensure(accounts);
		try (Chromium chromium = Chromium.open(1280, 1000)) {
			ChromeDriver browser = chromium.driver();
			browser.get(url("/login"));
			browser.findElement(By.id("username")).sendKeys(TestAccounts.ADMIN);
			browser.findElement(By.id("password")).sendKeys(TestAccounts.PASSWORD);
			browser.findElement(By.id("password")).sendKeys(Keys.ENTER);
			chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("cf-user")));

			chromium.click(By.cssSelector("#nav-subsidies a"));
			chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("subsidy-programs")));
			new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("kind")))
				.selectByValue("STAY_PUT_SUBSIDY");
			browser.findElement(By.id("programs-search")).submit();
			chromium.waiting().until(ExpectedConditions.urlContains("kind=STAY_PUT_SUBSIDY"));
			chromium.screenshot("subsidy-programs");
			chromium.click(By.partialLinkText("苏州相城示例"));
			chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("program-words")));
			assertThat(browser.findElement(By.id("program-words")).getText())
				.contains("2021-02-11 至 2021-02-17 期间每人每天在岗另补 100.00 元");
			chromium.screenshot("subsidy-template");

			String name = "相城区留岗补贴 2027 " + System.nanoTime() % 100_000;
			browser.findElement(By.id("policyYear")).clear();
			browser.findElement(By.id("policyYear")).sendKeys("2027");
			new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("copyRegion"))).selectByValue("320507");
			browser.findElement(By.id("copyName")).sendKeys(name);
			chromium.click(By.id("copy-submit"));
			chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("program-form")));
			assertThat(browser.findElement(By.id("parameters.dutyFrom")).getAttribute("value")).isEqualTo("2027-02-11");

			browser.findElement(By.id("budgetYuan")).clear();
			browser.findElement(By.id("budgetYuan")).sendKeys("2,000,000");
			browser.findElement(By.id("parameters.dailyDutyFen")).clear();
			browser.findElement(By.id("parameters.dailyDutyFen")).sendKeys("一百");
			chromium.click(By.id("program-submit"));
			chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("form-errors")));
			assertThat(browser.findElement(By.id("parameters.dailyDutyFen")).getAttribute("class")).contains("is-invalid");
			chromium.screenshot("subsidy-form-errors");
			browser.findElement(By.id("parameters.dailyDutyFen")).clear();
			browser.findElement(By.id("parameters.dailyDutyFen")).sendKeys("120");
			chromium.click(By.id("program-submit"));
			chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("program-open")));
			assertThat(browser.findElement(By.id("program-words")).getText()).contains("每人每天在岗另补 120.00 元");
			chromium.click(By.id("program-open"));
			chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("program-close")));
			assertThat(browser.findElement(By.id("notice")).getText()).contains("补贴项目已开始受理");
			assertThat(browser.findElement(By.id("program-budget")).getText()).isEqualTo("2,000,000.00");
			chromium.screenshot("subsidy-program-open");
		}
	}
}
