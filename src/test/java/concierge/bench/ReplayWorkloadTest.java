package concierge.bench;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The replay workload")
class ReplayWorkloadTest {

  @Test
  @DisplayName("the committed workload is what the generator makes from its seed")
  void committedFileIsReproducible() throws Exception {
    assertThat(ReplayWorkload.generate(20261125, 1600)).isEqualTo(ReplayWorkload.read(null));
  }

  @Test
  @DisplayName("popular topics repeat, and each tail question is asked exactly once")
  void repetition() throws Exception {
    List<ReplayWorkload.Turn> workload = ReplayWorkload.read(null);
    List<String> tail = workload.stream().filter(turn -> ReplayWorkload.TAIL.equals(turn.topic()))
        .map(ReplayWorkload.Turn::message).toList();
    assertThat(tail).doesNotHaveDuplicates().hasSizeGreaterThan(100);
    assertThat(workload.stream().filter(turn -> "return-window".equals(turn.topic())).count())
        .isGreaterThan(workload.stream().filter(turn -> "trade-in".equals(turn.topic())).count() * 5);
  }
}
