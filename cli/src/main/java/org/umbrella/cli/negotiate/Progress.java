package org.umbrella.cli.negotiate;

import java.util.HashMap;
import java.util.Map;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.umbrella.cli.Terminal;
import org.umbrella.negotiation.analysis.ProgressListener;

/** Progress bars on stderr, only when a person is watching a terminal. */
final class Progress implements ProgressListener, AutoCloseable {
  private final Map<String, ProgressBar> bars = new HashMap<>();
  private final boolean enabled;

  private Progress(boolean enabled) {
    this.enabled = enabled;
  }

  /** Bars when stdout and stderr are a terminal and the output is not JSON; otherwise silent. */
  static Progress forTerminal(Format.Kind format) {
    return new Progress(Terminal.interactive() && format == Format.Kind.table);
  }

  @Override
  public void progress(String phase, long done, long total) {
    if (!enabled || total < 2) {
      return;
    }
    ProgressBar bar =
        bars.computeIfAbsent(
            phase,
            p ->
                new ProgressBarBuilder()
                    .setTaskName(p)
                    .setInitialMax(total)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err))
                    .build());
    bar.stepTo(done);
  }

  @Override
  public void close() {
    bars.values().forEach(ProgressBar::close);
  }
}
