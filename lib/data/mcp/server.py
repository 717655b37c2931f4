"""The stdio MCP server: Rebound's reads (and, when allowed, three writes) as tools, on the
official SDK's MCPServer. Nothing here listens on a network: the assistant's client starts this
process and talks to it over stdin/stdout.

Every tool answers with JSON text. Anything that goes wrong comes back as a tool error (the
server keeps running): a refused write names what to fix, a busy database says to try again.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable
from typing import Annotated, Any, Literal

from mcp.server import MCPServer
from mcp.server.mcpserver.exceptions import ToolError
from mcp_types import ToolAnnotations
from pydantic import Field

from lib.core import db, vocab
from lib.core.db import Engine
from lib.data.mcp import private_reads, reads, writes

Stage = Literal[vocab.STAGES]  # type: ignore[valid-type]
Outcome = Literal[(*vocab.OUTCOMES, "accepted", vocab.OPEN)]  # type: ignore[valid-type]
Channel = Literal[vocab.CHANNELS]  # type: ignore[valid-type]
EventKind = Literal[vocab.EVENT_KINDS]  # type: ignore[valid-type]
NewsChannel = Literal[vocab.NEWS_CHANNELS]  # type: ignore[valid-type]
WorkMode = Literal[vocab.WORK_MODES]  # type: ignore[valid-type]
ContactRole = Literal[vocab.CONTACT_ROLES]  # type: ignore[valid-type]
Day = Annotated[dt.date | None, Field(description="A date as YYYY-MM-DD")]
Limit = Annotated[int, Field(ge=1, le=200, description="At most this many rows")]

READ = ToolAnnotations(read_only_hint=True, destructive_hint=False, open_world_hint=False)
WRITE = ToolAnnotations(
    read_only_hint=False, destructive_hint=False, idempotent_hint=False, open_world_hint=False
)
INSTRUCTIONS = (
    "Rebound is a private job-search log kept on this person's computer: applications and their stage "
    "history, interview debriefs and questions, follow-up notes, feedback, contacts, strategy reviews. "
    "The person has just been through rejections: be kind and concrete. Follow the claim rules: "
    + reads.CLAIM_RULES
)
BUSY = "The database is busy (Rebound is saving something); nothing was changed. Try again in a moment."
NO_WRITES = (
    "Writing is switched off. The person can allow it by starting the server with --allow-writes; "
    "until then, tell them what you would add and let them add it in Rebound."
)


def _text(value: Any) -> str:
    return json.dumps(reads.plain(value), ensure_ascii=False, indent=1)


def _guard(work: Callable[[], Any]) -> str:
    """Run one tool's work; every failure becomes a tool error with a plain message."""
    try:
        return _text(work())
    except ToolError:
        raise
    except (writes.Refused, LookupError) as exc:
        raise ToolError(str(exc)) from None
    except db.DatabaseBusy:
        raise ToolError(BUSY) from None
    except Exception as exc:  # never a crash of the server; never a traceback to the assistant
        if "locked" in str(exc) or "busy" in str(exc):
            raise ToolError(
                "The database is busy (Rebound is saving something). Try again in a moment."
            ) from None
        raise ToolError(f"Rebound could not do that ({type(exc).__name__}); nothing was changed.") from None


def _announce(result: dict[str, Any]) -> dict[str, Any]:
    print(f"Rebound: {result['summary']}", file=sys.stderr, flush=True)  # the client's server log
    return result


def build(engine: Engine, allow_writes: bool = False, include_reflections: bool = False) -> MCPServer:
    server = MCPServer(
        name="rebound", title="Rebound (your job search)", instructions=INSTRUCTIONS, log_level="WARNING"
    )

    @server.tool(annotations=READ)
    def search_applications(
        text: Annotated[str, Field(description="Part of a company name or role title; empty for all")] = "",
        stage: Annotated[
            Stage | None, Field(description="Only applications whose furthest stage is this")
        ] = None,
        outcome: Annotated[
            Outcome | None,
            Field(
                description="Only applications that ended this way, as the app's log shows it (open "
                "and silent for the ghost days is ghosted)"
            ),
        ] = None,
        channel: Annotated[
            Channel | None, Field(description="Only applications sent through this channel")
        ] = None,
        applied_from: Day = None,
        applied_to: Day = None,
        limit: Limit = 25,
    ) -> str:
        """Find applications in the person's log (newest first), with furthest stage and outcome."""
        return _guard(
            lambda: reads.search_applications(
                engine, text, stage, outcome, channel, applied_from, applied_to, limit
            )
        )

    @server.tool(annotations=READ)
    def application_timeline(
        application_id: Annotated[int, Field(description="The application's id")],
    ) -> str:
        """One application's whole story: details, stage events (an event with "invitation": true is
        the day an interview invitation email came, not the interview's), interview debriefs with
        the questions asked, notes sent, feedback received."""
        return _guard(lambda: reads.application_timeline(engine, application_id, include_reflections))

    @server.tool(annotations=READ)
    def question_library(
        text: Annotated[str, Field(description="Words in the question or the answers")] = "",
        category: Annotated[str | None, Field(description="Only this category (e.g. technical)")] = None,
        limit: Limit = 30,
    ) -> str:
        """Every interview question asked, with the person's answer, their 1-5 rating and a better
        answer: weakest category first, lowest rating first. Good for interview practice."""
        return _guard(lambda: reads.question_library(engine, text, category, limit))

    @server.tool(annotations=READ)
    def traction_summary(applied_from: Day = None, applied_to: Day = None) -> str:
        """Where the search gets traction: response and traction rates with 95% intervals and n, by
        channel and role family, the funnel and how applications end. Follows the claim rules."""
        return _guard(lambda: reads.traction_summary(engine, applied_from, applied_to))

    @server.tool(annotations=READ)
    def next_actions(limit: Limit = 30) -> str:
        """The person's open next actions (notes to send, feedback to chase, check-ins), as on Home."""
        return _guard(lambda: reads.open_next_actions(engine, limit))

    @server.tool(annotations=READ)
    def this_week_plan() -> str:
        """This week: the weekly goal, applications sent since Monday, the recent pace, and what the
        last strategy review said would change."""
        return _guard(lambda: reads.week_plan(engine))

    if include_reflections:

        @server.tool(annotations=READ)
        def reflections(limit: Limit = 20) -> str:
            """The person's own reflections after rejections (private: shared because they chose to)."""
            return _guard(lambda: private_reads.reflections(engine, limit))

        @server.tool(annotations=READ)
        def mood_history(weeks: Annotated[int, Field(ge=1, le=104)] = 12) -> str:
            """The person's mood check-ins (1-5, with their words) over the last weeks (private)."""
            return _guard(lambda: private_reads.mood_history(engine, weeks))

        @server.tool(annotations=READ)
        def writing_sessions() -> str:
            """The person's written-out sessions about losing a job or a rejection (private, never
            analysed in Rebound): read them only to support the person, never to judge."""
            return _guard(lambda: private_reads.writing_sessions(engine))

    def writing(work: Callable[[], dict[str, Any]]) -> str:
        if not allow_writes:
            raise ToolError(NO_WRITES)
        return _guard(lambda: _announce(work()))

    @server.tool(annotations=WRITE)
    def add_application(
        company: Annotated[str, Field(description="The company's name")],
        role: Annotated[str, Field(description="The role's title")],
        applied_on: Annotated[dt.date, Field(description="When the person applied, YYYY-MM-DD")],
        channel: Channel = "job board",
        source: Annotated[str | None, Field(description="The job board or ATS name")] = None,
        job_url: Annotated[str | None, Field(description="The job ad's web address")] = None,
        location: str | None = None,
        work_mode: WorkMode | None = None,
        notes: str | None = None,
    ) -> str:
        """Add an application to the log (checked like the app's form). Needs --allow-writes."""
        values = dict(company=company, role=role, applied_on=applied_on, channel=channel, source=source)
        values |= dict(job_url=job_url, location=location, work_mode=work_mode, notes=notes)
        return writing(lambda: writes.add_application(engine, values))

    @server.tool(annotations=WRITE)
    def record_stage_event(
        application_id: int,
        kind: Annotated[EventKind, Field(description="A stage reached, or how it ended")],
        occurred_on: Annotated[dt.date, Field(description="When it happened, YYYY-MM-DD")],
        round_label: Annotated[str | None, Field(description='e.g. "Technical", "Round 2"')] = None,
        via: Annotated[NewsChannel | None, Field(description="How the news came (for an ending)")] = None,
        note: str | None = None,
    ) -> str:
        """Record a step in an application's history (screen, interview, final, offer, accepted) or
        its ending (rejected, ghosted, withdrawn, declined). Needs --allow-writes."""
        values = dict(application_id=application_id, kind=kind, occurred_on=occurred_on)
        values |= dict(round_label=round_label, via=via, note=note)
        return writing(lambda: writes.record_stage_event(engine, values))

    @server.tool(annotations=WRITE)
    def add_contact(
        name: str,
        company: str | None = None,
        role: ContactRole = "other",
        email: str | None = None,
        phone: str | None = None,
        profile_url: str | None = None,
        met_on: Day = None,
        notes: str | None = None,
    ) -> str:
        """Add a person the job seeker met to their network. Needs --allow-writes."""
        values = dict(name=name, company=company, role=role, email=email, phone=phone)
        values |= dict(profile_url=profile_url, met_on=met_on, notes=notes)
        return writing(lambda: writes.add_contact(engine, values))

    return server


def serve(url: str, allow_writes: bool = False, include_reflections: bool = False) -> int:
    """Run over stdio until the client closes it."""
    engine = db.open_database(url)
    mode = "reads and writes" if allow_writes else "read only"
    private = ", with reflections and mood" if include_reflections else ""
    print(f"Rebound MCP server on {engine.url.database} ({mode}{private}).", file=sys.stderr, flush=True)
    try:
        build(engine, allow_writes, include_reflections).run("stdio")
    finally:
        engine.dispose()
    return 0
