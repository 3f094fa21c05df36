package org.umbrella.bench.agreement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.umbrella.agreement.io.AgreementFiles;
import org.umbrella.agreement.load.AgreementLoader;
import org.umbrella.agreement.load.LoadResult;
import org.umbrella.agreement.load.ResourceResolver;

/**
 * Loading and validating the 20-point framework (parse with positions, every check, CEL
 * compilation, GeoJSON reading, metric buffers and unions), against bare YAML parsing of the same
 * text with Jackson as the peer.
 *
 * <p>Run from the repository root:
 *
 * <pre>
 * ./mvnw -B -q -pl bench -am package -DskipTests
 * java -cp bench/target/classes:$(cat bench/target/classpath.txt) org.openjdk.jmh.Main AgreementLoadBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AgreementLoadBenchmark {
  @Param("examples/ukraine/framework-20pt.agreement.yaml")
  public String file;

  private String text;
  private ResourceResolver inMemory;
  private ObjectMapper yaml;

  @Setup
  public void read() throws IOException {
    Path path = Path.of(file);
    text = Files.readString(path);
    Map<String, String> files = new HashMap<>();
    Path dir =
        Objects.requireNonNull(path.toAbsolutePath().getParent(), "an absolute file has a parent");
    try (var s = Files.walk(dir)) {
      for (Path p :
          s.filter(Files::isRegularFile)
              .filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".geojson"))
              .toList()) {
        files.put(dir.relativize(p).toString(), Files.readString(p));
      }
    }
    inMemory = rel -> Optional.ofNullable(files.get(rel));
    yaml = new ObjectMapper(new YAMLFactory());
    LoadResult check = AgreementLoader.load(file, text, inMemory);
    if (!check.isValid()) {
      throw new IllegalStateException(check.toDisplayString());
    }
  }

  /** Parse, validate and build the model; GeoJSON already in memory. */
  @Benchmark
  public LoadResult loadAndValidate() {
    return AgreementLoader.load(file, text, inMemory);
  }

  /**
   * The same, reading the agreement and its GeoJSON files from disk, as {@code umbrella check}
   * does.
   */
  @Benchmark
  public LoadResult loadFromDisk() {
    return AgreementFiles.load(Path.of(file));
  }

  /** Peer: Jackson parses the YAML into a tree; no positions kept, nothing validated. */
  @Benchmark
  public JsonNode peerJacksonParseOnly() throws IOException {
    return yaml.readTree(text);
  }
}
