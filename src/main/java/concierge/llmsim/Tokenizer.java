package concierge.llmsim;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import com.knuddels.jtokkit.api.IntArrayList;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts and splits text in cl100k_base tokens, the tokenizer of the models the simulator
 * stands in for, so that {@code usage} agrees with what a real endpoint would bill.
 */
public final class Tokenizer {

  /** OpenAI's chat format adds this many tokens per message and for priming the reply. */
  private static final int TOKENS_PER_MESSAGE = 3;
  private static final int TOKENS_PER_NAME = 1;
  private static final int REPLY_PRIMING = 3;

  private static final Encoding CL100K = Encodings.newLazyEncodingRegistry()
      .getEncoding(EncodingType.CL100K_BASE);

  /** The bytes of each token answers use; bounded by the vocabulary, a few thousand in practice. */
  private static final Map<Integer, byte[]> TOKEN_BYTES = new ConcurrentHashMap<>();

  private Tokenizer() {
  }

  public static int count(String text) {
    return text.isEmpty() ? 0 : CL100K.countTokensOrdinary(text);
  }

  public static int[] encode(String text) {
    return CL100K.encodeOrdinary(text).toArray();
  }

  public static String decode(int[] tokens) {
    IntArrayList list = new IntArrayList(tokens.length);
    for (int token : tokens) {
      list.add(token);
    }
    return CL100K.decode(list);
  }

  /** Prompt tokens the way OpenAI counts a chat: each message's role, name and text plus a fixed overhead. */
  public static int promptTokens(List<ChatRequest.Message> messages) {
    int tokens = REPLY_PRIMING;
    for (ChatRequest.Message message : messages) {
      tokens += TOKENS_PER_MESSAGE + count(message.role()) + count(message.text());
      if (message.name() != null) {
        tokens += TOKENS_PER_NAME + count(message.name());
      }
    }
    return tokens;
  }

  /**
   * The text each token adds, one entry per token. A token that ends inside a multi-byte
   * character adds "" and the character comes with the token that completes it, so that every
   * piece is valid text on its own.
   */
  public static List<String> pieces(int[] tokens) {
    List<String> pieces = new ArrayList<>(tokens.length);
    ByteArrayOutputStream pending = new ByteArrayOutputStream();
    for (int token : tokens) {
      pending.writeBytes(TOKEN_BYTES.computeIfAbsent(token, Tokenizer::bytesOf));
      byte[] bytes = pending.toByteArray();
      if (endsOnCharacter(bytes)) {
        pieces.add(new String(bytes, StandardCharsets.UTF_8));
        pending.reset();
      } else {
        pieces.add("");
      }
    }
    if (pending.size() > 0 && !pieces.isEmpty()) {
      pieces.set(pieces.size() - 1, new String(pending.toByteArray(), StandardCharsets.UTF_8));
    }
    return pieces;
  }

  private static byte[] bytesOf(int token) {
    IntArrayList one = new IntArrayList(1);
    one.add(token);
    return CL100K.decodeBytes(one);
  }

  private static boolean endsOnCharacter(byte[] bytes) {
    int continuation = 0;
    for (int i = bytes.length - 1; i >= 0 && continuation < 4; i--) {
      int b = bytes[i] & 0xFF;
      if ((b & 0xC0) != 0x80) {
        int length = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
        return continuation + 1 >= length;
      }
      continuation++;
    }
    return true;
  }
}
