import logging
import os


def setup_logging() -> None:
    logging.basicConfig(
        level=os.environ.get("VERIFY_LOG_LEVEL", "INFO"),
        format="%(asctime)s %(levelname)s %(name)s %(message)s",
    )
    logging.getLogger("kafka").setLevel(logging.WARNING)
