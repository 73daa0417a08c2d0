package concierge.eval;

import concierge.Main;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The eval issue's bar, in the build: {@code concierge eval} on the dev set and its cache pairs,
 * embedded generator, a fresh server with the demo data. The command exits non-zero when a bar of
 * conf/concierge.yaml (eval.*) is missed: intent and fact accuracy at least 95%, no leak, no wrong
 * cache hit. Its report is left in target/eval-dev.md.
 */
@DisplayName("concierge eval on the dev set")
class DevEvalIT {

  @Test
  @DisplayName("meets every bar: intent and facts at least 95%, zero leaks, zero wrong cache hits")
  void devSetMeetsTheBars() throws Exception {
    Path report = Path.of("target", "eval-dev.md");
    Files.deleteIfExists(report);
    int exit = new CommandLine(new Main()).execute("eval",
        "--messages", "src/test/resources/eval/dev-messages.jsonl",
        "--pairs", "src/test/resources/eval/dev-cache-pairs.jsonl",
        "--report", report.toString());
    assertThat(report).exists();
    assertThat(Files.readString(report)).contains("| intent accuracy |", "| leaks | 0 |");
    assertThat(exit).as("eval exit status (see target/eval-dev.md)").isZero();
  }
}
