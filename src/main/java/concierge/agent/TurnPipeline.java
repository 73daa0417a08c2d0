package concierge.agent;

import concierge.Addresses;
import concierge.ErrorCode;
import concierge.conversation.Conversation;
import concierge.conversation.ConversationService;
import concierge.embedding.EmbeddingConfig;
import concierge.embedding.EmbeddingService;
import concierge.intent.IntentConfig;
import concierge.intent.IntentService;
import concierge.orders.OrderAnswer;
import concierge.orders.OrdersService;
import concierge.generation.GenerationRequest;
import concierge.generation.GenerationService;
import concierge.retrieval.RetrievalConfig;
import concierge.retrieval.RetrievalService;
import concierge.retrieval.RetrievedChunk;
import concierge.tone.ToneGuideline;
import concierge.tone.ToneService;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One turn, as architecture.md draws it: conversation and pending confirmation, embed once,
 * intent, then either a ready reply, the orders service, or knowledge: retrieval and tone in
 * parallel, then streamed, validated generation. Optional stages recover to their defaults where
 * they are called and say so in {@code degraded}.
 */
final class TurnPipeline {

  static final Set<String> ORDER_INTENTS = Set.of("order_status", "order_place", "order_cancel", "order_change");
  private static final Pattern EXCHANGE = Pattern.compile(
      "(?i)\\b(exchange|swap|switch|trade)\\b|\\b(different|another|other|next|bigger|smaller) (size|colou?r)\\b"
          + "|\\bsize (up|down)\\b");
  private static final Set<String> READY = Set.of("greeting", "human_agent", "out_of_scope");

  private final Vertx vertx;
  private final ReadyReplies replies;
  private final Spelling spelling;
  private final ConversationService conversations;
  private final EmbeddingService embeddings;
  private final RetrievalService retrieval;
  private final ToneService tone;
  private final GenerationService generation;
  private final int topN;
  private final IntentService intents;
  private final OrdersService orders;
  private final TurnCache cache;
  private final IntentSecondOpinion secondOpinion;
  private final double fallbackThreshold;
  private final boolean draftWhileAsking;

  TurnPipeline(Vertx vertx, ReadyReplies replies, Spelling spelling, int topN, JsonObject config) {
    this.vertx = vertx;
    this.spelling = spelling;
    this.intents = new IntentService(vertx, 3000);
    this.orders = new OrdersService(vertx, 5000);
    this.cache = new TurnCache(vertx, config);
    this.secondOpinion = new IntentSecondOpinion(vertx, config);
    IntentConfig intentSettings = IntentConfig.from(config);
    this.fallbackThreshold = intentSettings.fallbackThreshold();
    this.draftWhileAsking = intentSettings.draftWhileAsking();
    this.replies = replies;
    this.topN = topN;
    this.conversations = new ConversationService(vertx, 2000);
    this.embeddings = new EmbeddingService(vertx, EmbeddingConfig.from(config).timeoutMs());
    this.retrieval = new RetrievalService(vertx, RetrievalConfig.from(config).timeoutMs());
    this.tone = new ToneService(vertx, 1000);
    this.generation = new GenerationService(vertx, 90_000);
  }

  Future<JsonObject> run(Turn turn) {
    return loadConversation(turn)
        .compose(v -> customer(turn))
        .compose(v -> pendingConfirmation(turn))
        .compose(answered -> answered ? Future.succeededFuture(true) : awaitedDestination(turn))
        .compose(answered -> answered ? Future.succeededFuture() : answer(turn))
        .onFailure(failure -> cache.abandon(turn))
        .compose(v -> cache.settle(turn))
        .compose(v -> remember(turn))
        .map(v -> turn.response());
  }

  private Future<Void> loadConversation(Turn turn) {
    long started = System.nanoTime();
    return conversations.get(turn.conversationId)
        .recover(failure -> {
          turn.degraded.add("memory_unavailable");
          return Future.succeededFuture(Conversation.empty(turn.conversationId));
        })
        .compose(conversation -> {
          turn.time("memory", started);
          if (!conversation.isNew() && !conversation.visibleTo(turn.customerId())) {
            return Future.failedFuture(ErrorCode.NOT_FOUND.exception("conversation not found"));
          }
          turn.conversation = conversation;
          turn.followUp = FollowUp.isFollowUp(turn.request.message(), conversation.lastTurn());
          turn.text = spelling.correct(turn.request.message());
          turn.question = FollowUp.resolve(turn.text, conversation.lastTurn());
          return Future.succeededFuture();
        });
  }

  private Future<Void> customer(Turn turn) {
    if (turn.customerId() == null) {
      return Future.succeededFuture();
    }
    return orders.customer(turn.customerId())
        .map(customer -> {
          turn.customer = customer;
          return (Void) null;
        })
        .otherwiseEmpty();
  }

  /** A yes or no to the previous turn's pending order action; true when this turn was that answer. */
  private Future<Boolean> pendingConfirmation(Turn turn) {
    JsonObject last = turn.conversation.lastTurn();
    if (last == null || !"needs_confirmation".equals(last.getJsonObject("action", new JsonObject()).getString("status"))) {
      return Future.succeededFuture(false);
    }
    long started = System.nanoTime();
    return orders.confirm(turn.customerId(), turn.conversationId, turn.request.message()).map(reply -> {
      turn.time("orders", started);
      if (!reply.handled()) {
        return false;
      }
      turn.intent = last.getString("intent", "order_place");
      turn.confidence = 1.0;
      applyOrderReply(turn, reply);
      sendStart(turn);
      sendText(turn, turn.answer);
      return true;
    }).recover(failure -> {
      // the yes could not be carried out: say so plainly rather than treat "yes" as a new question
      turn.intent = last.getString("intent", "order_place");
      turn.confidence = 1.0;
      refuseOrders(turn, failure);
      sendStart(turn);
      sendText(turn, turn.answer);
      return Future.succeededFuture(true);
    });
  }

  /**
   * The previous turn asked where its new order should ship: a message that names a place (and no
   * product of its own) completes that request. Anything else, or an orders service that cannot
   * be reached, leaves the message to be answered as itself.
   */
  private Future<Boolean> awaitedDestination(Turn turn) {
    JsonObject last = turn.conversation.lastTurn();
    JsonObject action = last == null ? null : last.getJsonObject("action");
    if (action == null || !OrderAnswer.DESTINATION.equals(action.getString("awaiting"))
        || !"order_place".equals(action.getString("type"))) {
      return Future.succeededFuture(false);
    }
    long started = System.nanoTime();
    String merged = last.getString("orderRequest");
    String earlier = merged != null ? merged : last.getString("message", "");
    return orders.destination(turn.customerId(), turn.conversationId, earlier, turn.request.message())
        .map(reply -> {
          turn.time("orders", started);
          if (!reply.handled()) {
            return false;
          }
          turn.intent = "order_place";
          turn.confidence = 1.0;
          turn.orderRequest = OrdersService.completed(earlier, turn.request.message());
          applyOrderReply(turn, reply);
          sendStart(turn);
          sendText(turn, turn.answer);
          return true;
        })
        .otherwise(false);
  }

  /** The database (or the orders service) cannot be reached: nothing was done, the action says refused. */
  private void refuseOrders(Turn turn, Throwable failure) {
    boolean missing = failure instanceof ReplyException e && e.failureType() == ReplyFailure.NO_HANDLERS;
    turn.personal = true;
    turn.degraded.add(missing ? "orders_not_deployed" : "orders_unavailable");
    turn.answer = replies.get("orders_unavailable") + " " + replies.get("human_agent");
    turn.action = new JsonObject().put("type", turn.intent).put("status", "refused").put("orderId", (String) null)
        .put("error", ErrorCode.UNAVAILABLE.code());
  }

  private Future<Void> answer(Turn turn) {
    return cache.exact(turn).compose(hit -> hit ? served(turn) : embedAndRoute(turn));
  }

  /** A cached answer streams as it was first sent: a sentence at a time. */
  private Future<Void> served(Turn turn) {
    sendStart(turn);
    List<String> sentences = concierge.knowledge.Sentences.split(turn.answer);
    for (int i = 0; i < sentences.size(); i++) {
      sendText(turn, (i == 0 ? "" : " ") + sentences.get(i));
    }
    return Future.succeededFuture();
  }

  private Future<Void> embedAndRoute(Turn turn) {
    long embedStarted = System.nanoTime();
    return embeddings.embed(turn.question)
        .onSuccess(vector -> turn.time("embed", embedStarted))
        .compose(vector -> {
          turn.vector = vector;
          return classify(turn);
        })
        .compose(v -> turn.confidence < fallbackThreshold && secondOpinion.available() ? withSecondOpinion(turn)
            : route(turn))
        .recover(failure -> {
          if (turn.vector == null) {
            turn.degraded.add("embedding_unavailable");
            return unavailable(turn);
          }
          return Future.failedFuture(failure);
        });
  }

  private Future<Void> classify(Turn turn) {
    long started = System.nanoTime();
    return intents.classify(turn.text, turn.vector)
        .map(prediction -> {
          turn.time("intent", started);
          turn.intent = prediction.name();
          turn.confidence = prediction.confidence();
          JsonObject last = turn.conversation.lastTurn();
          if (turn.followUp && last != null && !ORDER_INTENTS.contains(turn.intent) && turn.confidence < 0.8) {
            turn.intent = last.getString("intent", turn.intent);
          }
          return (Void) null;
        })
        .recover(failure -> {
          turn.degraded.add("intent_unavailable");
          turn.intent = "policy_question";
          turn.confidence = 0;
          return Future.succeededFuture();
        });
  }

  private Future<Void> askLlm(Turn turn) {
    long started = System.nanoTime();
    String guess = turn.intent;
    return secondOpinion.ask(turn.request.message())
        .map(opinion -> {
          turn.time("intentLlm", started);
          turn.sideCalls.add(new Turn.SideCall("intent", opinion.usage()));
          if (opinion.intent() == null) {
            turn.secondOpinion = "unreadable";
          } else {
            turn.secondOpinion = guess.equals(opinion.intent()) ? "agreed" : "changed";
            turn.intent = opinion.intent();
          }
          return (Void) null;
        })
        .recover(failure -> {
          turn.degraded.add("intent_llm_unavailable");
          turn.secondOpinion = "unavailable";
          return Future.succeededFuture();
        });
  }

  /**
   * The classifier is unsure: the intent model is asked. When the classifier's route is knowledge
   * (no side effects), it is answered meanwhile as a draft whose frames are held: if the intent
   * model agrees (or cannot answer), the draft is the answer and its held frames go out at once;
   * if it picks another intent, the draft is dropped unseen, its generation cancelled (what it had
   * cost is counted), and the turn takes the new route. An order or ready route waits for the
   * intent model, as before.
   */
  private Future<Void> withSecondOpinion(Turn turn) {
    if (!draftWhileAsking || !knowledgeRoute(turn)) {
      return askLlm(turn).compose(v -> route(turn));
    }
    Turn draft = turn.draft(Addresses.stream(turn.turnId + ".draft"));
    HeldFrames held = new HeldFrames(vertx, draft.stream, turn.stream);
    Future<Void> drafted = held.listen().compose(v -> knowledge(draft));
    return askLlm(turn).compose(v -> {
      if (!"changed".equals(turn.secondOpinion)) {
        held.release();
        return drafted.onComplete(done -> held.close()).map(done -> {
          turn.adopt(draft);
          return (Void) null;
        });
      }
      draft.dropped = true;
      held.drop();
      return drafted.transform(done -> {
        held.close();
        if (draft.usage.hasTokens()) {
          turn.sideCalls.add(new Turn.SideCall("dropped_answer", draft.usage));
        }
        return held.clientGone() ? nobodyListening() : route(turn);
      });
    });
  }

  /** The turn's client went away: what it asked is not answered. */
  private static Future<Void> nobodyListening() {
    return Future.failedFuture(ErrorCode.UNAVAILABLE.exception("the answer was cancelled: nobody is listening"));
  }

  private static boolean knowledgeRoute(Turn turn) {
    return !READY.contains(turn.intent) && !ORDER_INTENTS.contains(turn.intent)
        && !Language.notEnglish(turn.request.message());
  }

  private Future<Void> route(Turn turn) {
    if (Language.notEnglish(turn.request.message()) && !ORDER_INTENTS.contains(turn.intent)) {
      return ready(turn, replies.get("not_english") + " " + replies.get("human_agent"));
    }
    if (READY.contains(turn.intent)) {
      return ready(turn, readyReply(turn));
    }
    if (ORDER_INTENTS.contains(turn.intent)) {
      return orderTurn(turn);
    }
    return knowledge(turn);
  }

  private String readyReply(Turn turn) {
    return switch (turn.intent) {
      case "greeting" -> greetingWithName(turn, replies.greeting(turn.request.message()));
      case "human_agent" -> {
        turn.action = new JsonObject().put("type", "handoff").put("status", "done").put("orderId", (String) null);
        yield replies.get("human_agent");
      }
      default -> replies.get("out_of_scope");
    };
  }

  private static String greetingWithName(Turn turn, String greeting) {
    String first = turn.customerFirstName();
    if (first == null) {
      return greeting;
    }
    return greeting.replaceFirst("^(Hi|Hello|Hey)( there)?\\b", "$1 " + first);
  }

  private Future<Void> ready(Turn turn, String text) {
    sendStart(turn);
    turn.answer = text;
    sendText(turn, text);
    return Future.succeededFuture();
  }

  private Future<Void> orderTurn(Turn turn) {
    turn.personal = true;
    long started = System.nanoTime();
    return orders.turn(turn.intent, turn.customerId(), turn.conversationId, turn.request.message())
        .map(reply -> {
          turn.time("orders", started);
          applyOrderReply(turn, reply);
          return (Void) null;
        })
        .recover(failure -> {
          refuseOrders(turn, failure);
          return Future.succeededFuture();
        })
        .onSuccess(v -> {
          sendStart(turn);
          sendText(turn, turn.answer);
        });
  }

  private static void applyOrderReply(Turn turn, OrderAnswer reply) {
    turn.personal = true;
    turn.answer = reply.answer() == null ? "" : reply.answer();
    turn.action = new JsonObject().put("type", reply.type() == null ? "none" : reply.type())
        .put("status", reply.status() == null ? "none" : reply.status()).put("orderId", reply.orderId());
    if (reply.awaiting() != null) {
      turn.action.put("awaiting", reply.awaiting());
    }
  }

  private Future<Void> knowledge(Turn turn) {
    return cache.similar(turn).compose(hit -> hit ? served(turn) : retrieveAndGenerate(turn));
  }

  private Future<Void> retrieveAndGenerate(Turn turn) {
    long started = System.nanoTime();
    Future<List<RetrievedChunk>> chunks = retrieval.retrieve(turn.vector, turn.intent, topN)
        .onComplete(done -> turn.time("retrieval", started));
    Future<ToneGuideline> guideline = tone.guideline(turn.intent, turn.request.message(), turn.customerName())
        .onComplete(done -> turn.time("tone", started))
        .recover(failure -> {
          turn.degraded.add("tone_unavailable");
          return Future.succeededFuture(ToneGuideline.DEFAULT);
        });
    return Future.join(chunks, guideline).transform(ignored -> {
      if (chunks.failed()) {
        turn.degraded.add("retrieval_unavailable");
        return unavailable(turn);
      }
      turn.chunks = chunks.result();
      return generate(turn, guideline.result());
    });
  }

  private Future<Void> generate(Turn turn, ToneGuideline guideline) {
    turn.toneVariant = guideline.variant();
    sendStart(turn);
    boolean complaint = guideline.complaint();
    if (complaint) {
      sendText(turn, replies.get("complaint_ack") + " ");
    }
    String account = AccountFacts.of(turn.text, turn.customer);
    if (account != null) {
      turn.personal = true;
      sendText(turn, account + " ");
    }
    List<String> grounding = new ArrayList<>();
    turn.chunks.forEach(chunk -> grounding.add(chunk.text()));
    List<JsonObject> history = turn.conversation.turns();
    GenerationRequest request = new GenerationRequest(turn.turnId, turn.intent, turn.question, turn.vector, turn.chunks,
        guideline, history, turn.stream);
    long started = System.nanoTime();
    if (turn.dropped) {
      return Future.failedFuture("the draft's route changed before its generation began");
    }
    return generation.generate(request, grounding).compose(generated -> {
      if (generated.cancelled()) {
        turn.usage = generated.usage();
        return nobodyListening();
      }
      turn.time("generation", started);
      turn.timings.put("firstTokenMs", generated.firstTokenMs());
      turn.timings.put("validationMs", generated.validationMicros() / 1000);
      turn.usage = generated.usage();
      turn.degraded.addAll(generated.degraded());
      StringBuilder answer = new StringBuilder();
      if (complaint) {
        answer.append(replies.get("complaint_ack")).append(' ');
      }
      if (account != null) {
        answer.append(account).append(' ');
      }
      if (generated.text().isBlank()) {
        // nothing the generation wrote passed validation: the customer is asked to say more, on the stream too
        answer.append(replies.get("clarify"));
        sendText(turn, replies.get("clarify"));
      } else {
        answer.append(generated.text());
      }
      String steps = nextSteps(turn);
      if (steps != null) {
        answer.append(' ').append(steps);
        sendText(turn, " " + steps);
      }
      if (complaint) {
        String next = replies.get("complaint_next_step");
        answer.append(' ').append(next);
        sendText(turn, " " + next);
      }
      turn.answer = answer.toString().strip();
      return Future.<Void>succeededFuture();
    });
  }

  /** A return or exchange request ends with how to start it, whatever the policy sentences said. */
  private String nextSteps(Turn turn) {
    if (!"return_request".equals(turn.intent)) {
      return null;
    }
    return replies.get(EXCHANGE.matcher(turn.text).find() ? "exchange_steps" : "return_steps");
  }

  private Future<Void> unavailable(Turn turn) {
    sendStart(turn);
    turn.answer = replies.get("retrieval_unavailable");
    sendText(turn, turn.answer);
    return Future.succeededFuture();
  }

  private Future<Void> remember(Turn turn) {
    return conversations.append(turn.conversationId, turn.customerId(), turn.memory())
        .recover(failure -> {
          turn.degraded.add("memory_unavailable");
          return Future.succeededFuture();
        });
  }

  private void sendStart(Turn turn) {
    if (turn.stream != null) {
      vertx.eventBus().send(turn.stream, new JsonObject().put("type", "start").put("conversationId", turn.conversationId)
          .put("turnId", turn.turnId).put("intent", turn.intentJson()).put("cache", turn.cache));
    }
  }

  private void sendText(Turn turn, String text) {
    if (turn.stream != null && text != null && !text.isEmpty()) {
      vertx.eventBus().send(turn.stream, new JsonObject().put("type", "delta").put("text", text));
    }
  }
}
