package concierge.gateway;

import concierge.Addresses;
import concierge.ConciergeServer;
import concierge.testing.TestServers;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("REST, SSE and WebSocket with real clients")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClientInterfacesIT {

  private static ConciergeServer server;
  private static Vertx client;
  private static WebClient web;

  @BeforeAll
  static void start() throws Exception {
    server = TestServers.start(new JsonObject().put("agent", new JsonObject().put("turn-timeout-ms", 2500))
        .put("cache", new JsonObject().put("enabled", false))
        .put("security", new JsonObject().put("admin-key-sha256", HexFormat.of().formatHex(
            java.security.MessageDigest.getInstance("SHA-256").digest("test-admin-key".getBytes())))));
    client = Vertx.vertx();
    web = WebClient.create(client, new WebClientOptions().setDefaultPort(server.httpPort()));
  }

  @AfterAll
  static void stop() {
    client.close().await();
    server.close();
  }

  static HttpResponse<Buffer> post(String path, String contentType, Buffer body) {
    return web.post(path).putHeader("content-type", contentType).timeout(30_000).sendBuffer(body).await();
  }

  static JsonObject rest(String message) {
    return post("/v1/chat", "application/json", new JsonObject().put("message", message).toBuffer()).bodyAsJsonObject();
  }

  /** The SSE events of one turn, in order, as (event, data) pairs. */
  static List<Map.Entry<String, JsonObject>> sse(String message) {
    HttpClient http = client.createHttpClient();
    Promise<List<Map.Entry<String, JsonObject>>> done = Promise.promise();
    List<Map.Entry<String, JsonObject>> events = new ArrayList<>();
    StringBuilder pending = new StringBuilder();
    http.request(new RequestOptions().setMethod(HttpMethod.POST).setPort(server.httpPort()).setURI("/v1/chat/stream")
            .putHeader("content-type", "application/json"))
        .compose(req -> req.send(new JsonObject().put("message", message).toBuffer()))
        .onSuccess(resp -> {
          resp.handler(chunk -> {
            pending.append(chunk.toString());
            int end;
            while ((end = pending.indexOf("\n\n")) >= 0) {
              String block = pending.substring(0, end);
              pending.delete(0, end + 2);
              String event = block.lines().filter(l -> l.startsWith("event: ")).findFirst().orElse("event: ?").substring(7);
              String data = block.lines().filter(l -> l.startsWith("data: ")).findFirst().orElse("data: {}").substring(6);
              events.add(Map.entry(event, new JsonObject(data)));
            }
          });
          resp.endHandler(v -> done.complete(events));
        })
        .onFailure(done::fail);
    return done.future().timeout(30, TimeUnit.SECONDS).await();
  }

  static WebSocket socket(List<JsonObject> frames) {
    WebSocketClient ws = client.createWebSocketClient();
    WebSocket socket = ws.connect(new WebSocketConnectOptions().setPort(server.httpPort()).setURI("/v1/chat/ws")).await();
    socket.textMessageHandler(text -> frames.add(new JsonObject(text)));
    return socket;
  }

  static void awaitFrames(List<JsonObject> frames, java.util.function.Predicate<List<JsonObject>> until) throws Exception {
    long deadline = System.currentTimeMillis() + 30_000;
    while (!until.test(frames) && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    assertThat(until.test(frames)).as("frames arrived: %s", frames).isTrue();
  }

  @Test
  @Order(1)
  @DisplayName("the same question over REST, SSE and WebSocket gives the same intent and answer; streams deliver several deltas before end")
  void sameAnswerEverywhere() throws Exception {
    String question = "Do you ship to Canada, and how long does it take?";
    JsonObject viaRest = rest(question);

    List<Map.Entry<String, JsonObject>> events = sse(question);
    assertThat(events.get(0).getKey()).isEqualTo("start");
    assertThat(events.get(events.size() - 1).getKey()).isEqualTo("end");
    long sseDeltas = events.stream().filter(e -> e.getKey().equals("delta")).count();
    assertThat(sseDeltas).isGreaterThanOrEqualTo(2);
    JsonObject viaSse = events.get(events.size() - 1).getValue();

    List<JsonObject> frames = new CopyOnWriteArrayList<>();
    WebSocket socket = socket(frames);
    socket.writeTextMessage(new JsonObject().put("type", "message").put("clientMessageId", "m1").put("message", question).encode());
    awaitFrames(frames, f -> f.stream().anyMatch(x -> "end".equals(x.getString("type"))));
    assertThat(frames.get(0).getString("type")).isEqualTo("start");
    assertThat(frames.stream().filter(f -> "delta".equals(f.getString("type"))).count()).isGreaterThanOrEqualTo(2);
    JsonObject viaWs = frames.get(frames.size() - 1).getJsonObject("turn");
    socket.close().await();

    for (JsonObject turn : List.of(viaSse, viaWs)) {
      assertThat(turn.getJsonObject("intent").getString("name")).isEqualTo(viaRest.getJsonObject("intent").getString("name"));
      assertThat(turn.getString("answer")).isEqualTo(viaRest.getString("answer"));
    }
    String streamed = events.stream().filter(e -> e.getKey().equals("delta")).map(e -> e.getValue().getString("text"))
        .reduce("", String::concat);
    assertThat(streamed.strip()).isEqualTo(viaSse.getString("answer"));
  }

  @Test
  @Order(2)
  @DisplayName("20 turns interleaved on one socket each keep their deltas in order; ping gets pong")
  void interleaved() throws Exception {
    List<JsonObject> frames = new CopyOnWriteArrayList<>();
    WebSocket socket = socket(frames);
    List<String> questions = List.of("What is your return policy?", "Do you ship to the UK?", "How much is overnight shipping?",
        "Does the Lumen 400 have a red light?", "What payment methods do you accept?");
    for (int i = 0; i < 20; i++) {
      socket.writeTextMessage(new JsonObject().put("type", "message").put("clientMessageId", "m" + i)
          .put("message", questions.get(i % questions.size())).encode());
    }
    socket.writeTextMessage(new JsonObject().put("type", "ping").put("clientMessageId", "p").encode());
    awaitFrames(frames, f -> f.stream().filter(x -> "end".equals(x.getString("type"))).count() == 20);
    assertThat(frames).anySatisfy(f -> assertThat(f.getString("type")).isEqualTo("pong"));
    Map<String, StringBuilder> streamed = new HashMap<>();
    Map<String, String> ends = new HashMap<>();
    for (JsonObject frame : frames) {
      String id = frame.getString("clientMessageId");
      switch (frame.getString("type")) {
        case "start" -> assertThat(streamed.putIfAbsent(id, new StringBuilder())).as("start first for %s", id).isNull();
        case "delta" -> streamed.get(id).append(frame.getString("text"));
        case "end" -> ends.put(id, frame.getJsonObject("turn").getString("answer"));
        default -> { }
      }
    }
    for (int i = 0; i < 20; i++) {
      assertThat(streamed.get("m" + i).toString().strip()).as("deltas of m%d in order", i).isEqualTo(ends.get("m" + i));
    }
    socket.close().await();
  }

  @Test
  @Order(3)
  @DisplayName("a client offering permessage-deflate gets plain frames: no compression extension is agreed")
  void noWebSocketCompression() throws Exception {
    WebSocketClient ws = client.createWebSocketClient(new io.vertx.core.http.WebSocketClientOptions()
        .setTryUsePerMessageCompression(true).setTryUsePerFrameCompression(true));
    WebSocket socket = ws.connect(new WebSocketConnectOptions().setPort(server.httpPort()).setURI("/v1/chat/ws")).await();
    List<JsonObject> frames = new CopyOnWriteArrayList<>();
    socket.textMessageHandler(text -> frames.add(new JsonObject(text)));
    assertThat(socket.headers().get("sec-websocket-extensions")).isNull();
    socket.writeTextMessage(new JsonObject().put("type", "message").put("clientMessageId", "z").put("message", "Hello!").encode());
    awaitFrames(frames, f -> f.stream().anyMatch(x -> "end".equals(x.getString("type"))));
    socket.close().await();
    ws.close().await();
  }

  @Test
  @Order(3)
  @DisplayName("a bad frame gets an error frame and the socket stays usable; binary and oversized frames too")
  void badFrames() throws Exception {
    List<JsonObject> frames = new CopyOnWriteArrayList<>();
    WebSocket socket = socket(frames);
    socket.writeTextMessage("this is not json");
    socket.writeTextMessage(new JsonObject().put("type", "dance").put("clientMessageId", "x").encode());
    socket.writeTextMessage(new JsonObject().put("type", "message").put("clientMessageId", "e").put("message", "").encode());
    socket.writeBinaryMessage(Buffer.buffer(new byte[] {1, 2, 3}));
    socket.writeTextMessage("{\"type\":\"message\",\"message\":\"" + "a".repeat(100 * 1024) + "\"}");
    awaitFrames(frames, f -> f.stream().filter(x -> "error".equals(x.getString("type"))).count() == 5);
    assertThat(frames).filteredOn(f -> "error".equals(f.getString("type")))
        .extracting(f -> f.getJsonObject("error").getString("code"))
        .containsExactlyInAnyOrder("invalid_request", "invalid_request", "invalid_request", "invalid_request", "too_large");
    socket.writeTextMessage(new JsonObject().put("type", "message").put("clientMessageId", "ok").put("message", "Hello!").encode());
    awaitFrames(frames, f -> f.stream().anyMatch(x -> "end".equals(x.getString("type"))));
    socket.close().await();
  }

  @Test
  @Order(4)
  @DisplayName("error table: 400 bad JSON, wrong content type, empty message; 404; 413 for a 1 MB body; 401 and 403 on admin routes")
  void errorTable() {
    assertError(post("/v1/chat", "application/json", Buffer.buffer("{not json")), 400, "invalid_request");
    assertError(post("/v1/chat", "text/plain", Buffer.buffer("hello")), 400, "invalid_request");
    assertError(post("/v1/chat", "application/json", new JsonObject().put("message", "").toBuffer()), 400, "invalid_request");
    assertError(post("/v1/chat", "application/json", Buffer.buffer("[1,2]")), 400, "invalid_request");
    assertError(post("/v1/chat", "application/json", Buffer.buffer(new byte[1024 * 1024])), 413, "too_large");
    assertError(web.get("/v1/nothing-here").send().await(), 404, "not_found");
    assertError(web.get("/v1/conversations/c-0123456789abcdef").send().await(), 404, "not_found");
    assertError(web.get("/admin/costs").send().await(), 401, "unauthorized");
    assertError(web.get("/admin/costs").putHeader("authorization", "Bearer wrong").send().await(), 403, "forbidden");
    assertThat(web.get("/admin/costs").putHeader("authorization", "Bearer test-admin-key").send().await().statusCode())
        .isEqualTo(200);
    String unparseableHost = raw("GET /health HTTP/1.1\r\nHost: 12%007.0.0.1\r\n\r\n");
    assertThat(unparseableHost).startsWith("HTTP/1.1 400").contains("\"invalid_request\"");
    assertError(web.get("/v1/conversations/%zz").send().await(), 400, "invalid_request");
    assertError(web.get("/health/%z").send().await(), 400, "invalid_request");
  }

  /** One request written as raw bytes on a fresh TCP connection; what came back until the server closed it. */
  static String raw(String request) {
    io.vertx.core.net.NetSocket socket = client.createNetClient().connect(server.httpPort(), "127.0.0.1").await();
    Buffer received = Buffer.buffer();
    Promise<String> closed = Promise.promise();
    socket.handler(received::appendBuffer);
    socket.closeHandler(v -> closed.tryComplete(received.toString()));
    socket.write(request);
    client.setTimer(10_000, id -> closed.tryComplete(received.toString()));
    return closed.future().await();
  }

  @Test
  @Order(90)
  @DisplayName("504 when a turn outlives its deadline: the generation stage is held back past the turn timeout")
  void timeout() {
    server.vertx().eventBus().addInboundInterceptor(ctx -> {
      Object body = ctx.message().body();
      if (Addresses.GENERATION.equals(ctx.message().address()) && body instanceof JsonObject json
          && json.getString("question", "").contains("slowly")) {
        server.vertx().setTimer(4000, id -> ctx.next());
      } else {
        ctx.next();
      }
    });
    assertError(post("/v1/chat", "application/json",
        new JsonObject().put("message", "Tell me slowly about the return policy").toBuffer()), 504, "timeout");
  }

  @Test
  @Order(100)
  @DisplayName("503 when the pipeline is not there: a clear, well-formed error")
  void unavailable() {
    server.undeploy("AgentVerticle");
    assertError(post("/v1/chat", "application/json", new JsonObject().put("message", "hi").toBuffer()), 503, "unavailable");
  }

  static void assertError(HttpResponse<Buffer> response, int status, String code) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
    JsonObject error = response.bodyAsJsonObject().getJsonObject("error");
    assertThat(error.getString("code")).isEqualTo(code);
    assertThat(error.getString("message")).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
  }

}
