package concierge.fuzz;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends generated inputs to a running server from {@code workers} concurrent loops and tallies
 * what came back. Every input must be answered within {@code deadlineMs}: an HTTP status, an
 * error or closing frame, a refused upgrade, a bus reply, or the connection closed by the server
 * after a request it cannot parse. A 500 anywhere, or silence past the deadline, is a failure.
 */
public final class FuzzRun {

  private final Vertx vertx;
  private final io.vertx.core.eventbus.EventBus bus;
  private final String host;
  private final int port;
  private final String socketKey;
  private final long deadlineMs;
  private final HttpClient http;
  private final NetClient net;
  private final WebSocketClient sockets;
  private final FuzzTally tally = new FuzzTally();

  /**
   * {@code vertx}: where the clients run; {@code bus}: the server's event bus; {@code socketKey}: a
   * valid client key for the sockets that carry frame inputs (null without keys).
   */
  public FuzzRun(Vertx vertx, io.vertx.core.eventbus.EventBus bus, String host, int port, String socketKey, long deadlineMs) {
    this.vertx = vertx;
    this.bus = bus;
    this.host = host;
    this.port = port;
    this.socketKey = socketKey;
    this.deadlineMs = deadlineMs;
    this.http = vertx.createHttpClient(new HttpClientOptions().setDefaultHost(host).setDefaultPort(port)
        .setKeepAlive(true), new PoolOptions().setHttp1MaxSize(64));
    this.net = vertx.createNetClient(new NetClientOptions().setConnectTimeout(5000));
    this.sockets = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxFrameSize(1 << 20)
        .setMaxMessageSize(1 << 22));
  }

  /** Runs {@code count} inputs; completes with the tally when all were answered or timed out. */
  public Future<FuzzTally> run(FuzzInputs inputs, int count, int workers) {
    AtomicInteger left = new AtomicInteger(count);
    Future<?>[] loops = new Future<?>[workers];
    for (int i = 0; i < workers; i++) {
      loops[i] = loop(inputs, left, new SocketSlot(vertx, sockets, host, port, socketKey));
    }
    return Future.join(java.util.List.of(loops)).map(v -> tally);
  }

  public FuzzTally tally() {
    return tally;
  }

  private Future<Void> loop(FuzzInputs inputs, AtomicInteger left, SocketSlot slot) {
    if (left.getAndDecrement() <= 0) {
      return slot.close();
    }
    FuzzInput input = inputs.next();
    return send(input, slot).timeout(deadlineMs, TimeUnit.MILLISECONDS)
        .recover(failure -> Future.succeededFuture(failure instanceof TimeoutException ? "hang" : "client " + name(failure)))
        .compose(outcome -> {
          tally.record(input, outcome);
          if (outcome.equals("hang") && input instanceof FuzzInput.SocketFrame) {
            slot.reset();
          }
          return loop(inputs, left, slot);
        });
  }

  private Future<String> send(FuzzInput input, SocketSlot slot) {
    if (input instanceof FuzzInput.RawHttp raw) {
      return rawHttp(raw.bytes());
    }
    if (input instanceof FuzzInput.ApiRequest api) {
      return api(api);
    }
    if (input instanceof FuzzInput.SocketUpgrade upgrade) {
      return rawHttp(upgradeRequest(upgrade)).map(outcome -> outcome.replace("http ", "upgrade "));
    }
    if (input instanceof FuzzInput.SocketFrame frame) {
      return slot.send(frame);
    }
    FuzzInput.BusRequest request = (FuzzInput.BusRequest) input;
    return bus.<JsonObject>request(request.address(), request.body(), new DeliveryOptions().setSendTimeout(deadlineMs))
        .map(reply -> "ok")
        .recover(failure -> Future.succeededFuture(failure instanceof ReplyException reply
            && reply.failureType() == ReplyFailure.RECIPIENT_FAILURE ? "reply " + reply.failureCode()
            : failure instanceof ReplyException reply && reply.failureType() == ReplyFailure.TIMEOUT ? "hang"
            : "reply " + name(failure)));
  }

  private Future<String> rawHttp(byte[] bytes) {
    Promise<String> outcome = Promise.promise();
    net.connect(port, host).onFailure(outcome::tryFail).onSuccess(socket -> {
      Buffer received = Buffer.buffer();
      socket.handler(chunk -> {
        received.appendBuffer(chunk);
        String text = received.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
        int line = text.indexOf("\r\n");
        if (line > 0) {
          String[] parts = text.substring(0, line).split(" ");
          outcome.tryComplete(parts.length > 1 ? "http " + parts[1] : "http ?");
          socket.close();
        }
      });
      socket.closeHandler(v -> outcome.tryComplete("closed"));
      socket.write(Buffer.buffer(bytes));
    });
    return outcome.future();
  }

  private Future<String> api(FuzzInput.ApiRequest api) {
    RequestOptions options = new RequestOptions().setMethod(api.method()).setURI(ascii(api.uri())).setTimeout(deadlineMs);
    api.headers().forEach(options::putHeader);
    return http.request(options)
        .compose(request -> api.body() == null ? request.send() : request.send(api.body()))
        .compose(response -> response.body().map(body -> "http " + response.statusCode()
            + (response.statusCode() >= 400 ? " " + errorCode(body) : "")));
  }

  /** The upgrade written by hand, so that URIs a client library would refuse reach the server's handshake. */
  private byte[] upgradeRequest(FuzzInput.SocketUpgrade upgrade) {
    StringBuilder request = new StringBuilder("GET ").append(upgrade.uri()).append(" HTTP/1.1\r\nHost: ").append(host)
        .append(':').append(port).append("\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n")
        .append("Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n");
    upgrade.headers().forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
    return request.append("\r\n").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  static String errorCode(Buffer body) {
    try {
      return body.toJsonObject().getJsonObject("error").getString("code");
    } catch (RuntimeException notTheErrorShape) {
      return "(not the error shape)";
    }
  }

  static String name(Throwable failure) {
    return failure.getClass().getName().replaceAll(".*\\.", "");
  }

  /** Characters outside printable ASCII %-encoded as UTF-8 (a client library refuses them); bad escapes are kept. */
  static String ascii(String uri) {
    StringBuilder out = new StringBuilder();
    for (byte b : uri.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      out.append(c > 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("%%%02X", c));
    }
    return out.toString();
  }

  public void close() {
    http.close();
    net.close();
    sockets.close();
  }
}
