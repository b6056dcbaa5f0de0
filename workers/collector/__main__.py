import os

# Prefect's client retries a failing call with back-off (5 times by default: ~30 s), which
# would hide an outage from the collector's own bounded wait (VERIFY_COLLECTOR_PREFECT_WAIT_S).
# Set before prefect is imported; an explicit setting wins.
os.environ.setdefault("PREFECT_CLIENT_MAX_RETRIES", "2")

from workers.collector.service import main

main()
