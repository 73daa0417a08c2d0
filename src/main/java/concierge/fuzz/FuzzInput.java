package concierge.fuzz;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;

import java.util.Map;

/** One generated input, for one of the server's parsers or services. */
public sealed interface FuzzInput {

  /** Bytes written to a fresh TCP connection: the HTTP/1.1 parser. */
  record RawHttp(byte[] bytes) implements FuzzInput {
    @Override
    public String kind() {
      return "raw-http";
    }
  }

  /** A well-framed HTTP request with hostile contents: routing, keys, query strings, JSON bodies, the turn request. */
  record ApiRequest(HttpMethod method, String uri, Map<String, String> headers, Buffer body) implements FuzzInput {
    @Override
    public String kind() {
      return "http-api";
    }
  }

  /** A WebSocket upgrade with hostile paths, query strings and headers. */
  record SocketUpgrade(String uri, Map<String, String> headers) implements FuzzInput {
    @Override
    public String kind() {
      return "ws-upgrade";
    }
  }

  /** One frame on an open, authenticated WebSocket: text (maybe not JSON) or binary. */
  record SocketFrame(String text, byte[] binary) implements FuzzInput {
    @Override
    public String kind() {
      return "ws-frame";
    }
  }

  /** A request straight to a pipeline service on the event bus (intent, validation, chat). */
  record BusRequest(String address, JsonObject body) implements FuzzInput {
    @Override
    public String kind() {
      return "bus";
    }
  }

  String kind();
}
