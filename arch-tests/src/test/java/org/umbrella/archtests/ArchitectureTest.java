package org.umbrella.archtests;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Pins the shape in docs/architecture.md: which module may use which, and that the core is pure.
 *
 * <p>The core modules (agreement, engine, negotiation, ledger) decide things; they take values and
 * return values. They must not touch files, sockets, SQL, HTTP, threads, the environment or the
 * system clock. The one sanctioned edge is {@code org.umbrella.agreement.io}, which reads the
 * agreement files the caller names. A fixture class that breaks every rule proves the rules bite.
 */
class ArchitectureTest {

  /** Module package -> the Umbrella modules it may use (besides itself). */
  static final Map<String, List<String>> ALLOWED =
      Map.ofEntries(
          Map.entry("json", List.of()),
          Map.entry("diagnostics", List.of()),
          Map.entry("agreement", List.of("diagnostics")),
          Map.entry("engine", List.of("agreement", "json")),
          Map.entry("evidence", List.of("agreement", "engine", "json")),
          Map.entry("ledger", List.of("json")),
          Map.entry("negotiation", List.of("diagnostics")),
          Map.entry("witness", List.of("json", "ledger")),
          Map.entry("store", List.of("agreement", "engine", "evidence", "json", "ledger")),
          Map.entry(
              "server",
              List.of("agreement", "engine", "evidence", "json", "ledger", "negotiation", "store")),
          Map.entry("stress", List.of("agreement", "engine", "evidence", "json")),
          Map.entry("stream", List.of("agreement", "engine", "json")),
          Map.entry(
              "cli",
              List.of(
                  "agreement",
                  "engine",
                  "evidence",
                  "json",
                  "ledger",
                  "negotiation",
                  "store",
                  "server",
                  "witness",
                  "stress",
                  "stream")));

  static final List<String> CORE =
      List.of("json", "diagnostics", "agreement", "engine", "negotiation", "ledger");

  static JavaClasses production;
  static JavaClasses fixture;

  @BeforeAll
  static void importClasses() {
    production =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("/archtests/"))
            .importPackages("org.umbrella");
    fixture = new ClassFileImporter().importPackages("org.umbrella.archtests.fixture");
  }

  @TestFactory
  List<DynamicTest> modulesDependOnlyDownward() {
    return ALLOWED.entrySet().stream()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.getKey(), () -> dependencyRule(e.getKey(), e.getValue()).check(production)))
        .toList();
  }

  @TestFactory
  List<DynamicTest> coreModulesArePure() {
    return CORE.stream()
        .map(
            m ->
                DynamicTest.dynamicTest(
                    m, () -> purityRule("org.umbrella." + m + "..").check(production)))
        .toList();
  }

  @Test
  void purityRule_catchesEveryKindOfImpurity() {
    EvaluationResult result = purityRule("org.umbrella.archtests.fixture..").evaluate(fixture);
    String report = String.join("\n", result.getFailureReport().getDetails());
    assertThat(report)
        .contains("java.nio.file.Files")
        .contains("java.time.Instant.now")
        .contains("java.lang.System.currentTimeMillis")
        .contains("java.lang.Thread")
        .contains("java.sql.Connection")
        .contains("java.net.Socket")
        .contains("java.lang.System.getenv");
  }

  @Test
  void dependencyRule_catchesAnUpwardDependency() {
    EvaluationResult result = dependencyRule("archtests.fixture", List.of()).evaluate(fixture);
    assertThat(result.hasViolation()).isTrue();
    assertThat(String.join("\n", result.getFailureReport().getDetails()))
        .contains("org.umbrella.cli.UserException");
  }

  /**
   * A rule whose package selects nothing must fail, not pass vacuously: a renamed or moved module
   * package would otherwise leave its rules checking an empty set. (The rules above deliberately do
   * not call {@code allowEmptyShould(true)}.)
   */
  @Test
  void rulesOnAnEmptyPackage_fail() {
    assertThatThrownBy(() -> dependencyRule("renamed", List.of()).check(production))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("failed to check any classes");
    assertThatThrownBy(() -> purityRule("org.umbrella.renamed..").check(production))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("failed to check any classes");
  }

  /**
   * No two main classes share a simple name (issue 16, item 4): a reader who meets {@code Ledger}
   * should not need the import to know which one is meant.
   */
  @Test
  void noTwoMainClasses_shareASimpleName() {
    Map<String, List<String>> byName =
        production.stream()
            .filter(c -> c.isTopLevelClass() && !c.getSimpleName().equals("package-info"))
            .collect(
                Collectors.groupingBy(
                    JavaClass::getSimpleName,
                    TreeMap::new,
                    Collectors.mapping(JavaClass::getName, Collectors.toList())));
    Map<String, List<String>> duplicates = new TreeMap<>(byName);
    duplicates.values().removeIf(names -> names.size() < 2);
    assertThat(duplicates).as("main classes sharing a simple name").isEmpty();
  }

  /** Every module with main sources names other classes only through imports (issue 16, item 4). */
  static final List<String> IMPORTS_ONLY =
      List.of(
          "json",
          "diagnostics",
          "agreement",
          "negotiation",
          "store",
          "engine",
          "ledger",
          "witness",
          "evidence",
          "stress",
          "stream",
          "bench",
          "cli",
          "server");

  static final Pattern INLINE_QUALIFIED_NAME =
      Pattern.compile("(?<![\\w.\"])(?:java|javax|org|com|dev)\\.(?:[a-z0-9_]+\\.)+[A-Z]\\w*");

  @Test
  void coreSources_nameClassesThroughImports_notInlineQualifiedNames() throws IOException {
    List<String> offenders = new ArrayList<>();
    for (String module : IMPORTS_ONLY) {
      Path root = Path.of("..", module, "src", "main", "java");
      assertThat(root).as("sources of %s", module).isDirectory();
      try (Stream<Path> files = Files.walk(root)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          List<String> lines = Files.readAllLines(f);
          for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("import ")
                || line.startsWith("package ")
                || line.startsWith("*")
                || line.startsWith("/*")
                || line.startsWith("//")) {
              continue;
            }
            String code = line.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");
            Matcher m = INLINE_QUALIFIED_NAME.matcher(code);
            if (m.find()) {
              offenders.add(f + ":" + (i + 1) + ": " + m.group());
            }
          }
        }
      }
    }
    assertThat(offenders).as("inline fully-qualified names; import them").isEmpty();
  }

  /** Where a production class may grow: lines as formatted, Javadoc and imports included. */
  static final int SIZE_LIMIT = 520;

  /**
   * No production class over about 500 lines without saying why in its own doc (issue 16, item 3):
   * a file over {@link #SIZE_LIMIT} lines must carry a sentence that starts "Over 500 lines
   * because", so a reader meets the reason where the size is.
   */
  @Test
  void bigClasses_stateWhyTheyAreBig() throws IOException {
    List<String> unexplained = new ArrayList<>();
    for (String module : IMPORTS_ONLY) {
      try (Stream<Path> files = Files.walk(Path.of("..", module, "src", "main", "java"))) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          List<String> lines = Files.readAllLines(f);
          if (lines.size() > SIZE_LIMIT && !statesWhyItIsBig(lines)) {
            unexplained.add(f + " (" + lines.size() + " lines)");
          }
        }
      }
    }
    assertThat(unexplained)
        .as("classes over %d lines without 'Over 500 lines because' in their doc", SIZE_LIMIT)
        .isEmpty();
  }

  static boolean statesWhyItIsBig(List<String> lines) {
    return String.join(" ", lines.stream().map(l -> l.strip().replaceFirst("^\\* ?", "")).toList())
        .contains("Over 500 lines because");
  }

  @Test
  void sizeRule_findsABigClassThatDoesNotSayWhy() {
    List<String> big = new ArrayList<>();
    big.add("/** A class. */");
    for (int i = 0; i < SIZE_LIMIT; i++) {
      big.add("  int f" + i + ";");
    }
    assertThat(statesWhyItIsBig(big)).isFalse();
    assertThat(statesWhyItIsBig(List.of("/**", " * <p>Over 500 lines", " * because of X.", " */")))
        .isTrue();
  }

  /**
   * A module's {@code internal} packages, and the modules besides its own that may use them: the
   * engine's benchmarks measure its revision index and place index directly. This stands in for
   * JPMS exports, which cel-java's split packages rule out (docs/architecture.md).
   */
  static final Map<String, List<String>> INTERNAL_PACKAGES =
      Map.of(
          "engine", List.of("bench"),
          "agreement.load", List.of(),
          "store", List.of(),
          "negotiation", List.of());

  @TestFactory
  Stream<DynamicTest> internalPackagesStayInTheirModule() {
    return INTERNAL_PACKAGES.entrySet().stream()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.getKey() + ".internal",
                    () -> internalRule(e.getKey(), e.getValue()).check(production)));
  }

  /** Without its stated exception the rule finds the benchmarks' use: it is not vacuous. */
  @Test
  void internalRule_findsAUseFromAnotherModule() {
    EvaluationResult result = internalRule("engine", List.of()).evaluate(production);
    assertThat(result.hasViolation()).isTrue();
    assertThat(String.join("\n", result.getFailureReport().getDetails()))
        .contains("org.umbrella.bench.")
        .contains("org.umbrella.engine.internal.");
  }

  static ArchRule internalRule(String owner, List<String> alsoAllowed) {
    String module = owner.contains(".") ? owner.substring(0, owner.indexOf('.')) : owner;
    List<String> allowed = new ArrayList<>();
    allowed.add("org.umbrella." + module + "..");
    alsoAllowed.forEach(m -> allowed.add("org.umbrella." + m + ".."));
    return noClasses()
        .that()
        .resideOutsideOfPackages(allowed.toArray(String[]::new))
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.umbrella." + owner + ".internal..")
        .because(owner + ".internal is " + module + "'s own; use its public API");
  }

  static ArchRule dependencyRule(String module, List<String> allowed) {
    String[] forbidden =
        ALLOWED.keySet().stream()
            .filter(other -> !other.equals(module) && !allowed.contains(other))
            .map(other -> "org.umbrella." + other + "..")
            .toArray(String[]::new);
    return noClasses()
        .that()
        .resideInAPackage("org.umbrella." + module + "..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(forbidden)
        .because(
            module + " may use only " + (allowed.isEmpty() ? "no other Umbrella module" : allowed));
  }

  static ArchRule purityRule(String packages) {
    return noClasses()
        .that()
        .resideInAPackage(packages)
        .and()
        .resideOutsideOfPackage("org.umbrella.agreement.io..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "java.nio.file..",
            "java.nio.channels..",
            "java.sql..",
            "javax.sql..",
            "java.net.http..",
            "io.javalin..",
            "org.eclipse.jetty..",
            "jakarta.servlet..",
            "org.jdbi..",
            "org.postgresql..",
            "com.zaxxer..",
            "picocli..",
            "org.apache.kafka..")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.io.File")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.io.FileInputStream")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.io.FileOutputStream")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.io.FileReader")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.io.FileWriter")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.io.RandomAccessFile")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.net.Socket")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.net.ServerSocket")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.net.URL")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.net.HttpURLConnection")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.lang.Thread")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.util.concurrent.ExecutorService")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("java.util.concurrent.Executors")
        .orShould()
        .callMethod(System.class, "currentTimeMillis")
        .orShould()
        .callMethod(System.class, "nanoTime")
        .orShould()
        .callMethod(System.class, "getenv", String.class)
        .orShould()
        .callMethod(System.class, "getenv")
        .orShould()
        .callMethod(java.time.Instant.class, "now")
        .orShould()
        .callMethod(java.time.LocalDate.class, "now")
        .orShould()
        .callMethod(java.time.LocalDateTime.class, "now")
        .orShould()
        .callMethod(java.time.ZonedDateTime.class, "now")
        .orShould()
        .callMethod(java.time.OffsetDateTime.class, "now")
        .orShould()
        .callMethod(java.time.Clock.class, "systemUTC")
        .orShould()
        .callMethod(java.time.Clock.class, "systemDefaultZone")
        .because(
            "the core is pure: values in, values out; time is passed in (docs/architecture.md)");
  }
}
