package concierge;

import io.vertx.core.Future;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Function;

/**
 * Answers a bus request from a function that returns a Future, so that every service replies
 * exactly once: with the result, or with a failure whose code is one of {@link ErrorCode}
 * (bad input is 400, a failure of ours is 500, a dependency failing is what it says).
 */
public final class Replies {

  private static final Logger LOG = LoggerFactory.getLogger(Replies.class);

  private Replies() {
  }

  public static void answer(Message<JsonObject> message, Function<JsonObject, Future<JsonObject>> service) {
    Future<JsonObject> result;
    try {
      result = service.apply(message.body() == null ? new JsonObject() : message.body());
    } catch (RuntimeException e) {
      result = Future.failedFuture(e);
    }
    result.onComplete(done -> {
      if (done.succeeded()) {
        message.reply(done.result());
        return;
      }
      Throwable failure = done.cause();
      if (failure instanceof ReplyException reply && reply.failureCode() > 0) {
        message.fail(reply.failureCode(), reply.getMessage());
      } else if (failure instanceof IllegalArgumentException) {
        message.fail(ErrorCode.INVALID_REQUEST.status(), failure.getMessage());
      } else {
        LOG.warn("{} failed", message.address(), failure);
        message.fail(ErrorCode.INTERNAL.status(), message.address() + " failed");
      }
    });
  }
}
