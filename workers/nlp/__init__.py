"""Text helpers shared by the workers: Arabic normalisation, language identification, stemming."""
