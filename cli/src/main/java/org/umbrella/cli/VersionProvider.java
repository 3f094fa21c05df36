package org.umbrella.cli;

import picocli.CommandLine.IVersionProvider;

/** Reports the version Maven stamped into the jar manifest, and the Java runtime. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Umbrella.class.getPackage().getImplementationVersion();
    return new String[] {
      "umbrella " + (version == null ? "(development build)" : version),
      "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
    };
  }
}
