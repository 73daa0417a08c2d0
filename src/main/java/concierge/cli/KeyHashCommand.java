package concierge.cli;

import concierge.security.KeyHash;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/**
 * {@code concierge key-hash}: the SHA-256 to put in {@code security.client-keys} or
 * {@code security.admin-key-sha256}. The key is read from standard input (so it stays out of the
 * shell's history) unless given; {@code --new} makes a random key and prints both.
 */
@Command(name = "key-hash", mixinStandardHelpOptions = true,
    description = "Print the SHA-256 of a client or admin key for the configuration (reads the key from stdin).")
public final class KeyHashCommand implements Callable<Integer> {

  @Option(names = "--new", description = "make a new random key and print it with its hash")
  boolean generate;

  @Parameters(arity = "0..1", paramLabel = "KEY", description = "the key (default: the first line of stdin)")
  String key;

  @Override
  public Integer call() throws Exception {
    if (generate) {
      String made = KeyHash.newKey();
      System.out.println("key:    " + made);
      System.out.println("sha256: " + KeyHash.hex(made));
      return 0;
    }
    String given = key != null ? key
        : new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    if (given == null || given.strip().isEmpty()) {
      System.err.println("concierge key-hash: no key given (pass it on stdin, as an argument, or use --new)");
      return 2;
    }
    System.out.println(KeyHash.hex(given.strip()));
    return 0;
  }
}
