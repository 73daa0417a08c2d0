package concierge.cli;

import concierge.ConciergeServer;
import concierge.bench.Latencies;
import concierge.bench.ResidentMemory;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code concierge bench ws}: N WebSocket clients, each asking M questions one after the other
 * (closed loop), against a running server ({@code --url}) or one started in this process.
 * Prints success, time to first delta and to the whole answer, turns/s, and the server's peak RSS.
 */
@Command(name = "ws", mixinStandardHelpOptions = true, description = "WebSocket load: clients x questions.")
public final class SocketBenchCommand implements Callable<Integer> {

  static final List<String> QUESTIONS = List.of("What's your return policy?", "Do you ship to Canada?",
      "How much is overnight shipping?", "Does the Lumen 400 have a red light?", "Is the Ember jacket waterproof?",
      "How long do refunds take?", "Do Trailhead Club points expire?", "Can I pay with Klarna?",
      "How heavy is the Ridgeline 2 tent?", "Does the water filter remove viruses?", "Do gift cards expire?",
      "Can I return opened fuel canisters?", "What sizes do the Trailblazer boots come in?",
      "How do I reset my password?", "Do you price match REI?", "Hello!", "Can I talk to a person?",
      "How long is the warranty on headlamps?", "Do you ship to Mexico?", "What's the cheapest tent?");

  @Mixin
  ConfigOption config;

  @Option(names = "--url", description = "a running server (default: start one in this process)")
  String url;

  @Option(names = "--pid", description = "the server's pid, to sample its RSS (default: this process when in-process)")
  String pid;

  @Option(names = "--clients", defaultValue = "100")
  int clients;

  @Option(names = "--questions", defaultValue = "20", description = "questions per client")
  int questions;

  @Option(names = "--unique", description = "make every question unique (defeats any answer cache)")
  boolean unique;

  @Override
  public Integer call() throws Exception {
    Vertx vertx = ConciergeServer.newVertx();
    ConciergeServer server = null;
    if (url == null) {
      JsonObject settings = config.load(vertx);
      settings.getJsonObject("http").put("port", 0);
      server = ConciergeServer.start(vertx, settings);
      url = "http://127.0.0.1:" + server.httpPort();
    }
    try (ResidentMemory rss = new ResidentMemory(pid != null ? pid : "self")) {
      run(vertx, URI.create(url), rss);
    } finally {
      if (server != null) {
        server.close();
      } else {
        vertx.close().await();
      }
    }
    return 0;
  }

  private void run(Vertx vertx, URI uri, ResidentMemory rss) {
    WebSocketClient ws = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(clients * 2));
    Latencies firstDelta = new Latencies();
    Latencies whole = new Latencies();
    AtomicInteger failures = new AtomicInteger();
    AtomicInteger counter = new AtomicInteger();
    long started = System.nanoTime();
    List<Future<Void>> all = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      int client = c;
      all.add(ws.connect(new WebSocketConnectOptions().setHost(uri.getHost()).setPort(uri.getPort()).setURI("/v1/chat/ws"))
          .compose(socket -> ask(socket, client, 0, firstDelta, whole, failures, counter)));
    }
    Future.join(all).await();
    double seconds = (System.nanoTime() - started) / 1e9;
    int turns = clients * questions;
    System.out.printf("%d WebSocket clients x %d questions = %d turns in %.1f s: %.0f turns/s, success %.2f%%%n",
        clients, questions, turns, seconds, turns / seconds, 100.0 * (turns - failures.get()) / turns);
    System.out.println("time to first delta: " + firstDelta.summary());
    System.out.println("whole answer:        " + whole.summary());
    System.out.printf("server peak RSS: %d MB%n", rss.peakMb());
  }

  private Future<Void> ask(WebSocket socket, int client, int i, Latencies firstDelta, Latencies whole,
                           AtomicInteger failures, AtomicInteger counter) {
    if (i >= questions) {
      return socket.close();
    }
    Promise<Void> done = Promise.promise();
    long sent = System.nanoTime();
    long[] first = {0};
    socket.textMessageHandler(text -> {
      JsonObject frame = new JsonObject(text);
      switch (frame.getString("type")) {
        case "delta" -> {
          if (first[0] == 0) {
            first[0] = System.nanoTime();
            firstDelta.add(first[0] - sent);
          }
        }
        case "end" -> {
          whole.add(System.nanoTime() - sent);
          done.complete();
        }
        case "error" -> {
          failures.incrementAndGet();
          done.complete();
        }
        default -> { }
      }
    });
    String question = QUESTIONS.get((client + i) % QUESTIONS.size());
    if (unique) {
      question = question + " (" + counter.incrementAndGet() + ")";
    }
    socket.writeTextMessage(new JsonObject().put("type", "message").put("clientMessageId", "q" + i)
        .put("message", question).encode());
    return done.future().compose(v -> ask(socket, client, i + 1, firstDelta, whole, failures, counter));
  }
}
