# Sourced by ./mvnw and ./umbrella: make JAVA_HOME point at a JDK 21 or newer.
# Umbrella targets Java 21 (records, sealed types, virtual threads); machines often default to an
# older java. Order: a JAVA_HOME that is already 21+, the java on PATH if 21+, then the newest
# JDK 21+ found under the usual install roots. Prints nothing unless nothing suitable is found.
umbrella_java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n 1 | cut -d. -f1
}
umbrella_find_jdk() {
  local want=21 cand major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    major=$(umbrella_java_major "$JAVA_HOME/bin/java"); [ "${major:-0}" -ge $want ] && return 0
  fi
  if command -v javac >/dev/null 2>&1; then
    cand=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    major=$(umbrella_java_major "$cand/bin/java")
    if [ "${major:-0}" -ge $want ]; then export JAVA_HOME="$cand"; return 0; fi
  fi
  for cand in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -x "$cand/bin/javac" ] || continue
    major=$(umbrella_java_major "$cand/bin/java")
    if [ "${major:-0}" -ge $want ] && [ "$major" -gt "$best_major" ]; then best="$cand"; best_major=$major; fi
  done
  if [ -n "$best" ]; then export JAVA_HOME="$best"; return 0; fi
  echo "umbrella: needs a JDK 21 or newer; none found (set JAVA_HOME)." >&2
  return 1
}
umbrella_find_jdk
