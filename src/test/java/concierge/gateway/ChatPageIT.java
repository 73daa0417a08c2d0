package concierge.gateway;

import concierge.ConciergeServer;
import concierge.testing.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The chat page in a real headless Chromium, against a whole in-process server. The browser and
 * its driver are Debian's packages, given explicitly so that Selenium never looks for (or
 * downloads) a driver of its own.
 */
@DisplayName("The chat page in a real browser")
class ChatPageIT {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path TARGET = Path.of(System.getProperty("concierge.project.dir", "."), "target");

  private static ConciergeServer server;
  private static WebDriver browser;
  private static Path profile;

  @BeforeAll
  static void start() throws Exception {
    for (Path executable : List.of(CHROMIUM, CHROMEDRIVER)) {
      if (!Files.isExecutable(executable)) {
        fail(executable + " is missing: the chat page test needs Debian's Chromium and its driver"
            + " (apt-get install -y chromium chromium-driver)");
      }
    }
    server = TestServers.start();
    profile = Files.createTempDirectory("concierge-chromium-");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments(
        "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--window-size=1280,800", "--user-data-dir=" + profile);
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  static void stop() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
    if (profile != null) {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  @BeforeEach
  void openPage() {
    browser.get("http://127.0.0.1:" + server.httpPort() + "/");
    waitUpTo(10).withMessage("the page did not connect its WebSocket")
        .until(driver -> "open".equals(driver.findElement(By.tagName("body")).getDomAttribute("data-conn")));
  }

  @Test
  @DisplayName("a question sent with Enter is answered as it streams, with its intent, sources and first-token time")
  void streamsAnAnswerWithIntentAndSources() throws IOException {
    ((JavascriptExecutor) browser).executeScript(
        // count the deltas appended to an answer in place, before the end frame settles it
        "window.deltas = 0; new MutationObserver(records => records.forEach(r => {"
            + " if (r.target.classList && r.target.classList.contains('answer') && !r.removedNodes.length"
            + " && r.addedNodes.length === 1 && r.addedNodes[0].nodeType === Node.TEXT_NODE) window.deltas++; }))"
            + ".observe(document.getElementById('transcript'), {childList: true, subtree: true});");
    WebElement input = browser.findElement(By.id("message"));
    input.sendKeys("Do you ship to Canada?", Keys.ENTER);

    WebElement answer = waitUpTo(30).withMessage("no finished answer appeared")
        .until(driver -> driver.findElement(By.cssSelector(".msg.bot[data-state='done']")));

    assertThat(browser.findElement(By.cssSelector(".msg.user .bubble")).getText()).isEqualTo("Do you ship to Canada?");
    assertThat(input.getDomProperty("value")).as("the box is cleared after sending").isEmpty();
    assertThat(answer.findElement(By.className("answer")).getText()).containsAnyOf("14.99", "Canada");
    assertThat(((Number) ((JavascriptExecutor) browser).executeScript("return window.deltas;")).intValue())
        .as("deltas appended in place before the end frame").isGreaterThanOrEqualTo(1);
    assertThat(answer.findElement(By.className("intent")).getText()).as("the intent").isNotBlank();
    List<WebElement> sources = answer.findElements(By.cssSelector(".source-list li"));
    assertThat(sources).as("source titles").isNotEmpty();
    assertThat(sources.get(0).getText()).isNotBlank();
    assertThat(answer.findElement(By.className("meta")).getText()).containsPattern("Cache .*first token \\d+ ms");

    Files.createDirectories(TARGET);
    Path screenshot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(screenshot, TARGET.resolve("chat-page-it.png"), StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  @DisplayName("Shift+Enter adds a line without sending; choosing a customer starts a new conversation that greets them")
  void newLineAndCustomerPicker() {
    WebElement input = browser.findElement(By.id("message"));
    input.sendKeys("first line", Keys.chord(Keys.SHIFT, Keys.ENTER), "second line");
    assertThat(input.getDomProperty("value")).isEqualTo("first line\nsecond line");
    assertThat(browser.findElements(By.cssSelector(".msg.user"))).as("nothing sent yet").isEmpty();

    browser.findElement(By.cssSelector(".chip")).click();
    waitUpTo(30).until(driver -> driver.findElement(By.cssSelector(".msg.bot[data-state='done']")));

    new Select(browser.findElement(By.id("customer"))).selectByValue("c-1001");
    assertThat(browser.findElements(By.cssSelector(".msg"))).as("the old conversation is cleared").isEmpty();
    assertThat(browser.findElement(By.className("welcome-title")).getText()).startsWith("Hi Maya");
  }

  private static WebDriverWait waitUpTo(int seconds) {
    return new WebDriverWait(browser, Duration.ofSeconds(seconds));
  }
}
