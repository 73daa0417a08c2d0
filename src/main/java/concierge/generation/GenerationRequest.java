package concierge.generation;

import concierge.retrieval.RetrievedChunk;
import concierge.tone.ToneGuideline;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * What one answer is generated from: the (resolved) question and its vector, the retrieved
 * chunks, the tone guideline, the last turns, and where to stream validated sentences.
 */
public record GenerationRequest(String turnId, String intent, String question, float[] vector,
                                List<RetrievedChunk> chunks, ToneGuideline tone, List<JsonObject> history,
                                String streamAddress) {
}
