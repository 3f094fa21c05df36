package org.umbrella.agreement.load.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.umbrella.agreement.load.Keys;
import org.umbrella.agreement.load.LoadResult;
import org.umbrella.agreement.load.ResourceResolver;
import org.umbrella.agreement.model.Action;
import org.umbrella.agreement.model.Activation;
import org.umbrella.agreement.model.ActorFilter;
import org.umbrella.agreement.model.AggregateFinding;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.agreement.model.AgreementRef;
import org.umbrella.agreement.model.AgreementStatus;
import org.umbrella.agreement.model.Basis;
import org.umbrella.agreement.model.Body;
import org.umbrella.agreement.model.Category;
import org.umbrella.agreement.model.Citation;
import org.umbrella.agreement.model.Consequence;
import org.umbrella.agreement.model.Due;
import org.umbrella.agreement.model.Duty;
import org.umbrella.agreement.model.DutyBearers;
import org.umbrella.agreement.model.Expression;
import org.umbrella.agreement.model.Finding;
import org.umbrella.agreement.model.Guarantee;
import org.umbrella.agreement.model.IncidentSchema;
import org.umbrella.agreement.model.MatchFinding;
import org.umbrella.agreement.model.Party;
import org.umbrella.agreement.model.Place;
import org.umbrella.agreement.model.PlaceShape;
import org.umbrella.agreement.model.Provision;
import org.umbrella.agreement.model.Quantity;
import org.umbrella.agreement.model.Recusal;
import org.umbrella.agreement.model.ReviewStatus;
import org.umbrella.agreement.model.Source;
import org.umbrella.agreement.model.TimeSpan;
import org.umbrella.agreement.model.VotingRule;
import org.umbrella.diagnostics.CelMessages;
import org.umbrella.diagnostics.ScalarPositions;
import org.umbrella.diagnostics.Suggestions;
import org.umbrella.diagnostics.YamlDocument;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Parses one agreement file into the model, collecting every issue instead of stopping at the
 * first. Single use: one instance per load.
 *
 * <p>Works in three passes over SnakeYAML's node tree (which keeps each node's line and column):
 * read every section, recording the ids each clause refers to; resolve places into geometry; check
 * the references, cycles and cross-clause rules. The model is built only if no issue was found.
 */
public final class AgreementParser {
  private static final Pattern WHEN_IN_FORCE = Pattern.compile("\\s*(\\S+)\\s+in-force\\s*");
  private static final Pattern FRACTION =
      Pattern.compile("\\s*([0-9]{1,4})\\s*/\\s*([0-9]{1,4})\\s*");

  /** Common names for parties whose ISO 3166 code differs, so "did you mean" can offer the code. */
  private static final Map<String, String> PARTY_ALIASES =
      Map.of(
          "UK", "GB", "USA", "US", "UKR", "UA", "RUS", "RU", "EL", "GR", "FRA", "FR", "GER", "DE",
          "POL", "PL");

  private final String file;
  private final ResourceResolver resolver;
  private final Problems problems;
  private final Nodes nodes;
  private final Labels labels;

  /** What a reference points to, for the "unknown X" message. */
  private enum Kind {
    PARTY("party", "parties"),
    PLACE("place", "places"),
    BODY("body", "bodies"),
    FINDING("finding", "findings"),
    PROVISION("provision", "provisions"),
    SOURCE("source", "sources");

    final String one;
    final String many;

    Kind(String one, String many) {
      this.one = one;
      this.many = many;
    }
  }

  private record Ref(Kind kind, ScalarNode node, String context) {}

  private record PlaceSpec(
      String id,
      ScalarNode key,
      Optional<String> title,
      PlaceShape shape,
      Node shapeNode,
      Optional<String> note,
      List<Citation> cites) {}

  private final List<Ref> refs = new ArrayList<>();
  private final Map<Kind, Set<String>> declared = new HashMap<>();
  private final Map<String, Source> sources = new LinkedHashMap<>();
  private final Map<String, Party> parties = new LinkedHashMap<>();
  private final Map<String, PlaceSpec> placeSpecs = new LinkedHashMap<>();
  private final Map<String, Place> places = new LinkedHashMap<>();
  private final Map<String, Body> bodies = new LinkedHashMap<>();
  private final Map<String, Finding> findings = new LinkedHashMap<>();
  private final Map<String, Guarantee> guarantees = new LinkedHashMap<>();
  private final Map<String, Provision> provisions = new LinkedHashMap<>();
  private final Map<String, Consequence> consequences = new LinkedHashMap<>();

  /** Aggregate finding id -> (finding aggregated, node of the reference), for cycle detection. */
  private final Map<String, Ref> aggregateEdges = new LinkedHashMap<>();

  /** Provision id -> the provision its deadline runs after, for cycle detection. */
  private final Map<String, Ref> dueEdges = new LinkedHashMap<>();

  /** Place id -> nodes where a match uses it as an area. */
  private final List<Ref> areaUses = new ArrayList<>();

  /** Prepares to parse {@code text}, the content of {@code file}. */
  public AgreementParser(String file, String text, ResourceResolver resolver) {
    this.file = file;
    this.resolver = resolver;
    this.problems = new Problems(file, text);
    this.nodes = new Nodes(problems);
    this.labels = new Labels(problems, nodes);
    for (Kind k : Kind.values()) {
      declared.put(k, new java.util.LinkedHashSet<>());
    }
  }

  /** Parses and validates; never throws for a problem in the text. */
  public LoadResult parse() {
    Node root = compose();
    if (root == null) {
      return result(null);
    }
    Nodes.Fields top = nodes.mapping(root, "agreement", "the agreement");
    if (top == null) {
      return result(null);
    }
    Integer format = formatVersion(top);
    String id = top.get("id").map(n -> idValue(n, "agreement id")).orElse(null);
    String version = top.get("version").map(n -> nodes.text(n, "version")).orElse(null);
    Optional<AgreementRef> supersedes = top.get("supersedes").flatMap(this::supersedes);
    String title = top.get("title").map(n -> nodes.text(n, "title")).orElse(null);
    AgreementStatus status = top.get("status").map(this::status).orElse(AgreementStatus.DRAFT);
    Optional<String> notice = top.get("notice").map(n -> nodes.text(n, "notice"));
    List<String> bases = java.util.Arrays.stream(Basis.values()).map(Basis::label).toList();
    Basis basis =
        top.get("basis")
            .map(n -> nodes.choice(n, "basis", bases))
            .flatMap(
                b -> Arrays.stream(Basis.values()).filter(x -> x.label().equals(b)).findFirst())
            .orElse(Basis.TEXT);
    labels.basis(basis);
    for (String required : List.of("umbrella", "id", "version", "title", "parties")) {
      nodes.required(top, required);
    }

    // Declare every id first, so references can point forward.
    Map<String, List<Nodes.Entry>> sections = new LinkedHashMap<>();
    declare(top, "sources", "source", Kind.SOURCE, sections);
    declare(top, "parties", "party", Kind.PARTY, sections);
    declare(top, "places", "place", Kind.PLACE, sections);
    declare(top, "bodies", "body", Kind.BODY, sections);
    declare(top, "findings", "finding", Kind.FINDING, sections);
    declare(top, "guarantees", "guarantee", null, sections);
    declare(top, "provisions", "provision", Kind.PROVISION, sections);
    declare(top, "consequences", "consequence", null, sections);

    sections.getOrDefault("sources", List.of()).forEach(this::source);
    sections.getOrDefault("parties", List.of()).forEach(this::party);
    sections.getOrDefault("places", List.of()).forEach(this::placeSpec);
    sections.getOrDefault("bodies", List.of()).forEach(this::body);
    sections.getOrDefault("findings", List.of()).forEach(this::finding);
    sections.getOrDefault("guarantees", List.of()).forEach(this::guarantee);
    sections.getOrDefault("provisions", List.of()).forEach(this::provision);
    sections.getOrDefault("consequences", List.of()).forEach(this::consequence);

    checkReferences();
    resolvePlaces();
    checkSwappedPoints();
    checkAreas();
    checkAggregateCycles();
    checkDueCycles();

    if (!problems.hasNoErrors()
        || format == null
        || id == null
        || version == null
        || title == null) {
      return result(null);
    }
    return result(
        new Agreement(
            format,
            id,
            version,
            supersedes,
            title,
            status,
            notice,
            sources,
            parties,
            places,
            bodies,
            findings,
            guarantees,
            provisions,
            consequences,
            basis,
            labels.all()));
  }

  private LoadResult result(@Nullable Agreement agreement) {
    if (problems.hasNoErrors() && agreement == null) {
      // Defensive: a missing model without an issue would be a loader bug; report it honestly.
      problems.add(
          1,
          1,
          1,
          "internal",
          "the agreement could not be built (a loader bug; please report it)",
          "",
          "",
          List.of());
    }
    return new LoadResult(
        file,
        problems.hasNoErrors() && agreement != null ? Optional.of(agreement) : Optional.empty(),
        problems.sorted());
  }

  /**
   * Reads a clause's value labels: {@code fields} are the labelable fields to look up, dotted for
   * nested ones.
   */
  private void labels(Nodes.Fields f, String kind, String clausePath, String owner) {
    Map<String, Node> present = new LinkedHashMap<>();
    for (String field : Keys.LABELABLE.getOrDefault(kind, List.of())) {
      String[] parts = field.split("\\.", -1);
      Optional<Node> n = f.get(parts[0]);
      for (int i = 1; i < parts.length && n.isPresent(); i++) {
        n = Labels.child(n.get(), parts[i]);
      }
      n.ifPresent(node -> present.put(field, node));
    }
    labels.read(f, clausePath, owner, Keys.LABELABLE.getOrDefault(kind, List.of()), present);
  }

  // ---------------------------------------------------------------- YAML

  private @Nullable Node compose() {
    YamlDocument.Composed c = YamlDocument.compose(problems.source(), YamlDocument.Limits.DEFAULT);
    c.errors().forEach(problems::add);
    if (c.isEmpty()) {
      problems.add(
          1,
          1,
          1,
          "empty",
          "the file is empty",
          "",
          "an agreement starting with 'umbrella: 1'",
          List.of());
    }
    return c.root();
  }

  // ---------------------------------------------------------------- header

  private @Nullable Integer formatVersion(Nodes.Fields top) {
    Optional<Node> n = top.get("umbrella");
    if (n.isEmpty()) {
      return null;
    }
    org.yaml.snakeyaml.nodes.ScalarNode s =
        nodes.scalar(n.get(), "the format version 'umbrella'", "1");
    if (s == null) {
      return null;
    }
    if (!s.getValue().equals("1")) {
      problems.at(
          s,
          "format-version",
          "unsupported format version '"
              + Nodes.abbreviate(s.getValue())
              + "'; this Umbrella reads format 1",
          s.getValue(),
          "umbrella: 1");
      return null;
    }
    return 1;
  }

  private @Nullable String idValue(Node n, String what) {
    String v = nodes.text(n, what);
    if (v != null && !Nodes.ID.matcher(v).matches()) {
      problems.at(
          n,
          "invalid-id",
          "invalid " + what + " '" + Nodes.abbreviate(v) + "'",
          v,
          "a letter followed by up to 63 letters, digits, '-', '_' or '.'");
      return null;
    }
    return v;
  }

  private Optional<AgreementRef> supersedes(Node n) {
    String v = nodes.text(n, "supersedes");
    if (v == null) {
      return Optional.empty();
    }
    Optional<AgreementRef> ref = AgreementRef.parse(v.strip());
    if (ref.isEmpty()) {
      problems.at(
          n,
          "invalid-value",
          "invalid reference '" + Nodes.abbreviate(v) + "' for supersedes",
          v,
          "id@version, e.g. ua-plan-28pt@2025-11-20");
    }
    return ref;
  }

  private AgreementStatus status(Node n) {
    List<String> labels =
        java.util.Arrays.stream(AgreementStatus.values()).map(AgreementStatus::label).toList();
    String v = nodes.choice(n, "status", labels);
    return Arrays.stream(AgreementStatus.values())
        .filter(x -> x.label().equals(v))
        .findFirst()
        .orElse(AgreementStatus.DRAFT);
  }

  private void declare(
      Nodes.Fields top,
      String section,
      String one,
      @Nullable Kind kind,
      Map<String, List<Nodes.Entry>> out) {
    List<Nodes.Entry> entries =
        top.get(section).map(n -> nodes.entries(n, section, one)).orElse(List.of());
    out.put(section, entries);
    if (kind != null) {
      entries.forEach(e -> declared(kind).add(e.id()));
    }
  }

  // ---------------------------------------------------------------- references

  /** The ids declared of {@code kind} (empty until {@link #declare} adds some). */
  private Set<String> declared(Kind kind) {
    return declared.computeIfAbsent(kind, k -> new LinkedHashSet<>());
  }

  private void ref(Kind kind, ScalarNode node, String context) {
    refs.add(new Ref(kind, node, context));
  }

  private List<String> refs(Kind kind, List<ScalarNode> list, String context) {
    List<String> ids = new ArrayList<>();
    for (ScalarNode s : list) {
      ref(kind, s, context);
      ids.add(s.getValue());
    }
    return ids;
  }

  private void checkReferences() {
    for (Ref r : refs) {
      Set<String> ids = declared(r.kind());
      String id = r.node().getValue();
      if (!ids.contains(id)) {
        List<String> valid = new ArrayList<>(ids);
        String expected =
            valid.isEmpty()
                ? "no " + r.kind().many + " are declared; add one under '" + r.kind().many + ":'"
                : r.kind().many + " are " + Nodes.listing(valid);
        List<String> suggestions = Suggestions.closest(id, valid);
        String alias =
            r.kind() == Kind.PARTY
                ? PARTY_ALIASES.get(id.toUpperCase(java.util.Locale.ROOT))
                : null;
        if (alias != null && ids.contains(alias)) {
          suggestions = List.of(alias);
        }
        problems.at(
            r.node(),
            "unknown-reference",
            "unknown " + r.kind().one + " '" + Nodes.abbreviate(id) + "' in " + r.context(),
            id,
            expected,
            suggestions);
      }
    }
  }

  private List<Citation> cites(Nodes.Fields f, String owner) {
    Optional<Node> n = f.get("cites");
    if (n.isEmpty()) {
      return List.of();
    }
    List<Node> items = n.get() instanceof SequenceNode s ? s.getValue() : List.of(n.get());
    List<Citation> out = new ArrayList<>();
    for (Node item : items) {
      if (item instanceof ScalarNode s && !s.getTag().equals(org.yaml.snakeyaml.nodes.Tag.NULL)) {
        ref(Kind.SOURCE, s, "the citations of " + owner);
        out.add(Citation.of(s.getValue()));
      } else {
        Nodes.Fields c = nodes.mapping(item, "citation", "a citation of " + owner);
        if (c == null) {
          continue;
        }
        Node src = nodes.required(c, "source");
        ScalarNode s = src == null ? null : nodes.scalar(src, "a citation's source", "a source id");
        Optional<String> at = c.get("at").map(a -> nodes.text(a, "a citation's 'at'"));
        if (s != null) {
          ref(Kind.SOURCE, s, "the citations of " + owner);
          out.add(new Citation(s.getValue(), at.filter(x -> x != null)));
        }
      }
    }
    return out;
  }

  private Optional<String> optionalText(Nodes.Fields f, String key, String owner) {
    return f.get(key).map(n -> nodes.text(n, "'" + key + "' of " + owner));
  }

  private ActorFilter actor(Optional<Node> n, String context) {
    if (n.isEmpty()) {
      return ActorFilter.any();
    }
    if (n.get() instanceof ScalarNode s && s.getValue().equals("any")) {
      return ActorFilter.any();
    }
    List<ScalarNode> list = nodes.scalars(n.get(), context);
    return list == null
        ? ActorFilter.any()
        : new ActorFilter.Parties(refs(Kind.PARTY, list, context));
  }

  // ---------------------------------------------------------------- sections

  private void source(Nodes.Entry e) {
    String owner = "source '" + e.id() + "'";
    Nodes.Fields f = nodes.mapping(e.value(), "source", owner);
    if (f == null) {
      return;
    }
    Node t = nodes.required(f, "title");
    String title = t == null ? null : nodes.text(t, "the title of " + owner);
    Optional<LocalDate> date = f.get("date").map(n -> nodes.date(n, "the date of " + owner));
    Optional<String> url =
        f.get("url")
            .map(
                n -> {
                  String u = nodes.text(n, "the url of " + owner);
                  if (u != null && !(u.startsWith("https://") || u.startsWith("http://"))) {
                    problems.at(
                        n,
                        "invalid-value",
                        "the url of "
                            + owner
                            + " must start with https:// or http://, was '"
                            + Nodes.abbreviate(u)
                            + "'",
                        u,
                        "an absolute web address");
                    return null;
                  }
                  return u;
                });
    if (title != null) {
      sources.put(
          e.id(),
          new Source(
              e.id(),
              title,
              date.filter(d -> d != null),
              url.filter(u -> u != null),
              optionalText(f, "publisher", owner),
              optionalText(f, "note", owner)));
    }
  }

  private void party(Nodes.Entry e) {
    String owner = "party '" + e.id() + "'";
    Nodes.Fields f = nodes.mapping(e.value(), "party", owner);
    if (f == null) {
      return;
    }
    Node n = nodes.required(f, "name");
    String name = n == null ? null : nodes.text(n, "the name of " + owner);
    List<Citation> cites = cites(f, owner);
    if (name != null) {
      parties.put(e.id(), new Party(e.id(), name, cites));
    }
  }

  private void placeSpec(Nodes.Entry e) {
    String owner = "place '" + e.id() + "'";
    Nodes.Fields f = nodes.mapping(e.value(), "place", owner);
    if (f == null) {
      return;
    }
    List<String> given = new ArrayList<>();
    for (String k : List.of("geojson", "buffer", "point", "union")) {
      if (f.has(k)) {
        given.add(k);
      }
    }
    Optional<String> title = optionalText(f, "title", owner);
    Optional<String> note = optionalText(f, "note", owner);
    List<Citation> cites = cites(f, owner);
    labels(f, "place", "places." + e.id(), owner);
    if (given.size() != 1) {
      if (given.isEmpty()) {
        problems.at(
            e.value(),
            "missing-key",
            owner + " needs exactly one of geojson, buffer, point or union",
            "",
            "e.g. { point: [37.6176, 55.7558], km: 40 }");
      } else {
        problems.at(
            f.keyNode(given.get(1)),
            "conflicting-keys",
            owner + " has both '" + given.get(0) + "' and '" + given.get(1) + "'; give exactly one",
            given.get(1),
            "one of geojson, buffer, point or union");
      }
      return;
    }
    String kind = given.getFirst();
    boolean needsKm = kind.equals("buffer") || kind.equals("point");
    if (f.has("km") && !needsKm) {
      problems.at(
          f.keyNode("km"),
          "conflicting-keys",
          "'km' applies only to buffer and point places, not to " + kind,
          "km",
          "remove 'km', or use { buffer: other-place, km: 15 }");
      return;
    }
    double km = 0; // read only by buffer and point, which need it
    if (needsKm) {
      Node k = nodes.required(f, "km");
      Double read = k == null ? null : nodes.number(k, "the km of " + owner, 0, 5000);
      if (read == null) {
        return;
      }
      km = read;
    }
    Node shapeNode = f.get(kind).orElseThrow();
    PlaceShape shape =
        switch (kind) {
          case "geojson" -> {
            String path = nodes.text(shapeNode, "the geojson path of " + owner);
            if (path != null
                && (path.startsWith("/")
                    || path.matches("^[A-Za-z]:[\\\\/].*")
                    || path.contains("://"))) {
              problems.at(
                  shapeNode,
                  "file",
                  "the geojson path of "
                      + owner
                      + " must be relative to the agreement file, was '"
                      + Nodes.abbreviate(path)
                      + "'",
                  path,
                  "a relative path such as places/line-of-contact.geojson");
              yield null;
            }
            yield path == null ? null : new PlaceShape.GeoJsonFile(path);
          }
          case "buffer" -> {
            ScalarNode s = nodes.scalar(shapeNode, "the place buffered by " + owner, "a place id");
            if (s == null) {
              yield null;
            }
            ref(Kind.PLACE, s, "the buffer of " + owner);
            yield new PlaceShape.Buffer(s.getValue(), km);
          }
          case "point" -> point(shapeNode, owner, km);
          default -> {
            List<ScalarNode> list = nodes.scalars(shapeNode, "the union of " + owner);
            yield list == null
                ? null
                : new PlaceShape.Union(refs(Kind.PLACE, list, "the union of " + owner));
          }
        };
    if (shape != null) {
      placeSpecs.put(
          e.id(),
          new PlaceSpec(
              e.id(),
              e.key(),
              title.filter(x -> x != null),
              shape,
              shapeNode,
              note.filter(x -> x != null),
              cites));
    }
  }

  private @Nullable PlaceShape point(Node n, String owner, double km) {
    String expected = "[longitude, latitude] in degrees, e.g. [37.6176, 55.7558]";
    if (!(n instanceof SequenceNode seq) || seq.getValue().size() != 2) {
      problems.at(
          n,
          "type",
          "expected [longitude, latitude] for the point of "
              + owner
              + ", found "
              + Nodes.describe(n)
              + (n instanceof SequenceNode s ? " of " + s.getValue().size() : ""),
          Nodes.value(n),
          expected);
      return null;
    }
    Double lon = nodes.between(seq.getValue().get(0), "the longitude of " + owner, -180, 180);
    Double lat = nodes.between(seq.getValue().get(1), "the latitude of " + owner, -90, 90);
    if (lon == null || lat == null) {
      return null;
    }
    return new PlaceShape.Circle(lon, lat, km);
  }

  private void resolvePlaces() {
    Map<String, Integer> state = new HashMap<>(); // 1 = in progress, 2 = done
    for (String id : placeSpecs.keySet()) {
      resolvePlace(id, state, new ArrayList<>());
    }
  }

  private @Nullable Geometry resolvePlace(
      String id, Map<String, Integer> state, List<String> path) {
    Place done = places.get(id);
    if (done != null) {
      return done.geometry();
    }
    PlaceSpec spec = placeSpecs.get(id);
    if (spec == null || state.getOrDefault(id, 0) == 2) {
      return null; // undeclared (reported as a dangling reference) or failed before
    }
    if (state.getOrDefault(id, 0) == 1) {
      List<String> cycle = new ArrayList<>(path.subList(path.indexOf(id), path.size()));
      cycle.add(id);
      problems.at(
          spec.shapeNode(),
          "cycle",
          "places form a cycle: " + String.join(" -> ", cycle),
          id,
          "a place cannot be defined in terms of itself");
      return null;
    }
    state.put(id, 1);
    path.add(id);
    Geometry g = null;
    try {
      g =
          switch (spec.shape()) {
            case PlaceShape.GeoJsonFile file -> {
              Optional<String> content = resolver.read(file.path());
              if (content.isEmpty()) {
                problems.at(
                    spec.shapeNode(),
                    "file",
                    "cannot read GeoJSON file '" + file.path() + "' of place '" + id + "'",
                    file.path(),
                    "a GeoJSON file at that path, relative to the agreement file");
                yield null;
              }
              yield GeoJson.read(file.path(), content.get());
            }
            case PlaceShape.Buffer b -> {
              Geometry base = resolvePlace(b.of(), state, path);
              yield base == null
                  ? null
                  : GeoJson.checked(
                      "buffer of '" + b.of() + "'", LocalProjection.buffer(base, b.km() * 1000));
            }
            case PlaceShape.Circle c -> {
              var point = GeoJson.FACTORY.createPoint(GeoJson.lonLat(id, c.lon(), c.lat()));
              yield LocalProjection.buffer(point, c.km() * 1000);
            }
            case PlaceShape.Union u -> {
              List<Geometry> parts = new ArrayList<>();
              for (String part : u.of()) {
                Geometry p = resolvePlace(part, state, path);
                if (p == null) {
                  yield null;
                }
                parts.add(p);
              }
              yield GeoJson.checked("union", GeoJson.FACTORY.buildGeometry(parts).union());
            }
          };
    } catch (GeoProblem e) {
      problems.at(
          spec.shapeNode(),
          "geometry",
          "place '" + id + "': " + e.getMessage(),
          Nodes.value(spec.shapeNode()),
          "valid GeoJSON in WGS84 longitude/latitude (RFC 7946)");
    } catch (RuntimeException e) {
      // JTS signals robustness failures (TopologyException and others) as runtime exceptions.
      problems.at(
          spec.shapeNode(),
          "geometry",
          "place '" + id + "': impossible geometry: " + e.getMessage(),
          Nodes.value(spec.shapeNode()),
          "valid GeoJSON in WGS84 longitude/latitude (RFC 7946)");
    }
    path.remove(path.size() - 1);
    state.put(id, 2);
    if (g != null) {
      places.put(id, new Place(id, spec.title(), spec.shape(), g, spec.note(), spec.cites()));
    }
    return g;
  }

  private void checkAreas() {
    for (Ref r : areaUses) {
      Place p = places.get(r.node().getValue());
      if (p != null && !p.hasArea()) {
        String what = p.geometry().getDimension() == 1 ? "a line" : "a point";
        problems.at(
            r.node(),
            "geometry",
            "place '"
                + p.id()
                + "' is "
                + what
                + " and has no area, so no incident can fall within it (used in "
                + r.context()
                + ")",
            p.id(),
            "a place with an area, e.g. { buffer: " + p.id() + ", km: 15 }");
      }
    }
  }

  private void body(Nodes.Entry e) {
    String owner = "body '" + e.id() + "'";
    Nodes.Fields f = nodes.mapping(e.value(), "body", owner);
    if (f == null) {
      return;
    }
    Optional<String> title = optionalText(f, "title", owner);
    Node m = nodes.required(f, "members");
    List<ScalarNode> memberNodes = m == null ? null : nodes.scalars(m, "the members of " + owner);
    List<String> members =
        memberNodes == null ? null : refs(Kind.PARTY, memberNodes, "the members of " + owner);
    VotingRule rule = f.get("rule").map(n -> rule(n, owner)).orElse(new VotingRule.Majority());
    Long quorum = null;
    if (members != null) {
      quorum =
          f.get("quorum")
              .map(n -> nodes.integer(n, "the quorum of " + owner, 1, members.size()))
              .orElse((long) (members.size() / 2 + 1));
    }
    String recusal =
        f.get("recusal")
            .map(n -> nodes.choice(n, "recusal of " + owner, List.of("none", "concerned")))
            .orElse("none");
    List<Citation> cites = cites(f, owner);
    labels(f, "body", "bodies." + e.id(), owner);
    if (members != null && rule != null && quorum != null && recusal != null) {
      bodies.put(
          e.id(),
          new Body(
              e.id(),
              title.filter(x -> x != null),
              members,
              rule,
              quorum.intValue(),
              recusal.equals("none") ? Recusal.NONE : Recusal.CONCERNED,
              cites));
    }
  }

  private @Nullable VotingRule rule(Node n, String owner) {
    if (n instanceof ScalarNode) {
      String v =
          nodes.choice(n, "voting rule of " + owner, List.of("majority", "consensus", "unanimity"));
      return v == null
          ? null
          : switch (v) {
            case "majority" -> new VotingRule.Majority();
            case "consensus" -> new VotingRule.Consensus();
            default -> new VotingRule.Unanimity();
          };
    }
    Nodes.Fields f = nodes.mapping(n, "rule", "the voting rule of " + owner);
    if (f == null) {
      return null;
    }
    Node share = nodes.required(f, "at-least");
    ScalarNode s =
        share == null
            ? null
            : nodes.scalar(share, "the share of " + owner, "a fraction such as 2/3");
    if (s == null) {
      return null;
    }
    Matcher m = FRACTION.matcher(s.getValue());
    if (m.matches()) {
      int p = Integer.parseInt(m.group(1));
      int q = Integer.parseInt(m.group(2));
      if (p > 0 && q >= p) {
        return new VotingRule.AtLeast(p, q);
      }
    }
    problems.at(
        s,
        "invalid-value",
        "invalid share '" + Nodes.abbreviate(s.getValue()) + "' for the voting rule of " + owner,
        s.getValue(),
        "a fraction p/q with 0 < p <= q, e.g. 2/3");
    return null;
  }

  private void finding(Nodes.Entry e) {
    String owner = "finding '" + e.id() + "'";
    Nodes.Fields f = nodes.mapping(e.value(), "finding", owner);
    if (f == null) {
      return;
    }
    Optional<String> title = optionalText(f, "title", owner).filter(x -> x != null);
    Optional<String> body =
        f.get("determined-by")
            .map(n -> nodes.scalar(n, "'determined-by' of " + owner, "a body id"))
            .map(
                s -> {
                  ref(Kind.BODY, s, "'determined-by' of " + owner);
                  return s.getValue();
                });
    Optional<TimeSpan> decideWithin =
        f.get("decide-within").map(n -> nodes.span(n, "'decide-within' of " + owner));
    if (f.has("decide-within") && !f.has("determined-by")) {
      problems.at(
          f.keyNode("decide-within"),
          "conflicting-keys",
          "'decide-within' of " + owner + " needs 'determined-by' (a body that decides)",
          "decide-within",
          "add 'determined-by: <body>' or remove 'decide-within'");
    }
    List<Citation> cites = cites(f, owner);
    labels(f, "finding", "findings." + e.id(), owner);
    boolean match = f.has("match");
    boolean over = f.has("over");
    if (match == over) {
      if (match) {
        problems.at(
            f.keyNode("over"),
            "conflicting-keys",
            owner + " has both 'match' and 'over'; give exactly one",
            "over",
            "match (one incident) or over (an aggregate)");
      } else {
        problems.at(
            e.value(),
            "missing-key",
            owner
                + " needs exactly one of 'match' (one incident) or 'over' (an aggregate of another finding)",
            "",
            "match: { kinds: [...] } or over: { finding: ..., window: 72h, at-least: 3 }");
      }
      return;
    }
    Finding parsed =
        match
            ? matchFinding(
                e.id(), f.get("match").orElseThrow(), owner, title, body, decideWithin, cites)
            : aggregateFinding(
                e.id(), f.get("over").orElseThrow(), owner, title, body, decideWithin, cites);
    if (parsed != null) { // a bad 'decide-within' is already a problem (Optional.map drops null)
      findings.put(e.id(), parsed);
    }
  }

  private @Nullable MatchFinding matchFinding(
      String id,
      Node n,
      String owner,
      Optional<String> title,
      Optional<String> body,
      Optional<TimeSpan> decideWithin,
      List<Citation> cites) {
    Nodes.Fields f = nodes.mapping(n, "match", "the match of " + owner);
    if (f == null) {
      return null;
    }
    boolean ok = true;
    List<String> kinds = List.of();
    if (f.has("kinds")) {
      List<ScalarNode> list = nodes.scalars(f.get("kinds").get(), "the kinds of " + owner);
      if (list == null) {
        ok = false;
      } else {
        List<String> out = new ArrayList<>();
        for (ScalarNode s : list) {
          if (IncidentSchema.KINDS.contains(s.getValue())) {
            out.add(s.getValue());
          } else {
            ok = false;
            problems.at(
                s,
                "invalid-value",
                "unknown incident kind '" + Nodes.abbreviate(s.getValue()) + "' in " + owner,
                s.getValue(),
                "one of " + String.join(", ", IncidentSchema.KINDS),
                Suggestions.closest(s.getValue(), IncidentSchema.KINDS));
          }
        }
        kinds = out;
      }
    }
    ReviewStatus status = ReviewStatus.REPORTED;
    if (f.has("status")) {
      String s =
          nodes.choice(
              f.get("status").get(),
              "minimum status of " + owner,
              List.of("reported", "corroborated", "verified"));
      if (s == null) {
        ok = false;
      } else {
        status = ReviewStatus.valueOf(s.toUpperCase(java.util.Locale.ROOT));
      }
    }
    long sources = 1;
    if (f.has("sources")) {
      Long v = nodes.integer(f.get("sources").get(), "the minimum sources of " + owner, 1, 1000);
      ok &= v != null;
      sources = v == null ? 1 : v;
    }
    List<String> within = List.of();
    if (f.has("within")) {
      List<ScalarNode> list = nodes.scalars(f.get("within").get(), "'within' of " + owner);
      if (list == null) {
        ok = false;
      } else {
        within = refs(Kind.PLACE, list, "'within' of " + owner);
        list.forEach(s -> areaUses.add(new Ref(Kind.PLACE, s, "'within' of " + owner)));
      }
    }
    ActorFilter by = actor(f.get("by"), "'by' of " + owner);
    Optional<Expression> when = Optional.empty();
    if (f.has("when")) {
      Expression x =
          expression(
              f.get("when").get(), "the condition of " + owner, IncidentSchema.ResultType.BOOL);
      ok &= x != null;
      when = Optional.ofNullable(x);
    }
    return ok
        ? new MatchFinding(
            id,
            title,
            kinds,
            status,
            (int) sources,
            within,
            by,
            when,
            body,
            decideWithin.filter(x -> x != null),
            cites)
        : null;
  }

  private @Nullable AggregateFinding aggregateFinding(
      String id,
      Node n,
      String owner,
      Optional<String> title,
      Optional<String> body,
      Optional<TimeSpan> decideWithin,
      List<Citation> cites) {
    Nodes.Fields f = nodes.mapping(n, "over", "the aggregate of " + owner);
    if (f == null) {
      return null;
    }
    Node of = nodes.required(f, "finding");
    ScalarNode over =
        of == null ? null : nodes.scalar(of, "the finding aggregated by " + owner, "a finding id");
    if (over != null) {
      Ref r = new Ref(Kind.FINDING, over, "the aggregate of " + owner);
      refs.add(r);
      aggregateEdges.put(id, r);
    }
    ActorFilter by = actor(f.get("by"), "'by' of " + owner);
    Node w = nodes.required(f, "window");
    TimeSpan window = w == null ? null : nodes.span(w, "the window of " + owner);
    AggregateFinding.Threshold threshold = null;
    boolean count = f.has("at-least");
    boolean sum = f.has("sum");
    if (count && sum) {
      problems.at(
          f.keyNode("sum"),
          "conflicting-keys",
          "the aggregate of " + owner + " has both 'at-least' and 'sum'; give exactly one",
          "sum",
          "at-least: N (a count) or sum: { of: ..., at-least: N }");
    } else if (!count && !sum) {
      problems.at(
          n,
          "missing-key",
          "the aggregate of " + owner + " needs 'at-least' (a count) or 'sum'",
          "",
          "at-least: 3, or sum: { of: incident.fatalities.best, at-least: 10 }");
    } else if (count) {
      Long v = nodes.integer(f.get("at-least").get(), "'at-least' of " + owner, 1, 1_000_000);
      threshold = v == null ? null : new AggregateFinding.Threshold.Count(v.intValue());
    } else {
      Nodes.Fields s = nodes.mapping(f.get("sum").get(), "sum", "the sum of " + owner);
      if (s != null) {
        Node ofNode = nodes.required(s, "of");
        Node atLeast = nodes.required(s, "at-least");
        Expression x =
            ofNode == null
                ? null
                : expression(
                    ofNode, "the summed expression of " + owner, IncidentSchema.ResultType.NUMBER);
        Double min =
            atLeast == null
                ? null
                : nodes.number(atLeast, "the sum threshold of " + owner, 0, 1e12);
        threshold = x == null || min == null ? null : new AggregateFinding.Threshold.Sum(x, min);
      }
    }
    OptionalInt distinct = OptionalInt.empty();
    if (f.has("distinct-days")) {
      Long d = nodes.integer(f.get("distinct-days").get(), "'distinct-days' of " + owner, 1, 3660);
      if (d == null) {
        return null;
      }
      if (window != null) {
        long maxDays = (long) Math.ceil(window.approximateHours() / 24.0) + 1;
        if (d > maxDays) {
          problems.at(
              f.get("distinct-days").get(),
              "range",
              "distinct-days "
                  + d
                  + " cannot fit in a "
                  + window
                  + " window (it spans at most "
                  + maxDays
                  + " calendar days)",
              Long.toString(d),
              "at most " + maxDays + ", or a longer window");
          return null;
        }
      }
      distinct = OptionalInt.of(d.intValue());
    }
    if (over == null || window == null || threshold == null) {
      return null;
    }
    return new AggregateFinding(
        id,
        title,
        over.getValue(),
        by,
        window,
        threshold,
        distinct,
        body,
        decideWithin.filter(x -> x != null),
        cites);
  }

  private @Nullable Expression expression(Node n, String what, IncidentSchema.ResultType type) {
    ScalarNode s = nodes.scalar(n, what, "a CEL expression over incident fields");
    if (s == null) {
      return null;
    }
    IncidentSchema.Compilation c = IncidentSchema.compile(s.getValue(), type);
    if (c.ok()) {
      return c.expression();
    }
    String expected =
        type == IncidentSchema.ResultType.BOOL
            ? "a CEL condition that yields bool (see docs/agreement-format.md#conditions)"
            : "a CEL expression that yields int or double (see docs/agreement-format.md#conditions)";
    List<CelMessages.Explained> explained =
        CelMessages.explainAll(
            c.problems().stream()
                .map(p -> new CelMessages.Reported(p.message(), p.line(), p.column()))
                .toList(),
            s.getValue(),
            IncidentSchema.FIELDS.keySet());
    for (CelMessages.Explained x : explained) {
      int[] pos = ScalarPositions.locate(problems.source(), s, x.offset());
      String shownExpected =
          !x.hint().isEmpty()
              ? x.hint()
              : x.message().startsWith("unknown field")
                  ? "one of the incident fields "
                      + String.join(", ", IncidentSchema.FIELDS.keySet())
                  : expected;
      problems.add(
          pos[0],
          pos[1],
          x.width(),
          "condition",
          what + " " + x.verdict() + ": " + x.message(),
          s.getValue(),
          shownExpected,
          x.suggestions());
    }
    return null;
  }

  private void guarantee(Nodes.Entry e) {
    String owner = "guarantee '" + e.id() + "'";
    Nodes.Fields f = nodes.mapping(e.value(), "guarantee", owner);
    if (f == null) {
      return;
    }
    boolean ok = true;
    Optional<String> title = optionalText(f, "title", owner).filter(x -> x != null);
    Optional<String> text = optionalText(f, "text", owner).filter(x -> x != null);
    Node g = nodes.required(f, "guarantors");
    List<ScalarNode> guarantorNodes =
        g == null ? null : nodes.scalars(g, "the guarantors of " + owner);
    List<String> guarantors =
        guarantorNodes == null
            ? null
            : refs(Kind.PARTY, guarantorNodes, "the guarantors of " + owner);
    Node p = nodes.required(f, "protects");
    ScalarNode protects =
        p == null ? null : nodes.scalar(p, "the protected party of " + owner, "a party id");
    if (protects != null) {
      ref(Kind.PARTY, protects, "the protected party of " + owner);
    }
    if (guarantorNodes != null && protects != null) {
      Set<String> seen = new HashSet<>();
      for (ScalarNode s : guarantorNodes) {
        if (s.getValue().equals(protects.getValue())) {
          ok = false;
          problems.at(
              s,
              "guarantor-protected",
              "party '"
                  + s.getValue()
                  + "' is both a guarantor and the protected party of "
                  + owner,
              s.getValue(),
              "guarantors other than the protected party " + protects.getValue());
        } else if (!seen.add(s.getValue())) {
          ok = false;
          problems.at(
              s,
              "duplicate-key",
              "party '" + s.getValue() + "' is listed twice among the guarantors of " + owner,
              s.getValue(),
              "each guarantor once");
        }
      }
    }
    List<String> against = List.of();
    if (f.has("against")) {
      List<ScalarNode> list = nodes.scalars(f.get("against").get(), "'against' of " + owner);
      if (list == null) {
        ok = false;
      } else {
        against = refs(Kind.PARTY, list, "'against' of " + owner);
        for (ScalarNode s : list) {
          boolean isProtected = protects != null && s.getValue().equals(protects.getValue());
          boolean isGuarantor = guarantors != null && guarantors.contains(s.getValue());
          if (isProtected || isGuarantor) {
            ok = false;
            problems.at(
                s,
                "invalid-value",
                "party '"
                    + s.getValue()
                    + "' cannot be both "
                    + (isProtected ? "the protected party" : "a guarantor")
                    + " and a party the "
                    + owner
                    + " is against",
                s.getValue(),
                "parties other than the guarantors and the protected party");
          }
        }
      }
    }
    Node a = nodes.required(f, "activates");
    Activation activates = a == null ? null : activation(a, owner);
    Optional<TimeSpan> term = f.get("term").map(n -> nodes.span(n, "the term of " + owner));
    boolean renewable =
        f.get("renewable")
            .map(n -> nodes.bool(n, "'renewable' of " + owner))
            .map(b -> b != null && b)
            .orElse(false);
    Node t = nodes.required(f, "trigger");
    ScalarNode trigger =
        t == null ? null : nodes.scalar(t, "the trigger of " + owner, "a finding id");
    if (trigger != null) {
      ref(Kind.FINDING, trigger, "the trigger of " + owner);
    }
    List<Duty> duties = new ArrayList<>();
    if (!f.has("duties")) {
      problems.warnAt(
          e.key(),
          "no-duties",
          owner
              + " has no duties: when its trigger is confirmed, no guarantor owes anything it"
              + " could be seen to fulfil or breach",
          e.id(),
          "duties: [{ id: respond, each: guarantor, within: 7d, options: [military] }]");
    }
    if (f.has("duties")) {
      List<Node> items = nodes.sequence(f.get("duties").get(), "the duties of " + owner);
      if (items == null) {
        ok = false;
      } else {
        Map<String, Node> seen = new HashMap<>();
        for (Node item : items) {
          Duty d =
              duty(
                  item,
                  owner,
                  "guarantees." + e.id() + ".duties.",
                  seen,
                  title.orElse("") + " " + text.orElse(""));
          ok &= d != null;
          if (d != null) {
            duties.add(d);
          }
        }
      }
    }
    List<String> voidIf = List.of();
    if (f.has("void-if")) {
      List<ScalarNode> list = nodes.scalars(f.get("void-if").get(), "'void-if' of " + owner);
      ok &= list != null;
      voidIf = list == null ? List.of() : refs(Kind.FINDING, list, "'void-if' of " + owner);
    }
    List<Citation> cites = cites(f, owner);
    labels(f, "guarantee", "guarantees." + e.id(), owner);
    if (ok && guarantors != null && protects != null && activates != null && trigger != null) {
      guarantees.put(
          e.id(),
          new Guarantee(
              e.id(),
              title,
              text,
              guarantors,
              protects.getValue(),
              against,
              activates,
              term,
              renewable,
              trigger.getValue(),
              duties,
              voidIf,
              cites));
    }
  }

  private @Nullable Activation activation(Node n, String owner) {
    Nodes.Fields f = nodes.mapping(n, "activation", "the activation of " + owner);
    if (f == null) {
      return null;
    }
    if (f.has("at") == f.has("when")) {
      problems.at(
          n,
          f.has("at") ? "conflicting-keys" : "missing-key",
          "the activation of "
              + owner
              + " needs exactly one of 'at' (a time) or 'when' (a provision in force)",
          "",
          "{ at: 2026-03-01T00:00:00Z } or { when: ceasefire in-force }");
      return null;
    }
    if (f.has("at")) {
      Instant at = nodes.instant(f.get("at").get(), "the activation of " + owner);
      return at == null ? null : new Activation.At(at);
    }
    ScalarNode s =
        nodes.scalar(f.get("when").get(), "the activation of " + owner, "'<provision> in-force'");
    if (s == null) {
      return null;
    }
    Matcher m = WHEN_IN_FORCE.matcher(s.getValue());
    if (!m.matches()) {
      problems.at(
          s,
          "invalid-value",
          "invalid activation condition '" + Nodes.abbreviate(s.getValue()) + "' of " + owner,
          s.getValue(),
          "'<provision> in-force', e.g. 'ceasefire in-force'");
      return null;
    }
    String provision = m.group(1);
    if (!declared(Kind.PROVISION).contains(provision)) {
      List<String> valid = new ArrayList<>(declared(Kind.PROVISION));
      problems.at(
          s,
          "unknown-reference",
          "unknown provision '" + Nodes.abbreviate(provision) + "' in the activation of " + owner,
          provision,
          valid.isEmpty()
              ? "no provisions are declared; add one under 'provisions:'"
              : "provisions are " + Nodes.listing(valid),
          Suggestions.closest(provision, valid));
      return null;
    }
    return new Activation.WhenInForce(provision);
  }

  private @Nullable Duty duty(
      Node n, String owner, String pathPrefix, Map<String, Node> seen, String guaranteeText) {
    Nodes.Fields f = nodes.mapping(n, "duty", "a duty of " + owner);
    if (f == null) {
      return null;
    }
    Node idNode = nodes.required(f, "id");
    String id = idNode == null ? null : idValue(idNode, "duty id");
    String dutyOwner = id == null ? "a duty of " + owner : "duty '" + id + "' of " + owner;
    if (idNode != null && id != null && seen.containsKey(id)) {
      problems.at(
          idNode,
          "duplicate-key",
          "duplicate duty '"
              + id
              + "' in "
              + owner
              + " (first at line "
              + (seen.get(id).getStartMark().getLine() + 1)
              + ")",
          id,
          "each duty id once per guarantee");
      id = null;
    } else if (id != null) {
      seen.put(id, idNode);
    }
    Optional<String> title = optionalText(f, "title", dutyOwner).filter(x -> x != null);
    DutyBearers each = new DutyBearers.Guarantors();
    if (f.has("each")) {
      Node e = f.get("each").get();
      if (e instanceof ScalarNode s
          && (s.getValue().equals("guarantor") || s.getValue().equals("protected"))) {
        each =
            s.getValue().equals("guarantor")
                ? new DutyBearers.Guarantors()
                : new DutyBearers.Protected();
      } else if (e instanceof ScalarNode s && !declared(Kind.PARTY).contains(s.getValue())) {
        List<String> valid = new ArrayList<>(List.of("guarantor", "protected"));
        valid.addAll(declared(Kind.PARTY));
        problems.at(
            s,
            "invalid-value",
            "'"
                + Nodes.abbreviate(s.getValue())
                + "' is not a valid bearer for 'each' of "
                + dutyOwner,
            s.getValue(),
            "guarantor, protected, or party ids ("
                + Nodes.listing(new ArrayList<>(declared(Kind.PARTY)))
                + ")",
            Suggestions.closest(s.getValue(), valid));
        each = null;
      } else {
        List<ScalarNode> list = nodes.scalars(e, "'each' of " + dutyOwner);
        each =
            list == null
                ? null
                : new DutyBearers.Parties(refs(Kind.PARTY, list, "'each' of " + dutyOwner));
      }
    }
    Optional<TimeSpan> within =
        f.get("within").map(w -> nodes.span(w, "the deadline of " + dutyOwner));
    List<String> options = List.of();
    if (f.has("options")) {
      List<ScalarNode> list = nodes.scalars(f.get("options").get(), "the options of " + dutyOwner);
      options = list == null ? null : list.stream().map(ScalarNode::getValue).toList();
      if (list != null) {
        String named = (guaranteeText + " " + title.orElse("")).toLowerCase(Locale.ROOT);
        for (ScalarNode o : list) {
          warnUnnamedOption(o, dutyOwner, named);
        }
      }
    }
    List<Citation> cites = cites(f, dutyOwner);
    if (id != null) {
      labels(f, "duty", pathPrefix + id, dutyOwner);
    }
    if (id == null || each == null || options == null) {
      return null;
    }
    return new Duty(id, title, each, within, options, cites);
  }

  private void provision(Nodes.Entry e) {
    String owner = "provision '" + e.id() + "'";
    Nodes.Fields f = nodes.mapping(e.value(), "provision", owner);
    if (f == null) {
      return;
    }
    boolean ok = true;
    Node t = nodes.required(f, "title");
    String title = t == null ? null : nodes.text(t, "the title of " + owner);
    Optional<String> text = optionalText(f, "text", owner).filter(x -> x != null);
    Optional<Category> category = Optional.empty();
    if (f.has("category")) {
      List<String> labels =
          java.util.Arrays.stream(Category.values()).map(Category::label).toList();
      String c = nodes.choice(f.get("category").get(), "category of " + owner, labels);
      ok &= c != null;
      category =
          c == null
              ? Optional.empty()
              : Arrays.stream(Category.values()).filter(x -> x.label().equals(c)).findFirst();
    }
    List<String> obligors = List.of();
    if (f.has("obligors")) {
      List<ScalarNode> list = nodes.scalars(f.get("obligors").get(), "the obligors of " + owner);
      ok &= list != null;
      obligors = list == null ? List.of() : refs(Kind.PARTY, list, "the obligors of " + owner);
    }
    Optional<Instant> inForce = Optional.empty();
    if (f.has("in-force")) {
      Instant i = nodes.instant(f.get("in-force").get(), "'in-force' of " + owner);
      ok &= i != null;
      inForce = Optional.ofNullable(i);
    }
    Optional<Due> due = Optional.empty();
    if (f.has("due")) {
      Nodes.Fields d = nodes.mapping(f.get("due").get(), "due", "the deadline of " + owner);
      Due parsed = null;
      if (d != null) {
        Node after = nodes.required(d, "after");
        Node within = nodes.required(d, "within");
        ScalarNode a =
            after == null ? null : nodes.scalar(after, "'after' of " + owner, "a provision id");
        TimeSpan w = within == null ? null : nodes.span(within, "the deadline of " + owner);
        if (a != null) {
          if (a.getValue().equals(e.id())) {
            problems.at(
                a,
                "cycle",
                owner + " cannot be due after itself",
                a.getValue(),
                "another provision, e.g. ceasefire");
            a = null;
          } else {
            ref(Kind.PROVISION, a, "the deadline of " + owner);
            dueEdges.put(e.id(), new Ref(Kind.PROVISION, a, "the deadline of " + owner));
          }
        }
        parsed = a == null || w == null ? null : new Due(a.getValue(), w);
      }
      ok &= parsed != null;
      due = Optional.ofNullable(parsed);
    }
    Optional<Quantity> quantity = Optional.empty();
    if (f.has("quantity")) {
      Quantity q = quantity(f.get("quantity").get(), owner);
      ok &= q != null;
      quantity = Optional.ofNullable(q);
    }
    List<Citation> cites = cites(f, owner);
    labels(f, "provision", "provisions." + e.id(), owner);
    if (ok && title != null) {
      provisions.put(
          e.id(),
          new Provision(e.id(), title, text, category, obligors, inForce, due, quantity, cites));
    }
  }

  private @Nullable Quantity quantity(Node n, String owner) {
    Nodes.Fields f = nodes.mapping(n, "quantity", "the quantity of " + owner);
    if (f == null) {
      return null;
    }
    List<Quantity.Bound> given = new ArrayList<>();
    for (Quantity.Bound b : Quantity.Bound.values()) {
      if (f.has(b.label())) {
        given.add(b);
      }
    }
    if (given.size() != 1) {
      problems.at(
          n,
          given.isEmpty() ? "missing-key" : "conflicting-keys",
          "the quantity of " + owner + " needs exactly one of at-most, at-least or exactly",
          "",
          "e.g. { at-most: 600000, unit: personnel }");
      return null;
    }
    Quantity.Bound bound = given.getFirst();
    Long value =
        nodes.integer(
            f.get(bound.label()).get(),
            "'" + bound.label() + "' of " + owner,
            0,
            Long.MAX_VALUE - 1);
    Node u = nodes.required(f, "unit");
    String unit = u == null ? null : nodes.text(u, "the unit of " + owner);
    return value == null || unit == null ? null : new Quantity(bound, value, unit);
  }

  private void consequence(Nodes.Entry e) {
    String owner = "consequence '" + e.id() + "'";
    Nodes.Fields f = nodes.mapping(e.value(), "consequence", owner);
    if (f == null) {
      return;
    }
    Optional<String> title = optionalText(f, "title", owner).filter(x -> x != null);
    Node o = nodes.required(f, "on");
    ScalarNode on = o == null ? null : nodes.scalar(o, "'on' of " + owner, "a finding id");
    if (on != null) {
      ref(Kind.FINDING, on, "'on' of " + owner);
    }
    ActorFilter by = actor(f.get("by"), "'by' of " + owner);
    Node t = nodes.required(f, "then");
    List<Node> items = t == null ? null : nodes.sequence(t, "then of " + owner);
    List<Action> actions = new ArrayList<>();
    boolean ok = items != null;
    if (t != null && items != null) {
      if (items.isEmpty()) {
        problems.at(
            t,
            "type",
            "then of " + owner + " needs at least one action",
            "",
            "revoke: <provision>, suspend: <provision> or notify: [parties]");
        ok = false;
      }
      for (Node item : items) {
        Action a = action(item, owner);
        ok &= a != null;
        if (a != null) {
          actions.add(a);
        }
      }
    }
    List<Citation> cites = cites(f, owner);
    if (ok && on != null) {
      consequences.put(e.id(), new Consequence(e.id(), title, on.getValue(), by, actions, cites));
    }
  }

  private @Nullable Action action(Node n, String owner) {
    Nodes.Fields f = nodes.mapping(n, "action", "an action of " + owner);
    if (f == null) {
      return null;
    }
    if (f.entries().size() != 1) {
      if (f.entries().size() > 1) {
        problems.at(
            n,
            "conflicting-keys",
            "an action of "
                + owner
                + " must have exactly one key, has "
                + String.join(", ", f.entries().keySet()),
            "",
            "one action per list entry: - revoke: x");
      } else if (((org.yaml.snakeyaml.nodes.MappingNode) n).getValue().isEmpty()) {
        problems.at(
            n,
            "missing-key",
            "an action of " + owner + " is empty",
            "",
            "revoke: <provision>, suspend: <provision> or notify: [parties]");
      }
      return null;
    }
    String key = f.entries().keySet().iterator().next();
    Node v = f.get(key).orElseThrow();
    if (key.equals("notify")) {
      List<ScalarNode> list = nodes.scalars(v, "'notify' of " + owner);
      return list == null
          ? null
          : new Action.Notify(refs(Kind.PARTY, list, "'notify' of " + owner));
    }
    ScalarNode s = nodes.scalar(v, "'" + key + "' of " + owner, "a provision id");
    if (s == null) {
      return null;
    }
    ref(Kind.PROVISION, s, "'" + key + "' of " + owner);
    return key.equals("revoke")
        ? new Action.Revoke(s.getValue())
        : new Action.Suspend(s.getValue());
  }

  /**
   * The responses the format documents for a duty's options (docs/agreement-format.md, "Duties").
   */
  private static final List<String> DOCUMENTED_OPTIONS =
      List.of("military", "economic", "diplomatic");

  /**
   * Warns about a duty option that no text names: neither a documented response nor a word of the
   * duty's or the guarantee's title or text. Options are open words, matched exactly against the
   * decision a guarantor reports, so a misspelt one silently makes the duty impossible to fulfil.
   */
  private void warnUnnamedOption(ScalarNode option, String dutyOwner, String named) {
    String o = option.getValue();
    if (DOCUMENTED_OPTIONS.contains(o)
        || Pattern.compile("\\b" + Pattern.quote(o.toLowerCase(Locale.ROOT)) + "\\b")
            .matcher(named)
            .find()) {
      return;
    }
    problems.warnAt(
        option,
        "unnamed-option",
        "option '"
            + Nodes.abbreviate(o)
            + "' of "
            + dutyOwner
            + " is named by no text: not a documented response, and not a word of the duty's or"
            + " the guarantee's title or text",
        o,
        "a documented response ("
            + String.join(", ", DOCUMENTED_OPTIONS)
            + "), or say in the duty's title what it means",
        Suggestions.closest(o, DOCUMENTED_OPTIONS));
  }

  /**
   * Warns about points whose longitude and latitude look swapped: the point falls outside the
   * region the agreement's other places cover, and the swapped point falls inside. (A swapped point
   * is accepted as valid coordinates and then matches no incident.)
   */
  private void checkSwappedPoints() {
    for (PlaceSpec spec : placeSpecs.values()) {
      if (!(spec.shape() instanceof PlaceShape.Circle c)) {
        continue;
      }
      Envelope region = new Envelope();
      for (Place p : places.values()) {
        if (!p.id().equals(spec.id()) && !(p.shape() instanceof PlaceShape.Circle)) {
          region.expandToInclude(p.geometry().getEnvelopeInternal());
        }
      }
      if (region.isNull()
          || region.contains(c.lon(), c.lat())
          || !region.contains(c.lat(), c.lon())) {
        continue;
      }
      problems.warnAt(
          spec.shapeNode(),
          "swapped-coordinates",
          "the point of place '"
              + spec.id()
              + "' lies outside the region of the agreement's other places, but with its two"
              + " numbers swapped it lies inside: a point is [longitude, latitude]",
          Nodes.value(spec.shapeNode()),
          "[" + GeoJson.round(c.lat()) + ", " + GeoJson.round(c.lon()) + "]",
          List.of());
    }
  }

  // ---------------------------------------------------------------- cycles

  private void checkAggregateCycles() {
    cycles(
        aggregateEdges,
        "aggregate findings form a cycle: ",
        "an aggregate over a match finding, or over an aggregate that does not lead back");
  }

  private void checkDueCycles() {
    cycles(
        dueEdges,
        "provision deadlines form a cycle: ",
        "a chain of deadlines that starts from a provision without 'due'");
  }

  /**
   * Reports each cycle of a functional graph (one edge per node) once, at its first edge in file
   * order.
   */
  private void cycles(Map<String, Ref> edges, String message, String expected) {
    Set<String> reported = new HashSet<>();
    for (String start : edges.keySet()) {
      List<String> path = new ArrayList<>();
      String current = start;
      while (current != null && edges.containsKey(current) && !path.contains(current)) {
        path.add(current);
        current = edges.get(current).node().getValue();
      }
      if (current == null || !path.contains(current) || !current.equals(start)) {
        continue;
      }
      if (reported.contains(start)) {
        continue;
      }
      reported.addAll(path);
      List<String> cycle = new ArrayList<>(path);
      cycle.add(start);
      Ref edge = edges.get(start);
      problems.at(
          edge.node(),
          "cycle",
          message + String.join(" -> ", cycle),
          edge.node().getValue(),
          expected);
    }
  }
}
