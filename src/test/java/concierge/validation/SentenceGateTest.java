package concierge.validation;

import concierge.Addresses;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The sentence gate: what of an answer being written is shown, and when")
class SentenceGateTest {

  private static final AnswerValidator RULES = new AnswerValidator(
      "Standard shipping costs $5.99 and is free on orders of $75 or more. Call 1-800-555-0199.",
      List.of("(?i)\\bin cash\\b"), "You are the customer-service assistant of Alder & Finch Outfitters.");

  private Vertx vertx;
  private Context context;
  /** Every call the gate made, in order: "+text" shown, "-text" withdrawn. */
  private final List<String> events = new ArrayList<>();

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    context = vertx.getOrCreateContext();
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  /** Validation over the event bus, as {@link ValidationVerticle} serves it. */
  private void serveValidation() {
    vertx.eventBus().<JsonObject>consumer(Addresses.VALIDATION, message -> message.reply(RULES.check(
        ValidationService.sentence(message.body()), ValidationService.grounding(message.body())).toJson()))
        .completion().await();
  }

  private SentenceGate gate(boolean early) {
    return new SentenceGate(new ValidationService(vertx, 2000), early ? RULES : null, List.of(),
        new SentenceGate.Listener() {
          @Override
          public void shown(String piece) {
            events.add("+" + piece);
          }

          @Override
          public void withdrawn(String piece) {
            events.add("-" + piece);
          }
        });
  }

  private <T> T on(Callable<T> step) {
    Promise<T> done = Promise.promise();
    context.runOnContext(v -> {
      try {
        done.complete(step.call());
      } catch (Exception e) {
        done.fail(e);
      }
    });
    return done.future().await();
  }

  private void feed(SentenceGate gate, String... pieces) {
    for (String piece : pieces) {
      on(() -> {
        gate.accept(piece);
        return null;
      });
    }
  }

  private String finish(SentenceGate gate) {
    on(gate::finish).await();
    return on(gate::text);
  }

  /** What a client shows after applying every frame in order. */
  private String screen() {
    StringBuilder screen = new StringBuilder();
    for (String event : events) {
      String text = event.substring(1);
      if (event.startsWith("+")) {
        screen.append(text);
      } else {
        assertThat(screen.toString()).as("a withdrawn piece is the end of what is shown").endsWith(text);
        screen.setLength(screen.length() - text.length());
      }
    }
    return screen.toString();
  }

  @Test
  @DisplayName("words are shown as they arrive; a figure only once whole, with the word it is in")
  void wordsAsTheyArrive() {
    serveValidation();
    SentenceGate gate = gate(true);
    feed(gate, "Standard", " shipping", " is $5", ".99", " and free from $75", " or more");
    String answer = finish(gate);
    assertThat(events).containsExactly("+Standard", "+ shipping", "+ is", "+ $5.99 and free from", "+ $75 or more");
    assertThat(answer).isEqualTo("Standard shipping is $5.99 and free from $75 or more");
    assertThat(screen()).isEqualTo(answer);
    assertThat(gate.removed()).isZero();
  }

  @Test
  @DisplayName("a sentence whose figure turns out wrong is withdrawn at once and left out; the next one is shown")
  void wrongFigureWithdrawn() {
    serveValidation();
    SentenceGate gate = gate(true);
    feed(gate, "Standard", " shipping is $4", ".99 and up", ". Call 1-800-555-0199 today.");
    String answer = finish(gate);
    assertThat(events).startsWith("+Standard", "+ shipping is", "-Standard shipping is")
        .endsWith("+Call 1-800-555-0199 today.");
    assertThat(events).noneMatch(event -> event.contains("4.99"));
    assertThat(answer).isEqualTo("Call 1-800-555-0199 today.");
    assertThat(screen()).isEqualTo(answer);
    assertThat(gate.removed()).isEqualTo(1);
  }

  @Test
  @DisplayName("when validation cannot be reached, what was shown of a sentence is withdrawn and nothing stays")
  void validationUnavailable() {
    SentenceGate gate = gate(true);
    feed(gate, "Standard", " shipping is free.");
    String answer = finish(gate);
    assertThat(events).containsExactly("+Standard", "+ shipping is free.", "-Standard shipping is free.");
    assertThat(answer).isEmpty();
    assertThat(gate.removed()).isEqualTo(1);
  }

  @Test
  @DisplayName("a stream cut inside a sentence withdraws what was shown of it; a writer taking over starts clean")
  void discardUnfinished() {
    serveValidation();
    SentenceGate gate = gate(true);
    feed(gate, "Standard shipping costs $5.99.", " Orders of", " $75 get");
    on(() -> {
      gate.discardUnfinished();
      return null;
    });
    feed(gate, " Call 1-800-555-0199 today.");
    String answer = finish(gate);
    assertThat(answer).isEqualTo("Standard shipping costs $5.99. Call 1-800-555-0199 today.");
    assertThat(screen()).isEqualTo(answer);
    assertThat(events).contains("- Orders of $75 get");
  }

  @Test
  @DisplayName("nothing of the next sentence is shown while the one before it is being validated")
  void inOrder() {
    serveValidation();
    SentenceGate gate = gate(true);
    int shownAtOnce = on(() -> {
      gate.accept("Standard shipping costs $5.99. Call 1-800-555-0199 now");
      return events.size();
    });
    assertThat(shownAtOnce).isZero();
    String answer = finish(gate);
    assertThat(events.get(0)).isEqualTo("+Standard shipping costs $5.99.");
    assertThat(answer).isEqualTo("Standard shipping costs $5.99. Call 1-800-555-0199 now");
    assertThat(screen()).isEqualTo(answer);
  }

  @Test
  @DisplayName("with stream: sentences, each sentence is shown whole after its validation, never in part")
  void wholeSentences() {
    serveValidation();
    SentenceGate gate = gate(false);
    feed(gate, "Standard", " shipping costs $5.99.", " Call", " 1-800-555-0199 today.");
    String answer = finish(gate);
    assertThat(events).containsExactly("+Standard shipping costs $5.99.", "+ Call 1-800-555-0199 today.");
    assertThat(answer).isEqualTo("Standard shipping costs $5.99. Call 1-800-555-0199 today.");
  }

  @Test
  @DisplayName("a claim the policies never make is withdrawn the moment it is complete, before it is shown")
  void claimWithdrawn() {
    serveValidation();
    SentenceGate gate = gate(true);
    feed(gate, "We refund", " you in", " cash", " right away.");
    String answer = finish(gate);
    assertThat(events).noneMatch(event -> event.startsWith("+") && event.contains("cash"));
    assertThat(events).last().isEqualTo("-We refund you in");
    assertThat(answer).isEmpty();
    assertThat(gate.removed()).isEqualTo(1);
  }
}
