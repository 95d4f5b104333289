"""The output contract (JSON Schema, XSD), installed as the package pipeline.schemas."""
