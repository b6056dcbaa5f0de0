import logging
import os


def setup_logging() -> None:
    level = os.environ.get("VERIFY_LOG_LEVEL", "INFO")
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    # importing prefect (the collector) installs its own root handler at WARNING, which made
    # basicConfig a no-op and hid every INFO line of ours
    logging.getLogger().setLevel(level)
    logging.getLogger("kafka").setLevel(logging.WARNING)
