"""Wire contracts shared by every service: events, the record, topics, headers, segmentation, ids.

Everything a producer and a consumer must agree on lives here and nowhere else.
"""

SCHEMA_VERSION = "1"
PIPELINE_VERSION = "0.1.0"
