"""The made-up world of the demo data: companies, roles, people, questions and what they said."""

from __future__ import annotations

COMPANIES = [
    ("Northwind Analytics", 1),
    ("Lumen Health", 1),
    ("Bluefin Logistics", 2),
    ("Acme Robotics", 1),
    ("Harbor & Vale", None),
    ("Quantix", 2),
    ("Greenleaf Energy", 1),
    ("Papercrane", None),
    ("Orbital Foods", 3),
    ("Tessellate", 2),
    ("Civic Ledger", None),
    ("Moss & Stone", None),
    ("Fjord Mobility", 2),
    ("Kettle Labs", None),
    ("Brightpath Learning", 1),
    ("Sundial Finance", 3),
    ("Meridian Games", None),
    ("Otter Cloud", 2),
    ("Cobalt Security", None),
    ("Juniper Retail", None),
    ("Helix Bio", 2),
    ("Riverbend Media", None),
    ("Atlas Civic Tech", 1),
    ("Nimbus Travel", None),
    ("Saffron Studio", 3),
]
ROLES = [
    "Data Analyst",
    "Senior Data Analyst",
    "Product Analyst",
    "Analytics Engineer",
    "Business Intelligence Developer",
    "Data Scientist",
    "Jr. Data Scientist",
    "Lead Data Analyst",
]
SOURCES = {
    "job board": ["LinkedIn", "Indeed", "Welcome to the Jungle"],
    "company site": ["Greenhouse", "Lever", "Workday"],
}
RESUMES = ["v3-analyst", "v4-product", "v5-impact"]
LOCATIONS = [("Berlin", "hybrid"), ("Remote (EU)", "remote"), ("Munich", "on-site"), ("Hamburg", "hybrid")]
FIRST_NAMES = [
    "Maya",
    "Jonas",
    "Priya",
    "Tom",
    "Elif",
    "Lukas",
    "Sara",
    "Daniel",
    "Amara",
    "Felix",
    "Noor",
    "Ben",
]
LAST_NAMES = [
    "Schmidt",
    "Okafor",
    "Rossi",
    "Nguyen",
    "Becker",
    "Haddad",
    "Larsen",
    "Kowalski",
    "Moreau",
    "Ito",
]

QUESTIONS = [
    (
        "behavioural",
        "Tell me about a time you disagreed with a stakeholder.",
        "I talked about the churn dashboard dispute but rambled.",
        "Use STAR: the churn metric dispute, what I proposed, the 12% faster decision.",
    ),
    (
        "technical",
        "How would you find duplicate customers in a table with typos?",
        "Fuzzy matching with a similarity threshold.",
        "Start with blocking on postcode, then Jaro-Winkler; mention precision/recall.",
    ),
    (
        "technical",
        "Write SQL for the 7-day rolling average of orders.",
        "Window function, but I forgot the frame clause at first.",
        "AVG(...) OVER (ORDER BY day ROWS BETWEEN 6 PRECEDING AND CURRENT ROW).",
    ),
    (
        "case",
        "Sign-ups dropped 20% last week. What do you look at?",
        "Checked tracking first, then channels.",
        "Structure: data quality, seasonality, funnel step, segment, external events.",
    ),
    (
        "motivation",
        "Why do you want to work here?",
        "Mission and the team.",
        "Tie their logistics-cost goal to my forecasting project with numbers.",
    ),
    (
        "behavioural",
        "Describe a project that failed.",
        "The A/B platform migration.",
        "Own the mistake, the lesson, and what I changed in the next project.",
    ),
    (
        "technical",
        "Explain a p-value to a product manager.",
        "Gave the textbook definition.",
        "Use the coin example, then what decision it supports and what it doesn't.",
    ),
    (
        "culture",
        "How do you like to receive feedback?",
        "Direct and written.",
        "Give an example of feedback that changed how I work.",
    ),
    (
        "salary",
        "What are your salary expectations?",
        "Gave a number too early.",
        "Give a researched range and ask about the band first.",
    ),
]
POSITIVE_MOMENTS = [
    "The hiring manager lit up when I showed the forecasting notebook.",
    "We laughed about the office plants; the team felt easy to talk to.",
    "The panel asked follow-up questions about my dashboard redesign.",
]
FEEDBACK_TEXTS = [
    (
        "We went with someone with more experience in our domain.",  # fits any company it lands on
        ["domain knowledge", "experience level"],
    ),
    (
        "Your SQL was strong; the case study structure could have been clearer.",
        ["communication", "technical depth"],
    ),
    ("The role was filled internally.", ["internal or other candidate"]),
    ("No specific feedback, thank you for your time.", ["no reason given"]),
    ("We were looking for deeper experimentation experience.", ["technical depth"]),
]
SKILLS = [
    "experimentation",
    "SQL window functions",
    "storytelling",
    "logistics domain",
    "dbt",
    "stakeholder management",
]
MOTIVATIONS = ["dream job", "next logical step", "I was bored", "someone else pushed me"]
CHALLENGES = [
    "Building the reporting layer from scratch with a team of two.",
    "Winning over sales leads who distrust dashboards.",
    "Untangling three sources of truth for revenue.",
]
