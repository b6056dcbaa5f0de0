#!/usr/bin/env bash
# Download the Kafka broker/tools jars + log4j2 from Maven Central into a cache dir
# (default ~/.cache/verify/kafka-libs-<version>, override with KAFKA_LIBS). Skips if populated.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

marker="$KAFKA_LIBS/.complete"
if [[ -f "$marker" ]] && compgen -G "$KAFKA_LIBS/kafka_2.13-$KAFKA_VERSION.jar" >/dev/null; then
  exit 0
fi
command -v mvn >/dev/null || die "mvn not found (apt-get install -y maven)"
command -v java >/dev/null || die "java not found (Kafka $KAFKA_VERSION needs Java 17+: apt-get install -y openjdk-17-jre-headless)"
log "fetching Kafka $KAFKA_VERSION jars into $KAFKA_LIBS"
t0="$(now)"
tmp="$KAFKA_LIBS.tmp.$$"
rm -rf "$tmp"; mkdir -p "$tmp"
trap 'rm -rf "$tmp"' EXIT
mvn -B -q -Dstyle.color=never -f "$INFRA_DIR/kafka/pom.xml" dependency:copy-dependencies \
    -Dkafka.version="$KAFKA_VERSION" -DoutputDirectory="$tmp" \
  || die "maven could not fetch the Kafka jars (see output above)"
touch "$tmp/.complete"
rm -rf "$KAFKA_LIBS"; mv "$tmp" "$KAFKA_LIBS"
trap - EXIT
log "fetched $(ls "$KAFKA_LIBS"/*.jar | wc -l) jars in $(elapsed "$t0")s"
