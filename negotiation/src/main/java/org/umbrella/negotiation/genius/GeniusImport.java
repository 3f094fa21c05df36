package org.umbrella.negotiation.genius;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.umbrella.negotiation.DiscreteIssue;
import org.umbrella.negotiation.Interval;
import org.umbrella.negotiation.InvalidGeniusFileException;
import org.umbrella.negotiation.Location;
import org.umbrella.negotiation.NegotiatedIssue;
import org.umbrella.negotiation.NegotiatingParty;
import org.umbrella.negotiation.NegotiationModel;
import org.umbrella.negotiation.NumericIssue;
import org.umbrella.negotiation.Preference;
import org.umbrella.negotiation.ValueFunction;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Imports a GENIUS domain and its preference profiles as a negotiation model.
 *
 * <p>Discrete issues keep their item values as option names; integer issues become numeric ranges
 * with step 1. Each option's value is its evaluation divided by the issue's largest evaluation
 * (GENIUS's normalisation). Weights are used as written and utility is capped at 1, as GENIUS's
 * {@code AdditiveUtilitySpace} does for a profile loaded from a file (its file constructor does not
 * call {@code normalizeWeights}; {@code getUtility} returns the sum of weight x evaluation, 1 if
 * above); {@link #read(String, String, List, boolean)} renormalises on request. A profile's {@code
 * <reservation>} becomes the reservation value (0 when absent); discount factors are recorded
 * nowhere because analysis is time-free. Issue names are turned into identifiers red lines can use
 * ({@code Social Security} becomes {@code social-security}).
 */
public final class GeniusImport {
  /** A profile's XML text, the name to report it under, and the party id to give it. */
  public record Profile(String party, String xml, String file) {}

  private GeniusImport() {}

  /**
   * Builds the model.
   *
   * @throws InvalidGeniusFileException naming the file and element when the XML does not match the
   *     GENIUS format
   */
  public static NegotiationModel read(String domainXml, String domainFile, List<Profile> profiles) {
    return read(domainXml, domainFile, profiles, false);
  }

  /**
   * Builds the model, renormalising each profile's weights to sum to 1 when {@code renormalise}
   * (GENIUS itself does not, for profiles loaded from files).
   *
   * @throws InvalidGeniusFileException naming the file and element when the XML does not match the
   *     GENIUS format
   */
  public static NegotiationModel read(
      String domainXml, String domainFile, List<Profile> profiles, boolean renormalise) {
    if (profiles.size() < 2) {
      throw new InvalidGeniusFileException(
          "a negotiation needs at least two profiles, got " + profiles.size());
    }
    Element domainObjective = objective(parse(domainXml, domainFile), domainFile);
    List<Element> domainIssues = children(domainObjective, "issue");
    if (domainIssues.isEmpty()) {
      throw new InvalidGeniusFileException(domainFile + ": the objective has no <issue> elements");
    }
    List<NegotiatedIssue> issues = new ArrayList<>();
    List<String> rawNames = new ArrayList<>();
    for (Element e : domainIssues) {
      String raw = e.getAttribute("name");
      rawNames.add(raw);
      String name = slug(raw);
      String type =
          e.getAttribute("type").isEmpty() ? e.getAttribute("etype") : e.getAttribute("type");
      Location at = Location.unknown(domainFile + " issue '" + raw + "'");
      switch (type) {
        case "discrete" ->
            issues.add(
                new DiscreteIssue(
                    name,
                    children(e, "item").stream().map(i -> i.getAttribute("value")).toList(),
                    at));
        case "integer" ->
            issues.add(
                new NumericIssue(
                    name,
                    number(e, "lowerbound", domainFile),
                    number(e, "upperbound", domainFile),
                    1,
                    at));
        default ->
            throw new InvalidGeniusFileException(
                domainFile
                    + ": issue '"
                    + raw
                    + "' has type '"
                    + type
                    + "'; Umbrella imports discrete and integer issues (real-valued issues have no finite option set)");
      }
    }
    List<NegotiatingParty> parties = new ArrayList<>();
    Map<String, Preference> prefs = new LinkedHashMap<>();
    for (Profile prof : profiles) {
      String id = prof.party();
      if (prefs.containsKey(id)) {
        throw new InvalidGeniusFileException(
            prof.file() + ": party id '" + id + "' is used by two profiles");
      }
      parties.add(new NegotiatingParty(id, id, Location.unknown(prof.file())));
      prefs.put(id, profile(prof, issues, rawNames, renormalise));
    }
    String id =
        slug(
            domainObjective.getAttribute("name").isEmpty()
                ? "genius-domain"
                : domainObjective.getAttribute("name"));
    return new NegotiationModel(
        id,
        "imported from GENIUS " + domainFile,
        parties,
        issues,
        prefs,
        List.of(),
        Map.of(),
        domainFile);
  }

  /** The party id GENIUS file names suggest: {@code party1_utility.xml} gives {@code party1}. */
  public static String partyIdFromFileName(String fileName) {
    String base = fileName.replaceAll(".*[/\\\\]", "").replaceAll("\\.xml$", "");
    return base.replaceAll("_utility$", "");
  }

  private static Preference profile(
      Profile prof, List<NegotiatedIssue> issues, List<String> rawNames, boolean renormalise) {
    Element objective = objective(parse(prof.xml(), prof.file()), prof.file());
    Map<String, Element> byIndex = new LinkedHashMap<>();
    for (Element w : children(objective, "weight")) {
      byIndex.put(w.getAttribute("index"), w);
    }
    Map<String, Interval> weights = new LinkedHashMap<>();
    Map<String, ValueFunction> values = new LinkedHashMap<>();
    List<Element> profileIssues = children(objective, "issue");
    for (Element pi : profileIssues) {
      String raw = pi.getAttribute("name");
      int i = rawNames.indexOf(raw);
      if (i < 0) {
        throw new InvalidGeniusFileException(
            prof.file()
                + ": issue '"
                + raw
                + "' is not in the domain (domain issues: "
                + String.join(", ", rawNames)
                + ")");
      }
      NegotiatedIssue issue = issues.get(i);
      Element w = byIndex.get(pi.getAttribute("index"));
      if (w == null) {
        throw new InvalidGeniusFileException(
            prof.file()
                + ": no <weight index=\""
                + pi.getAttribute("index")
                + "\"> for issue '"
                + raw
                + "'");
      }
      weights.put(issue.name(), Interval.point(number(w, "value", prof.file())));
      values.put(
          issue.name(),
          switch (issue) {
            case DiscreteIssue d -> discreteValues(prof.file(), raw, d, pi);
            case NumericIssue n -> integerValues(prof.file(), raw, n, pi);
          });
    }
    for (NegotiatedIssue issue : issues) {
      if (!weights.containsKey(issue.name())) {
        throw new InvalidGeniusFileException(
            prof.file()
                + ": issue '"
                + rawNames.get(issues.indexOf(issue))
                + "' of the domain has no evaluation in this profile");
      }
    }
    double reservation = 0;
    NodeList res =
        objective.getParentNode() instanceof Element parent
            ? parent.getElementsByTagName("reservation")
            : null;
    if (res != null && res.getLength() > 0) {
      reservation = number((Element) res.item(0), "value", prof.file());
    }
    return new Preference(
        prof.party(),
        weights,
        values,
        Interval.point(reservation),
        List.of(),
        List.of(),
        "imported from GENIUS profile " + prof.file(),
        renormalise);
  }

  private static ValueFunction discreteValues(
      String file, String raw, DiscreteIssue d, Element pi) {
    Map<String, Double> eval = new LinkedHashMap<>();
    for (Element item : children(pi, "item")) {
      eval.put(item.getAttribute("value"), number(item, "evaluation", file));
    }
    for (String o : d.options()) {
      Double e = eval.get(o);
      if (e == null) {
        throw new InvalidGeniusFileException(
            file + ": issue '" + raw + "' has no evaluation for item '" + o + "'");
      }
      if (e < 0) {
        throw new InvalidGeniusFileException(
            file + ": issue '" + raw + "' item '" + o + "' has negative evaluation " + e);
      }
    }
    return new ValueFunction.GeniusEvaluations(eval);
  }

  private static ValueFunction integerValues(String file, String raw, NumericIssue n, Element pi) {
    if (pi.hasAttribute("utilityLowestValue") && pi.hasAttribute("utilityHighestValue")) {
      double lo = number(pi, "utilityLowestValue", file);
      double hi = number(pi, "utilityHighestValue", file);
      double max = Math.max(lo, hi);
      return new ValueFunction.PiecewiseLinear(
          List.of(
              new ValueFunction.Knot(n.low(), Interval.point(max == 0 ? 0 : lo / max)),
              new ValueFunction.Knot(n.high(), Interval.point(max == 0 ? 0 : hi / max))));
    }
    throw new InvalidGeniusFileException(
        file
            + ": integer issue '"
            + raw
            + "' needs utilityLowestValue and utilityHighestValue attributes");
  }

  static Document parse(String xml, String file) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setExpandEntityReferences(false);
      DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(null);
      return b.parse(new InputSource(new StringReader(xml)));
    } catch (SAXException e) {
      throw new InvalidGeniusFileException(file + ": not well-formed XML: " + e.getMessage());
    } catch (ParserConfigurationException | IOException e) {
      throw new IllegalStateException("the JDK XML parser is misconfigured", e);
    }
  }

  private static Element objective(Document doc, String file) {
    NodeList spaces = doc.getElementsByTagName("utility_space");
    if (spaces.getLength() == 0) {
      throw new InvalidGeniusFileException(
          file + ": no <utility_space> element; is this a GENIUS domain or profile?");
    }
    List<Element> objectives = children((Element) spaces.item(0), "objective");
    if (objectives.isEmpty()) {
      throw new InvalidGeniusFileException(file + ": <utility_space> has no <objective>");
    }
    return objectives.getFirst();
  }

  static List<Element> children(Element parent, String tag) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(tag)) {
        out.add(e);
      }
    }
    return out;
  }

  private static double number(Element e, String attribute, String file) {
    String v = e.getAttribute(attribute).trim();
    try {
      return Double.parseDouble(v);
    } catch (NumberFormatException ex) {
      throw new InvalidGeniusFileException(
          file
              + ": <"
              + e.getTagName()
              + (e.hasAttribute("name") ? " name=\"" + e.getAttribute("name") + "\"" : "")
              + "> attribute "
              + attribute
              + " must be a number, was '"
              + v
              + "'");
    }
  }

  static String slug(String raw) {
    String s = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    return s.isEmpty() || !Character.isLetter(s.charAt(0)) ? "i-" + s : s;
  }
}
