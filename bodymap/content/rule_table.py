"""``check``'s medical-safety rules in one table: each rule's tier and what the report calls
it, written once, with the patterns that find it in each language's text (``en=``, ``es=``).

The patterns read text with its accents folded away (``rules.fold``). ``checks.py`` takes the
English column of every table and ``rules_es.py`` the Spanish one (``for_language``); a third
language is one more keyword on each rule, written against that language's pages and read by a
clinician who speaks it. The report names a rule by its English ``what`` in every language, so
the clinic owner reads the same sign whichever page broke it. Sources: docs/clinical-review.md.

Spanish, as MedlinePlus en español and Mayo Clinic en español write for patients: "orina
(pis)", "caca (heces)", "barriga (vientre)", "coágulo de sangre", "pastillas para orinar
(diuréticos)", "falta de aire".
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from bodymap.content.rules import EMERGENCY, SOON, TODAY, Claim, Flag, MustSay

EMERGENCY_SAID = re.escape("{emergency}")
"""The page says to call emergency services (the placeholder the clinic's number fills)."""
ES_DONT_MASSAGE = r"no (se )?(de|haga|reciba) (un |ningun )?masaje|no (se )?masajee|no dar masaje"
ES_LONG_CRAMP = r"mas de (10|diez) minutos"
ES_DARK_PEE = (
    r"\b(orina|pis)\b[^.]{0,40}(oscur|marron|cola)|(oscur|marron)[^.]{0,40}\b(orina|pis)\b"
)
ES_BREATH = r"respir|falta (de|el) aire|le falta el aire"
ES_BOTH_LEGS = r"ambas piernas|las dos piernas"
ES_SUDDEN = r"repentin|de repente|de golpe"
ES_NUMB = r"entumec|adormec|dormid"
ES_NECK_FRONT = r"(delante|frente|lados?)[^.]{0,30}cuello"


@dataclass(frozen=True, init=False)
class Rule:
    """A red flag a region must list in one tier: one item must match every pattern of the
    page's language. ``Rule(TODAY, "what", en=(...), es=(...))``."""

    tier: str
    what: str
    patterns: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def __init__(self, tier: str, what: str, **patterns: tuple[str, ...]) -> None:
        object.__setattr__(self, "tier", tier)
        object.__setattr__(self, "what", what)
        object.__setattr__(self, "patterns", patterns)

    def flag(self, language: str) -> Flag:
        """The rule for pages in ``language``; KeyError when it has no patterns for it."""
        return Flag(self.tier, self.what, self.patterns[language])


@dataclass(frozen=True, init=False)
class Say:
    """Something a part of a page must tell readers (or, for ``CORRECTED_CLAIMS``, a claim it
    may make only to correct it): what, for the report; the patterns in each language, all of
    which must be found. ``Say("what", en=(...), es=(...))``."""

    what: str
    patterns: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def __init__(self, what: str, **patterns: tuple[str, ...]) -> None:
        object.__setattr__(self, "what", what)
        object.__setattr__(self, "patterns", patterns)


EVERY_REGION: tuple[Rule, ...] = (
    Rule(
        TODAY,
        "muscle breakdown: bad muscle pain or weakness with dark pee",
        en=(r"(dark|brown|cola)[^.]{0,40}\bpee\b", r"weak|pain"),
        es=(ES_DARK_PEE, r"debil|dolor"),
    ),
    Rule(
        EMERGENCY,
        "severe muscle breakdown: dark pee with very little or no pee, or confusion",
        en=(r"dark[^.]{0,40}\bpee\b", r"very little|not at all|confus"),
        es=(ES_DARK_PEE, r"muy poc|nada|confu"),
    ),
    Rule(TODAY, "muscle pain or cramps on a statin", en=(r"statin",), es=(r"estatina",)),
    Rule(
        TODAY,
        "cramps after losing a lot of fluid (being sick, diarrhoea, sweating)",
        en=(r"fluid", r"sick|vomit|diarrh"),
        es=(r"liquido", r"vomit|diarrea"),
    ),
    Rule(
        EMERGENCY,
        "heatstroke: cramps in the heat that do not ease within 30 minutes",
        en=(r"heat|hot weather", r"30 minutes"),
        es=(r"calor", r"30 minutos"),
    ),
    Rule(
        SOON,
        "cramps that began after a new medicine",
        en=(r"(new|start\w*)[^.]{0,30}medicine",),
        es=(r"(nuev|empez\w*|comenz\w*)[^.]{0,30}(medicamento|medicina)",),
    ),
    Rule(
        SOON,
        "a twitch that lasts more than 2 weeks",
        en=(r"twitch", r"\b(2|two) weeks\b"),
        es=(r"\btics?\b", r"\b(2|dos) semanas\b"),
    ),
)
"""content-facts.md "Second review" and the research report, section 1."""

REGION_FLAGS: dict[str, tuple[Rule, ...]] = {
    "foot": (
        Rule(
            EMERGENCY,
            "a foot that suddenly goes cold, pale or blue",
            en=(r"cold|pale|blue",),
            es=(r"fri|palid|azul",),
        ),
        Rule(
            EMERGENCY,
            "stiff muscles or a stiff jaw after a wound (tetanus)",
            en=(r"stiff|jaw", r"wound|cut"),
            es=(r"rigid|mandibula", r"herida|corte"),
        ),
        Rule(
            EMERGENCY,
            "diabetes with a foot problem and a high temperature (sepsis)",
            en=(r"diabet", r"temperature|shiver"),
            es=(r"diabet", r"fiebre|temperatura|escalofrio"),
        ),
        Rule(
            TODAY,
            "diabetes with a new wound, blister or sore on the foot",
            en=(r"diabet", r"wound|blister|sore|ulcer|cut"),
            es=(r"diabet", r"herida|ampolla|llaga|ulcera|corte"),
        ),
        Rule(
            TODAY,
            "a cramp that lasts more than 10 minutes",
            en=(r"(more|longer) than (10|ten) minutes",),
            es=(ES_LONG_CRAMP,),
        ),
        Rule(
            TODAY,
            "a dirty wound when tetanus jabs may not be up to date",
            en=(r"tetanus|jab",),
            es=(r"tetanos|vacuna",),
        ),
        Rule(
            TODAY,
            "red, hot, swollen skin (cellulitis)",
            en=(r"red", r"hot", r"swollen"),
            es=(r"roj", r"calient", r"hinchad"),
        ),
        Rule(
            SOON,
            "cramps that come on when you walk and stop when you rest",
            en=(r"walk", r"rest"),
            es=(r"camin", r"descans"),
        ),
        Rule(
            SOON, "cramps with numbness or swelling", en=(r"numb|swell",), es=(rf"{ES_NUMB}|hinch",)
        ),
    ),
    "calf": (
        Rule(
            EMERGENCY,
            "a painful or swollen leg with breathlessness or chest pain, and 'do not massage'",
            en=(r"breath", r"chest", r"(not|don.t) massage"),
            es=(ES_BREATH, r"pecho", ES_DONT_MASSAGE),
        ),
        Rule(
            EMERGENCY,
            "a tight, hard calf after an injury or hard exercise (compartment syndrome)",
            en=(r"tight|hard", r"injur|exercise|cast|bandage"),
            es=(r"tens|dur", r"lesion|golpe|ejercicio|yeso|venda"),
        ),
        Rule(
            EMERGENCY,
            "a leg that suddenly goes cold, pale or blue",
            en=(r"cold|pale|blue",),
            es=(r"fri|palid|azul",),
        ),
        Rule(
            TODAY,
            "a possible blood clot: one calf swollen, warm or red, with 'do not massage'",
            en=(r"\bone (leg|calf)", r"swell|swollen", r"warm|red|dark", r"(not|don.t) massage"),
            es=(
                r"\buna (pierna|pantorrilla)",
                r"hinch",
                r"calor|calient|roj|oscur",
                ES_DONT_MASSAGE,
            ),
        ),
        Rule(
            TODAY,
            "a red, swollen leg in pregnancy",
            en=(r"pregnan", r"red|swollen"),
            es=(r"embaraz", r"roj|hinch"),
        ),
        Rule(
            TODAY,
            "a snap or a kicked feeling (torn Achilles tendon or calf)",
            en=(r"snap|kick",),
            es=(r"chasquido|patada",),
        ),
        Rule(
            TODAY,
            "a cramp that lasts more than 10 minutes",
            en=(r"(more|longer) than (10|ten) minutes",),
            es=(ES_LONG_CRAMP,),
        ),
        Rule(
            SOON,
            "calf pain when you walk that stops when you rest",
            en=(r"walk", r"rest"),
            es=(r"camin", r"descans"),
        ),
    ),
    "back": (
        Rule(
            EMERGENCY,
            "numbness around the genitals or bottom",
            en=(r"genital|bottom|buttock",),
            es=(r"genital|nalga|trasero",),
        ),
        Rule(
            EMERGENCY,
            "trouble peeing or controlling pee or poo",
            en=(r"\bpee", r"\bpoo"),
            es=(r"orina|\bpis\b", r"\bcaca\b"),
        ),
        Rule(
            EMERGENCY,
            "pain, weakness or numbness in both legs",
            en=(r"both legs",),
            es=(ES_BOTH_LEGS,),
        ),
        Rule(
            EMERGENCY,
            "new problems with erections or feeling during sex",
            en=(r"erection|sex",),
            es=(r"ereccion|sexual",),
        ),
        Rule(EMERGENCY, "back pain with chest pain", en=(r"chest",), es=(r"pecho",)),
        Rule(
            EMERGENCY,
            "back pain after a serious accident or fall",
            en=(r"accident|crash", r"fall"),
            es=(r"accidente|choque", r"caida"),
        ),
        Rule(
            EMERGENCY,
            "sudden severe back or belly pain with faintness (aortic aneurysm)",
            en=(r"sudden|severe", r"faint|dizz|sweat|collapse"),
            es=(rf"{ES_SUDDEN}|muy fuerte", r"desmay|mare|sud|colaps"),
        ),
        Rule(
            EMERGENCY,
            "tearing or ripping pain (aortic dissection)",
            en=(r"tear|rip",),
            es=(r"desgarr|rasg",),
        ),
        Rule(
            TODAY,
            "back pain with a high temperature",
            en=(r"temperature|fever",),
            es=(r"fiebre|temperatura",),
        ),
        Rule(TODAY, "weight loss without trying", en=(r"weight",), es=(r"\bpeso\b",)),
        Rule(
            TODAY,
            "a lump or a change in the shape of the back",
            en=(r"lump|shape",),
            es=(r"bulto|forma",),
        ),
        Rule(
            TODAY,
            "pain worse at night or not easing with rest",
            en=(r"night|rest",),
            es=(r"noche|descans",),
        ),
        Rule(
            TODAY,
            "pain worse when you cough, sneeze or poo",
            en=(r"cough|sneez",),
            es=(r"\btos|estornud",),
        ),
        Rule(
            TODAY,
            "pain between the shoulder blades",
            en=(r"shoulder blades",),
            es=(r"omoplatos|paletillas",),
        ),
        Rule(TODAY, "new back pain after cancer", en=(r"cancer",), es=(r"cancer",)),
    ),
    "neck": (
        Rule(
            EMERGENCY,
            "a stiff neck with a high temperature or a rash (meningitis)",
            en=(r"stiff neck", r"temperature|fever", r"rash"),
            es=(r"cuello rigido", r"fiebre|temperatura", r"sarpullido|erupcion|manchas"),
        ),
        Rule(
            EMERGENCY,
            "neck pain after a crash or fall, keeping the neck still",
            en=(r"crash|fall|accident", r"still"),
            es=(r"choque|caida|accidente", r"quiet|inmovil"),
        ),
        Rule(
            EMERGENCY,
            "sudden weakness, speech or vision problems (stroke or a torn neck artery)",
            en=(r"sudden", r"face|arm|speech|speak|swallow|double vision"),
            es=(ES_SUDDEN, r"cara|brazo|hablar|tragar|vision doble"),
        ),
        Rule(
            EMERGENCY,
            "neck or jaw pain with chest pain (heart attack)",
            en=(r"jaw", r"chest"),
            es=(r"mandibula", r"pecho"),
        ),
        Rule(
            EMERGENCY,
            "fainting or dizziness that does not go away",
            en=(r"faint|dizz",),
            es=(r"desmay|mare",),
        ),
        Rule(
            TODAY,
            "pins and needles or numbness after a neck injury",
            en=(r"pins and needles|numb", r"injur|knock|crash"),
            es=(rf"hormigue|{ES_NUMB}", r"lesion|golpe|choque"),
        ),
        Rule(
            TODAY,
            "neck pain with a high temperature, weight loss or cancer",
            en=(r"temperature|weight|cancer",),
            es=(r"fiebre|temperatura|\bpeso\b|cancer",),
        ),
        Rule(
            SOON,
            "neck pain that is no better after a couple of weeks",
            en=(r"weeks",),
            es=(r"semanas",),
        ),
    ),
    "chest": (
        Rule(
            EMERGENCY,
            "tight, heavy or squeezing chest pain",
            en=(r"tight|heavy|squeez|pressure",),
            es=(r"opresion|pesadez|apret|presion",),
        ),
        Rule(
            EMERGENCY,
            "pain spreading to the arm, jaw, neck or back",
            en=(r"arm", r"jaw"),
            es=(r"brazo", r"mandibula"),
        ),
        Rule(EMERGENCY, "chest pain with breathlessness", en=(r"breath",), es=(ES_BREATH,)),
        Rule(
            EMERGENCY,
            "a heart attack that feels like indigestion",
            en=(r"indigestion",),
            es=(r"indigestion",),
        ),
        Rule(
            EMERGENCY,
            "sharp pain on breathing in (clot in the lung)",
            en=(r"breathe in", r"clot|blood"),
            es=(r"tomar aire|respirar hondo", r"coagulo|sangre"),
        ),
        Rule(
            EMERGENCY,
            "a collapsed lung",
            en=(r"collapsed lung|one side",),
            es=(r"pulmon colapsado|un lado",),
        ),
        Rule(
            EMERGENCY,
            "tearing or ripping pain going through to the back",
            en=(r"tear|rip",),
            es=(r"desgarr|rasg",),
        ),
        Rule(
            EMERGENCY,
            "chest pain with fainting or collapse",
            en=(r"faint|collapse",),
            es=(r"desmay|colaps",),
        ),
        Rule(
            TODAY,
            "chest pain that no doctor has checked",
            en=(r"comes and goes|not (been |yet )?checked",),
            es=(r"va y viene|ningun medico (lo )?ha revisado|no (se )?(lo )?ha revisado",),
        ),
    ),
    "stomach": (
        Rule(
            EMERGENCY,
            "sudden, severe belly pain",
            en=(r"sudden", r"severe"),
            es=(ES_SUDDEN, r"fuerte|intens"),
        ),
        Rule(
            EMERGENCY,
            "pain that spreads across the belly (appendicitis)",
            en=(r"spread",),
            es=(r"extiend",),
        ),
        Rule(
            EMERGENCY, "a belly that hurts to touch", en=(r"touch|press",), es=(r"tocar|apretar",)
        ),
        Rule(
            EMERGENCY,
            "being sick with blood",
            en=(r"sick", r"blood|coffee"),
            es=(r"vomit", r"sangre|cafe"),
        ),
        Rule(
            EMERGENCY,
            "black or bloody poo",
            en=(r"black|bloody", r"\bpoo"),
            es=(r"negr|sangre", r"\bcaca\b"),
        ),
        Rule(
            EMERGENCY,
            "not able to pee, poo or pass wind (blocked bowel)",
            en=(r"pass wind|fart",),
            es=(r"gases|pedos",),
        ),
        Rule(
            EMERGENCY,
            "a hernia that goes firm or will not push back",
            en=(r"hernia|bulge", r"firm|push|back in"),
            es=(r"hernia|bulto", r"dur|no vuelve|empuj"),
        ),
        Rule(
            EMERGENCY,
            "sudden belly pain in pregnancy with fainting (ectopic pregnancy)",
            en=(r"pregnan", r"faint|dizz"),
            es=(r"embaraz", r"desmay|mare"),
        ),
        Rule(
            EMERGENCY,
            "belly pain with diabetes and being sick",
            en=(r"diabet", r"sick"),
            es=(r"diabet", r"vomit"),
        ),
        Rule(
            TODAY,
            "belly pain that gets worse over a few hours",
            en=(r"worse", r"hours|quickly"),
            es=(r"empeora", r"horas|rapid"),
        ),
        Rule(
            TODAY,
            "belly pain on one side or bleeding in early pregnancy",
            en=(r"pregnan", r"one side|bleed|shoulder"),
            es=(r"embaraz", r"un lado|sangr|hombro"),
        ),
        Rule(
            TODAY,
            "pain under the right ribs that lasts more than 30 minutes",
            en=(r"30 minutes",),
            es=(r"30 minutos",),
        ),
    ),
    "hand": (
        Rule(
            EMERGENCY,
            "sudden weakness or numbness in one hand with a drooping face or slurred speech "
            "(stroke)",
            en=(r"sudden", r"weak|numb", r"face|speech|speak"),
            es=(ES_SUDDEN, rf"debil|{ES_NUMB}", r"cara|hablar"),
        ),
        Rule(
            EMERGENCY,
            "hand or arm pain with chest pain (heart attack)",
            en=(r"chest", r"heart"),
            es=(r"pecho", r"corazon"),
        ),
        Rule(
            EMERGENCY,
            "an injured finger that is blue, numb, bent out of shape or shows bone: go to A&E",
            en=(r"injur", r"odd angle|bone|blue", r"A&E"),
            es=(r"lesion|golpe", r"angulo raro|hueso|azul", r"urgencias"),
        ),
        Rule(
            EMERGENCY,
            "a hand or fingers that suddenly go icy cold, pale or blue",
            en=(r"icy|cold", r"pale|blue"),
            es=(r"helad|fri", r"palid|azul"),
        ),
        Rule(
            EMERGENCY,
            "a tight, hard, swollen forearm or hand after an injury or a tight cast "
            "(compartment syndrome)",
            en=(r"tight|hard", r"cast|bandage|crush"),
            es=(r"tens|dur", r"yeso|venda|aplast"),
        ),
        Rule(
            EMERGENCY,
            "a hand infection with confusion or blotchy skin (sepsis)",
            en=(r"infection", r"confus|blotchy"),
            es=(r"infeccion", r"confu|manchas"),
        ),
        Rule(
            EMERGENCY,
            "spasms in both hands with a fit or trouble breathing (very low calcium)",
            en=(r"both hands", r"fit|breath"),
            es=(r"ambas manos|las dos manos", r"convulsi|respir"),
        ),
        Rule(
            TODAY,
            "a red, hot, swollen finger or hand (infection)",
            en=(r"red", r"hot", r"swollen"),
            es=(r"roj", r"calient", r"hinchad"),
        ),
        Rule(
            TODAY,
            "a swollen finger that is very painful to straighten (tendon infection)",
            en=(r"swollen", r"straighten"),
            es=(r"hinchad", r"estirar"),
        ),
        Rule(
            TODAY,
            "an injured finger or thumb that may be broken",
            en=(r"injur", r"broken"),
            es=(r"lesion|golpe", r"roto|fractur"),
        ),
        Rule(
            TODAY,
            "spasms in both hands with tingling (blood salts)",
            en=(r"both hands", r"tingl"),
            es=(r"ambas manos|las dos manos", r"hormigue"),
        ),
        Rule(
            SOON,
            "tingling or numbness in the thumb and fingers at night (carpal tunnel syndrome)",
            en=(r"thumb|finger", r"numb|tingl", r"night"),
            es=(r"pulgar|dedos", rf"hormigue|{ES_NUMB}", r"noche"),
        ),
        Rule(
            SOON,
            "a weak thumb or trouble gripping",
            en=(r"weak", r"grip"),
            es=(r"debil", r"agarr|sujetar"),
        ),
        Rule(
            SOON,
            "cramps only when writing, typing or playing an instrument (writer's cramp)",
            en=(r"\bwrit", r"typ|instrument"),
            es=(r"escrib", r"teclear|instrumento"),
        ),
    ),
    "thigh": (
        Rule(
            EMERGENCY,
            "a painful or swollen leg with breathlessness or chest pain, and 'do not massage'",
            en=(r"breath", r"chest", r"(not|don.t) massage"),
            es=(ES_BREATH, r"pecho", ES_DONT_MASSAGE),
        ),
        Rule(
            EMERGENCY,
            "a leg that suddenly goes cold, pale or blue",
            en=(r"cold", r"pale|blue"),
            es=(r"fri", r"palid|azul"),
        ),
        Rule(
            EMERGENCY,
            "a tight, hard thigh after an injury or crush (compartment syndrome)",
            en=(r"tight|hard", r"injur|crush"),
            es=(r"tens|dur", r"lesion|golpe|aplast"),
        ),
        Rule(
            EMERGENCY,
            "heavy bleeding from the thigh or groin",
            en=(r"bleed", r"thigh|groin"),
            es=(r"sangr", r"muslo|ingle"),
        ),
        Rule(
            EMERGENCY,
            "pain or numbness in both legs, or numbness around the genitals or bottom",
            en=(r"both legs", r"genital|bottom"),
            es=(ES_BOTH_LEGS, r"genital|nalga"),
        ),
        Rule(
            TODAY,
            "a possible blood clot: one thigh swollen, warm or red, with 'do not massage'",
            en=(r"\bone (leg|thigh)", r"swell|swollen", r"warm|red|dark", r"(not|don.t) massage"),
            es=(r"\buna pierna|\bun muslo", r"hinch", r"calor|calient|roj|oscur", ES_DONT_MASSAGE),
        ),
        Rule(
            TODAY,
            "a red, swollen leg in pregnancy",
            en=(r"pregnan", r"red|swollen"),
            es=(r"embaraz", r"roj|hinch"),
        ),
        Rule(
            TODAY,
            "a pop or snap at the back of the thigh (bad hamstring tear)",
            en=(r"pop|snap",),
            es=(r"chasquido|crujido",),
        ),
        Rule(
            TODAY,
            "a cramp that lasts more than 10 minutes",
            en=(r"(more|longer) than (10|ten) minutes",),
            es=(ES_LONG_CRAMP,),
        ),
        Rule(
            SOON,
            "thigh pain when you walk that stops when you rest",
            en=(r"walk", r"rest"),
            es=(r"camin", r"descans"),
        ),
        Rule(
            SOON,
            "a hamstring injury that is not healing",
            en=(r"hamstring", r"heal|worse"),
            es=(r"isquiotibial", r"cura|empeor"),
        ),
    ),
    "shoulder": (
        Rule(
            EMERGENCY,
            "left (or either) shoulder or arm pain with chest pain (heart attack)",
            en=(r"(left|either)[^.]{0,40}(shoulder|arm)", r"chest"),
            es=(r"(izquierd|cualquier)[^.]{0,40}(hombro|brazo)", r"pecho"),
        ),
        Rule(
            EMERGENCY,
            "sharp pain that is worse when you breathe in (clot in the lung)",
            en=(r"breathe in",),
            es=(r"tomar aire|respirar hondo",),
        ),
        Rule(
            EMERGENCY,
            "tearing or ripping pain in the upper back (aortic dissection)",
            en=(r"tear|rip", r"back|shoulder blades"),
            es=(r"desgarr|rasg", r"espalda|omoplatos"),
        ),
        Rule(
            EMERGENCY,
            "a shoulder that looks out of place after a fall (dislocation): go to A&E",
            en=(r"out of place|changed shape|square", r"A&E"),
            es=(r"fuera de su sitio|cambiado de forma", r"urgencias"),
        ),
        Rule(
            EMERGENCY,
            "sudden weakness in one arm with a drooping face or slurred speech (stroke)",
            en=(r"sudden", r"face|speech|speak"),
            es=(ES_SUDDEN, r"cara|hablar"),
        ),
        Rule(
            EMERGENCY,
            "shoulder-tip pain with sudden belly pain in pregnancy or with fainting (ectopic "
            "pregnancy)",
            en=(r"tip of (your|the) shoulder|shoulder.tip", r"pregnan|faint|dizz"),
            es=(r"punta del hombro", r"embaraz|desmay|mare"),
        ),
        Rule(
            EMERGENCY,
            "shoulder pain with belly pain and yellow skin or eyes (gallbladder)",
            en=(r"yellow",),
            es=(r"amarill",),
        ),
        Rule(
            TODAY,
            "sudden or very bad shoulder pain",
            en=(r"shoulder pain", r"sudden|very bad"),
            es=(r"dolor de hombro", rf"{ES_SUDDEN}|muy fuerte"),
        ),
        Rule(
            TODAY,
            "not being able to move the arm",
            en=(r"(cannot|can.t) move",),
            es=(r"no (puede|pueda) mover",),
        ),
        Rule(
            TODAY,
            "pins and needles that do not go away, or no feeling in the arm",
            en=(r"pins and needles|no feeling",),
            es=(r"hormigueo|no siente",),
        ),
        Rule(
            TODAY,
            "a shoulder that is hot or cold to touch",
            en=(r"(hot|cold) to touch",),
            es=(r"(calient|fri)\w* al tacto",),
        ),
        Rule(
            TODAY,
            "shoulder pain after a fall or an injury",
            en=(r"after (a|an) (fall|injur)",),
            es=(r"despues de (una|un) (caida|lesion|golpe)",),
        ),
        Rule(
            TODAY,
            "bad pain in both shoulders",
            en=(r"both shoulders",),
            es=(r"ambos hombros|los dos hombros",),
        ),
        Rule(
            TODAY,
            "shoulder-tip pain with belly pain",
            en=(r"tip of (your|the) shoulder|shoulder.tip", r"belly"),
            es=(r"punta del hombro", r"barriga"),
        ),
        Rule(
            SOON,
            "shoulder pain that is no better after 2 weeks",
            en=(r"shoulder pain", r"\b(2|two) weeks"),
            es=(r"dolor de hombro", r"\b(2|dos) semanas"),
        ),
        Rule(
            SOON,
            "a shoulder that slowly gets stiffer (frozen shoulder)",
            en=(r"stiff", r"night"),
            es=(r"rigid", r"noche"),
        ),
        Rule(
            SOON,
            "pain or weakness when lifting the arm (rotator cuff)",
            en=(r"lift", r"weak"),
            es=(r"levantar", r"debil"),
        ),
    ),
}
"""Per region, from the research report sections 2-10 and 15 (docs/clinical-review.md)."""

NOT_IN_SOON: dict[str, tuple[Say, ...]] = {
    "stomach": (
        Say(
            "belly pain that gets worse quickly",
            en=(r"worse (very )?quickly|worse fast",),
            es=(r"empeora (muy )?(rapid|deprisa)",),
        ),
    ),
}
"""Signs that need medical help today, never only "a doctor soon"."""

WARNING_SIGNS: dict[str, tuple[Say, ...]] = {
    "chest": (
        Say("that chest pain could be the heart", en=(r"heart",), es=(r"corazon",)),
        Say("to call emergency services", en=(EMERGENCY_SAID,), es=(EMERGENCY_SAID,)),
        Say("not to wait for massage to help", en=(r"do not wait|don't wait",), es=(r"no espere",)),
    ),
    "calf": (
        Say("that it could be a blood clot", en=(r"clot",), es=(r"coagulo",)),
        Say(
            "swelling, warmth or redness",
            en=(r"swell|swollen", r"warm", r"red"),
            es=(r"hinch", r"calor|calient", r"roj"),
        ),
        Say("not to massage the leg", en=(r"do not massage|don't massage",), es=(ES_DONT_MASSAGE,)),
    ),
    "stomach": (
        Say("when to call emergency services", en=(EMERGENCY_SAID,), es=(EMERGENCY_SAID,)),
    ),
    "hand": (
        Say(
            "that sudden weakness in one hand can be a stroke",
            en=(r"sudden", r"stroke"),
            es=(ES_SUDDEN, r"ictus|derrame"),
        ),
        Say("to call emergency services", en=(EMERGENCY_SAID,), es=(EMERGENCY_SAID,)),
        Say(
            "not to massage a hot, swollen finger",
            en=(r"do not massage|don't massage",),
            es=(ES_DONT_MASSAGE,),
        ),
    ),
    "thigh": (
        Say("that it could be a blood clot", en=(r"clot",), es=(r"coagulo",)),
        Say(
            "swelling, warmth or redness",
            en=(r"swell|swollen", r"warm", r"red"),
            es=(r"hinch", r"calor|calient", r"roj"),
        ),
        Say("not to massage the leg", en=(r"do not massage|don't massage",), es=(ES_DONT_MASSAGE,)),
    ),
    "shoulder": (
        Say(
            "that shoulder or arm pain with chest pain can be a heart attack",
            en=(r"chest", r"heart"),
            es=(r"pecho", r"corazon"),
        ),
        Say("to call emergency services", en=(EMERGENCY_SAID,), es=(EMERGENCY_SAID,)),
        Say(
            "not to wait or massage",
            en=(r"do not wait|don't wait", r"not massage"),
            es=(r"no espere", ES_DONT_MASSAGE),
        ),
    ),
}
"""The physician warning that opens these regions (content-facts.md)."""

SELF_MASSAGE_CAUTIONS: dict[str, tuple[Say, ...]] = {
    "calf": (
        Say(
            "not to massage a calf that is swollen, warm or red (a possible clot)",
            en=(r"clot|swell|swollen", r"warm|red"),
            es=(r"coagulo|hinch", r"calor|calient|roj"),
        ),
    ),
    "foot": (Say("to ask a doctor first with diabetes", en=(r"diabet",), es=(r"diabet",)),),
    "back": (
        Say(
            "not to massage after a fall or accident",
            en=(r"fall|accident",),
            es=(r"caida|accidente",),
        ),
    ),
    "neck": (
        Say(
            "to keep off the front and sides of the neck",
            en=(r"(front|side)s?[^.]{0,30}neck",),
            es=(ES_NECK_FRONT,),
        ),
        Say(
            "not to massage after a neck injury",
            en=(r"injur|whiplash",),
            es=(r"lesion|latigazo|golpe",),
        ),
    ),
    "hand": (
        Say(
            "not to massage a red, hot or swollen finger or hand (a possible infection)",
            en=(r"infection", r"hot", r"swollen|swell"),
            es=(r"infeccion", r"calient", r"hinch"),
        ),
        Say("not to massage a finger that may be broken", en=(r"broken",), es=(r"\broto|fractur",)),
        Say("to press only lightly on the inside of the wrist", en=(r"wrist",), es=(r"muneca",)),
    ),
    "thigh": (
        Say(
            "not to massage a thigh that is swollen, warm or red (a possible clot)",
            en=(r"clot", r"swell|swollen", r"warm|red"),
            es=(r"coagulo", r"hinch", r"calor|calient|roj"),
        ),
        Say(
            "not to massage a pulled hamstring in its first 3 days",
            en=(r"hamstring", r"\b(3|three) days"),
            es=(r"isquiotibial", r"\b(3|tres) (primeros )?dias"),
        ),
        Say("to keep away from the groin", en=(r"groin",), es=(r"ingle",)),
    ),
    "shoulder": (
        Say(
            "not to massage shoulder or arm pain that comes with chest pain",
            en=(r"chest",),
            es=(r"pecho",),
        ),
        Say(
            "not to massage after a fall, an injury or a dislocation",
            en=(r"fall|injur|dislocat",),
            es=(r"caida|lesion|luxacion",),
        ),
        Say(
            "to keep off the front and sides of the neck",
            en=(r"(front|side)s?[^.]{0,30}neck",),
            es=(ES_NECK_FRONT,),
        ),
    ),
}
"""Who should not self-massage: said in the self-massage part of each region."""

TOPIC_MUST_SAY: dict[str, tuple[Say, ...]] = {
    "massage-devices": (
        Say("how many minutes to use a device on one area", en=(r"minute",), es=(r"minuto",)),
        Say(
            "to keep devices off the front and sides of the neck",
            en=(r"(front|side)s?[^.]{0,30}neck",),
            es=(ES_NECK_FRONT,),
        ),
        Say("to keep devices off bones and joints", en=(r"\bbon(e|es|y)\b",), es=(r"\bhuesos?\b",)),
        Say(
            "to ask a doctor first with a pacemaker or other implant",
            en=(r"pacemaker|implant",),
            es=(r"marcapasos|implante",),
        ),
        Say(
            "to ask a doctor first on blood thinners",
            en=(r"blood thinner",),
            es=(r"anticoagulante",),
        ),
        Say("to ask a doctor first in pregnancy", en=(r"pregnan",), es=(r"embaraz",)),
        Say("never to use a device on a leg that may have a clot", en=(r"clot",), es=(r"coagulo",)),
    ),
    "when-not-to-massage": (
        Say("not to massage a possible blood clot", en=(r"clot",), es=(r"coagulo",)),
        Say("not to massage with a fever or infection", en=(r"fever",), es=(r"fiebre",)),
        Say(
            "about gentle massage only on blood thinners",
            en=(r"blood thinner",),
            es=(r"anticoagulante",),
        ),
        Say("not to press on varicose veins", en=(r"varicose",), es=(r"varices",)),
        Say(
            "about massage after recent surgery",
            en=(r"surgery|operation",),
            es=(r"cirugia|operacion",),
        ),
        Say(
            "not to massage a skin infection such as cellulitis",
            en=(r"cellulitis|skin infection",),
            es=(r"celulitis|infeccion de la piel",),
        ),
        Say("about lymphoedema (only a trained therapist)", en=(r"lymph",), es=(r"linf",)),
    ),
}
"""Topics whose safety advice must stay (research report section 11; content-facts.md)."""

CORRECTED_CLAIMS: tuple[Say, ...] = (
    Say(
        "most spasms come from electrolytes",
        en=(
            r"\b(most|main|usual)\b[^.]*\b(cramps?|spasms?)\b[^.]*\belectrolyte"
            r"|\belectrolyte[^.]*\b(main|usual|most common) cause",
        ),
        es=(
            r"\b(mayoria|principal|habitual)\b[^.]*\b(calambres?|espasmos?)\b[^.]*\belectrolito"
            r"|\belectrolito[^.]*\b(causa principal|causa habitual|causa mas (comun|frecuente))",
        ),
    ),
    Say(
        "everyone needs half a gallon of water",
        en=(r"half[- ]a[- ]gallon|64 ounces|eight glasses",),
        es=(r"medio galon|\b(ocho|8) vasos|64 onzas|dos litros al dia",),
    ),
    Say("a banana prevents or stops cramps", en=(r"banana",), es=(r"platano|banana|banano",)),
    Say("massage flushes out toxins", en=(r"toxin",), es=(r"toxina",)),
    Say("quinine treats cramps", en=(r"quinine",), es=(r"quinina",)),
    Say("coconut water prevents cramps", en=(r"coconut",), es=(r"agua de coco",)),
    Say("massage releases endorphins", en=(r"endorphin|feel-good chemical",), es=(r"endorfina",)),
)
"""Claims the source blog posts make that trusted sources correct (content-facts.md): a page
may name one only to correct it."""


@dataclass(frozen=True)
class LanguageTables:
    """Every table above, in one language's patterns (the fields ``LanguageRules`` takes)."""

    every_region: tuple[Flag, ...]
    region_flags: dict[str, tuple[Flag, ...]]
    not_in_soon: dict[str, tuple[tuple[str, str], ...]]
    warning_signs: dict[str, MustSay]
    self_massage_cautions: dict[str, MustSay]
    topic_must_say: dict[str, MustSay]
    corrected_claims: tuple[Claim, ...]


def for_language(language: str) -> LanguageTables:
    """The tables in ``language``'s patterns ("en", "es"); KeyError names a rule's language
    column that is missing."""

    def must_say(table: Mapping[str, tuple[Say, ...]]) -> dict[str, MustSay]:
        return {
            key: tuple((s.what, s.patterns[language]) for s in says) for key, says in table.items()
        }

    return LanguageTables(
        every_region=tuple(rule.flag(language) for rule in EVERY_REGION),
        region_flags={
            region: tuple(rule.flag(language) for rule in rules)
            for region, rules in REGION_FLAGS.items()
        },
        not_in_soon={
            region: tuple((s.what, s.patterns[language][0]) for s in says)
            for region, says in NOT_IN_SOON.items()
        },
        warning_signs=must_say(WARNING_SIGNS),
        self_massage_cautions=must_say(SELF_MASSAGE_CAUTIONS),
        topic_must_say=must_say(TOPIC_MUST_SAY),
        corrected_claims=tuple(Claim(s.what, s.patterns[language][0]) for s in CORRECTED_CLAIMS),
    )


def every_rule() -> list[Rule | Say]:
    """Every rule and every thing to say, in every table (for checking the columns)."""
    rows: list[Rule | Say] = [*EVERY_REGION, *CORRECTED_CLAIMS]
    for rules in REGION_FLAGS.values():
        rows += rules
    for table in (NOT_IN_SOON, WARNING_SIGNS, SELF_MASSAGE_CAUTIONS, TOPIC_MUST_SAY):
        for says in table.values():
            rows += says
    return rows
