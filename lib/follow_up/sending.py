"""Sending a note: a mailto: link the mail app opens (when it fits), or a plain text file."""

from __future__ import annotations

from urllib.parse import quote

MAILTO_MAX_CHARS = 2_000  # longer links are cut off or refused by common mail clients


def mailto_url(email: str, subject: str, body: str) -> str:
    """A mailto: link (RFC 6068): address, subject and body percent-encoded, lines as CRLF."""
    body = body.replace("\r\n", "\n").replace("\n", "\r\n")
    return (
        f"mailto:{quote(email.strip(), safe='@')}"
        f"?subject={quote(subject, safe='')}&body={quote(body, safe='')}"
    )


def mail_link(email: str | None, subject: str, body: str) -> tuple[str | None, str | None]:
    """(link, None) when the note can open in the mail app, else (None, the reason why not)."""
    if not email or not email.strip():
        return (
            None,
            "No email address for this recipient: copy the note instead, or add their email in Network.",
        )
    local, _, domain = email.strip().partition("@")
    if not local or "." not in domain or any(c in email.strip() for c in " ,;<>\"'"):
        return None, f"“{email}” doesn't look like an email address: fix it in Network, or copy the note."
    url = mailto_url(email, subject, body)
    if len(url) > MAILTO_MAX_CHARS:
        return (
            None,
            "This note is too long for a mail link (mail apps cut it off): copy it or download it instead.",
        )
    return url, None


def as_text_file(subject: str, body: str, recipient: str | None = None, email: str | None = None) -> str:
    """The note as a plain text file to download."""
    to = recipient or ""
    if email:
        to = f"{to} <{email}>".strip()
    head = [f"To: {to}"] if to else []
    return "\n".join([*head, f"Subject: {subject}", "", body.rstrip("\n"), ""])
