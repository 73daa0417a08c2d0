package concierge.llmsim;

import io.vertx.core.json.JsonObject;

/** A failure answered the way OpenAI answers it: a status and {@code {"error":{message,type,param,code}}}. */
public final class OpenAiError extends RuntimeException {

  private final int status;
  private final String type;
  private final String param;
  private final String code;

  private OpenAiError(int status, String message, String type, String param, String code) {
    super(message, null, false, false);
    this.status = status;
    this.type = type;
    this.param = param;
    this.code = code;
  }

  /** A 400 as OpenAI words it for a malformed body: {@code param} and {@code code} are null. */
  public static OpenAiError invalid(String message) {
    return new OpenAiError(400, message, "invalid_request_error", null, null);
  }

  public static OpenAiError badKey() {
    return new OpenAiError(401, "Incorrect API key provided.", "invalid_request_error", null, "invalid_api_key");
  }

  public static OpenAiError notFound(String path) {
    return new OpenAiError(404, "Unknown request URL: " + path + ".", "invalid_request_error", null, "unknown_url");
  }

  public static OpenAiError rateLimited(int limit) {
    return new OpenAiError(429, "Rate limit reached: more than " + limit + " requests in flight. Please try again.",
        "requests", null, "rate_limit_exceeded");
  }

  public static OpenAiError serverError() {
    return new OpenAiError(500, "The server had an error while processing your request. Sorry about that!",
        "server_error", null, null);
  }

  public int status() {
    return status;
  }

  public JsonObject toJson() {
    return new JsonObject().put("error", new JsonObject().put("message", getMessage()).put("type", type)
        .put("param", param).put("code", code));
  }
}
