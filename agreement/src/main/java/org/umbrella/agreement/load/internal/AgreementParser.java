package org.umbrella.agreement.load.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.umbrella.agreement.load.LoadResult;
import org.umbrella.agreement.load.ResourceResolver;
import org.umbrella.agreement.model.Agreement;
import org.umbrella.agreement.model.AgreementRef;
import org.umbrella.agreement.model.AgreementStatus;
import org.umbrella.agreement.model.Basis;
import org.umbrella.diagnostics.YamlDocument;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Parses one agreement file into the model, collecting every issue instead of stopping at the
 * first. Single use: one instance per load.
 *
 * <p>Works in three passes over SnakeYAML's node tree (which keeps each node's line and column):
 * read every section, recording the ids each clause refers to; resolve places into geometry; check
 * the references, cycles and cross-clause rules. The model is built only if no issue was found.
 * Each section has its own parser ({@link HeaderParser}, {@link PartyParser}, {@link PlaceParser},
 * {@link BodyParser}, {@link FindingParser} with {@link ConditionParser}, {@link GuaranteeParser},
 * {@link ProvisionParser}, {@link ConsequenceParser}); {@link ReferenceChecks} runs the checks
 * across them. They share one {@link SectionParser.State}.
 */
public final class AgreementParser extends SectionParser {
  private final String file;
  private final HeaderParser header;
  private final PartyParser partyParser;
  private final PlaceParser placeParser;
  private final BodyParser bodyParser;
  private final FindingParser findingParser;
  private final GuaranteeParser guaranteeParser;
  private final ProvisionParser provisionParser;
  private final ConsequenceParser consequenceParser;
  private final ReferenceChecks references;

  /** Prepares to parse {@code text}, the content of {@code file}. */
  public AgreementParser(String file, String text, ResourceResolver resolver) {
    super(new State(file, text, resolver));
    this.file = file;
    this.header = new HeaderParser(state);
    this.partyParser = new PartyParser(state);
    this.placeParser = new PlaceParser(state);
    this.bodyParser = new BodyParser(state);
    this.findingParser = new FindingParser(state, new ConditionParser(state));
    this.guaranteeParser = new GuaranteeParser(state);
    this.provisionParser = new ProvisionParser(state);
    this.consequenceParser = new ConsequenceParser(state);
    this.references = new ReferenceChecks(state);
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
    Integer format = header.formatVersion(top);
    String id = top.get("id").map(n -> idValue(n, "agreement id")).orElse(null);
    String version = top.get("version").map(n -> nodes.text(n, "version")).orElse(null);
    Optional<AgreementRef> supersedes = top.get("supersedes").flatMap(header::supersedes);
    String title = top.get("title").map(n -> nodes.text(n, "title")).orElse(null);
    AgreementStatus status = top.get("status").map(header::status).orElse(AgreementStatus.DRAFT);
    Optional<String> notice = top.get("notice").map(n -> nodes.text(n, "notice"));
    List<String> bases = Arrays.stream(Basis.values()).map(Basis::label).toList();
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

    sections.getOrDefault("sources", List.of()).forEach(partyParser::source);
    sections.getOrDefault("parties", List.of()).forEach(partyParser::party);
    sections.getOrDefault("places", List.of()).forEach(placeParser::placeSpec);
    sections.getOrDefault("bodies", List.of()).forEach(bodyParser::body);
    sections.getOrDefault("findings", List.of()).forEach(findingParser::finding);
    sections.getOrDefault("guarantees", List.of()).forEach(guaranteeParser::guarantee);
    sections.getOrDefault("provisions", List.of()).forEach(provisionParser::provision);
    sections.getOrDefault("consequences", List.of()).forEach(consequenceParser::consequence);

    references.checkReferences();
    placeParser.resolvePlaces();
    placeParser.checkSwappedPoints();
    placeParser.checkAreas();
    references.checkAggregateCycles();
    references.checkDueCycles();

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
}
