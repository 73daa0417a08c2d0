package concierge.cli;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * {@code concierge chat}: talks to a running Concierge over its WebSocket, one line of stdin per
 * message, answers streamed to the terminal as they arrive. Works from a pipe too.
 */
@Command(name = "chat", mixinStandardHelpOptions = true,
    description = "Chat with a running Concierge from the terminal (/new: new conversation, /quit or Ctrl-D: exit).")
public final class ChatCommand implements Callable<Integer> {

  private static final String DIM = "\u001b[2m";
  private static final String RESET = "\u001b[0m";

  @Option(names = "--url", defaultValue = "http://127.0.0.1:8080", description = "server (default: ${DEFAULT-VALUE})")
  URI url;

  @Option(names = "--customer", description = "act as this customer, e.g. c-1001 (default: anonymous)")
  String customerId;

  @Option(names = "--api-key", defaultValue = "${env:CONCIERGE_API_KEY}",
      description = "bearer key, needed when the server is not on 127.0.0.1 (default: $CONCIERGE_API_KEY)")
  String apiKey;

  @Option(names = "--timeout-seconds", defaultValue = "60", description = "longest wait for one answer")
  int timeoutSeconds;

  private final InputStream in;
  private final PrintStream out;
  private final PrintStream err;
  private final boolean interactive;
  private volatile WebSocket socket;
  private volatile Promise<Void> answering;
  private volatile String conversationId;
  /** A sentence of the answer being streamed was withdrawn after its first words were printed. */
  private boolean withdrawn;
  private int nextId = 1;

  public ChatCommand() {
    this(System.in, System.out, System.err, System.console() != null);
  }

  ChatCommand(InputStream in, PrintStream out, PrintStream err, boolean interactive) {
    this.in = in;
    this.out = out;
    this.err = err;
    this.interactive = interactive;
  }

  @Override
  public Integer call() throws Exception {
    Vertx vertx = Vertx.vertx();
    WebSocketClient client = vertx.createWebSocketClient();
    try {
      connect(client).await(10, TimeUnit.SECONDS);
      vertx.setPeriodic(30_000, id -> send(new JsonObject().put("type", "ping")));
      if (interactive) {
        out.printf("Alder & Finch customer care at %s%s. /new starts over, /quit or Ctrl-D exits.%n", url,
            customerId == null ? "" : " (as " + customerId + ")");
      }
      return converse(client);
    } catch (Exception e) {
      err.println("chat: cannot reach " + url + ": " + e.getMessage());
      return 1;
    } finally {
      vertx.close().await();
    }
  }

  private int converse(WebSocketClient client) throws Exception {
    BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    for (String line = prompt(lines); line != null; line = prompt(lines)) {
      String message = line.strip();
      if (message.equals("/quit")) {
        break;
      } else if (message.equals("/new")) {
        conversationId = null;
        out.println(dim("(new conversation)"));
      } else if (!message.isEmpty()) {
        if (socket == null || socket.isClosed()) {
          connect(client).await(10, TimeUnit.SECONDS);
        }
        ask(message);
      }
    }
    return 0;
  }

  private String prompt(BufferedReader lines) throws Exception {
    if (interactive) {
      out.print("you> ");
      out.flush();
    }
    return lines.readLine();
  }

  private Future<WebSocket> connect(WebSocketClient client) {
    boolean tls = "https".equals(url.getScheme()) || "wss".equals(url.getScheme());
    int port = url.getPort() > 0 ? url.getPort() : tls ? 443 : 80;
    String base = url.getPath() == null ? "" : url.getPath().replaceAll("/+$", "");
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(url.getHost()).setPort(port)
        .setSsl(tls).setURI(base + "/v1/chat/ws");
    if (apiKey != null && !apiKey.isBlank()) {
      options.putHeader("authorization", "Bearer " + apiKey);
    }
    return client.connect(options).onSuccess(ws -> {
      socket = ws;
      ws.textMessageHandler(text -> onFrame(new JsonObject(text)));
      ws.closeHandler(v -> {
        if (answering != null) {
          answering.tryFail("the connection closed");
        }
      });
    });
  }

  private void ask(String message) {
    if (!interactive) {
      out.println("> " + message);
    }
    answering = Promise.promise();
    boolean sent = send(new JsonObject().put("type", "message").put("clientMessageId", "m" + nextId++)
        .put("conversationId", conversationId).put("customerId", customerId).put("message", message));
    if (!sent) {
      answering.tryFail("the connection closed");
    }
    try {
      answering.future().await(timeoutSeconds, TimeUnit.SECONDS);
    } catch (Exception e) {
      out.println();
      out.println("error: " + (e.getMessage() == null ? "no answer in " + timeoutSeconds + " s" : e.getMessage()));
    }
    out.flush();
  }

  private void onFrame(JsonObject frame) {
    switch (frame.getString("type", "")) {
      case "start" -> {
        conversationId = frame.getString("conversationId");
        withdrawn = false;
      }
      case "delta" -> {
        out.print(frame.getString("text", ""));
        out.flush();
      }
      case "retract" -> {
        // a terminal cannot take printed text back reliably: say so, and print the answer again at its end
        withdrawn = true;
        out.print(dim(" [withdrawn: failed validation]"));
        out.flush();
      }
      case "end" -> {
        JsonObject turn = frame.getJsonObject("turn", new JsonObject());
        if (withdrawn) {
          out.println();
          out.print(turn.getString("answer", ""));
        }
        describe(turn);
        answering.tryComplete();
      }
      case "error" -> {
        JsonObject error = frame.getJsonObject("error", new JsonObject());
        out.println("error: " + error.getString("code") + ": " + error.getString("message"));
        if (answering != null) {
          answering.tryComplete();
        }
      }
      default -> { }
    }
  }

  /** After the streamed answer: intent, cache and first-token time, then the sources, dimly. */
  private void describe(JsonObject turn) {
    JsonObject intent = turn.getJsonObject("intent", new JsonObject());
    JsonObject timings = turn.getJsonObject("timings", new JsonObject());
    out.println();
    out.println(dim("  intent: " + intent.getString("name", "?") + " · cache: " + turn.getString("cache", "?")
        + " · first token: " + timings.getValue("firstTokenMs", "?") + " ms"));
    List<String> titles = new ArrayList<>();
    turn.getJsonArray("sources", new JsonArray()).forEach(source -> titles.add(((JsonObject) source).getString("title")));
    if (!titles.isEmpty()) {
      out.println(dim("  sources: " + String.join(" · ", titles)));
    }
    JsonObject action = turn.getJsonObject("action", new JsonObject());
    if ("needs_confirmation".equals(action.getString("status"))) {
      out.println(dim("  (answer yes to go ahead)"));
    }
  }

  private boolean send(JsonObject frame) {
    WebSocket ws = socket;
    if (ws == null || ws.isClosed()) {
      return false;
    }
    ws.writeTextMessage(frame.encode());
    return true;
  }

  private String dim(String text) {
    return interactive && System.getenv("NO_COLOR") == null ? DIM + text + RESET : text;
  }
}
