package concierge;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;

/**
 * The failures that cross the event bus, each with the HTTP status the gateway answers with.
 * A {@link ReplyException}'s failure code is the HTTP status; its message is safe to show.
 */
public enum ErrorCode {
  INVALID_REQUEST(400, "invalid_request"),
  UNAUTHORIZED(401, "unauthorized"),
  FORBIDDEN(403, "forbidden"),
  NOT_FOUND(404, "not_found"),
  TOO_LARGE(413, "too_large"),
  RATE_LIMITED(429, "rate_limited"),
  INTERNAL(500, "internal"),
  UNAVAILABLE(503, "unavailable"),
  TIMEOUT(504, "timeout");

  private final int status;
  private final String code;

  ErrorCode(int status, String code) {
    this.status = status;
    this.code = code;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public ReplyException exception(String message) {
    return new ReplyException(ReplyFailure.RECIPIENT_FAILURE, status, message);
  }

  /** The code of any failure: ours keep theirs, a bus timeout is a timeout, the rest are internal. */
  public static ErrorCode of(Throwable failure) {
    if (failure instanceof ReplyException reply) {
      if (reply.failureType() == ReplyFailure.TIMEOUT) {
        return TIMEOUT;
      }
      if (reply.failureType() == ReplyFailure.NO_HANDLERS) {
        return UNAVAILABLE;
      }
      for (ErrorCode code : values()) {
        if (code.status == reply.failureCode()) {
          return code;
        }
      }
    }
    if (failure instanceof java.util.concurrent.TimeoutException
        || failure instanceof io.vertx.core.http.HttpClosedException) {
      return UNAVAILABLE;
    }
    return INTERNAL;
  }
}
