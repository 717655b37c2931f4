"""For which role, and how far it got: the role and the stage from an email."""

from __future__ import annotations

import re

from lib.data.email import phrases
from lib.data.email.company import company
from lib.data.email.names import GENERIC_SUBJECT, NOT_COMPANY, ROLE_WORDS, UP, _words, key, subject_segments

__all__ = ["company", "role", "stage", "subject_segments"]

_STOP = (
    r"(?=$|\s*[.,;:!?)(\]|/•\"”»]|\s(?:at|with|bei|chez|en|bij|in|within|here|and|und|et|y|has|is|was|that|which|"
    r"we|you|@|–|—|-|position|role|job|vacancy|opening|team|opportunity|posting|req|passt|passen|entspricht|ist|"
    r"war|wurde|hat|haben|a|est|es|ha|fue|ya|heeft|werd|wordt|aan|met|mit|avec|con|dont|whose|who|ab|zum|zur|am|"
    r"pour|lequel|laquelle|que|qui|wir|ihnen|uns|zu|geben|danken|konnten|können|erhalten|besetzen|anbieten|"
    r"aanbieden|ontvangen|vous|nous|dass|which|por|para|te|was|were|will|would|can|could|has|had)\b)"
)
ROLE = rf"[\"'„“«‘]?([{UP}0-9][^\n.,;:!?\"”»()]{{1,80}}?)[\"'”»’]?"
# A role with one comma ("Staff, Business Intelligence Engineer", "Engineer, Data & AI"), only where
# a word such as "role" closes it, and only of capitalised words on both sides: "your Time, Effort and
# Interest in the Data Engineer role" is no role, nor "Monday, Data Engineer". Elsewhere a comma ends
# the role ("Data Engineer, and we…").
_TITLE_WORDS = rf"[{UP}0-9][\w&/+'’-]*(?: (?:[{UP}0-9][\w&/+'’-]*|and|of|&))*"
_DAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
ROLE_WITH_COMMA = (
    rf"[\"'„“«‘]?((?!{_DAYS}){_TITLE_WORDS}, {_TITLE_WORDS}|[{UP}0-9][^\n.,;:!?\"”»()]{{1,80}}?)[\"'”»’]?"
)
_ROLE_PATTERNS = [
    re.compile("(?:" + p + ")" + _STOP)
    for p in (
        rf"(?:the|our|a) (?:position|role|job|post|vacancy|opening) (?:of|as) (?:an? )?{ROLE}",
        rf"\b(?:the|our|your|this) {ROLE_WITH_COMMA}(?= (?:position|role|job|vacancy|opening|opportunity|post)\b)",
        rf"(?:applying|applied|application|interview|candidacy) for (?:the |our |a |an )?(?:position of |"
        rf"role of )?{ROLE}",
        rf"(?:Bewerbung|Position|Stelle|Rolle|Job|beworben) (?:als|für die Stelle|für die Position|auf die Stelle"
        rf"|um die Stelle|für die Rolle|für|auf)(?: als)? {ROLE}|\b(?:Position|Stelle|Rolle) {ROLE}(?= bei | \(| am | ab | in | zum )",
        rf"(?:au poste d[e']|pour le poste d[e']|poste d[e']|en tant que|l'offre d[e']) ?{ROLE}",
        rf"(?:puesto|posición|vacante|oferta|rol|cargo) (?:de|como) {ROLE}|\bcomo {ROLE}(?= en )",
        rf"(?:functie|vacature|positie|rol|sollicitatie) (?:van |als |voor |op )?(?:de (?:functie|vacature) )?{ROLE}"
        rf"|\bals {ROLE}(?= bij )",
    )
]
_SUBJECT_ROLE = [
    re.compile(p)
    for p in (
        rf"(?:application|applying|applied|bewerbung|candidature|candidatura|sollicitatie|interview|entretien|"
        rf"entrevista|gesprek|vorstellungsgespräch|absage)\w*(?:\s+\w+){{0,2}}?\s*(?:for|as|als|für|pour|de|para|"
        rf"voor|:|–|-)\s*(?:the |"
        rf"die |le |la |el |de )?(?:position |role |stelle |poste |puesto |functie )?(?:of |als |de )?{ROLE}"
        rf"(?=\s+(?:at|bei|chez|en|bij|@|with|-|–|\||\()\s|\s*$|\s*[(|,])",
        rf"^(?:(?i:re|aw|fw|fwd|wg|tr):\s*)*{ROLE}\s+(?:at|bei|chez|bij|@)\s",
    )
]
_CONNECTORS = _words("de of du des für van der y et and la el le d' & im")
# Written in capitals, these begin a role ("IT Support Analyst", "HR Business Partner"): not the
# pronoun "it" nor the "HR" team that signs an email.
_ROLE_INITIALISMS = frozenset({"IT", "HR"})


def _clean_role(role: str, company_name: str | None) -> str | None:
    role = role.strip(" .,-–'’\"“”")
    role = re.sub(
        r"\s*\((?:m|f|w|d|x|h|v|all genders?)(?:/[mfwdxhv])*\)|\s*\b[mwfdx]/[mwfdx](?:/[mwfdx])?\b",
        "",
        role,
        flags=re.I,
    ).strip(" -–")
    role = re.sub(
        r"\s+(?:position|role|job|vacancy|opening|stelle|poste|puesto|functie)$", "", role, flags=re.I
    )
    words = role.split()
    if not words or len(words) > 9 or len(role) < 2:
        return None
    if words[0].casefold() in NOT_COMPANY and not (words[0] in _ROLE_INITIALISMS and len(words) > 1):
        return None
    if company_name and role.casefold() == company_name.casefold():
        return None
    if not ROLE_WORDS.search(role) and not all(
        w[:1].isupper() or not w[:1].isalpha() or w in _CONNECTORS for w in words
    ):
        return None
    return role


def role(subject: str, lines: list[str], company_name: str | None) -> str | None:
    """The role named in the email or its subject (None when it names none)."""
    for line in lines[:60]:
        for pattern in _ROLE_PATTERNS:
            for match in pattern.finditer(line):
                found = _clean_role(next(g for g in match.groups() if g), company_name)
                if found:
                    return found
    for pattern in _SUBJECT_ROLE:
        match = pattern.search(subject)
        if match:
            found = _clean_role(match.group(1), company_name)
            if found:
                return found
    segments = subject_segments(subject)
    named = company_name is not None and any(key(s) == key(company_name) for s in segments)
    for segment in segments:
        if (ROLE_WORDS.search(segment) or named) and not GENERIC_SUBJECT.search(segment):
            found = _clean_role(segment, company_name)
            if found:
                return found
    return None


def stage(kind: str, lines: list[str]) -> str | None:
    """How far it got: for a rejection, the stage it came at when the email says so; for an
    invitation, the round it invites to; "applied" for a receipt."""
    if kind == "application":
        return "applied"
    if kind not in ("rejection", "interview"):
        return None
    own = lines if kind == "rejection" else lines[1:]  # a rejection's subject may name the interview
    text = " ".join(line for line in own if not phrases.NOT_INVITED.search(line.casefold())).casefold()
    invited_not = any(phrases.NOT_INVITED.search(line.casefold()) for line in lines)
    if phrases.STAGE_FINAL.search(text):
        return "final"
    if phrases.STAGE_INTERVIEW.search(phrases.STAGE_SCREEN.sub(" ", text)):
        return "interview"
    if phrases.STAGE_SCREEN.search(text):
        return "screen"
    if kind == "interview":
        return "interview"
    if invited_not or phrases.STAGE_APPLIED.search(text):
        return "applied"
    return None
