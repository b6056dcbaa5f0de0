#!/usr/bin/env bash
# Create the pipeline topics idempotently (replication factor 1) and check partition counts.
#   articles.submitted, results.extraction, results.sources, results.xref : $VERIFY_PARTITIONS (default 6)
#       -- co-partitioned, keyed by article_id: they MUST have the same partition count
#   verify.records : 3      verify.dlq : 1      archive.added : 1 (the re-check consumer is one process)
# Already there: a stdlib python Metadata probe answers in ~50 ms, no JVM.
# Otherwise (JDK present): ONE JVM running Topics.java (Admin client) -- ~3 s.
# Fallback (JRE only, no javac): kafka's TopicCommand, one --describe + parallel --create (~9 s).
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

BOOTSTRAP="127.0.0.1:$KAFKA_PORT"
P="${VERIFY_KAFKA_TOPIC_PREFIX:-}"   # a namespace, e.g. "staging." (same setting as the services)
declare -A WANT=(
  ["${P}articles.submitted"]="$VERIFY_PARTITIONS"
  ["${P}results.extraction"]="$VERIFY_PARTITIONS"
  ["${P}results.sources"]="$VERIFY_PARTITIONS"
  ["${P}results.xref"]="$VERIFY_PARTITIONS"
  ["${P}verify.records"]=3
  ["${P}verify.dlq"]=1
  ["${P}archive.added"]=1
)

topic_cmd() {
  java -XX:TieredStopAtLevel=1 -cp "$KAFKA_LIBS/*" \
    -Dlog4j2.configurationFile="$INFRA_DIR/kafka/tools-log4j2.properties" \
    org.apache.kafka.tools.TopicCommand --bootstrap-server "$BOOTSTRAP" "$@"
}

# existing topics -> partition count, from one --describe call
describe() {
  local regex; regex="$(printf '%s|' "${!WANT[@]}" | sed 's/\./\\./g; s/|$//')"
  topic_cmd --describe --topic "$regex" 2>/dev/null \
    | sed -n 's/^Topic: \([^[:space:]]*\).*PartitionCount: \([0-9]*\).*/\1 \2/p' || true
}

t0="$(now)"
summary() { for t in $(printf '%s\n' "${!WANT[@]}" | sort); do printf '%s=%s ' "$t" "${WANT[$t]}"; done; }
mismatch="partition counts differ from the wanted ones (co-partitioned topics must match VERIFY_PARTITIONS=$VERIFY_PARTITIONS). Recreate with: KAFKA_CLEAN=1 infra/kafka/start.sh && infra/kafka/topics.sh"
specs=(); for t in "${!WANT[@]}"; do specs+=("$t=${WANT[$t]}"); done

# no JVM at all when everything is already there (stdlib Metadata probe, ~50 ms)
rc=0; python3 "$INFRA_DIR/kafka/probe.py" "$BOOTSTRAP" "${specs[@]}" || rc=$?
case "$rc" in
  0) log "topics ok (all existed) in $(elapsed "$t0")s: $(summary)"; exit 0 ;;
  1) die "Kafka is not answering on $BOOTSTRAP (run infra/kafka/start.sh)" ;;
  2) die "$mismatch" ;;
esac

if command -v javac >/dev/null && [[ "${TOPICS_USE_TOPICCOMMAND:-0}" != 1 ]]; then
  rc=0
  out="$(java -XX:TieredStopAtLevel=1 -cp "$KAFKA_LIBS/*" \
          -Dlog4j2.configurationFile="$INFRA_DIR/kafka/tools-log4j2.properties" \
          "$INFRA_DIR/kafka/Topics.java" "$BOOTSTRAP" "${specs[@]}")" || rc=$?
  case "$rc" in
    0) log "topics ok in $(elapsed "$t0")s: $out"; exit 0 ;;
    2) die "$mismatch" ;;
    *) die "topic creation failed (rc=$rc)" ;;
  esac
fi

declare -A HAVE=()
while read -r t n; do [[ -n "$t" ]] && HAVE[$t]="$n"; done < <(describe)

pids=(); created=()
for t in "${!WANT[@]}"; do
  [[ -n "${HAVE[$t]:-}" ]] && continue
  topic_cmd --create --if-not-exists --topic "$t" --partitions "${WANT[$t]}" --replication-factor 1 \
    >"$LOG_DIR/topics-$t.log" 2>&1 &
  pids+=("$!"); created+=("$t")
done
fail=0
for i in "${!pids[@]}"; do
  if ! wait "${pids[$i]}"; then
    fail=1; echo "creating ${created[$i]} failed:" >&2; cat "$LOG_DIR/topics-${created[$i]}.log" >&2
  fi
  rm -f "$LOG_DIR/topics-${created[$i]}.log"
done
(( fail == 0 )) || die "topic creation failed"
for t in "${created[@]}"; do HAVE[$t]="${WANT[$t]}"; done

bad=0
for t in "${!WANT[@]}"; do
  if [[ "${HAVE[$t]}" != "${WANT[$t]}" ]]; then
    bad=1; log "topic $t has ${HAVE[$t]} partitions, expected ${WANT[$t]}"
  fi
done
(( bad == 0 )) || die "$mismatch"
log "topics ok (TopicCommand; ${#created[@]} created, $(( ${#WANT[@]} - ${#created[@]} )) existed) in $(elapsed "$t0")s: $(summary)"
