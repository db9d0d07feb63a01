"""The default risk checklist, risk levels and closure outcomes (migration 0002 and after
a database flush).

The checklist covers the areas that specialist risk tools for violence ask about (escalation,
weapons, threats to kill, strangulation, stalking, the perpetrator knowing where the person
lives or works, isolation, fear), in our own words and weights. The organisation edits all
of it in the admin; past assessments keep the score and level they had.
"""

from __future__ import annotations

from typing import Any

RISK_ITEMS = [
    ("The harm has become more frequent or more serious recently", "", 2),
    ("A weapon or object was used, or the person was threatened with one", "", 3),
    ("Someone has threatened to kill the person or someone close to them", "", 3),
    ("The person was strangled, choked, smothered or held by the neck", "", 3),
    ("The person is being followed, watched or contacted again and again", "including online", 2),
    ("The person who harmed them knows where they live or work", "", 2),
    ("The person who harmed them controls their money, documents or phone", "", 1),
    ("Sexual violence was part of what happened", "", 2),
    ("The person who harmed them has hurt others or broken orders before", "as far as known", 2),
    ("The person has nobody safe to turn to", "isolation", 1),
    ("The person is very frightened of what will happen next", "their own words count", 2),
    ("The person has thoughts of harming themselves", "", 2),
    ("Their immigration status or work is being used to threaten them", "", 1),
    ("Children or other dependants are also at risk", "", 1),
]

RISK_LEVELS = [
    ("Standard", 0, "Keep the safety plan under review at each contact."),
    ("Medium", 7, "Review the safety plan this week and discuss in supervision."),
    ("High", 14, "Act today: discuss with a supervisor and consider a multi-agency referral."),
]

OUTCOMES = [
    ("coping", "Coping better"),
    ("safer", "Feels safer"),
    ("health", "Accessed health or sexual health services"),
    ("housing", "Housing improved or secured"),
    ("legal", "Received legal or immigration advice"),
    ("mental-health", "Accessed mental health support"),
    ("finances", "Money or benefits improved"),
    ("reported", "Reported to the police"),
    ("justice", "Police or justice outcome (charge, conviction or order)"),
    ("onward", "Engaged with another service"),
]


def add_defaults(apps: Any, schema_editor: Any = None) -> None:
    RiskItem = apps.get_model("casework", "RiskItem")
    RiskLevel = apps.get_model("casework", "RiskLevel")
    OutcomeOption = apps.get_model("casework", "OutcomeOption")
    if not RiskItem.objects.exists():
        RiskItem.objects.bulk_create(
            RiskItem(text=text, help_text=help_text, weight=weight, sort_order=number)
            for number, (text, help_text, weight) in enumerate(RISK_ITEMS, start=1)
        )
    if not RiskLevel.objects.exists():
        RiskLevel.objects.bulk_create(
            RiskLevel(label=label, min_score=score, guidance=guidance)
            for label, score, guidance in RISK_LEVELS
        )
    # Only into an empty list: an outcome the organisation deleted stays deleted.
    if not OutcomeOption.objects.exists():
        OutcomeOption.objects.bulk_create(
            OutcomeOption(code=code, label=label, sort_order=number)
            for number, (code, label) in enumerate(OUTCOMES, start=1)
        )
