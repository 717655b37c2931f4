"""Words shared by the company and role readers: names that are never a company, role words,
the parts of a subject line."""

from __future__ import annotations

import re
import unicodedata

UP = "A-ZÄÖÜÉÈÀÂÊÎÔÛÇÑ"


def _words(text: str) -> set[str]:
    return set(text.split())


NOT_COMPANY = _words(
    "we our the you your thank thanks unfortunately dear hi hello i this that it us a an hallo "
    "liebe lieber bonjour hola beste team application interview position role job jobs candidate "
    "recruiting hr re fw aw wg tr fwd sie ihnen uns vous nous nosotros ons jou je monday tuesday "
    "wednesday thursday friday saturday sunday please best regards sincerely kind update next "
    "steps new de en bij bei at la le el het das die der ihre deine votre su tu mit und"
)
NOT_COMPANY |= _words(
    "greenhouse lever workday ashby smartrecruiters icims teamtailor personio workable linkedin indeed "
    "xing stepstone recruitee glassdoor zoom calendar"
)


ROLE_WORDS = re.compile(
    r"engineer|developer|manager|analyst|designer|scientist|lead|director|specialist|consultant|"
    r"architect|intern|associate|officer|coordinator|administrator|assistant|head|product|data|"
    r"sales|marketing|entwickler|ingenieur|berater|leiter|referent|sachbearbeiter|développeur|ingénieur|"
    r"chef|responsable|chargé|desarrollador|ingeniero|analista|gerente|técnico|medewerker|ontwikkelaar|"
    r"adviseur|beheerder|recruiter|writer|editor|researcher|operations|support|account|executive|partner",
    re.I,
)


GENERIC_SUBJECT = re.compile(
    r"\b(?:application|applying|interview|update|next steps?|final|round|thank|follow|status|offer|invitation|"
    r"confirm|your|re|bewerbung|absage|einladung|candidature|entretien|candidatura|entrevista|sollicitatie|gesprek"
    r"|news|nieuws|request|reminder|oferta|angebot|offre|aanbod|proposition|propuesta|zusage|absage|réponse|"
    r"respuesta|resultado|proceso|processus|terugkoppeling|rückmeldung|ihre|votre|tu|je|uw|job|jobs|goed|good)\b",
    re.I,
)
_SEPARATOR = re.compile(r"\s+[-–—|]\s+|:\s+|\s+[·•]\s+")


def subject_segments(subject: str) -> list[str]:
    """The parts of a subject between separators ("Acme – Data Engineer (R-12)" → Acme, Data Engineer)."""
    subject = re.sub(r"^(?:(?:re|aw|fw|fwd|wg|tr|sv)\s*:\s*)+", "", subject.strip(), flags=re.I)
    subject = re.sub(r"\s*[(\[][^)\]]*\d[^)\]]*[)\]]", "", subject)
    parts = [p.strip(" .!?") for p in _SEPARATOR.split(subject)]
    return [p for p in parts if p] if len(parts) > 1 else []


def key(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name.casefold())
    return re.sub(r"[^0-9a-z]+", "", "".join(c for c in folded if not unicodedata.combining(c)))
