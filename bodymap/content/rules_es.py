"""``check``'s rules for pages in Spanish (``es/regions``, ``es/topics``).

The red flags, warnings, cautions and corrected claims are the Spanish column of
``rule_table`` (the same rules, in the same tiers, as English; sources in
docs/clinical-review.md), patterns over Spanish text with its accents folded away
(``rules.fold``: write "coagulo", it matches "coágulo"). This module holds the rest: how a
Spanish topic heading names its tier, the words that never belong in "pronto", and the
readability formula.

Everyday Spanish, as MedlinePlus en español and Mayo Clinic en español write for patients:
"orina (pis)", "caca (heces)", "barriga (vientre)", "coágulo de sangre", "pastillas para
orinar (diuréticos)", "falta de aire".

Readability: the Fernández-Huerta index (Fernández Huerta 1959, "Medidas sencillas de
lecturabilidad", Consigna 214), Flesch's reading ease recomputed for Spanish; textstat 0.7.8
computes it (``textstat.fernandez_huerta`` after ``set_lang("es")``, syllables by Pyphen).
Its bands follow Flesch's: 90-100 very easy, 80-90 easy, 70-80 fairly easy, 60-70 standard.
"""

from __future__ import annotations

import re

from bodymap.content.rule_table import ES_LONG_CRAMP, for_language
from bodymap.content.rules import EMERGENCY, SOON, TODAY, LanguageRules

MIN_EASE = 80.0
"""The lowest Fernández-Huerta score a Spanish page may have: the bottom of the "easy" band
("fácil", 80-90; Flesch 1948 / Fernández Huerta 1959), as issue #16 asks."""

LONG_CRAMP = re.compile(ES_LONG_CRAMP, re.I)
_TABLES = for_language("es")
"""The Spanish column of ``rule_table``: the same red flags in the same tiers as English."""

SPANISH_RULES = LanguageRules(
    every_region=_TABLES.every_region,
    region_flags=_TABLES.region_flags,
    not_in_soon=_TABLES.not_in_soon,
    warning_signs=_TABLES.warning_signs,
    self_massage_cautions=_TABLES.self_massage_cautions,
    topic_must_say=_TABLES.topic_must_say,
    topic_tier_headings=(
        (EMERGENCY, re.compile(r"\{emergency\}|emergencia|\bllame\b.*\bahora\b", re.I)),
        (
            TODAY,
            re.compile(
                r"\bhoy\b|mismo dia|de inmediato|enseguida|urgen|cuanto antes|lo antes posible|"
                r"sin esperar|sin demora",
                re.I,
            ),
        ),
        (SOON, re.compile(r"\bpronto\b|uno o dos dias|proximos dias", re.I)),
    ),
    urgent_words=re.compile(
        r"de inmediato|inmediatamente|enseguida|cuanto antes|lo antes posible|ahora mismo|"
        r"sin esperar|sin demora|en el acto|al momento(?! de)|urgen\w*|mismo dia|"
        r"\bhoy\b|emergencia\w*|\{emergency\}|\{same_day\}",
        re.I,
    ),
    twitch=re.compile(r"\btics?\b", re.I),
    two_weeks=re.compile(r"\b(2|dos) semanas\b", re.I),
    long_cramp=LONG_CRAMP,
    cramp=re.compile(r"calambre|espasmo", re.I),
    today=re.compile(r"\bhoy\b", re.I),
    corrected_claims=_TABLES.corrected_claims,
    correction=re.compile(
        r"\b(no|nunca|ni|mito|falso|sin pruebas|no se ha demostrado|ya no|demasiado lent\w*)\b",
        re.I,
    ),
    quinine=re.compile(r"quinina", re.I),
    specialist=re.compile(r"especialista", re.I),
    quinine_must_say=(
        ("that it is no longer a routine treatment", r"(no|ya no)[^.]{0,40}(habitual|rutina)"),
        ("that a doctor may try it for 4 weeks", r"\b(4|cuatro) semanas?\b"),
        ("never to take it unless a doctor prescribed it", r"nunca[^.]{0,40}(medico|recet)"),
    ),
    literal_emergency_number=re.compile(
        r"\b(llam(e|en|ar)|marqu(e|en)|marcar|telefone(e|en|ar))\s+(al\s+|el\s+)?"
        r"(911|999|112|000|111|061)\b",
        re.I,
    ),
    plain_words=(
        (re.compile(r"\bmiccion\w*", re.I), "orinar (hacer pis)"),
        (re.compile(r"\bdeposicion\w*", re.I), "caca"),
        (re.compile(r"\babdom(en|inal)\w*", re.I), "barriga o vientre"),
        (re.compile(r"\btrombo(sis)?\b", re.I), "coágulo de sangre"),
        (re.compile(r"\bdiuretico\w*", re.I), "pastillas para orinar"),
        (re.compile(r"\bhemorragia\w*", re.I), "sangrado"),
        (re.compile(r"\bmiocardio\b", re.I), "ataque al corazón"),
        (re.compile(r"\bdisnea\b", re.I), "falta de aire"),
        (re.compile(r"\bcefalea\b", re.I), "dolor de cabeza"),
    ),
    sentence=re.compile(r"(?<=[.!?])\s+"),
    reading_formula="fernandez_huerta",
    reading_limit=MIN_EASE,
    reading_higher_is_easier=True,
    reading_advice="use frases más cortas y palabras de todos los días (shorter sentences)",
)
"""Everything ``check`` holds a Spanish page to."""
