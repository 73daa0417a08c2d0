package concierge.cli;

import concierge.ConciergeServer;
import concierge.testing.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("concierge chat: a terminal client on the WebSocket, reading questions from stdin")
class ChatCommandIT {

  private static ConciergeServer server;

  @BeforeAll
  static void start() throws Exception {
    server = TestServers.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String url() {
    return "http://127.0.0.1:" + server.httpPort();
  }

  /** Runs the command with {@code stdin} as its input; returns the exit code and what it wrote, flush by flush. */
  private static Run chat(String stdin, String... args) {
    Run run = new Run();
    ChatCommand command = new ChatCommand(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(run.recorder(), false, StandardCharsets.UTF_8), new PrintStream(run.errors, true, StandardCharsets.UTF_8),
        false);
    run.exit = new CommandLine(command).execute(args);
    return run;
  }

  @Test
  @DisplayName("a piped question is answered as it streams, then its intent and sources are printed")
  void pipedQuestion() {
    Run run = chat("How much is shipping to Canada?\n", "--url", url());

    assertThat(run.exit).isZero();
    String output = run.text();
    assertThat(output).startsWith("> How much is shipping to Canada?\n");
    String answer = output.lines().skip(1).findFirst().orElse("");
    assertThat(answer).contains("14.99");
    assertThat(output).containsPattern("\n  intent: \\w+ · cache: \\w+ · first token: \\d+(\\.\\d+)? ms\n")
        .containsPattern("\n  sources: International shipping policy: [^\n]+\n");
    assertThat(run.flushesBefore(answer.substring(answer.length() - 10)))
        .as("the answer is written delta by delta, not in one piece at the end").isGreaterThan(1);
  }

  @Test
  @DisplayName("/new starts a new conversation, an error frame is printed and the chat goes on, /quit stops reading")
  void commandsAndErrors() {
    String tooLong = "x".repeat(4001);
    Run run = chat("What's your return policy?\n/new\n" + tooLong + "\n\nDo gift cards expire?\n/quit\nDo you ship to Canada?\n",
        "--url", url(), "--customer", "c-1001");

    assertThat(run.exit).isZero();
    String output = run.text();
    assertThat(output).contains("30 days").contains("(new conversation)")
        .contains("error: invalid_request: ").contains("never expire")
        .doesNotContain("> Do you ship to Canada?");
    assertThat(output.split("  intent: ", -1)).as("two answers").hasSize(3);
  }

  @Test
  @DisplayName("a server that is not there is a clear message and exit code 1, not a stack trace")
  void noServer() {
    Run run = chat("hello\n", "--url", "http://127.0.0.1:1");

    assertThat(run.exit).isEqualTo(1);
    assertThat(run.text()).isEmpty();
    assertThat(run.errors.toString(StandardCharsets.UTF_8))
        .startsWith("chat: cannot reach http://127.0.0.1:1: ").doesNotContain("Exception").hasLineCount(1);
  }

  /** What a run wrote, kept as the chunks it flushed, so that streaming can be told from one late write. */
  private static final class Run {
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final List<String> flushed = new ArrayList<>();
    final ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int exit;

    OutputStream recorder() {
      return new OutputStream() {
        @Override
        public synchronized void write(int b) {
          pending.write(b);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
          pending.write(bytes, offset, length);
        }

        @Override
        public synchronized void flush() {
          if (pending.size() > 0) {
            flushed.add(pending.toString(StandardCharsets.UTF_8));
            pending.reset();
          }
        }
      };
    }

    String text() {
      return String.join("", flushed) + pending.toString(StandardCharsets.UTF_8);
    }

    /** How many flushes it took to write everything up to the end of {@code marker}. */
    int flushesBefore(String marker) {
      StringBuilder seen = new StringBuilder();
      for (int i = 0; i < flushed.size(); i++) {
        seen.append(flushed.get(i));
        if (seen.indexOf(marker) >= 0) {
          return i + 1;
        }
      }
      return Integer.MAX_VALUE;
    }
  }
}
