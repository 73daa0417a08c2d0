package concierge.knowledge;

/** A Markdown file of the knowledge base: its path under kb/ (e.g. policies/returns.md) and text. */
public record KnowledgeDocument(String path, String text) {

  public String folder() {
    int slash = path.indexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  public String name() {
    String file = path.substring(path.lastIndexOf('/') + 1);
    return file.endsWith(".md") ? file.substring(0, file.length() - 3) : file;
  }
}
