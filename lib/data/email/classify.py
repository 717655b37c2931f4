"""What an email is: rejection, interview, application, offer or other — and the sentence that says so.

Readable rules, in order:
1. Only the sender's own words count (quotes and signatures are cut, see text.py).
2. Each sentence (and the subject) is checked against the wording of each kind (phrases.py);
   a sentence that only says what *would* happen ("if we decide not to…") is passed over.
3. An offer wins, then a rejection (rejections thank for the application and mention the
   interview), then an interview invitation or rescheduling, then an application receipt.
4. Job alerts, "your application was viewed", recruiter outreach and newsletters are "other".
5. "Unfortunately" about an application, with no invitation in sight, is a rejection only as a
   guess (not confident): the command line never writes a guess.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

from lib.data.email import phrases
from lib.data.email.text import own_words, sentences

# Hiring systems by the domains their mail and links come from.
SYSTEMS: dict[str, tuple[str, ...]] = {
    "Greenhouse": ("greenhouse.io", "greenhouse-mail.io"),
    "Lever": ("lever.co",),
    "Workday": ("myworkday.com", "workday.com", "myworkdayjobs.com", "myworkdaysite.com"),
    "Ashby": ("ashbyhq.com",),
    "SmartRecruiters": ("smartrecruiters.com", "smartrecruiters.eu"),
    "iCIMS": ("icims.com",),
    "Teamtailor": ("teamtailor.com", "teamtailor-mail.com"),
    "Personio": ("personio.de", "personio.com"),
    "Workable": ("workable.com", "workablemail.com"),
    "Recruitee": ("recruitee.com",),
    "Jobvite": ("jobvite.com",),
    "BambooHR": ("bamboohr.com",),
    "SuccessFactors": ("successfactors.com", "successfactors.eu", "sapsf.com", "sapsf.eu"),
    "Taleo": ("taleo.net",),
    "Breezy HR": ("breezy.hr", "breezyhr.com"),
    "JazzHR": ("jazzhr.com", "applytojob.com"),
    "JOIN": ("join.com",),
    "softgarden": ("softgarden.io", "softgarden.de"),
    "Rippling": ("rippling.com", "rippling-ats.com"),
    "Pinpoint": ("pinpointhq.com",),
    "Comeet": ("comeet.co", "comeet.com"),
    "HiBob": ("hibob.com",),
    "Welcome to the Jungle": ("welcometothejungle.com",),
    "LinkedIn": ("linkedin.com",),
    "Indeed": ("indeed.com", "indeedemail.com"),
    "StepStone": ("stepstone.de", "stepstone.com"),
    "XING": ("xing.com",),
}
_DOMAIN_SYSTEM = {domain: name for name, domains in SYSTEMS.items() for domain in domains}
_LINK = re.compile(r"https?://([a-z0-9.-]+)", re.I)
_BOARDS = {"LinkedIn", "Indeed", "StepStone", "XING", "Welcome to the Jungle"}
KINDS = ("rejection", "interview", "application", "offer", "other")
OUTREACH = "A recruiter reaching out, not an application."  # "other", yet listed: it may become one


@dataclass
class Verdict:
    kind: str
    confident: bool
    reason: str  # the sentence (or the rule) that decided
    system: str | None  # the hiring system the email came through
    language: str
    sentences: list[str]  # the email's own sentences, subject first


def system_of(domain: str) -> str | None:
    domain = domain.casefold()
    parts = domain.split(".")
    for i in range(len(parts) - 1):
        name = _DOMAIN_SYSTEM.get(".".join(parts[i:]))
        if name:
            return name
    return None


def hiring_system(sender: str, text: str) -> str | None:
    """The hiring system behind an email: its sender's domain, else the links in it."""
    found = system_of(sender.rpartition("@")[2]) if "@" in sender else None
    if found:
        return found
    for domain in _LINK.findall(text[:50_000]):
        name = system_of(domain)
        if name and name not in _BOARDS:
            return name
    return None


_PATTERNS = (
    ("offer", phrases.OFFER),
    ("rejection", phrases.REJECTION),
    ("interview", phrases.INTERVIEW),
    ("application", phrases.APPLICATION),
)
# A cheap first look (plain substring tests, no regex): an email with none of these stems is
# "other" without reading its sentences — most of a mailbox, so a scan stays fast.
_SIGNALS = tuple(
    [
        "applic",
        "candida",
        "kandida",
        "interview",
        "offer",
        "position",
        "role",
        "recruit",
        "hiring",
        "talent",
        "job",
        "bewerb",
        "stelle",
        "gespräch",
        "vorstellung",
        "entretien",
        "poste",
        "postul",
        "entrevista",
        "puesto",
        "solicitud",
        "sollicit",
        "vacature",
        "functie",
        "gesprek",
        "recrut",
        "career",
        "karriere",
        "carrière",
        "absage",
        "zusage",
        "empleo",
        "emploi",
        "werving",
        "vacan",
        "opening",
        "résumé",
        "resume",
        "lebenslauf",
        "unterlagen",
        "profil",
        "cargo",
        "sollicitatie",
        "selección",
        "seleccion",
    ]
)
MAX_READ = 20_000  # characters of an email's own words that are read


def _hits(lines: list[str], lows: list[str], joined: str) -> dict[str, list[str]]:
    """The sentences that say each kind (one pass of each kind's wording over the whole text)."""
    found: dict[str, list[str]] = {kind: [] for kind, _ in _PATTERNS}
    starts = list(accumulate((len(low) + 1 for low in lows[:-1]), initial=0))
    for kind, pattern in _PATTERNS:
        seen = set()
        for match in pattern.finditer(joined):
            i = bisect_right(starts, match.start()) - 1
            if i not in seen and not phrases.CONDITIONAL.search(lows[i]):
                seen.add(i)
                found[kind].append(lines[i])
    return found


def classify(subject: str, sender: str, text: str, bulk: bool = False) -> Verdict:
    """The kind of one email, with why."""
    look = (subject + " " + text[:MAX_READ]).casefold()
    if not any(stem in look for stem in _SIGNALS):
        return Verdict("other", True, "Nothing about an application in it.", None, "", [subject])
    body = own_words(text[:MAX_READ])
    lines = ([subject] if subject else []) + sentences(body)
    system = hiring_system(sender, text)
    lang = phrases.language(subject + " " + body)
    lows = [line.casefold() for line in lines]
    whole = "\n".join(lows)
    hits = _hits(lines, lows, whole)
    own = bool(phrases.OWN_APPLICATION.search(whole))

    if phrases.VIEWED.search(whole) and not hits["rejection"] and not hits["offer"]:
        return Verdict("other", True, "A notice that the application was viewed.", system, lang, lines)
    personal = any(
        phrases.OWN_APPLICATION.search(line.casefold()) for line in hits["rejection"] + hits["offer"]
    )
    head = " ".join(lines[:3]).casefold()
    if (phrases.ALERT.search(head) or (bulk and phrases.ALERT.search(whole))) and not personal:
        return Verdict("other", True, "A job alert.", system, lang, lines)
    if phrases.OUTREACH.search(whole) and not own and not hits["rejection"]:
        return Verdict("other", True, OUTREACH, system, lang, lines)

    if hits["offer"] and not hits["rejection"]:
        return Verdict("offer", True, hits["offer"][0], system, lang, lines)
    if hits["rejection"]:
        return Verdict("rejection", True, hits["rejection"][0], system, lang, lines)
    if hits["interview"]:
        return Verdict("interview", own or system is not None, hits["interview"][0], system, lang, lines)
    if hits["application"]:
        return Verdict("application", True, hits["application"][0], system, lang, lines)

    if bulk and not own:
        return Verdict("other", True, "A newsletter or mailing.", system, lang, lines)
    for line in lines:
        low = line.casefold()
        if (
            phrases.SORRY.search(low)
            and phrases.OWN_APPLICATION.search(whole)
            and not phrases.HIGH_VOLUME.search(low)
            and not phrases.CONDITIONAL.search(low)
        ):
            return Verdict("rejection", False, line, system, lang, lines)
    return Verdict(
        "other", True, "Nothing decided: no receipt, invitation, offer or decision.", system, lang, lines
    )
