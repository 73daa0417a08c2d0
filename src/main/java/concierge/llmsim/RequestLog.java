package concierge.llmsim;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The simulator's request log: the last records in memory, and every record as a JSON line in a file. */
public final class RequestLog {

  private static final Logger LOG = LoggerFactory.getLogger(RequestLog.class);

  private final Deque<RequestRecord> kept = new ArrayDeque<>();
  private final int keep;
  private final AsyncFile file;

  private RequestLog(int keep, AsyncFile file) {
    this.keep = keep;
    this.file = file;
  }

  public static Future<RequestLog> open(Vertx vertx, Path path, int keep) {
    if (path == null) {
      return Future.succeededFuture(new RequestLog(keep, null));
    }
    Path parent = path.toAbsolutePath().getParent();
    return vertx.fileSystem().mkdirs(parent.toString())
        .compose(ignored -> vertx.fileSystem().open(path.toString(), new OpenOptions().setAppend(true).setCreate(true)))
        .map(file -> new RequestLog(keep, file));
  }

  public void add(RequestRecord record) {
    synchronized (kept) {
      kept.addLast(record);
      if (kept.size() > keep) {
        kept.removeFirst();
      }
    }
    if (file != null) {
      file.write(Buffer.buffer(record.toJson().encode()).appendString("\n"))
          .onFailure(failure -> LOG.warn("writing the request log: {}", failure.getMessage()));
    }
    LOG.debug("{} {} {} ttft {} ms total {} ms", record.id(), record.model(), record.outcome().label(),
        Math.round(record.ttftMs()), Math.round(record.totalMs()));
  }

  /** The kept records, oldest first. */
  public List<RequestRecord> records() {
    synchronized (kept) {
      return List.copyOf(kept);
    }
  }

  public Future<Void> close() {
    return file == null ? Future.succeededFuture() : file.flush().compose(ignored -> file.close());
  }
}
