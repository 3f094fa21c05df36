package org.umbrella.agreement.model;

/**
 * The subject of a provision, after the PA-X peace agreement database's broad categories,
 * simplified for security settlements.
 */
public enum Category {
  SECURITY("security"),
  MILITARY("military"),
  TERRITORIAL("territorial"),
  HUMANITARIAN("humanitarian"),
  ECONOMIC("economic"),
  POLITICAL("political"),
  JUSTICE("justice"),
  NUCLEAR("nuclear"),
  MONITORING("monitoring"),
  IMPLEMENTATION("implementation");

  private final String label;

  Category(String label) {
    this.label = label;
  }

  /** The spelling in files. */
  public String label() {
    return label;
  }

  @Override
  public String toString() {
    return label;
  }
}
