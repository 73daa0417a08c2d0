package concierge.bench;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The load suite's smoke scenario, as CI runs it: {@code loadtests/run.sh smoke} starts the jar
 * this build made and Chroma, then Gatling drives 20 WebSocket users for 30 s; the script exits 1
 * on any failed turn. Its summary goes to {@code target/loadtests/smoke/}.
 */
class LoadSmokeIT {

  @Test
  @DisplayName("loadtests/run.sh smoke: 20 users for 30 s over WebSocket, no failed turn")
  void smoke() throws IOException, InterruptedException {
    Path root = Path.of("").toAbsolutePath();
    Path results = root.resolve("target/loadtests");
    Files.createDirectories(results);
    Path log = results.resolve("smoke.log");
    ProcessBuilder run = new ProcessBuilder("bash", "loadtests/run.sh", "smoke").directory(root.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    run.environment().put("SERVER_JAR", root.resolve("target/concierge.jar").toString());
    run.environment().put("RESULTS_DIR", results.toString());
    Process process = run.start();
    boolean finished = process.waitFor(15, TimeUnit.MINUTES);
    if (!finished) {
      process.descendants().forEach(ProcessHandle::destroy);
      process.destroy();
    }
    String output = Files.readString(log);
    assertThat(finished).as("the smoke run ended within 15 minutes:%n%s", tail(output)).isTrue();
    assertThat(process.exitValue()).as("run.sh smoke exit status:%n%s", tail(output)).isZero();
    Properties summary = new Properties();
    summary.load(new StringReader(Files.readString(results.resolve("smoke/summary.properties"))));
    assertThat(Long.parseLong(summary.getProperty("turns"))).isPositive();
    assertThat(summary.getProperty("failed")).isEqualTo("0");
  }

  private static String tail(String output) {
    return output.length() <= 6000 ? output : output.substring(output.length() - 6000);
  }
}
