"""Ingestion of landing files into the raw schema: decode, validate, pseudonymise, load."""
