"""The email scan bench: a generated mbox read, understood and matched, as `import` does.

    python -m bench.email_scan [N]      prints {"email_scan": {"messages", "ms", "peak_rss_mb"}}

The mailbox looks like a real one: mostly personal mail, newsletters, orders and alerts (plain,
HTML and multipart), about one message in ten from a hiring process. The scan runs in a fresh
process so its peak memory is its own; `peak_rss_mb` staying the same at 5,000 and 20,000
messages is what "memory does not grow with the mailbox" means.
"""

from __future__ import annotations

import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from email.message import EmailMessage
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MESSAGES = 20_000

_PERSONAL = [
    (
        "Re: dinner on Friday?",
        "Sounds great, see you at eight. I'll bring dessert. Unfortunately Tom can't make it.",
    ),
    (
        "Your order has shipped",
        "Your package is on its way and should arrive on Thursday. Track it in your account.",
    ),
    ("Weekly digest", "Here is what happened in your groups this week: 12 new posts, 3 events near you."),
    ("Invoice 2025-118", "Please find attached the invoice for November. Payment is due within 30 days."),
    ("Photos from the weekend", "Here are the photos! The one at the lake is my favourite."),
]
_JOB = [
    (
        "Your application to {c}",
        "Thank you for applying to {c}. We have received your application for the {r} role.",
    ),
    (
        "{c} - {r}",
        "Thank you for interviewing with us. Unfortunately, we have decided to move forward with other "
        "candidates for the {r} position.",
    ),
    (
        "Interview invitation: {r}",
        "We would like to invite you to an interview for the {r} role at {c}. "
        "Please share your availability.",
    ),
    ("New jobs for you", "Based on your profile: {r} at {c}, and 20 more new jobs matching your search."),
]


def _message(i: int, rng: random.Random) -> bytes:
    m = EmailMessage()
    job = rng.random() < 0.1
    subject, body = rng.choice(_JOB if job else _PERSONAL)
    company, role = f"Company {i % 400}", rng.choice(["Data Engineer", "Product Designer", "Analyst"])
    m["From"] = (
        f"{company} Careers <jobs@company{i % 400}.com>" if job else f"Friend {i % 90} <f{i % 90}@mail.org>"
    )
    m["Subject"] = subject.format(c=company, r=role)
    m["Date"] = f"Mon, {i % 28 + 1:02d} Sep 2025 10:00:00 +0000"
    m["Message-ID"] = f"<bench-{i}@example.org>"
    text = body.format(c=company, r=role) + "\n\n" + "Lorem ipsum dolor sit amet. " * rng.randint(2, 40)
    m.set_content(text)
    if i % 3 == 0:
        m.add_alternative(f"<html><body><p>{text}</p></body></html>", subtype="html")
    if i % 25 == 0:
        m.add_attachment(
            b"%PDF-1.4 " + bytes(rng.randrange(256) for _ in range(20_000)),
            maintype="application",
            subtype="pdf",
            filename="file.pdf",
        )
    return (
        b"From bench@example.org Mon Sep  1 10:00:00 2025\n"
        + bytes(m).replace(b"\nFrom ", b"\n>From ")
        + b"\n"
    )


def write_mbox(path: Path, n: int) -> None:
    rng = random.Random(7)
    with path.open("wb") as out:
        for i in range(n):
            out.write(_message(i, rng))


def _scan(path: str) -> None:
    """In the child process: the scan, then its own peak memory."""
    sys.path.insert(0, str(ROOT))
    import pandas as pd

    from lib.data.email.scan import scan_path

    log = pd.DataFrame(
        {
            "id": [1],
            "company": ["Company 7"],
            "role": ["Data Engineer"],
            "applied_on": [pd.Timestamp("2025-08-01")],
            "outcome": ["open"],
        }
    )
    start, cpu = time.perf_counter(), time.process_time()
    scan = scan_path(path, log)
    ms, cpu_ms = (time.perf_counter() - start) * 1000, (time.process_time() - cpu) * 1000
    rss = _peak_rss_mb()
    print(
        json.dumps(
            {
                "messages": scan.rows,
                "ms": round(ms, 1),
                "peak_rss_mb": round(rss, 1),
                "cpu_ms": round(cpu_ms, 1),
                "job_related": len(scan.readings),
                "errors": len(scan.errors),
            }
        )
    )


def _peak_rss_mb() -> float:
    """This process's own peak memory. Linux carries ru_maxrss over from the parent through fork and
    exec (a bench that has grown to 500 MB would be reported), so VmHWM, which exec resets, first."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_email_scan(n: int = MESSAGES, workdir: Path | None = None) -> dict:
    workdir = workdir or Path(tempfile.mkdtemp(prefix="rebound-bench-mail-"))
    path = workdir / f"inbox-{n}.mbox"
    write_mbox(path, n)
    run = subprocess.run(
        [sys.executable, "-m", "bench.email_scan", "--child", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(run.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        _scan(sys.argv[2])
    else:
        count = int(sys.argv[1]) if len(sys.argv) > 1 else MESSAGES
        found = measure_email_scan(count)
        print(
            f"email scan: {found['messages']:,} messages in {found['ms']:.0f} ms "
            f"({found['messages'] / max(found['ms'], 1) * 1000:,.0f}/s), peak {found['peak_rss_mb']} MB",
            file=sys.stderr,
        )
        print(json.dumps({"email_scan": found}))
