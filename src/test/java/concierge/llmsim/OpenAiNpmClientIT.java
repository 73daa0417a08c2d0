package concierge.llmsim;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * A client nobody here wrote must read the simulator: the official {@code openai} npm package
 * runs src/test/node/openai-compat.mjs against it (non-streamed, streamed with usage, the
 * client's stream helper, a 400). The package is installed by .ci/run into the folder given by
 * {@code -Dconcierge.node.modules} (default {@code ~/.cache/concierge/node/node_modules}).
 */
@ExtendWith(VertxExtension.class)
class OpenAiNpmClientIT {

  private static final Logger LOG = LoggerFactory.getLogger(OpenAiNpmClientIT.class);

  /** The version .ci/run installs (it declares node >= 22 but reads the simulator fine on node 20). */
  static final String OPENAI_NPM_VERSION = "7.55.0";
  private static final long NODE_TIMEOUT_SECONDS = 120;

  @Test
  @DisplayName("the official openai npm client reads the simulator's completions, streams and errors")
  void openAiNodeClient(Vertx vertx) throws Exception {
    Path nodeModules = nodeModules();
    if (!Files.exists(nodeModules.resolve("openai/package.json"))) {
      fail("the openai npm package is not installed in " + nodeModules + "; install it with: npm install --prefix "
          + nodeModules.getParent() + " --no-audit --no-fund openai@" + OPENAI_NPM_VERSION + " (as .ci/run does), or point "
          + "-Dconcierge.node.modules at a node_modules folder that has it");
    }
    Path script = projectDir().resolve("src/test/node/openai-compat.mjs");
    LlmSimulator simulator = LlmSimulator.start(vertx, LlmSimOptions.defaults().withSeed(2024L).withSpeed(0.05)
        .withApiKey("sk-llmsim-it")).await();
    try {
      ProcessBuilder node = new ProcessBuilder("node", script.toString(), simulator.baseUrl()).redirectErrorStream(true);
      node.environment().put("NODE_PATH", nodeModules.toString());
      node.environment().put("LLMSIM_API_KEY", "sk-llmsim-it");
      Process process = start(node);
      boolean ended = process.waitFor(NODE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      if (!ended) {
        process.destroyForcibly();
      }
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(ended).as("node finished within %d s; it printed:%n%s", NODE_TIMEOUT_SECONDS, output).isTrue();
      assertThat(process.exitValue()).as("node's exit code; it printed:%n%s", output).isZero();
      assertThat(output).contains("openai-compat: ok");
      LOG.info(output.strip());
      assertThat(simulator.requests()).extracting(RequestRecord::outcome)
          .containsExactly(Outcome.OK, Outcome.OK, Outcome.OK, Outcome.INVALID);
    } finally {
      simulator.close().await();
    }
  }

  private static Process start(ProcessBuilder node) {
    try {
      return node.start();
    } catch (IOException e) {
      return fail("could not run node (is Node.js installed and on the PATH?): " + e.getMessage());
    }
  }

  private static Path nodeModules() {
    String given = System.getProperty("concierge.node.modules");
    if (given != null && !given.isBlank()) {
      return Path.of(given).toAbsolutePath();
    }
    String cache = System.getProperty("concierge.cache.dir",
        Path.of(System.getProperty("user.home"), ".cache", "concierge").toString());
    return Path.of(cache, "node", "node_modules").toAbsolutePath();
  }

  private static Path projectDir() {
    return Path.of(System.getProperty("concierge.project.dir", System.getProperty("user.dir")));
  }
}
