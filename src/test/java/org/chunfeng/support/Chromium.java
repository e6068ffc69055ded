package org.chunfeng.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * Debian's Chromium driven by Debian's chromedriver, headless, with a fresh profile: never a downloaded browser.
 * Under {@code CI} both must be installed; elsewhere a browser test is skipped without them.
 */
public final class Chromium implements AutoCloseable {

	private static final File CHROMIUM = new File("/usr/bin/chromium");
	private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

	private final ChromeDriver driver;
	private final WebDriverWait wait;
	private final Path profile;

	private Chromium(ChromeDriver driver, Path profile) {
		this.driver = driver;
		this.profile = profile;
		this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
	}

	/** A browser window of this size in CSS pixels, e.g. 1280×900 for a desktop, 390×844 for a phone. */
	public static Chromium open(int width, int height) throws IOException {
		boolean installed = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
		if (System.getenv("CI") != null) {
			assertThat(installed).as("CI must install chromium and chromium-driver (.ci/run)").isTrue();
		}
		assumeTrue(installed, "Debian's chromium and chromium-driver are not installed");
		Path profile = Files.createTempDirectory("chunfeng-chromium-");
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless=new", "--no-sandbox",
				"--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--no-first-run", "--disable-dev-shm-usage", "--user-data-dir=" + profile,
				"--window-size=" + width + "," + height);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
			.usingAnyFreePort().build();
		return new Chromium(new ChromeDriver(service, options), profile);
	}

	public ChromeDriver driver() {
		return driver;
	}

	public WebDriverWait waiting() {
		return wait;
	}

	/**
	 * Clicks an element after scrolling it to the middle of the window: a sticky header or a small screen would
	 * otherwise take the click.
	 */
	public void click(org.openqa.selenium.By locator) {
		var element = waiting().until(ExpectedConditions.presenceOfElementLocated(locator));
		driver.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
		waiting().until(ExpectedConditions.elementToBeClickable(element)).click();
	}

	/** Saves what the window shows as {@code target/screenshots/<name>.png}, to look at. */
	public void screenshot(String name) throws IOException {
		Path target = Path.of("target", "screenshots");
		Files.createDirectories(target);
		Files.write(target.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
	}

	@Override
	public void close() throws IOException {
		driver.quit();
		FileSystemUtils.deleteRecursively(profile);
	}
}
