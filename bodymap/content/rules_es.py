"""``check``'s rules for pages in Spanish (``es/regions``, ``es/topics``).

The same red flags, in the same tiers, as the English rules (``checks.py``; sources in
docs/clinical-review.md), written as patterns over Spanish text with its accents folded away
(``rules.fold``: write "coagulo", it matches "coágulo"). Each flag's ``what`` is the English
description, so the report the clinic owner reads names the same sign in both languages.

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

from bodymap.content.rules import EMERGENCY, SOON, TODAY, Claim, Flag, LanguageRules, MustSay

MIN_EASE = 80.0
"""The lowest Fernández-Huerta score a Spanish page may have: the bottom of the "easy" band
("fácil", 80-90; Flesch 1948 / Fernández Huerta 1959), as issue #16 asks."""

DONT_MASSAGE = r"no (se )?(de|haga|reciba) (un |ningun )?masaje|no (se )?masajee|no dar masaje"
LONG_CRAMP = re.compile(r"mas de (10|diez) minutos", re.I)
DARK_PEE = r"\b(orina|pis)\b[^.]{0,40}(oscur|marron|cola)|(oscur|marron)[^.]{0,40}\b(orina|pis)\b"
BREATH = r"respir|falta (de|el) aire|le falta el aire"
BOTH_LEGS = r"ambas piernas|las dos piernas"
SUDDEN = r"repentin|de repente|de golpe"
NUMB = r"entumec|adormec|dormid"

EVERY_REGION: tuple[Flag, ...] = (
    Flag(
        TODAY,
        "muscle breakdown: bad muscle pain or weakness with dark pee",
        (DARK_PEE, r"debil|dolor"),
    ),
    Flag(
        EMERGENCY,
        "severe muscle breakdown: dark pee with very little or no pee, or confusion",
        (DARK_PEE, r"muy poc|nada|confu"),
    ),
    Flag(TODAY, "muscle pain or cramps on a statin", (r"estatina",)),
    Flag(
        TODAY,
        "cramps after losing a lot of fluid (being sick, diarrhoea, sweating)",
        (r"liquido", r"vomit|diarrea"),
    ),
    Flag(
        EMERGENCY,
        "heatstroke: cramps in the heat that do not ease within 30 minutes",
        (r"calor", r"30 minutos"),
    ),
    Flag(
        SOON,
        "cramps that began after a new medicine",
        (r"(nuev|empez\w*|comenz\w*)[^.]{0,30}(medicamento|medicina)",),
    ),
    Flag(SOON, "a twitch that lasts more than 2 weeks", (r"\btics?\b", r"\b(2|dos) semanas\b")),
)

REGION_FLAGS: dict[str, tuple[Flag, ...]] = {
    "foot": (
        Flag(EMERGENCY, "a foot that suddenly goes cold, pale or blue", (r"fri|palid|azul",)),
        Flag(
            EMERGENCY,
            "stiff muscles or a stiff jaw after a wound (tetanus)",
            (r"rigid|mandibula", r"herida|corte"),
        ),
        Flag(
            EMERGENCY,
            "diabetes with a foot problem and a high temperature (sepsis)",
            (r"diabet", r"fiebre|temperatura|escalofrio"),
        ),
        Flag(
            TODAY,
            "diabetes with a new wound, blister or sore on the foot",
            (r"diabet", r"herida|ampolla|llaga|ulcera|corte"),
        ),
        Flag(TODAY, "a cramp that lasts more than 10 minutes", (LONG_CRAMP.pattern,)),
        Flag(TODAY, "a dirty wound when tetanus jabs may not be up to date", (r"tetanos|vacuna",)),
        Flag(TODAY, "red, hot, swollen skin (cellulitis)", (r"roj", r"calient", r"hinchad")),
        Flag(
            SOON, "cramps that come on when you walk and stop when you rest", (r"camin", r"descans")
        ),
        Flag(SOON, "cramps with numbness or swelling", (rf"{NUMB}|hinch",)),
    ),
    "calf": (
        Flag(
            EMERGENCY,
            "a painful or swollen leg with breathlessness or chest pain, and 'do not massage'",
            (BREATH, r"pecho", DONT_MASSAGE),
        ),
        Flag(
            EMERGENCY,
            "a tight, hard calf after an injury or hard exercise (compartment syndrome)",
            (r"tens|dur", r"lesion|golpe|ejercicio|yeso|venda"),
        ),
        Flag(EMERGENCY, "a leg that suddenly goes cold, pale or blue", (r"fri|palid|azul",)),
        Flag(
            TODAY,
            "a possible blood clot: one calf swollen, warm or red, with 'do not massage'",
            (r"\buna (pierna|pantorrilla)", r"hinch", r"calor|calient|roj|oscur", DONT_MASSAGE),
        ),
        Flag(TODAY, "a red, swollen leg in pregnancy", (r"embaraz", r"roj|hinch")),
        Flag(
            TODAY,
            "a snap or a kicked feeling (torn Achilles tendon or calf)",
            (r"chasquido|patada",),
        ),
        Flag(TODAY, "a cramp that lasts more than 10 minutes", (LONG_CRAMP.pattern,)),
        Flag(SOON, "calf pain when you walk that stops when you rest", (r"camin", r"descans")),
    ),
    "back": (
        Flag(EMERGENCY, "numbness around the genitals or bottom", (r"genital|nalga|trasero",)),
        Flag(
            EMERGENCY, "trouble peeing or controlling pee or poo", (r"orina|\bpis\b", r"\bcaca\b")
        ),
        Flag(EMERGENCY, "pain, weakness or numbness in both legs", (BOTH_LEGS,)),
        Flag(EMERGENCY, "new problems with erections or feeling during sex", (r"ereccion|sexual",)),
        Flag(EMERGENCY, "back pain with chest pain", (r"pecho",)),
        Flag(
            EMERGENCY, "back pain after a serious accident or fall", (r"accidente|choque", r"caida")
        ),
        Flag(
            EMERGENCY,
            "sudden severe back or belly pain with faintness (aortic aneurysm)",
            (rf"{SUDDEN}|muy fuerte", r"desmay|mare|sud|colaps"),
        ),
        Flag(EMERGENCY, "tearing or ripping pain (aortic dissection)", (r"desgarr|rasg",)),
        Flag(TODAY, "back pain with a high temperature", (r"fiebre|temperatura",)),
        Flag(TODAY, "weight loss without trying", (r"\bpeso\b",)),
        Flag(TODAY, "a lump or a change in the shape of the back", (r"bulto|forma",)),
        Flag(TODAY, "pain worse at night or not easing with rest", (r"noche|descans",)),
        Flag(TODAY, "pain worse when you cough, sneeze or poo", (r"\btos|estornud",)),
        Flag(TODAY, "pain between the shoulder blades", (r"omoplatos|paletillas",)),
        Flag(TODAY, "new back pain after cancer", (r"cancer",)),
    ),
    "neck": (
        Flag(
            EMERGENCY,
            "a stiff neck with a high temperature or a rash (meningitis)",
            (r"cuello rigido", r"fiebre|temperatura", r"sarpullido|erupcion|manchas"),
        ),
        Flag(
            EMERGENCY,
            "neck pain after a crash or fall, keeping the neck still",
            (r"choque|caida|accidente", r"quiet|inmovil"),
        ),
        Flag(
            EMERGENCY,
            "sudden weakness, speech or vision problems (stroke or a torn neck artery)",
            (SUDDEN, r"cara|brazo|hablar|tragar|vision doble"),
        ),
        Flag(
            EMERGENCY, "neck or jaw pain with chest pain (heart attack)", (r"mandibula", r"pecho")
        ),
        Flag(EMERGENCY, "fainting or dizziness that does not go away", (r"desmay|mare",)),
        Flag(
            TODAY,
            "pins and needles or numbness after a neck injury",
            (rf"hormigue|{NUMB}", r"lesion|golpe|choque"),
        ),
        Flag(
            TODAY,
            "neck pain with a high temperature, weight loss or cancer",
            (r"fiebre|temperatura|\bpeso\b|cancer",),
        ),
        Flag(SOON, "neck pain that is no better after a couple of weeks", (r"semanas",)),
    ),
    "chest": (
        Flag(
            EMERGENCY, "tight, heavy or squeezing chest pain", (r"opresion|pesadez|apret|presion",)
        ),
        Flag(EMERGENCY, "pain spreading to the arm, jaw, neck or back", (r"brazo", r"mandibula")),
        Flag(EMERGENCY, "chest pain with breathlessness", (BREATH,)),
        Flag(EMERGENCY, "a heart attack that feels like indigestion", (r"indigestion",)),
        Flag(
            EMERGENCY,
            "sharp pain on breathing in (clot in the lung)",
            (r"tomar aire|respirar hondo", r"coagulo|sangre"),
        ),
        Flag(EMERGENCY, "a collapsed lung", (r"pulmon colapsado|un lado",)),
        Flag(EMERGENCY, "tearing or ripping pain going through to the back", (r"desgarr|rasg",)),
        Flag(EMERGENCY, "chest pain with fainting or collapse", (r"desmay|colaps",)),
        Flag(
            TODAY,
            "chest pain that no doctor has checked",
            (r"va y viene|ningun medico (lo )?ha revisado|no (se )?(lo )?ha revisado",),
        ),
    ),
    "stomach": (
        Flag(EMERGENCY, "sudden, severe belly pain", (SUDDEN, r"fuerte|intens")),
        Flag(EMERGENCY, "pain that spreads across the belly (appendicitis)", (r"extiend",)),
        Flag(EMERGENCY, "a belly that hurts to touch", (r"tocar|apretar",)),
        Flag(EMERGENCY, "being sick with blood", (r"vomit", r"sangre|cafe")),
        Flag(EMERGENCY, "black or bloody poo", (r"negr|sangre", r"\bcaca\b")),
        Flag(EMERGENCY, "not able to pee, poo or pass wind (blocked bowel)", (r"gases|pedos",)),
        Flag(
            EMERGENCY,
            "a hernia that goes firm or will not push back",
            (r"hernia|bulto", r"dur|no vuelve|empuj"),
        ),
        Flag(
            EMERGENCY,
            "sudden belly pain in pregnancy with fainting (ectopic pregnancy)",
            (r"embaraz", r"desmay|mare"),
        ),
        Flag(EMERGENCY, "belly pain with diabetes and being sick", (r"diabet", r"vomit")),
        Flag(TODAY, "belly pain that gets worse over a few hours", (r"empeora", r"horas|rapid")),
        Flag(
            TODAY,
            "belly pain on one side or bleeding in early pregnancy",
            (r"embaraz", r"un lado|sangr|hombro"),
        ),
        Flag(TODAY, "pain under the right ribs that lasts more than 30 minutes", (r"30 minutos",)),
    ),
    "hand": (
        Flag(
            EMERGENCY,
            "sudden weakness or numbness in one hand with a drooping face or slurred speech "
            "(stroke)",
            (SUDDEN, rf"debil|{NUMB}", r"cara|hablar"),
        ),
        Flag(EMERGENCY, "hand or arm pain with chest pain (heart attack)", (r"pecho", r"corazon")),
        Flag(
            EMERGENCY,
            "an injured finger that is blue, numb, bent out of shape or shows bone: go to A&E",
            (r"lesion|golpe", r"angulo raro|hueso|azul", r"urgencias"),
        ),
        Flag(
            EMERGENCY,
            "a hand or fingers that suddenly go icy cold, pale or blue",
            (r"helad|fri", r"palid|azul"),
        ),
        Flag(
            EMERGENCY,
            "a tight, hard, swollen forearm or hand after an injury or a tight cast "
            "(compartment syndrome)",
            (r"tens|dur", r"yeso|venda|aplast"),
        ),
        Flag(
            EMERGENCY,
            "a hand infection with confusion or blotchy skin (sepsis)",
            (r"infeccion", r"confu|manchas"),
        ),
        Flag(
            EMERGENCY,
            "spasms in both hands with a fit or trouble breathing (very low calcium)",
            (r"ambas manos|las dos manos", r"convulsi|respir"),
        ),
        Flag(
            TODAY,
            "a red, hot, swollen finger or hand (infection)",
            (r"roj", r"calient", r"hinchad"),
        ),
        Flag(
            TODAY,
            "a swollen finger that is very painful to straighten (tendon infection)",
            (r"hinchad", r"estirar"),
        ),
        Flag(
            TODAY,
            "an injured finger or thumb that may be broken",
            (r"lesion|golpe", r"roto|fractur"),
        ),
        Flag(
            TODAY,
            "spasms in both hands with tingling (blood salts)",
            (r"ambas manos|las dos manos", r"hormigue"),
        ),
        Flag(
            SOON,
            "tingling or numbness in the thumb and fingers at night (carpal tunnel syndrome)",
            (r"pulgar|dedos", rf"hormigue|{NUMB}", r"noche"),
        ),
        Flag(SOON, "a weak thumb or trouble gripping", (r"debil", r"agarr|sujetar")),
        Flag(
            SOON,
            "cramps only when writing, typing or playing an instrument (writer's cramp)",
            (r"escrib", r"teclear|instrumento"),
        ),
    ),
    "thigh": (
        Flag(
            EMERGENCY,
            "a painful or swollen leg with breathlessness or chest pain, and 'do not massage'",
            (BREATH, r"pecho", DONT_MASSAGE),
        ),
        Flag(EMERGENCY, "a leg that suddenly goes cold, pale or blue", (r"fri", r"palid|azul")),
        Flag(
            EMERGENCY,
            "a tight, hard thigh after an injury or crush (compartment syndrome)",
            (r"tens|dur", r"lesion|golpe|aplast"),
        ),
        Flag(EMERGENCY, "heavy bleeding from the thigh or groin", (r"sangr", r"muslo|ingle")),
        Flag(
            EMERGENCY,
            "pain or numbness in both legs, or numbness around the genitals or bottom",
            (BOTH_LEGS, r"genital|nalga"),
        ),
        Flag(
            TODAY,
            "a possible blood clot: one thigh swollen, warm or red, with 'do not massage'",
            (r"\buna pierna|\bun muslo", r"hinch", r"calor|calient|roj|oscur", DONT_MASSAGE),
        ),
        Flag(TODAY, "a red, swollen leg in pregnancy", (r"embaraz", r"roj|hinch")),
        Flag(
            TODAY,
            "a pop or snap at the back of the thigh (bad hamstring tear)",
            (r"chasquido|crujido",),
        ),
        Flag(TODAY, "a cramp that lasts more than 10 minutes", (LONG_CRAMP.pattern,)),
        Flag(SOON, "thigh pain when you walk that stops when you rest", (r"camin", r"descans")),
        Flag(SOON, "a hamstring injury that is not healing", (r"isquiotibial", r"cura|empeor")),
    ),
    "shoulder": (
        Flag(
            EMERGENCY,
            "left (or either) shoulder or arm pain with chest pain (heart attack)",
            (r"(izquierd|cualquier)[^.]{0,40}(hombro|brazo)", r"pecho"),
        ),
        Flag(
            EMERGENCY,
            "sharp pain that is worse when you breathe in (clot in the lung)",
            (r"tomar aire|respirar hondo",),
        ),
        Flag(
            EMERGENCY,
            "tearing or ripping pain in the upper back (aortic dissection)",
            (r"desgarr|rasg", r"espalda|omoplatos"),
        ),
        Flag(
            EMERGENCY,
            "a shoulder that looks out of place after a fall (dislocation): go to A&E",
            (r"fuera de su sitio|cambiado de forma", r"urgencias"),
        ),
        Flag(
            EMERGENCY,
            "sudden weakness in one arm with a drooping face or slurred speech (stroke)",
            (SUDDEN, r"cara|hablar"),
        ),
        Flag(
            EMERGENCY,
            "shoulder-tip pain with sudden belly pain in pregnancy or with fainting (ectopic "
            "pregnancy)",
            (r"punta del hombro", r"embaraz|desmay|mare"),
        ),
        Flag(
            EMERGENCY,
            "shoulder pain with belly pain and yellow skin or eyes (gallbladder)",
            (r"amarill",),
        ),
        Flag(
            TODAY, "sudden or very bad shoulder pain", (r"dolor de hombro", rf"{SUDDEN}|muy fuerte")
        ),
        Flag(TODAY, "not being able to move the arm", (r"no (puede|pueda) mover",)),
        Flag(
            TODAY,
            "pins and needles that do not go away, or no feeling in the arm",
            (r"hormigueo|no siente",),
        ),
        Flag(TODAY, "a shoulder that is hot or cold to touch", (r"(calient|fri)\w* al tacto",)),
        Flag(
            TODAY,
            "shoulder pain after a fall or an injury",
            (r"despues de (una|un) (caida|lesion|golpe)",),
        ),
        Flag(TODAY, "bad pain in both shoulders", (r"ambos hombros|los dos hombros",)),
        Flag(TODAY, "shoulder-tip pain with belly pain", (r"punta del hombro", r"barriga")),
        Flag(
            SOON,
            "shoulder pain that is no better after 2 weeks",
            (r"dolor de hombro", r"\b(2|dos) semanas"),
        ),
        Flag(SOON, "a shoulder that slowly gets stiffer (frozen shoulder)", (r"rigid", r"noche")),
        Flag(SOON, "pain or weakness when lifting the arm (rotator cuff)", (r"levantar", r"debil")),
    ),
}

NOT_IN_SOON: dict[str, tuple[tuple[str, str], ...]] = {
    "stomach": (("belly pain that gets worse quickly", r"empeora (muy )?(rapid|deprisa)"),),
}

EMERGENCY_SAID = (re.escape("{emergency}"),)
WARNING_SIGNS: dict[str, MustSay] = {
    "chest": (
        ("that chest pain could be the heart", (r"corazon",)),
        ("to call emergency services", EMERGENCY_SAID),
        ("not to wait for massage to help", (r"no espere",)),
    ),
    "calf": (
        ("that it could be a blood clot", (r"coagulo",)),
        ("swelling, warmth or redness", (r"hinch", r"calor|calient", r"roj")),
        ("not to massage the leg", (DONT_MASSAGE,)),
    ),
    "stomach": (("when to call emergency services", EMERGENCY_SAID),),
    "hand": (
        ("that sudden weakness in one hand can be a stroke", (SUDDEN, r"ictus|derrame")),
        ("to call emergency services", EMERGENCY_SAID),
        ("not to massage a hot, swollen finger", (DONT_MASSAGE,)),
    ),
    "thigh": (
        ("that it could be a blood clot", (r"coagulo",)),
        ("swelling, warmth or redness", (r"hinch", r"calor|calient", r"roj")),
        ("not to massage the leg", (DONT_MASSAGE,)),
    ),
    "shoulder": (
        ("that shoulder or arm pain with chest pain can be a heart attack", (r"pecho", r"corazon")),
        ("to call emergency services", EMERGENCY_SAID),
        ("not to wait or massage", (r"no espere", DONT_MASSAGE)),
    ),
}
NECK_FRONT = r"(delante|frente|lados?)[^.]{0,30}cuello"
SELF_MASSAGE_CAUTIONS: dict[str, MustSay] = {
    "calf": (
        (
            "not to massage a calf that is swollen, warm or red (a possible clot)",
            (r"coagulo|hinch", r"calor|calient|roj"),
        ),
    ),
    "foot": (("to ask a doctor first with diabetes", (r"diabet",)),),
    "back": (("not to massage after a fall or accident", (r"caida|accidente",)),),
    "neck": (
        ("to keep off the front and sides of the neck", (NECK_FRONT,)),
        ("not to massage after a neck injury", (r"lesion|latigazo|golpe",)),
    ),
    "hand": (
        (
            "not to massage a red, hot or swollen finger or hand (a possible infection)",
            (r"infeccion", r"calient", r"hinch"),
        ),
        ("not to massage a finger that may be broken", (r"\broto|fractur",)),
        ("to press only lightly on the inside of the wrist", (r"muneca",)),
    ),
    "thigh": (
        (
            "not to massage a thigh that is swollen, warm or red (a possible clot)",
            (r"coagulo", r"hinch", r"calor|calient|roj"),
        ),
        (
            "not to massage a pulled hamstring in its first 3 days",
            (r"isquiotibial", r"\b(3|tres) (primeros )?dias"),
        ),
        ("to keep away from the groin", (r"ingle",)),
    ),
    "shoulder": (
        ("not to massage shoulder or arm pain that comes with chest pain", (r"pecho",)),
        ("not to massage after a fall, an injury or a dislocation", (r"caida|lesion|luxacion",)),
        ("to keep off the front and sides of the neck", (NECK_FRONT,)),
    ),
}
TOPIC_MUST_SAY: dict[str, MustSay] = {
    "massage-devices": (
        ("how many minutes to use a device on one area", (r"minuto",)),
        ("to keep devices off the front and sides of the neck", (NECK_FRONT,)),
        ("to keep devices off bones and joints", (r"\bhuesos?\b",)),
        ("to ask a doctor first with a pacemaker or other implant", (r"marcapasos|implante",)),
        ("to ask a doctor first on blood thinners", (r"anticoagulante",)),
        ("to ask a doctor first in pregnancy", (r"embaraz",)),
        ("never to use a device on a leg that may have a clot", (r"coagulo",)),
    ),
    "when-not-to-massage": (
        ("not to massage a possible blood clot", (r"coagulo",)),
        ("not to massage with a fever or infection", (r"fiebre",)),
        ("about gentle massage only on blood thinners", (r"anticoagulante",)),
        ("not to press on varicose veins", (r"varices",)),
        ("about massage after recent surgery", (r"cirugia|operacion",)),
        (
            "not to massage a skin infection such as cellulitis",
            (r"celulitis|infeccion de la piel",),
        ),
        ("about lymphoedema (only a trained therapist)", (r"linf",)),
    ),
}

CORRECTED_CLAIMS = (
    Claim(
        "most spasms come from electrolytes",
        r"\b(mayoria|principal|habitual)\b[^.]*\b(calambres?|espasmos?)\b[^.]*\belectrolito"
        r"|\belectrolito[^.]*\b(causa principal|causa habitual|causa mas (comun|frecuente))",
    ),
    Claim(
        "everyone needs half a gallon of water",
        r"medio galon|\b(ocho|8) vasos|64 onzas|dos litros al dia",
    ),
    Claim("a banana prevents or stops cramps", r"platano|banana|banano"),
    Claim("massage flushes out toxins", r"toxina"),
    Claim("quinine treats cramps", r"quinina"),
    Claim("coconut water prevents cramps", r"agua de coco"),
    Claim("massage releases endorphins", r"endorfina"),
)

SPANISH_RULES = LanguageRules(
    every_region=EVERY_REGION,
    region_flags=REGION_FLAGS,
    not_in_soon=NOT_IN_SOON,
    warning_signs=WARNING_SIGNS,
    self_massage_cautions=SELF_MASSAGE_CAUTIONS,
    topic_must_say=TOPIC_MUST_SAY,
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
    corrected_claims=CORRECTED_CLAIMS,
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
