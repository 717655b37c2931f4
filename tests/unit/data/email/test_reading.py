"""Reading mail files and text: quoted replies, HTML, broken input, per-message errors."""

from __future__ import annotations

import datetime as dt
from email.message import EmailMessage

from lib.data.email import Email, MessageError, from_pasted, read_bytes, understand
from lib.data.email.text import html_to_text, own_words


def _eml(
    body: str, subject: str = "Your application", sender: str = "Acme <jobs@acme.com>", **headers
) -> bytes:
    message = EmailMessage()
    message["From"] = sender
    message["Subject"] = subject
    message["Date"] = headers.pop("date", "Mon, 03 Nov 2025 09:00:00 +0100")
    message["Message-ID"] = headers.pop("message_id", "<m1@acme.com>")
    for name, value in headers.items():  # in_reply_to="<…>" is In-Reply-To
        message[name.replace("_", "-").title()] = value
    message.set_content(body)
    return bytes(message)


def test_a_rejection_quoting_the_candidates_thank_you_is_read_from_its_own_words():
    body = (
        "Hi Sam, thanks for your note. We have decided to move forward with other candidates.\n\n"
        "On Mon, 3 Nov 2025 at 10:00, Sam <sam@example.org> wrote:\n"
        "> Thank you for the interview! Could we schedule a follow-up call?\n"
    )
    reading = understand(from_pasted(f"From: Acme <jobs@acme.com>\nSubject: Re: Interview\n\n{body}"))
    assert reading.kind == "rejection"
    assert "schedule" not in own_words(body)


def test_the_candidates_own_reply_quoting_a_rejection_is_not_an_event():
    body = (
        "Thank you for letting me know. Could you share feedback?\n\n"
        "-----Original Message-----\nFrom: Acme\nSent: Monday\n"
        "We have decided not to move forward with your application."
    )
    assert understand(from_pasted(f"Subject: Re: Your application\n\n{body}")).kind == "other"


def test_html_only_mail_becomes_plain_text_without_tags_or_styles():
    text = html_to_text("<style>p{color:red}</style><p>Hello&nbsp;<b>Sam</b></p><p>Bye</p>")
    assert text.split() == ["Hello", "Sam", "Bye"] and "<" not in text and "color" not in text


def test_an_mbox_is_read_message_by_message_and_a_broken_one_is_an_error():
    good = _eml("Thank you for applying to Acme. We have received your application.")
    encrypted = (
        b"From: a@b.com\nSubject: x\nMessage-ID: <e@b>\nContent-Type: application/pkcs7-mime\n\nMIIB\n"
    )
    cut = b"From: c@d.com\nSubject: cut off"
    mbox = b"From x Mon Jan 1 00:00:00 2025\n" + good + b"\nFrom y Mon Jan 1 00:00:00 2025\n" + encrypted
    mbox += b"\nFrom z Mon Jan 1 00:00:00 2025\n" + cut
    found = list(read_bytes("mail.mbox", mbox))
    assert isinstance(found[0], Email) and found[0].date == dt.date(2025, 11, 3)
    assert isinstance(found[1], MessageError) and "encrypted" in found[1].message
    assert isinstance(found[2], MessageError) and "cut off" in found[2].message
    assert [f.position for f in found] == [1, 2, 3]


def test_empty_files_fake_msg_and_unknown_charsets_give_clear_messages():
    assert isinstance(next(read_bytes("empty.eml", b"")), MessageError)
    fake = next(read_bytes("note.msg", b"this is not an outlook file"))
    assert isinstance(fake, MessageError) and "Outlook" in fake.message
    odd = b"From: a@b.com\nSubject: Hi\nContent-Type: text/plain; charset=x-unknown-9\n\nCaf\xe9 ok"
    message = next(read_bytes("odd.eml", odd))
    assert isinstance(message, Email) and message.text.startswith("Caf")


def test_encoded_headers_and_base64_bodies_are_decoded():
    raw = (
        b"From: =?utf-8?q?Oc=C3=A9ane_Tech?= <rh@oceane.fr>\nSubject: =?utf-8?b?Q2FuZGlkYXR1cmU=?=\n"
        b"Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n"
        b"TWVyY2kgcG91ciB2b3RyZSBjYW5kaWRhdHVyZQ==\n"
    )
    message = next(read_bytes("a.eml", raw))
    assert message.sender_name == "Océane Tech" and message.subject == "Candidature"
    assert message.text.startswith("Merci pour votre candidature")


def test_pasted_text_keeps_the_headers_it_has():
    pasted = (
        "From: Lena <lena@nordlicht.de>\nSubject: Einladung\nDate: 2025-11-03\n\nHallo, wir laden Sie ein."
    )
    message = from_pasted(pasted, today=dt.date(2025, 11, 5))
    assert message.sender == "lena@nordlicht.de" and message.subject == "Einladung"
    assert message.date == dt.date(2025, 11, 3)
    assert from_pasted(pasted).message_id == from_pasted(pasted).message_id  # pasting twice is one email


def test_parts_nested_thousands_deep_are_refused_in_words_not_an_exception_name():
    depth = 3_000
    head = b"".join(
        b'Content-Type: multipart/mixed; boundary="b%d"\n\n--b%d\n' % (i, i) for i in range(depth)
    )
    raw = b"From: x@example.com\nSubject: deep\n" + head + b"Content-Type: text/plain\n\nhi\n"
    found = next(read_bytes("deep.eml", raw))
    assert isinstance(found, MessageError)
    assert "too many levels deep" in found.message and "RecursionError" not in found.message


def test_a_role_beginning_with_it_or_hr_is_read_and_a_reply_prefix_is_not_part_of_it():
    from lib.data.email.extract import role

    body = ["Thank you for applying for the IT Engineering Co-Op position at Wayfair."]
    assert role("Your application", body, "Wayfair") == "IT Engineering Co-Op"
    assert role("Your application for HR Business Partner", [], "Acme") == "HR Business Partner"
    assert role("Re: Data Analyst at Acme", [], "Acme") == "Data Analyst"
    # the pronoun and the team that signs are still not roles
    assert role("Your application", ["We are reviewing it now and HR will be in touch."], "Acme") is None


def test_an_email_that_could_be_any_of_several_applications_says_the_pick_is_a_guess():
    import pandas as pd

    from lib.data.email.match import match

    log = pd.DataFrame(
        {
            "id": [1, 2, 3],
            "company": ["Wayfair", "Wayfair", "Acme"],
            "role": ["IT Engineering Co-Op", "Software Engineering Co-Op", "Analyst"],
            "applied_on": pd.to_datetime(["2026-10-01", "2026-10-05", "2026-10-02"]),
            "outcome": ["open", "open", "open"],
        }
    )
    picked, why = match("rejection", "Wayfair", None, log)
    assert picked == 2
    assert (
        why
        == "2 applications at Wayfair could be the one; the latest, Software Engineering Co-Op, is picked: check it."
    )
    assert match("rejection", "Wayfair", "IT Engineering Co-Op", log) == (
        1,
        "Matched to Wayfair — IT Engineering Co-Op in your log.",
    )
    assert match("rejection", "Acme", None, log)[1] == "Matched to Acme — Analyst in your log."


def test_a_recruiter_signing_with_their_title_is_not_taken_for_the_company():
    from lib.data.email.extract import company

    lines = [
        "Thank you for applying to the Software Engineer Co-Op role at Cisco.",
        "Best regards, Priya Natarajan Talent Acquisition, Cisco",
    ]
    text = "\n".join(lines)
    assert (
        company("Interview invitation", "talent@cisco.example.com", "Priya Natarajan", lines, text) == "Cisco"
    )
    # a team that signs as itself still names its company
    team = ["We will be in touch soon.", "The Acme Talent Acquisition team"]
    assert (
        company("Your application", "jobs@mailer.example.com", "Acme Talent Team", team, "\n".join(team))
        == "Acme"
    )


def test_an_email_dated_after_today_reads_as_today_the_day_it_reached_the_person():
    """A sender's time zone or a wrong clock can date an email tomorrow: read as today (a day in the
    future would be refused on save); an earlier day is kept as it is."""
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    text = "Subject: Interview invitation\nDate: {}\n\nWe would like to invite you to an interview at Acme."
    assert understand(from_pasted(text.format(tomorrow.isoformat()))).date == dt.date.today()
    assert understand(from_pasted(text.format("2025-11-04"))).date == dt.date(2025, 11, 4)


def test_an_outlook_copy_starting_with_from_takes_its_day_from_sent():
    """Pasted with "From:" on top it was read as a raw message, whose Date it lacks: it was today."""
    pasted = (
        "From: Dana Lee <dana@acme.example>\n"
        "Sent: Thursday, December 3, 2026 4:12 PM\n"
        "To: Sam\n"
        "Subject: Your application\n\n"
        "Unfortunately we will not move forward."
    )
    email = from_pasted(pasted, dt.date(2026, 12, 5))
    assert email.date == dt.date(2026, 12, 3) and email.subject == "Your application"


def test_an_invitation_that_thanks_you_for_your_interest_in_the_role_is_a_confident_interview():
    # "your interest in the ... position" is the person's own application as surely as "your application"
    body = (
        "Thanks again for your interest in the Data Analyst position at Acme. We were impressed with "
        "your background and would like to invite you to an interview with our analytics team."
    )
    reading = understand(
        from_pasted(f"From: Priya <priya@acme.com>\nSubject: Interview invitation\n\n{body}")
    )
    assert reading.kind == "interview" and reading.confident


def _mbox(*messages: bytes) -> bytes:
    return b"".join(b"From x Mon Jan 1 00:00:00 2025\n" + m + b"\n" for m in messages)


def test_a_reply_in_a_thread_joins_the_job_email_it_answers_and_adds_no_step():
    import pandas as pd

    from lib.data.email.scan import FileScan, join_threads, read_understood

    invitation = _eml(
        "We enjoyed reviewing your application for the Product Analyst role at Contoso and would like to "
        "invite you to an interview with our hiring manager on Tuesday. Please confirm whether this time works.",
        subject="Interview invitation: Product Analyst at Contoso",
        sender="Priya Raman <priya.raman@contoso.com>",
        message_id="<inv@contoso.com>",
    )
    re_subject = "Re: Interview invitation: Product Analyst at Contoso"
    own_reply = _eml(
        "Thank you! Tuesday works for the interview. Looking forward to it.",
        subject=re_subject,
        sender="Sam Doe <sam.doe@gmail.com>",
        date="Mon, 03 Nov 2025 11:00:00 +0100",
        message_id="<re1@gmail.com>",
        in_reply_to="<inv@contoso.com>",
    )
    their_reply = _eml(
        "Great, you're confirmed for the interview on Tuesday.",
        subject=re_subject,
        sender="Priya Raman <priya.raman@contoso.com>",
        date="Tue, 04 Nov 2025 09:00:00 +0100",
        message_id="<re2@contoso.com>",
        references="<inv@contoso.com> <re1@gmail.com>",
        in_reply_to="<re1@gmail.com>",
    )
    scan = FileScan(path="mail.mbox")
    mail = _mbox(invitation, own_reply, their_reply)
    read_understood(read_bytes("mail.mbox", mail), pd.DataFrame(), scan)
    join_threads([scan], pd.DataFrame())
    first, *replies = scan.readings
    assert (first.company, first.role, first.confident) == ("Contoso", "Product Analyst", True)
    assert replies, "the replies are job emails too"
    for reply in replies:  # not "Sam Doe" nor "Priya Raman", nor "Product Analyst at Contoso"
        assert (reply.company, reply.role) == ("Contoso", "Product Analyst")
        assert not reply.confident and reply.reason.startswith("A reply in the thread of")
    # one .eml a message (the usual export): the reply in another file joins it all the same
    apart = [FileScan(path="1.eml"), FileScan(path="2.eml")]
    read_understood(read_bytes("1.eml", invitation), pd.DataFrame(), apart[0])
    read_understood(read_bytes("2.eml", own_reply), pd.DataFrame(), apart[1])
    join_threads(apart, pd.DataFrame())
    assert (apart[1].readings[0].company, apart[1].readings[0].role) == ("Contoso", "Product Analyst")
    # a reply inviting to the final round is a new step: not "says this already"
    final = _eml(
        "Great news: we would like to invite you to the final round interview for your application, "
        "with our VP. Please confirm whether Thursday works.",
        subject=re_subject,
        sender="Priya Raman <priya.raman@contoso.com>",
        date="Mon, 10 Nov 2025 09:00:00 +0100",
        message_id="<final@contoso.com>",
        in_reply_to="<inv@contoso.com>",
    )
    later = FileScan(path="3.eml")
    read_understood(read_bytes("3.eml", final), pd.DataFrame(), later)
    join_threads([apart[0], later], pd.DataFrame())
    assert later.readings[0].stage == "final"
    assert not later.readings[0].reason.startswith("A reply in the thread of")


def test_a_name_from_a_webmail_address_counts_less_than_the_subject_naming_the_company():
    from lib.data.email.extract import company

    subject = "Re: Interview invitation: Product Analyst at Contoso"
    lines = [subject, "Tuesday works for me."]
    assert company(subject, "alexandra@gmail.com", "Alexandra Moreau", lines, "\n".join(lines)) == "Contoso"
    # a company writing from webmail still names itself
    assert company("Hello", "acmehiring@gmail.com", "Acme Hiring", ["Hello"], "Hello") == "Acme"


def test_a_role_with_a_comma_is_read_whole_where_role_closes_it():
    from lib.data.email.extract import role

    line = "Thanks for applying for the Staff, Business Intelligence Engineer role at Twilio Inc."
    assert role("Thanks for applying", [line], None) == "Staff, Business Intelligence Engineer"
    assert role("x", ["Your application for the Engineer, Data & AI role."], None) == "Engineer, Data & AI"
    # capitalised words on both sides only: a sentence running on to a later "role" is none
    for line, expected in (
        ("Many thanks for your Time, Effort and Interest in the Data Engineer role", "Data Engineer"),
        ("We reviewed your Profile, Experience and Skills for the Analyst position", "Analyst"),
        ("We met on Monday, Data Engineer role discussions", None),
    ):
        assert role("x", [line], None) == expected, line
    # elsewhere a comma still ends it
    assert (
        role("x", ["Thank you for applying for Data Engineer, and we will be in touch."], None)
        == "Data Engineer"
    )


def test_a_domain_with_a_two_part_ending_names_its_company_and_webmail_stays_webmail():
    # acme.co.uk read as the company "Co"; a yahoo.co.uk sender was taken for a company
    from lib.data.email.extract import company

    lines = ["Thank you for your application."]
    assert company("Your application", "jobs@acme.co.uk", "", lines, "") == "Acme"
    assert company("Your application", "talent@acme.com.au", "", lines, "") == "Acme"
    subject = "Your application to Globex"
    assert company(subject, "jane@yahoo.co.uk", "Jane Smithson", [subject], "") == "Globex"
