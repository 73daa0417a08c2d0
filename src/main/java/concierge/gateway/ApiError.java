package concierge.gateway;

import concierge.ErrorCode;
import io.vertx.core.json.JsonObject;

/**
 * A client-facing failure: one of the error codes of the API with a message that is safe to
 * show (never a stack trace or an internal detail).
 */
public class ApiError extends RuntimeException {

  private final ErrorCode code;

  public ApiError(ErrorCode code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public ErrorCode code() {
    return code;
  }

  public JsonObject toJson() {
    return body(code, getMessage());
  }

  public static JsonObject body(ErrorCode code, String message) {
    return new JsonObject().put("error", new JsonObject().put("code", code.code()).put("message", message));
  }

  /** Any failure as a client-facing error: bus failures keep their code; unknown ones say nothing internal. */
  public static ApiError of(Throwable failure) {
    if (failure instanceof ApiError api) {
      return api;
    }
    if (failure instanceof IllegalArgumentException) {
      return new ApiError(ErrorCode.INVALID_REQUEST, safe(failure.getMessage()));
    }
    ErrorCode code = ErrorCode.of(failure);
    String message = switch (code) {
      case INTERNAL -> "something went wrong on our side";
      case TIMEOUT -> "the answer took too long; please try again";
      case UNAVAILABLE -> failure instanceof io.vertx.core.eventbus.ReplyException r && r.failureCode() == 503
          ? safe(r.getMessage()) : "the service is not available right now; please try again";
      default -> safe(failure.getMessage());
    };
    return new ApiError(code, message);
  }

  /**
   * A message as clients may see it: its first line, at most 200 characters, and nothing that
   * names the code inside (a qualified class name, an exception, a stack frame): such a message
   * came from a library, not from our own checks, and is replaced by a plain one.
   */
  static String safe(String message) {
    if (message == null || message.isBlank()) {
      return "request failed";
    }
    String firstLine = message.lines().findFirst().orElse(message);
    if (INTERNALS.matcher(firstLine).find()) {
      return "the request could not be read";
    }
    return firstLine.length() > 200 ? firstLine.substring(0, 200) : firstLine;
  }

  private static final java.util.regex.Pattern INTERNALS = java.util.regex.Pattern.compile(
      "\\b(?:[a-z][a-z0-9_]*\\.){2,}[A-Za-z_$][\\w$]*|\\b[A-Z]\\w*(?:Exception|Error)\\b|\\bat [\\w$.]+\\(|\\.java:\\d+");
}
