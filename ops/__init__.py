"""Operations: what is running and how far behind the pipeline is (`verify status`, /metrics)."""
