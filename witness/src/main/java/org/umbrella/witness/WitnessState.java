package org.umbrella.witness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.umbrella.ledger.LedgerException;
import org.umbrella.ledger.NoteVerifier;
import org.umbrella.ledger.WitnessedLog;

/**
 * The witness's record of each log it serves, in {@code witness-state.json} of its state directory:
 * the keys it trusts for the origin and the latest checkpoint it cosigned. Written to a temporary
 * file, forced to disk and moved into place before a cosignature is returned, so a crash never
 * leaves the witness behind what it signed. Not thread-safe: the server serialises requests.
 */
public final class WitnessState {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final Map<String, WitnessedLog> logs = new LinkedHashMap<>();

  /** The keys configured for each origin at the last start, to tell a changed configuration. */
  private final Map<String, List<String>> configuredKeys = new LinkedHashMap<>();

  private WitnessState(Path file) {
    this.file = file;
  }

  /**
   * Loads the state of {@code stateDir}, and adds the {@code configured} logs (by origin, each with
   * its trusted keys) that it has no record of yet. A log already recorded keeps the keys it
   * recorded while its configured keys are those of the last start: a key rotation the witness
   * followed is not undone by a restart with the old configuration. When the operator configures
   * other keys for it (after a key compromise), the configured keys replace the recorded ones; the
   * size and root it cosigned are kept.
   *
   * @throws WitnessException if the file exists but is not a valid state
   */
  public static WitnessState load(Path stateDir, Map<String, List<NoteVerifier>> configured) {
    WitnessState s = new WitnessState(stateDir.resolve("witness-state.json"));
    try {
      if (Files.exists(s.file)) {
        JsonNode root = JSON.readTree(Files.readString(s.file, StandardCharsets.UTF_8));
        for (JsonNode l : root.path("logs")) {
          List<NoteVerifier> keys = new ArrayList<>();
          l.path("keys").forEach(k -> keys.add(NoteVerifier.parse(k.asText())));
          WitnessedLog log =
              new WitnessedLog(
                  l.path("origin").asText(),
                  keys,
                  l.path("size").asLong(),
                  Base64.getDecoder().decode(l.path("root").asText()),
                  l.path("checkpoint").asText());
          s.logs.put(log.origin(), log);
          List<String> conf = new ArrayList<>();
          l.path("configured").forEach(k -> conf.add(k.asText()));
          s.configuredKeys.put(log.origin(), conf);
        }
      }
    } catch (IOException | LedgerException | IllegalArgumentException e) {
      throw new WitnessException(
          "cannot read the witness state " + s.file + ": " + e.getMessage(), e);
    }
    boolean changed = false;
    for (Map.Entry<String, List<NoteVerifier>> e : configured.entrySet()) {
      List<String> now = e.getValue().stream().map(NoteVerifier::encoded).toList();
      WitnessedLog known = s.logs.get(e.getKey());
      if (known == null) {
        s.logs.put(e.getKey(), WitnessedLog.fresh(e.getKey(), e.getValue()));
      } else if (!now.equals(s.configuredKeys.get(e.getKey()))) {
        s.logs.put(
            e.getKey(),
            new WitnessedLog(
                e.getKey(), e.getValue(), known.size(), known.rootHash(), known.checkpoint()));
        System.err.println(
            "witness: the configured keys of " + e.getKey() + " changed; trusting " + now);
      } else {
        continue;
      }
      s.configuredKeys.put(e.getKey(), now);
      changed = true;
    }
    if (changed) {
      try {
        s.write();
      } catch (IOException e) {
        throw new WitnessException(
            "cannot write the witness state " + s.file + ": " + e.getMessage(), e);
      }
    }
    return s;
  }

  /** The record of the log {@code origin}, if the witness serves it. */
  public Optional<WitnessedLog> log(String origin) {
    return Optional.ofNullable(logs.get(origin));
  }

  /** Every log served. */
  public List<WitnessedLog> logs() {
    return List.copyOf(logs.values());
  }

  /**
   * Records {@code next} and writes the state durably.
   *
   * @throws WitnessException if it cannot be written (the record is then unchanged)
   */
  public void update(WitnessedLog next) {
    WitnessedLog before = logs.put(next.origin(), next);
    try {
      write();
    } catch (IOException e) {
      if (before == null) {
        logs.remove(next.origin());
      } else {
        logs.put(next.origin(), before);
      }
      throw new WitnessException(
          "cannot write the witness state " + file + ": " + e.getMessage(), e);
    }
  }

  private void write() throws IOException {
    ObjectNode root = JSON.createObjectNode();
    var arr = root.putArray("logs");
    for (WitnessedLog l : logs.values()) {
      ObjectNode o = arr.addObject();
      o.put("origin", l.origin());
      var keys = o.putArray("keys");
      l.keys().forEach(k -> keys.add(k.encoded()));
      o.put("size", l.size());
      o.put("root", Base64.getEncoder().encodeToString(l.rootHash()));
      o.put("checkpoint", l.checkpoint());
      var conf = o.putArray("configured");
      configuredKeys.getOrDefault(l.origin(), List.of()).forEach(conf::add);
    }
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(
        tmp,
        JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n",
        StandardCharsets.UTF_8);
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
      ch.force(true);
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
