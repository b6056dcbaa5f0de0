"""Keep the latest status of every claim from verify.records (kafka-python).

python examples/consumer.py [BOOTSTRAP] [TOPIC] [IDLE_S]  # prints the statuses once idle
"""

import json
import sys

from kafka import KafkaConsumer

args = sys.argv[1:] + ["127.0.0.1:9092", "verify.records", "10"][len(sys.argv) - 1 :]
consumer = KafkaConsumer(
    args[1], bootstrap_servers=args[0], auto_offset_reset="earliest",
    consumer_timeout_ms=int(float(args[2]) * 1000),
)  # fmt: skip
versions: dict[str, int] = {}  # article id -> highest version seen
latest: dict[str, str] = {}  # "article id/claim id" -> status
for message in consumer:
    version = int(dict(message.headers).get("record-version", b"0"))  # skip without parsing
    if version < versions.get(message.key.decode(), 0):
        continue  # an older version arriving late (a replay): keep the newer one
    record = json.loads(message.value)
    versions[record["article_id"]] = record["version"]
    for claim in record["claims"]:
        latest[f"{record['article_id']}/{claim['claim_id']}"] = claim["status"]
print(json.dumps(latest, ensure_ascii=False, indent=1))
