package concierge.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the knowledge base: every file under a folder (knowledge.dir), or the demo shop bundled
 * in the jar under kb/ when no folder is configured. Blocking file IO: call it off the event loop.
 */
public final class KnowledgeSource {

  private final String dir;

  public KnowledgeSource(String dir) {
    this.dir = dir == null ? "" : dir;
  }

  public List<KnowledgeDocument> documents() {
    try {
      if (!dir.isBlank()) {
        return read(Path.of(dir));
      }
      URL url = KnowledgeSource.class.getResource("/kb");
      if (url == null) {
        throw new IllegalStateException("the bundled knowledge base (kb/) is missing from the build");
      }
      URI uri = url.toURI();
      if ("jar".equals(uri.getScheme())) {
        return readJar(uri);
      }
      return read(Path.of(uri));
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the knowledge base: " + e.getMessage(), e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The lines of one text file of the knowledge base, e.g. intents/greeting.txt. */
  public List<String> lines(String path) {
    return documents().stream().filter(d -> d.path().equals(path)).findFirst()
        .map(d -> d.text().lines().toList()).orElse(List.of());
  }

  private static List<KnowledgeDocument> readJar(URI uri) throws IOException {
    FileSystem fs;
    try {
      fs = FileSystems.newFileSystem(uri, Map.of());
    } catch (FileSystemAlreadyExistsException e) {
      fs = FileSystems.getFileSystem(uri);
    }
    return read(fs.getPath("/kb"));
  }

  private static List<KnowledgeDocument> read(Path root) throws IOException {
    List<KnowledgeDocument> documents = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).sorted(Comparator.comparing(Path::toString)).toList()) {
        String relative = root.relativize(file).toString().replace('\\', '/');
        documents.add(new KnowledgeDocument(relative, Files.readString(file, StandardCharsets.UTF_8)));
      }
    }
    return documents;
  }
}
