"""The analysis datasets: long and wide tables, their codebook, and Stata/SPSS files.

The long table is the contract with the analysis code (`research.analysis`) and the evaluation
report: one row per participant and wave, named as `analysis.simulate` names its columns, so
`manage.py evaluate` runs on the export unchanged. Every participant has a baseline row and a
follow-up row; a follow-up not (yet) answered is a row of empty outcomes, as the estimators
expect. Rows carry the export pseudonym, never the participant's code, a contact detail or a
database id; free-text answers are left out unless the researcher asks and the study allows.

Reading it back with the codebook's types:
`pd.read_csv(path, dtype=dict(zip(book.variable, book.pandas_dtype)),
keep_default_na=False, na_values=[""])`.
"""

from __future__ import annotations

import dataclasses
import io
import re
import tempfile
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import pandas as pd
import pyreadstat

from redbrolly.core.models import Region
from redbrolly.research.instruments.model import Instrument, Item, relevant_answers
from redbrolly.research.instruments.scoring import (
    GAD7_BANDS,
    PHQ9_BANDS,
    SCORERS,
    VIOLENCE_TYPES,
)
from redbrolly.research.models import FollowUp, Participant, Study, WaveResponse
from redbrolly.research.questionnaires import resolve_instrument
from redbrolly.research.selectors import imported_definitions

PANDAS_DTYPES = {"integer": "Int64", "number": "float64", "string": "string", "date": "string"}
WAVES = {"0": "baseline", "1": "follow-up"}
YES_NO = {"0": "no", "1": "yes"}
CHOSEN = {"0": "not chosen", "1": "chosen"}
MULTI_SEPARATOR = "__"
# Stata allows 32 characters; pyreadstat names a value-label set after its variable plus a
# counter (up to three digits here), and a set name may have 31.
STATA_NAME_LIMIT = 28
DEMOGRAPHICS = "demographics"
SERVICE_USE = "service_use"


@dataclass(frozen=True)
class Variable:
    """One column and its codebook row. `waves` says at which waves it can hold values;
    `constant` ones (arm, demographics) repeat on every row of a participant."""

    name: str
    label: str
    type: str
    values: Mapping[str, str] = field(default_factory=dict)
    instrument: str = ""
    instrument_version: str = ""
    free_text: bool = False
    constant: bool = False
    waves: tuple[int, ...] = (0, 1)

    @property
    def pandas_dtype(self) -> str:
        return PANDAS_DTYPES[self.type]


@dataclass
class Dataset:
    long: pd.DataFrame
    variables: list[Variable]

    def codebook(self) -> pd.DataFrame:
        return codebook_frame(self.variables)

    @cached_property
    def _wide(self) -> tuple[pd.DataFrame, list[Variable]]:
        return wide_frame(self.long, self.variables)

    def wide(self) -> tuple[pd.DataFrame, list[Variable]]:
        return self._wide


KEY_VARIABLES = [
    Variable("participant", "Pseudonymous participant id (export only)", "string", constant=True),
    Variable("wave", "Wave", "integer", WAVES),
    Variable(
        "arm",
        "Arm at enrolment",
        "string",
        {"member": "member", "non_member": "non-member"},
        constant=True,
    ),
    Variable(
        "arm_now",
        "Membership at this wave (contamination)",
        "string",
        {"member": "member", "non_member": "non-member"},
    ),
    Variable("completed_on", "Date the wave was completed", "date"),
    Variable("wave_complete", "Wave completed", "integer", YES_NO),
    Variable("wave_due", "Wave window has opened", "integer", YES_NO),
    Variable(
        "withdrawn", "Withdrew (and chose to keep their data)", "integer", YES_NO, constant=True
    ),
    Variable("consent_version", "Consent form version agreed to", "integer", constant=True),
]

DEMOGRAPHIC_VARIABLES = [
    Variable(
        "sector",
        "Where they mostly work (baseline)",
        "string",
        constant=True,
        instrument=DEMOGRAPHICS,
    ),
    Variable(
        "migrant",
        "Born outside the UK (baseline)",
        "integer",
        YES_NO,
        constant=True,
        instrument=DEMOGRAPHICS,
    ),
    Variable("age_band", "Age band (baseline)", "string", constant=True, instrument=DEMOGRAPHICS),
    Variable("gender", "Gender (baseline)", "string", constant=True, instrument=DEMOGRAPHICS),
    Variable(
        "region",
        "Region code matched from the area they gave (baseline)",
        "string",
        constant=True,
        instrument=DEMOGRAPHICS,
    ),
]


def _bands(bands: Iterable[tuple[int, str]]) -> dict[str, str]:
    """Severity bands, lowest first, as value labels naming their lowest score."""
    return {band: f"{band} ({low}+)" for low, band in sorted(bands)}


# The scorers' columns as the export names them (the names `analysis.simulate` uses).
SCORE_VARIABLES: dict[str, list[tuple[str, Variable]]] = {
    "phq9": [
        ("phq9_total", Variable("phq9_total", "PHQ-9 total (0-27)", "integer")),
        ("phq9_band", Variable("phq9_band", "PHQ-9 severity band", "string", _bands(PHQ9_BANDS))),
    ],
    "gad7": [
        ("gad7_total", Variable("gad7_total", "GAD-7 total (0-21)", "integer")),
        ("gad7_band", Variable("gad7_band", "GAD-7 severity band", "string", _bands(GAD7_BANDS))),
    ],
    "eq5d3l_uk": [
        ("eq5d_profile", Variable("eq5d_profile", "EQ-5D-3L health state", "string")),
        ("eq5d_utility", Variable("eq5d_utility", "EQ-5D-3L utility, UK (Dolan 1997)", "number")),
    ],
    "violence": [
        (
            "viol_any",
            Variable("any_violence", "Any violence in the last 6 months", "integer", YES_NO),
        ),
        (
            "violence_count",
            Variable(
                "violence_count",
                "Incidents in the last 6 months (a yes without a count counts 1)",
                "integer",
            ),
        ),
        ("viol_types_count", Variable("violence_types", "Number of types of violence", "integer")),
        (
            "viol_reported",
            Variable("violence_reported", "Reported or told someone", "integer", YES_NO),
        ),
    ],
    "safety": [
        (
            "safety_strategies_count",
            Variable("safety_count", "Number of safety strategies used", "integer"),
        ),
    ],
    "service_use": [
        ("svc_count", Variable("service_count", "Number of our services used", "integer")),
        ("cost", Variable("cost", "Cost of services used, £ (study unit costs)", "number")),
    ],
}


# --- building the long table -------------------------------------------------------------------


def build(study: Study, *, free_text: bool = False) -> Dataset:
    """The long dataset; `free_text` is honoured only if the study allows it."""
    free_text = free_text and study.allow_free_text_export
    instruments = _instruments(study)
    waves_of = _waves_of(study)
    versions = _versions(study)
    variables = _variables(instruments, waves_of, versions, free_text=free_text)
    rows = list(_rows(study, instruments, waves_of))
    return Dataset(_frame(rows, variables), variables)


def _instruments(study: Study) -> list[Instrument]:
    imported = imported_definitions(study)
    ids = dict.fromkeys([*study.baseline_instruments, *study.followup_instruments])
    return [resolve_instrument(instrument_id, imported) for instrument_id in ids]


def _waves_of(study: Study) -> dict[str, tuple[int, ...]]:
    ids = set(study.baseline_instruments) | set(study.followup_instruments)
    return {i: tuple(w for w in (0, 1) if i in study.instruments_for(w)) for i in sorted(ids)}


def _versions(study: Study) -> dict[str, str]:
    from redbrolly.research.models import InstrumentResponse

    found: dict[str, set[str]] = {}
    pairs = InstrumentResponse.objects.filter(wave_response__participant__study=study)
    for instrument_id, version in pairs.values_list(
        "instrument_id", "instrument_version"
    ).distinct():
        found.setdefault(instrument_id, set()).add(version)
    return {key: " ".join(sorted(values)) for key, values in found.items()}


def _variables(
    instruments: list[Instrument],
    waves_of: Mapping[str, tuple[int, ...]],
    versions: Mapping[str, str],
    *,
    free_text: bool,
) -> list[Variable]:
    variables = list(KEY_VARIABLES)
    by_id = {instrument.id: instrument for instrument in instruments}
    version = {i.id: versions.get(i.id, i.version) for i in instruments}
    if DEMOGRAPHICS in by_id:
        variables += _demographic_variables(by_id[DEMOGRAPHICS], version[DEMOGRAPHICS])
    for instrument in instruments:
        for _source, variable in SCORE_VARIABLES.get(instrument.scoring or "", []):
            variables.append(
                _versioned(variable, version[instrument.id], waves_of[instrument.id], instrument.id)
            )
    for instrument in instruments:
        for item in instrument.items:
            variables += _item_variables(
                instrument, item, version[instrument.id], waves_of[instrument.id]
            )
    return [v for v in variables if free_text or not v.free_text]


# Derived demographics whose codes are the answer's own, so they share its value labels.
DEMOGRAPHIC_SOURCES = {
    "sector": "demo_sector",
    "age_band": "demo_age_band",
    "gender": "demo_gender",
}


def _demographic_variables(instrument: Instrument, version: str) -> list[Variable]:
    variables = []
    for variable in DEMOGRAPHIC_VARIABLES:
        items = {item.name: item for item in instrument.items}
        source = items.get(DEMOGRAPHIC_SOURCES.get(variable.name, ""))
        if source is not None:
            labels = {choice.value: choice.label for choice in source.choices}
            variable = dataclasses.replace(variable, values=labels)
        variables.append(_versioned(variable, version, (0,)))
    return variables


def _versioned(
    variable: Variable, version: str, waves: tuple[int, ...], instrument: str = ""
) -> Variable:
    return Variable(
        variable.name,
        variable.label,
        variable.type,
        variable.values,
        instrument or variable.instrument,
        version,
        constant=variable.constant,
        waves=waves,
    )


def _item_variables(
    instrument: Instrument, item: Item, version: str, waves: tuple[int, ...]
) -> list[Variable]:
    common: dict[str, Any] = {
        "instrument": instrument.id,
        "instrument_version": version,
        "waves": waves,
    }
    if item.type == "note":
        return []
    if item.type == "multi":
        return [
            Variable(
                _column(item.name, choice.value),
                f"{item.label}: {choice.label}",
                "integer",
                CHOSEN,
                **common,
            )
            for choice in item.choices
        ]
    if item.type == "matrix":
        kind, values = _choice_type(item)
        return [
            Variable(
                _column(item.name, row.value), f"{item.label}: {row.label}", kind, values, **common
            )
            for row in item.rows
        ]
    if item.type == "single":
        kind, values = _choice_type(item)
        return [Variable(item.name, item.label, kind, values, **common)]
    types = {"integer": "integer", "scale": "integer", "number": "number", "date": "date"}
    return [
        Variable(
            item.name,
            item.label,
            types.get(item.type, "string"),
            free_text=item.type == "text",
            **common,
        )
    ]


def _column(item: str, choice: str) -> str:
    return f"{item}{MULTI_SEPARATOR}{choice}"


def _choice_type(item: Item) -> tuple[str, dict[str, str]]:
    values = {choice.value: choice.label for choice in item.choices}
    numeric = all(re.fullmatch(r"-?\d+", value) for value in values)
    return ("integer" if numeric else "string"), values


def _rows(
    study: Study, instruments: list[Instrument], waves_of: Mapping[str, tuple[int, ...]]
) -> Iterable[dict[str, Any]]:
    participants = (
        Participant.objects.filter(study=study, data_deleted=False)
        .select_related("consent")
        .order_by("pk")
    )
    waves = _waves_by_participant(study)
    opens = dict(
        FollowUp.objects.filter(participant__study=study, wave=1).values_list(
            "participant_id", "opens_on"
        )
    )
    regions = _region_lookup()
    by_id = {instrument.id: instrument for instrument in instruments}
    for participant in participants:
        baseline: dict[str, Any] = {}
        for number in (0, 1):
            wave = waves.get((participant.pk, number))
            row = _row(participant, number, wave, opens.get(participant.pk))
            answers = _answers(wave, by_id, waves_of, number)
            row.update(_scores(answers, by_id, study.unit_costs))
            row.update(_items(answers, by_id))
            if number == 0:
                baseline = _demographics(answers.get(DEMOGRAPHICS), regions)
            row.update(baseline)
            yield row


def _waves_by_participant(study: Study) -> dict[tuple[int, int], WaveResponse]:
    waves = WaveResponse.objects.filter(participant__study=study).prefetch_related("responses")
    return {(wave.participant_id, wave.wave): wave for wave in waves}


def _row(
    participant: Participant, number: int, wave: WaveResponse | None, opens: Any
) -> dict[str, Any]:
    from django.utils import timezone

    completed = wave.completed_at if wave else None
    due = number == 0 or (opens is not None and opens <= timezone.localdate())
    consent = getattr(participant, "consent", None)
    return {
        "participant": participant.pseudonym,
        "wave": number,
        "arm": participant.arm,
        "arm_now": (wave.arm_now or None) if wave else None,
        "completed_on": timezone.localdate(completed).isoformat() if completed else None,
        "wave_complete": int(completed is not None),
        "wave_due": int(due),
        "withdrawn": int(participant.status == Participant.Status.WITHDRAWN),
        "consent_version": consent.form_version if consent else None,
    }


def _answers(
    wave: WaveResponse | None,
    instruments: Mapping[str, Instrument],
    waves_of: Mapping[str, tuple[int, ...]],
    number: int,
) -> dict[str, dict[str, Any]]:
    if wave is None:
        return {}
    found = {}
    for response in wave.responses.all():
        instrument = instruments.get(response.instrument_id)
        if instrument is not None and number in waves_of[instrument.id]:
            found[instrument.id] = relevant_answers(instrument, response.answers)
    return found


def _scores(
    answers: Mapping[str, dict[str, Any]],
    instruments: Mapping[str, Instrument],
    unit_costs: Mapping[str, float],
) -> dict[str, Any]:
    scores: dict[str, Any] = {}
    for instrument_id, given in answers.items():
        scoring = instruments[instrument_id].scoring
        if scoring not in SCORE_VARIABLES:
            continue
        computed = {**SCORERS[scoring](given), **_extra_scores(scoring, given, unit_costs)}
        for source, variable in SCORE_VARIABLES[scoring]:
            scores[variable.name] = computed.get(source)
    return scores


def _extra_scores(
    scoring: str, answers: Mapping[str, Any], unit_costs: Mapping[str, float]
) -> dict[str, Any]:
    if scoring == "violence":
        return {"violence_count": violence_count(answers)}
    if scoring == SERVICE_USE:
        return {"cost": service_cost(answers, unit_costs)}
    return {}


def violence_count(answers: Mapping[str, Any]) -> int | None:
    """Incidents over every type answered yes; a yes without a count counts as one."""
    any_violence = SCORERS["violence"](answers)["viol_any"]
    if any_violence is None:
        return None
    total = 0
    for kind in VIOLENCE_TYPES:
        if answers.get(f"viol_{kind}") == "yes":
            total += max(_integer(answers.get(f"viol_{kind}_count")) or 1, 1)
    return total


def service_cost(answers: Mapping[str, Any], unit_costs: Mapping[str, float]) -> float | None:
    used = SCORERS[SERVICE_USE](answers)["svc_count"]
    if used is None:
        return None
    spent = sum(float(cost) for name, cost in unit_costs.items() if answers.get(name) == "yes")
    return round(spent, 2)


def _integer(value: Any) -> int | None:
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return None


def _items(
    answers: Mapping[str, dict[str, Any]], instruments: Mapping[str, Instrument]
) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for instrument_id, given in answers.items():
        for item in instruments[instrument_id].items:
            values.update(_item_values(item, given))
    return values


def _item_values(item: Item, answers: Mapping[str, Any]) -> dict[str, Any]:
    value = answers.get(item.name)
    if item.type == "multi":
        chosen = _chosen(value)
        return {
            _column(item.name, c.value): (None if chosen is None else int(c.value in chosen))
            for c in item.choices
        }
    if item.type == "matrix":
        rows = value if isinstance(value, Mapping) else {}
        return {_column(item.name, row.value): rows.get(row.value) or None for row in item.rows}
    return {item.name: None if value in (None, "") else value}


def _chosen(value: Any) -> set[str] | None:
    if isinstance(value, str):
        return set(value.split()) if value.strip() else None
    if isinstance(value, list | tuple | set):
        return {str(choice) for choice in value} if value else None
    return None


def _demographics(answers: Mapping[str, Any] | None, regions: Mapping[str, str]) -> dict:
    answers = answers or {}
    born_outside = {"yes": 1, "no": 0}.get(str(answers.get("demo_born_outside_uk")))
    area = str(answers.get("demo_region") or "").strip().lower()
    return {
        "sector": answers.get("demo_sector"),
        "migrant": born_outside,
        "age_band": answers.get("demo_age_band"),
        "gender": answers.get("demo_gender"),
        "region": regions.get(area),
    }


def _region_lookup() -> dict[str, str]:
    """Region and town names, lower-cased, to region codes: free text becomes a category."""
    lookup: dict[str, str] = {}
    for region in Region.objects.all():
        for town in [*region.main_towns, region.name]:
            lookup.setdefault(str(town).strip().lower(), region.code)
    return lookup


def _frame(rows: list[dict[str, Any]], variables: list[Variable]) -> pd.DataFrame:
    columns = {
        v.name: pd.array([_cell(row.get(v.name), v.type) for row in rows], dtype=v.pandas_dtype)
        for v in variables
    }
    return pd.DataFrame(columns, columns=[v.name for v in variables])


def _cell(value: Any, kind: str) -> Any:
    """Answers are stored as typed on the form ("2"); the table holds them as their type."""
    if value is None or value == "":
        return None
    if kind == "integer":
        return _integer(value)
    if kind == "number":
        try:
            return float(value)
        except (TypeError, ValueError):
            return None
    return str(value)


# --- codebook and wide ------------------------------------------------------------------------


def codebook_frame(variables: list[Variable]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "variable": [v.name for v in variables],
            "label": [v.label for v in variables],
            "type": [v.type for v in variables],
            "values": [_values_text(v.values) for v in variables],
            "instrument": [v.instrument for v in variables],
            "instrument_version": [v.instrument_version for v in variables],
            "pandas_dtype": [v.pandas_dtype for v in variables],
            "stata_name": stata_names([v.name for v in variables]),
        }
    )


def _values_text(values: Mapping[str, str]) -> str:
    return "; ".join(f"{value}={label}" for value, label in values.items())


def wide_frame(
    long: pd.DataFrame, variables: list[Variable]
) -> tuple[pd.DataFrame, list[Variable]]:
    """One row per participant: constant columns once, the others as `<name>_<wave>`."""
    constant = [v for v in variables if v.constant]
    varying = [v for v in variables if not v.constant and v.name != "wave"]
    keys = long.loc[long["wave"] == 0, [v.name for v in constant]].reset_index(drop=True)
    columns: dict[str, Any] = {}
    wide_variables = list(constant)
    for number in (0, 1):
        part = long.loc[long["wave"] == number].set_index("participant")
        for v in varying:
            if number in v.waves:
                name = f"{v.name}_{number}"
                columns[name] = part[v.name].reindex(keys["participant"]).reset_index(drop=True)
                wide_variables.append(_renamed(v, name, number))
    return pd.concat([keys, pd.DataFrame(columns)], axis=1), wide_variables


def _renamed(variable: Variable, name: str, wave: int) -> Variable:
    label = f"{variable.label} ({WAVES[str(wave)]})"
    return Variable(
        name,
        label,
        variable.type,
        variable.values,
        variable.instrument,
        variable.instrument_version,
        variable.free_text,
        True,
        (wave,),
    )


# --- Stata and SPSS ----------------------------------------------------------------------------


def stata_names(names: list[str]) -> list[str]:
    """Valid Stata/SPSS names (28 characters at most), unique, as close to the CSV's as can be."""
    used: set[str] = set()
    result = []
    for name in names:
        candidate = re.sub(r"[^A-Za-z0-9_]", "_", name)
        if not re.match(r"[A-Za-z_]", candidate):
            candidate = f"v_{candidate}"
        candidate = _shortened(candidate, used)
        used.add(candidate.lower())
        result.append(candidate)
    return result


def _shortened(candidate: str, used: set[str]) -> str:
    if len(candidate) <= STATA_NAME_LIMIT and candidate.lower() not in used:
        return candidate
    for number in range(1, 10_000):
        suffix = f"_{number}"
        shortened = candidate[: STATA_NAME_LIMIT - len(suffix)] + suffix
        if shortened.lower() not in used:
            return shortened
    raise ValueError("too many similar variable names")


def stat_file(frame: pd.DataFrame, variables: list[Variable], kind: str) -> bytes:
    """The table as a Stata .dta or SPSS .sav file, with variable and value labels."""
    names = stata_names([v.name for v in variables])
    renamed = frame.rename(columns=dict(zip(frame.columns, names, strict=True)))
    labels: list[str | None] = [v.label[:80] for v in variables]
    value_labels: dict[str, dict[int | float, str]] = {
        name: {int(value): label[:80] for value, label in v.values.items()}
        for name, v in zip(names, variables, strict=True)
        if v.type == "integer" and v.values
    }
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"data.{kind}"
        writer = pyreadstat.write_dta if kind == "dta" else pyreadstat.write_sav
        writer(renamed, str(path), column_labels=labels, variable_value_labels=value_labels)
        return path.read_bytes()


# --- files -------------------------------------------------------------------------------------

FILES = {
    "long.csv": "text/csv",
    "wide.csv": "text/csv",
    "codebook.csv": "text/csv",
    "codebook-wide.csv": "text/csv",
    "long.dta": "application/x-stata-dta",
    "wide.dta": "application/x-stata-dta",
    "long.sav": "application/x-spss-sav",
    "wide.sav": "application/x-spss-sav",
    "export.zip": "application/zip",
}


def file_bytes(dataset: Dataset, name: str) -> bytes:
    """One export file by name (a key of FILES)."""
    if name == "export.zip":
        return _zip(dataset)
    shape, kind = name.rsplit(".", 1)
    if shape.startswith("codebook"):
        frame = dataset.codebook() if shape == "codebook" else codebook_frame(dataset.wide()[1])
        return _csv(frame)
    frame, variables = (dataset.long, dataset.variables) if shape == "long" else dataset.wide()
    return _csv(frame) if kind == "csv" else stat_file(frame, variables, kind)


def _csv(frame: pd.DataFrame) -> bytes:
    return frame.to_csv(index=False, lineterminator="\n").encode("utf-8")


README = """Pseudonymised export of a research study.

long.csv      one row per participant and wave (0 baseline, 1 follow-up)
wide.csv      one row per participant; wave-varying columns end _0 and _1
codebook.csv  variable, label, type, values, instrument, instrument_version (long.csv);
              pandas_dtype and stata_name as read by the files below
*.dta, *.sav  the same tables for Stata and SPSS (names as in the codebook's stata_name)

Read the CSV with its types in pandas:
  book = pd.read_csv("codebook.csv", keep_default_na=False)
  data = pd.read_csv("long.csv", dtype=dict(zip(book.variable, book.pandas_dtype)),
                     keep_default_na=False, na_values=[""])
"""


def _zip(dataset: Dataset) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", README)
        for name in FILES:
            if name != "export.zip":
                archive.writestr(name, file_bytes(dataset, name))
    return buffer.getvalue()
