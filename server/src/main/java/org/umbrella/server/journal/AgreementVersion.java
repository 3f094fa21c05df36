package org.umbrella.server.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;
import org.jspecify.annotations.Nullable;
import org.umbrella.agreement.io.AgreementFiles;
import org.umbrella.agreement.load.AgreementLoader;
import org.umbrella.agreement.load.LoadResult;
import org.umbrella.agreement.load.ResourceResolver;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.ledger.Hashes;
import org.umbrella.server.demo.Demo;

/**
 * An agreement version as it is put in force and journaled: its name ({@code
 * id@version#sha256-of-the-source}, plus what the service changed, such as the demo's ceasefire
 * date), the source text whose hash the name carries, and the text of every file the source names
 * (its GeoJSON places), so that the journal alone is enough to load the version again.
 *
 * @param ref the name every output computed under this version carries
 * @param source the agreement file's text, as put in force (a ledger leaf of {@code agreements})
 * @param resources the text of each file the source names, by the path written in it
 */
public record AgreementVersion(String ref, String source, SortedMap<String, String> resources) {
  /** What the demo appends to a name when it dated the ceasefire the draft leaves undated. */
  public static final String DEMO_CEASEFIRE = "+demo-ceasefire=";

  private static final ObjectMapper JSON = new ObjectMapper();

  public AgreementVersion {
    resources = Collections.unmodifiableSortedMap(new TreeMap<>(resources));
  }

  /**
   * The version of agreement {@code id@version} with text {@code source}, {@code suffix} appended
   * to its name.
   */
  public static AgreementVersion of(
      String id, String version, String source, Map<String, String> resources, String suffix) {
    return new AgreementVersion(
        base(id, version, source) + suffix, source, new TreeMap<>(resources));
  }

  /**
   * {@code id@version#sha256}: the name of a version's bytes before the service changed anything.
   */
  public static String base(String id, String version, String source) {
    return id + "@" + version + "#" + sha256(source);
  }

  /** The hex SHA-256 of {@code source}'s UTF-8 bytes. */
  public static String sha256(String source) {
    return Hashes.hex(Hashes.sha256(source.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * The files {@code source} (the text of {@code file}) names, read relative to {@code file} as the
   * loader reads them: what must be journaled beside the source for the journal to load it.
   */
  public static SortedMap<String, String> resourcesOf(Path file, String source) {
    SortedMap<String, String> read = new TreeMap<>();
    ResourceResolver files = AgreementFiles.relativeTo(file);
    AgreementLoader.load(
        file.toString(),
        source,
        path -> {
          Optional<String> text = files.read(path);
          text.ifPresent(t -> read.put(path, t));
          return text;
        });
    return read;
  }

  /**
   * Loads this version from the journaled text alone.
   *
   * @throws IllegalArgumentException when the text does not load, its hash is not the one the name
   *     carries, or the name carries a change this service cannot make again
   */
  public Agreement load() {
    LoadResult r =
        AgreementLoader.load(ref, source, path -> Optional.ofNullable(resources.get(path)));
    if (!r.isValid()) {
      throw new IllegalArgumentException(
          "agreement version " + ref + " as journaled does not load:\n" + r.toDisplayString());
    }
    return apply(ref, r.agreement(), source);
  }

  /**
   * {@code base} (loaded from {@code source}) with the change the name {@code ref} records, such as
   * the demo's ceasefire date.
   *
   * @throws IllegalArgumentException when {@code ref} is not a name of {@code source}'s version
   */
  public static Agreement apply(String ref, Agreement base, String source) {
    String plain = base(base.id(), base.version().toString(), source);
    if (!ref.startsWith(plain)) {
      throw new IllegalArgumentException(
          "the outputs name " + ref + ", which is not the version " + plain);
    }
    String rest = ref.substring(plain.length());
    if (rest.isEmpty()) {
      return base;
    }
    if (rest.startsWith(DEMO_CEASEFIRE)) {
      return Demo.withCeasefireInForce(
          base, Instant.parse(rest.substring(DEMO_CEASEFIRE.length())));
    }
    throw new IllegalArgumentException(
        "the outputs name " + ref + ", a change to the agreement that cannot be made again");
  }

  /**
   * The agreement named by each output's version name: a version journaled as put in force, loaded
   * from the journal; any other name (a service given no bytes, a journal older than journaled
   * versions) gets {@code fallback}, which may be null.
   */
  public static Function<String, @Nullable Agreement> resolver(
      Jdbi jdbi, @Nullable Agreement fallback) {
    Map<String, AgreementVersion> journaled = new HashMap<>();
    Journal.versions(jdbi).forEach(e -> journaled.put(e.version().ref(), e.version()));
    Map<String, Agreement> loaded = new HashMap<>();
    return ref -> {
      AgreementVersion v = journaled.get(ref);
      return v == null ? fallback : loaded.computeIfAbsent(ref, r -> v.load());
    };
  }

  /**
   * The journal's body for this version put in force, the outputs recorded through entry {@code
   * replayedThrough}.
   */
  String encode(long replayedThrough) {
    ObjectNode n = JSON.createObjectNode();
    n.put("type", "agreement");
    n.put("ref", ref);
    n.put("replayed-through", replayedThrough);
    n.put("source", source);
    ObjectNode files = n.putObject("resources");
    resources.forEach(files::put);
    return n.toString();
  }

  /**
   * A version decoded from a journal body ({@link #encode}), with the entry it was replayed
   * through.
   */
  record Decoded(AgreementVersion version, long replayedThrough) {}

  static Decoded decode(String body, long seq) {
    JsonNode n;
    try {
      n = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "journal entry "
              + seq
              + ": an agreement version that is not JSON: "
              + e.getOriginalMessage(),
          e);
    }
    if (!n.path("ref").isTextual()
        || !n.path("source").isTextual()
        || !n.path("replayed-through").canConvertToLong()) {
      throw new IllegalStateException(
          "journal entry "
              + seq
              + ": an agreement version without ref, source or replayed-through");
    }
    SortedMap<String, String> files = new TreeMap<>();
    n.path("resources").properties().forEach(f -> files.put(f.getKey(), f.getValue().asText()));
    return new Decoded(
        new AgreementVersion(n.get("ref").asText(), n.get("source").asText(), files),
        n.get("replayed-through").asLong());
  }
}
