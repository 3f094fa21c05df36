package org.umbrella.bench.engine;

import com.google.common.base.CharMatcher;
import com.google.common.base.Splitter;
import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** What the benchmark reads about the machine and its own JVM: load, CPU time, peak heap. */
final class JvmStats {
  private JvmStats() {}

  /** The 1, 5 and 15 minute load averages, from /proc/loadavg where there is one. */
  static String loadAverage() {
    try {
      List<String> f =
          Splitter.on(CharMatcher.whitespace())
              .omitEmptyStrings()
              .splitToList(Files.readString(Path.of("/proc/loadavg")));
      return f.get(0) + " " + f.get(1) + " " + f.get(2);
    } catch (IOException | RuntimeException e) {
      return String.format(
          Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  /**
   * CPU time of the whole process (every thread: the contestant's, the collector's, the
   * compiler's), which, pinned to one core, other programs on that core do not inflate as they do
   * wall time.
   */
  static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : 0;
  }

  static void resetPeaks() {
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        p.resetPeakUsage();
      }
    }
  }

  static long peakHeapMb() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        sum += p.getPeakUsage().getUsed();
      }
    }
    return sum >> 20;
  }
}
