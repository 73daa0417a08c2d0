package concierge.agent;

import concierge.Addresses;
import concierge.ConciergeServer;
import concierge.knowledge.KnowledgeService;
import concierge.testing.TestServers;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Turns and the answer cache: hits, refusals, coalescing, invalidation")
class CachedTurnsIT {

  private static ConciergeServer server;
  private static ChatService chat;
  private static Path kb;

  @BeforeAll
  static void start() throws Exception {
    kb = Files.createTempDirectory("concierge-kb-");
    Path source = Path.of("src/main/resources/kb");
    try (var files = Files.walk(source)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path target = kb.resolve(source.relativize(file).toString());
        Files.createDirectories(target.getParent());
        Files.copy(file, target);
      }
    }
    server = TestServers.start(new JsonObject().put("knowledge", new JsonObject().put("dir", kb.toString())));
    chat = new ChatService(server.vertx(), 30_000);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static JsonObject ask(String message) {
    return chat.chat(new JsonObject().put("message", message)).await();
  }

  @Test
  @DisplayName("a repeated question is an exact hit (case and punctuation aside), a paraphrase a semantic hit")
  void hits() {
    JsonObject first = ask("How long does a refund take to reach my card?");
    assertThat(first.getString("cache")).isEqualTo("miss");
    JsonObject again = ask("how long does a refund take to reach my card");
    assertThat(again.getString("cache")).isEqualTo("exact");
    assertThat(again.getString("answer")).isEqualTo(first.getString("answer"));
    assertThat(again.getJsonArray("sources")).isNotEmpty();
    JsonObject paraphrase = ask("How many days until a refund reaches my card?");
    assertThat(paraphrase.getString("cache")).isIn("semantic", "miss");
  }

  @Test
  @DisplayName("the opposite question is not answered from the cache: opened vs unopened fuel canisters")
  void nearMiss() {
    ask("Can I return opened fuel canisters?");
    JsonObject unopened = ask("Can I return unopened fuel canisters?");
    assertThat(unopened.getString("cache")).isEqualTo("miss");
  }

  @Test
  @DisplayName("50 customers asking the same new question at once cause one generation")
  void coalescing() {
    AtomicInteger generations = new AtomicInteger();
    server.vertx().eventBus().addOutboundInterceptor(ctx -> {
      if (Addresses.GENERATION.equals(ctx.message().address())) {
        generations.incrementAndGet();
      }
      ctx.next();
    });
    List<Future<JsonObject>> turns = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      turns.add(chat.chat(new JsonObject().put("message", "Does the Summit Labs UV Purifier use USB-C charging?")));
    }
    Future.all(turns).await();
    assertThat(generations.get()).isEqualTo(1);
    assertThat(turns.stream().map(t -> t.result().getString("cache")).filter(c -> c.equals("exact") || c.equals("coalesced"))
        .count()).isEqualTo(49);
    assertThat(turns.stream().filter(t -> "coalesced".equals(t.result().getString("cache"))).count())
        .as("the turns that asked while the answer was being written say they waited for it").isPositive();
  }

  @Test
  @DisplayName("after a re-ingest that changed the knowledge, a cached answer is not served again")
  void invalidation() throws Exception {
    String question = "Is the Basecamp Fleece made of recycled polyester?";
    ask(question);
    assertThat(ask(question).getString("cache")).isEqualTo("exact");
    Path catalogue = kb.resolve("products/catalogue.md");
    Files.writeString(catalogue, Files.readString(catalogue) + "\n## Trail Mug (AF-MUG-1)\nThe Trail Mug is a camp mug.\n");
    var report = new KnowledgeService(server.vertx()).ingest().await();
    assertThat(report.changed()).isTrue();
    Thread.sleep(200);
    assertThat(ask(question).getString("cache")).isEqualTo("miss");
  }
}
