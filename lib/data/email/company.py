"""Who wrote, for which role, and how far it got: company, role and stage from an email.

The company is voted on: names after "at", "bei", "chez", "bij", "en" in the email's own sentences
and subject, the sender's display name (without "Recruiting", "Talent Team", "via Greenhouse"),
the sender's domain (unless it is a mail provider or a hiring system) and the company slug in
hiring-system links (acme.wd5.myworkdayjobs.com, jobs.lever.co/acme). A name several sources agree
on wins.
"""

from __future__ import annotations

import re
from collections import defaultdict

from lib.data.email.classify import system_of
from lib.data.email.names import GENERIC_SUBJECT, NOT_COMPANY, ROLE_WORDS, UP, key, subject_segments

_WORD = rf"(?:[{UP}0-9][\w&'’.+\-]*|[a-z]+[{UP}][\w]*|[a-z0-9]+\.(?:com|io|ai|de|fr|nl|es|co))"
NAME = rf"({_WORD}(?: (?:{_WORD}|&|of|and|de|du|des|la|le|von|van|der|den|the|für|y|et|en)){{0,4}}?)"
_END = r"(?=$|[\s]*[.,;:!?)(\]|/•–—-]|\s(?:and|to|for|on|in|as|is|was|we|our|has|have|team|und|als|um|et|pour|y|para|en|voor|als|om|en|with|via|at|this|who|where)\b|'s\b|’s\b)"
_COMPANY_BODY = re.compile(
    rf"(?:interest in(?: joining| working at| working for)?|applying (?:to|at|with)|applied (?:to|at|with)|"
    rf"application (?:to|at|with)|(?:position|role|job|opportunity|opportunities|career|careers|vacancy|"
    rf"opening|team|candidacy) (?:at|with)|join(?:ing)?|work(?:ing)? (?:at|for)|on behalf of|here at|"
    rf"interview(?:ing)? (?:at|with)|bei(?: der| dem)?|Bewerbung bei|Interesse an(?: der| einer Tätigkeit bei)?|"
    rf"Team (?:von|der)|chez|au sein de(?: la société)?|rejoindre|l'équipe(?: de| recrutement de| RH de)?|"
    rf"l’équipe(?: de)?|(?:trabajar|oportunidad|interés|formar parte del equipo) (?:en|con)|"
    rf"equipo de|unirte a|formar parte de|bij|team van|werken bij|solliciteren bij) {NAME}{_END}"
)
_COMPANY_EN = re.compile(rf"\b(?:en|à) {NAME}{_END}")
_COMPANY_TEAM = re.compile(
    rf"(?:^|\s)(?:the |your |ihr |dein |euer |das |het |)?{NAME}(?:'s|’s)? (?:(?:[Rr]ecruiting|[Rr]ecruitment|"
    rf"[Tt]alent(?: [Aa]cquisition)?|[Hh]iring|[Pp]eople|HR|[Cc]areers) )?(?:[Tt]eam|[Rr]ecruiting|"
    rf"[Rr]ecruitment|[Tt]alent [Aa]cquisition|[Cc]areers|Human Resources|Personalabteilung)\b(?! [Pp]artner)"
)
_SUBJECT_COMPANY = re.compile(
    rf"(?:\bat|\bto|\bwith|\bbei|\bchez|\ben|\bbij|\bfrom|@|\|)\s+{NAME}{_END}|^{NAME}\s*[:|–—-]\s"
)
_SENDER_NOISE = re.compile(
    r"\b(?:recruiting|recruitment|recruiter|talent(?: acquisition)?|careers?|jobs?|hiring(?: team)?|hr|"
    r"people(?: team)?|team|no-?reply|notifications?|do not reply|mailer|karriere|bewerbermanagement|"
    r"personalabteilung|recrutement|rh|reclutamiento|selección|werving|via \w+|powered by \w+)\b",
    re.I,
)
_WEBMAIL = frozenset(
    [
        "gmail",
        "googlemail",
        "outlook",
        "hotmail",
        "live",
        "yahoo",
        "icloud",
        "me",
        "mac",
        "gmx",
        "web",
        "protonmail",
        "proton",
        "aol",
        "t-online",
        "orange",
        "free",
        "laposte",
        "wanadoo",
        "hey",
        "mail",
        "fastmail",
        "zoho",
        "yandex",
        "libero",
        "telefonica",
        "ziggo",
        "kpnmail",
        "example",
    ]
)
_GENERIC_LOCAL = re.compile(
    r"^(?:no-?reply|do-?not-?reply|donotreply|notifications?|jobs?|careers?|recruit\w*|talent|hr|hello|"
    r"info|team|apply|applications?|bewerbung\w*|candidates?|hiring|mailer|people|system|support|reply|"
    r"karriere|emplois?|empleo|vacatures?|werkenbij|rh)(?:[+._-].*)?$"
)
_SLUGS = [
    re.compile(p, re.I)
    for p in (
        r"https?://([a-z0-9-]+)\.wd\d+\.myworkday(?:jobs|site)\.com",
        r"jobs\.(?:eu\.)?lever\.co/([a-z0-9-]+)",
        r"(?:boards|job-boards)(?:\.eu)?\.greenhouse\.io/([a-z0-9-]+)",
        r"jobs\.ashbyhq\.com/([a-z0-9-]+)",
        r"https?://([a-z0-9-]+)\.teamtailor\.com",
        r"apply\.workable\.com/([a-z0-9-]+)",
        r"https?://([a-z0-9-]+)\.jobs\.personio\.(?:de|com)",
        r"(?:careers|jobs)\.smartrecruiters\.com/([a-z0-9-]+)",
        r"https?://([a-z0-9-]+)\.recruitee\.com",
        r"https?://([a-z0-9-]+)\.bamboohr\.com",
        r"https?://careers-([a-z0-9-]+)\.icims\.com",
    )
]


def _clean_name(name: str) -> str | None:
    name = re.sub(r"^(?:the|la|le|el|het|de|die|der|das|l'|l’)\s+", "", name.strip(" .,-–'’\"“”"), flags=re.I)
    name = re.sub(r"\s+(?:team|Team|Recruiting|Talent)$", "", name)
    if not name or len(name) > 60 or name.casefold() in NOT_COMPANY:
        return None
    first = name.split()[0].casefold()
    if first in NOT_COMPANY and len(name.split()) > 1 and first not in ("the",):
        return None
    return name


def _sender_name(display: str) -> str | None:
    display = display.strip(" \"'")
    for joiner in (" at ", " from ", " | ", " @ ", " bei ", " chez ", " de ", " van ", " - "):
        if joiner in display:
            display = display.split(joiner, 1)[1]
            break
    return _clean_name(" ".join(_SENDER_NOISE.sub(" ", display).split()))


def _domain_label(sender: str) -> tuple[str | None, str | None]:
    """(company from the domain, company from the local part of a hiring-system address)."""
    if "@" not in sender:
        return None, None
    local, _, domain = sender.partition("@")
    if system_of(domain):
        return None, (None if _GENERIC_LOCAL.match(local) else local.replace("-", " ").replace(".", " "))
    labels = [
        p
        for p in domain.split(".")
        if p
        not in (
            "mail",
            "email",
            "e",
            "jobs",
            "careers",
            "hr",
            "info",
            "notifications",
            "talent",
            "recruiting",
            "news",
        )
    ]
    label = _site_label(labels)
    if label is None or label in _WEBMAIL:
        return None, None
    return label.replace("-", " "), None


_SECOND_LEVEL = frozenset(["co", "com", "org", "net", "ac", "gov", "edu", "ltd", "plc", "ne", "or"])


def _site_label(labels: list[str]) -> str | None:
    """The name part of a domain's labels: acme in acme.com, acme.co.uk and acme.com.au (it read
    "co" for acme.co.uk, and a yahoo.co.uk sender was no webmail)."""
    if len(labels) < 2:
        return None
    if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2:
        return labels[-3]
    return labels[-2]


def company(
    subject: str, sender: str, sender_name: str, lines: list[str], raw_text: str, avoid: str | None = None
) -> str | None:
    """The company an email is from, by vote (None when nothing points anywhere)."""
    votes: dict[str, float] = defaultdict(float)
    names: dict[str, str] = {}

    def vote(name: str | None, weight: float) -> None:
        name = _clean_name(name) if name else None
        if name and not (avoid and key(name) == key(avoid)):
            k = key(name)
            if k:
                votes[k] += weight
                if k not in names or (names[k].islower() and not name.islower()):
                    names[k] = name

    text = "\n".join(lines[:60])
    # "Priya Natarajan, Talent Acquisition" under a mail from "Priya Natarajan": a person's title
    signer = key(sender_name.strip(" \"'")) if sender_name else None
    for pattern, weight in ((_COMPANY_BODY, 3), (_COMPANY_TEAM, 3), (_COMPANY_EN, 1.5)):
        for match in pattern.finditer(text):
            if pattern is _COMPANY_TEAM and signer and key(match.group(1)) == signer:
                continue
            vote(match.group(1), weight)
    for match in _SUBJECT_COMPANY.finditer(subject):
        vote(match.group(1) or match.group(2), 2)
    for segment in subject_segments(subject):
        if not ROLE_WORDS.search(segment) and not GENERIC_SUBJECT.search(segment) and segment[:1].isupper():
            vote(segment, 1.5)
    domain, local = _domain_label(sender)
    display = _sender_name(sender_name)
    person = domain and display and not (key(display) in key(domain) or key(domain) in key(display))
    # from a webmail address the name is most often a person's (the person's own reply, a friend's
    # referral): it counts less than a subject naming the company
    webmail = "@" in sender and _site_label([p for p in sender.rsplit("@", 1)[1].split(".") if p]) in _WEBMAIL
    vote(display, 0.5 if person else 1 if webmail else 2)
    for slug in [domain, local] + [p.search(raw_text[:50_000]) for p in _SLUGS]:
        text = slug.group(1).replace("-", " ") if isinstance(slug, re.Match) else slug
        if text:
            k = key(text)
            votes[k] += 2.5
            names.setdefault(k, text.title() if text.islower() else text)
            # a longer name that starts with the slug ("Acme Corp" for acme) gets the vote too
            for other in list(votes):
                if other != k and (other.startswith(k) or k.startswith(other)):
                    votes[other] += 2
    if not votes:
        return None
    best = max(votes, key=lambda v: (votes[v], len(v)))
    return names[best]
