package org.umbrella.agreement.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of an agreement, fully loaded and validated: every id it mentions exists in it.
 *
 * <p>Maps are unmodifiable and iterate in file order.
 *
 * @param format the file format version ({@code umbrella: 1})
 * @param id the stable id shared by all versions
 * @param version this version's label
 * @param supersedes the version it replaces, if any
 * @param title the title
 * @param status where it stands
 * @param notice a statement about the text's nature (e.g. "a draft modelled from public
 *     reporting"), if any
 * @param sources cited documents by id
 * @param parties parties by id
 * @param places places by id
 * @param bodies determining bodies by id
 * @param findings finding definitions by id
 * @param guarantees guarantees by id
 * @param provisions provisions by id
 * @param consequences consequences by id
 * @param basis whether the file is the text itself or modelled from sources
 * @param labels where each labelled value comes from (stated or modelled), by path ({@link
 *     ValueLabel}); in file order
 */
public record Agreement(
    int format,
    String id,
    String version,
    Optional<AgreementRef> supersedes,
    String title,
    AgreementStatus status,
    Optional<String> notice,
    Map<String, Source> sources,
    Map<String, Party> parties,
    Map<String, Place> places,
    Map<String, Body> bodies,
    Map<String, Finding> findings,
    Map<String, Guarantee> guarantees,
    Map<String, Provision> provisions,
    Map<String, Consequence> consequences,
    Basis basis,
    Map<String, ValueLabel> labels) {

  /** Creates an agreement; maps are copied, keeping their iteration order. */
  public Agreement {
    sources = ordered(sources);
    parties = ordered(parties);
    places = ordered(places);
    bodies = ordered(bodies);
    findings = ordered(findings);
    guarantees = ordered(guarantees);
    provisions = ordered(provisions);
    consequences = ordered(consequences);
    Objects.requireNonNull(basis, "basis");
    labels = ordered(labels);
  }

  /** The label of the value at {@code path} ({@code bodies.special-commission.quorum}), if any. */
  public Optional<ValueLabel> label(String path) {
    return Optional.ofNullable(labels.get(path));
  }

  /** Whether the value at {@code path} is labelled modelled. */
  public boolean isModelled(String path) {
    ValueLabel l = labels.get(path);
    return l != null && l.isModelled();
  }

  private static <V> Map<String, V> ordered(Map<String, V> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /** This version as a reference: {@code id@version}. */
  public AgreementRef ref() {
    return new AgreementRef(id, version);
  }

  /** The party's name, or the id itself if unknown. */
  public String partyName(String partyId) {
    Party p = parties.get(partyId);
    return p == null ? partyId : p.name();
  }
}
