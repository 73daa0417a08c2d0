package concierge.cost;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;

/** Token counts with a real tokenizer (cl100k_base), for endpoints that report no usage. */
public final class TokenCounter {

  private static final Encoding CL100K = Encodings.newDefaultEncodingRegistry().getEncoding(EncodingType.CL100K_BASE);

  private TokenCounter() {
  }

  public static int count(String text) {
    return text == null || text.isEmpty() ? 0 : CL100K.countTokens(text);
  }
}
