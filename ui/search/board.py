"""The Applications page's board: open applications by the stage they have reached, newest first,
a few cards a stage (the log's filters find the rest)."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from lib.core import vocab
from lib.core.text import plural, short_date
from lib.search.filters import LogView
from ui import accessible_names
from ui.text import clipped, md

CARD_TEXT = 60  # characters of a company or role on a card: which one it is, in three lines at most


def draw(view: LogView, cards_per_column: int, ghost_days: int) -> None:
    if view.matching == 0:
        st.info("No application matches these filters. Clear a filter to see more.")
        return
    if view.gone_quiet:  # not lost: said where they are
        st.caption(
            f"{plural(view.gone_quiet, 'open application')} with no word from the employer for "
            f"{plural(ghost_days, 'day')} or more "
            + (
                "is not on the board: the log shows it as Ghosted. If they answer, record it and it is back."
                if view.gone_quiet == 1
                else "are not on the board: the log shows them as Ghosted. If one of them answers, record "
                "it and it is back."
            )
        )
    if not any(view.board_counts.values()):
        ended = "ended or gone quiet" if view.gone_quiet else "ended"
        st.info(f"No open applications here: everything shown has {ended}. Add a new one to keep moving.")
    else:
        st.caption(
            "Open applications by the stage they have reached. Open a card to record what happened next."
        )
        names: dict[str, str] = {}  # heard, each card's "Open" says which application it opens
        for stage, column in zip(view.board, st.columns(len(view.board))):
            count = view.board_counts[stage]
            column.markdown(f"**{vocab.stage_label(stage)}** · {count}")
            for card in view.board[stage].itertuples():
                names[f"board_card_{card.id}"] = f"{card.role} at {card.company}"
                with column.container(border=True, key=f"board_card_{card.id}"):
                    st.markdown(  # one element a card: a board of 10,000 stays quick
                        # clipped: a 200-character role made a card ten lines tall (the log cuts it too)
                        f"**{md(clipped(card.company, CARD_TEXT))}**  \n{md(clipped(card.role, CARD_TEXT))} · since "
                        f"{short_date(card.activity, dt.date.today())}"
                    )
                    st.page_link(
                        "pages/application.py",
                        label="Open",
                        icon=":material/arrow_forward:",
                        query_params={"id": str(card.id)},
                    )
            if count > cards_per_column:
                column.caption(f"+ {count - cards_per_column} more — use the log's filters")
        accessible_names.name_controls(names)
