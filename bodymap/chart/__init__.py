"""A session chart: where it hurts, how much (0-10), what kind and how often; Qt-free.

``model`` holds the chart and its undoable edits, ``fhir`` saves and reads it as a FHIR R4
QuestionnaireResponse, ``compare`` sets two sessions side by side.
"""
