package concierge.llmsim;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The simulator's HTTP front: checks the key, reads the request, admits it under the concurrency
 * limit, draws its plan and hands it to a {@link CompletionPlayback}. Rejected requests are logged too.
 */
final class LlmSimVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(LlmSimVerticle.class);
  private static final String ARRIVED = "llmsim.arrived";
  private static final long MAX_BODY_BYTES = 16L * 1024 * 1024;
  /** Labels of every text a load test can send: about 12,000 short messages are 1 MB. */
  private static final long MAX_LABELS_BYTES = 8L * 1024 * 1024;

  private final SimulatorRun run;

  LlmSimVerticle(SimulatorRun run) {
    this.run = run;
  }

  @Override
  public Future<?> start() {
    run.eventLoops.add(Thread.currentThread());
    Router router = Router.router(vertx);
    router.route().handler(ctx -> {
      ctx.put(ARRIVED, System.nanoTime());
      ctx.next();
    });
    router.route("/v1/*").handler(this::checkKey);
    router.post("/v1/chat/completions").handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES))
        .handler(this::complete);
    router.get("/v1/models").handler(ctx -> ctx.json(OpenAiFormat.models(ModelPreset.names())));
    router.get("/sim/fault").handler(ctx -> ctx.json(new JsonObject().put("fault", run.forced.get().label())));
    router.post("/sim/fault").handler(BodyHandler.create(false).setBodyLimit(1024)).handler(this::force);
    router.post("/sim/label").handler(BodyHandler.create(false).setBodyLimit(1024)).handler(this::label);
    router.post("/sim/labels").handler(BodyHandler.create(false).setBodyLimit(MAX_LABELS_BYTES)).handler(this::labels);
    router.route().last().handler(ctx -> answer(ctx, OpenAiError.notFound(ctx.request().path())));
    HttpServerOptions options = new HttpServerOptions().setHost(run.options.host()).setPort(run.options.port())
        .setCompressionSupported(false).setTcpNoDelay(true);
    return vertx.createHttpServer(options).requestHandler(router).listen()
        .onSuccess(server -> run.port.set(server.actualPort()));
  }

  private void checkKey(RoutingContext ctx) {
    String key = run.options.apiKey();
    if (key == null || ("Bearer " + key).equals(ctx.request().getHeader("authorization"))) {
      ctx.next();
      return;
    }
    logRejected(ctx, null, null, false, Outcome.UNAUTHORIZED);
    answer(ctx, OpenAiError.badKey());
  }

  private void complete(RoutingContext ctx) {
    ChatRequest request;
    try {
      request = ChatRequest.parse(ctx.body().buffer());
    } catch (OpenAiError error) {
      logRejected(ctx, null, null, false, Outcome.INVALID);
      answer(ctx, error);
      return;
    }
    ForcedFault forced = run.forced.get();
    CompletionPlan drawn = run.planner.plan(request);
    CompletionPlan plan = forced == ForcedFault.NONE ? drawn : drawn.withOutcome(forced.apply(drawn.outcome()));
    if (forced == ForcedFault.INVENT) {
      plan = plan.withAnswer(AnswerComposer.invented(plan.answer()));
    }
    String label = request.stream() ? null : run.labelFor(request.question());
    if (label != null) {
      plan = plan.withAnswer(AnswerComposer.exactly(label));
    }
    ctx.response().putHeader("x-llmsim-request-id", plan.id());
    if (forced == ForcedFault.RATE_LIMITED || !run.admit()) {
      if (forced == ForcedFault.RATE_LIMITED) {
        // not admitted: nothing to release
        ctx.response().putHeader("retry-after", String.valueOf(run.options.retryAfterSeconds()));
        logRejected(ctx, plan.id(), plan.model(), request.stream(), Outcome.RATE_LIMITED);
        answer(ctx, OpenAiError.rateLimited(run.options.maxConcurrency()));
        return;
      }
      ctx.response().putHeader("retry-after", String.valueOf(run.options.retryAfterSeconds()));
      logRejected(ctx, plan.id(), plan.model(), request.stream(), Outcome.RATE_LIMITED);
      answer(ctx, OpenAiError.rateLimited(run.options.maxConcurrency()));
      return;
    }
    new CompletionPlayback(vertx, run, plan, request, ctx.response(), ctx.get(ARRIVED)).start();
  }

  /** The fault-injection switch: {"fault": "none" | "hang" | "500" | "429" | "cut"}. */
  private void force(RoutingContext ctx) {
    try {
      ForcedFault fault = ForcedFault.of(ctx.body().asJsonObject().getString("fault", ""));
      run.force(fault);
      ctx.json(new JsonObject().put("fault", fault.label()));
    } catch (RuntimeException e) {
      answer(ctx, OpenAiError.invalid("body must be {\"fault\": \"none|hang|500|429|cut\"}"));
    }
  }

  /** What non-streamed completions answer: {"label": "order_status"}, or {"label": null} for drawn prose. */
  private void label(RoutingContext ctx) {
    try {
      Object label = ctx.body().asJsonObject().getValue("label");
      if (label != null && !(label instanceof String text && !text.isBlank() && text.length() <= 100)) {
        throw new IllegalArgumentException("label");
      }
      run.label((String) label);
      ctx.json(new JsonObject().put("label", label));
    } catch (RuntimeException e) {
      answer(ctx, OpenAiError.invalid("body must be {\"label\": \"<text of at most 100 characters>\"} or {\"label\": null}"));
    }
  }

  /**
   * The label of each known message, for a load test that knows what it sends:
   * {"labels": {"Do you ship to Canada?": "policy_question", ...}} replaces those given before.
   */
  private void labels(RoutingContext ctx) {
    try {
      JsonObject given = ctx.body().asJsonObject().getJsonObject("labels");
      Map<String, String> labels = new HashMap<>();
      given.forEach(entry -> {
        if (!(entry.getValue() instanceof String text && !text.isBlank() && text.length() <= 100)) {
          throw new IllegalArgumentException("label");
        }
        labels.put(entry.getKey(), text);
      });
      run.labels(labels);
      ctx.json(new JsonObject().put("labels", labels.size()));
    } catch (RuntimeException e) {
      answer(ctx, OpenAiError.invalid("body must be {\"labels\": {\"<message>\": \"<label of at most 100 characters>\", ...}}"));
    }
  }

  private static void answer(RoutingContext ctx, OpenAiError error) {
    ctx.response().setStatusCode(error.status()).putHeader("content-type", "application/json")
        .end(error.toJson().encode());
  }

  private void logRejected(RoutingContext ctx, String id, String model, boolean stream, Outcome outcome) {
    long arrived = ctx.get(ARRIVED);
    double ms = (System.nanoTime() - arrived) / 1e6;
    Instant at = Instant.now().minusNanos(System.nanoTime() - arrived);
    run.log.add(new RequestRecord(id, model, stream, at, false, -1, -1, ms, -1, 0, 0, 0, outcome));
    LOG.debug("rejected {} with {}", ctx.request().path(), outcome.label());
  }
}
