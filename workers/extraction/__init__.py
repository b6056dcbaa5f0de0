"""Claim extraction: which statements get checked, who stands behind them, figures and dates."""
