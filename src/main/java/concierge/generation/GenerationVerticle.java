package concierge.generation;

import concierge.Addresses;
import concierge.Replies;
import concierge.chroma.ChromaStore;
import concierge.cost.Pricing;
import concierge.cost.Usage;
import concierge.faults.Breakers;
import concierge.validation.AnswerValidator;
import concierge.validation.SentenceGate;
import concierge.validation.ValidationService;
import concierge.validation.ValidationVerticle;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Serves {@code concierge.generation}: writes the answer with the configured provider (the
 * embedded extractive generator, or an OpenAI-compatible LLM that falls back to the embedded one
 * when it fails), passes it through the {@link SentenceGate}, and streams each validated sentence
 * to the turn's address. A listener that goes away cancels an LLM answer through
 * {@code <stream>.cancel}.
 */
public final class GenerationVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(GenerationVerticle.class);

  private GenerationConfig settings;
  private SentenceIndex sentences;
  private ExtractiveAnswerer embedded;
  private OpenAiProvider llm;
  private ValidationService validation;
  private AnswerValidator early;
  private Pricing pricing;

  @Override
  public Future<?> start() {
    settings = GenerationConfig.from(config());
    pricing = new Pricing(config());
    sentences = new SentenceIndex();
    embedded = new ExtractiveAnswerer(sentences, settings.maxSentences(), settings.minSimilarity());
    llm = "openai".equals(settings.provider()) ? new OpenAiProvider(vertx, settings, config()) : null;
    validation = new ValidationService(vertx, 2000);
    ChromaStore chroma = new ChromaStore(vertx, 20_000);
    vertx.eventBus().consumer(Addresses.KNOWLEDGE_CHANGED, changed -> sentences.load(chroma)
        .onSuccess(n -> LOG.info("sentence index reloaded: {} sentences", n)));
    Future<AnswerValidator> showing = settings.streamWords() ? ValidationVerticle.load(vertx, config())
        : Future.succeededFuture();
    return showing.compose(rules -> {
          early = rules;
          return sentences.load(chroma)
              .onSuccess(n -> LOG.info("sentence index: {} sentences; provider {}", n, settings.provider()))
              .recover(failure -> {
                LOG.warn("sentence index not loaded yet: {}", failure.getMessage());
                return Future.succeededFuture(0);
              });
        })
        .compose(n -> vertx.eventBus().<JsonObject>consumer(Addresses.GENERATION,
            message -> Replies.answer(message, this::generate)).completion());
  }

  /** Nobody listens any more: nothing is said, and what the call had cost is reported. */
  private JsonObject cancelled(AnswerProvider.Draft spent) {
    Usage usage = spent == null ? Usage.none(llm != null ? settings.model() : "embedded")
        : new Usage(spent.model(), spent.promptTokens(), spent.completionTokens(),
            pricing.cost(spent.model(), spent.promptTokens(), spent.completionTokens()));
    return GenerationService.encode(new Generated("", llm != null ? "openai" : "embedded", usage, 0, 0, List.of(), 0,
        true));
  }

  private Future<JsonObject> generate(JsonObject body) {
    GenerationRequest request = GenerationService.request(body);
    if (sentences.isEmpty()) {
      sentences.load(new ChromaStore(vertx, 5000));
    }
    String stream = request.streamAddress();
    DeltaFrames frames = new DeltaFrames(vertx, stream, settings.deltaIntervalMs());
    SentenceGate gate = new SentenceGate(validation, early, GenerationService.grounding(body), frames);
    Cancellation cancellation = new Cancellation();
    MessageConsumer<Object> cancel = stream == null ? null
        : vertx.eventBus().consumer(GenerationService.cancelAddress(stream), m -> cancellation.cancel());
    List<String> degraded = new ArrayList<>();
    AnswerProvider provider = llm != null ? llm : embedded;
    return provider.write(request, gate::accept, cancellation)
        .recover(failure -> {
          if (provider == embedded || cancellation.cancelled()) {
            return Future.failedFuture(failure);
          }
          if (Breakers.isOpenCircuit(failure)) {
            LOG.debug("turn {}: LLM breaker open; answering with the embedded generator", request.turnId());
          } else {
            LOG.warn("turn {}: LLM failed ({}); answering with the embedded generator", request.turnId(),
                failure.getMessage());
          }
          degraded.add("llm_fallback");
          gate.discardUnfinished();
          return embedded.write(request, gate::accept, cancellation);
        })
        .compose(draft -> {
          if (draft.cutAtLimit()) {
            // the token limit stopped the model inside its last sentence: that piece is not said
            gate.discardUnfinished();
          }
          return gate.finish().map(draft);
        })
        .map(draft -> {
          if (gate.removed() > 0) {
            degraded.add("validation_removed");
          }
          frames.flush();
          double cost = pricing.cost(draft.model(), draft.promptTokens(), draft.completionTokens());
          Usage usage = new Usage(draft.model(), draft.promptTokens(), draft.completionTokens(), cost);
          return GenerationService.encode(new Generated(gate.text(), draft.model().equals("embedded") ? "embedded"
              : "openai", usage, Math.max(0, frames.firstShownMs()), gate.removed(), degraded, gate.validationMicros(),
              false)).put("validationUs", gate.validationMicros());
        })
        .recover(failure -> cancellation.cancelled() ? Future.succeededFuture(cancelled(cancellation.spent()))
            : Future.failedFuture(failure))
        .onComplete(done -> {
          if (done.failed() || cancellation.cancelled()) {
            frames.drop();
          }
          if (cancel != null) {
            cancel.unregister();
          }
        });
  }
}
