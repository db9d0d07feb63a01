"""Server-drawn SVG charts: well-formed, labelled in words, the same bytes for the same data."""

import base64
import xml.etree.ElementTree as ET

import numpy as np
import pandas as pd

from redbrolly.lib import charts

SVG = "{http://www.w3.org/2000/svg}"


def texts(svg: str) -> str:
    root = ET.fromstring(svg)
    return " ".join("".join(node.itertext()) for node in root.iter(f"{SVG}text"))


def draws() -> np.ndarray:
    rng = np.random.default_rng(1)
    return np.column_stack([rng.normal(0.01, 0.004, 3000), rng.normal(250, 60, 3000)])


def test_the_ce_plane_labels_its_thresholds_and_is_reproducible():
    svg = charts.ce_plane(draws(), [20_000, 30_000], point=(0.01, 250.0))
    words = texts(svg)
    assert "£20,000 per QALY" in words
    assert "£30,000 per QALY" in words
    assert "Point estimate" in words
    assert "Incremental cost per person" in words
    # Replicates are one embedded raster (PDF renderers choke on thousands of markers).
    assert svg.count("<image") == 1
    assert charts.ce_plane(draws(), [20_000, 30_000], point=(0.01, 250.0)) == svg


def test_the_ceac_runs_from_nothing_to_certainty_with_threshold_labels():
    curve = pd.DataFrame({"wtp": np.arange(0, 50_001, 1000.0)})
    curve["p_cost_effective"] = np.linspace(0, 1, len(curve))
    words = texts(charts.ceac(curve, thresholds=(20_000, 30_000)))
    assert "£20,000" in words and "£30,000" in words
    assert "Probability cost-effective" in words
    assert "100%" in words


def test_outcome_changes_name_every_outcome_and_arm_and_skip_hidden_means():
    svg = charts.outcome_change(
        {
            "Depression (PHQ-9)": {"Members": (11.4, 8.8), "Non-members": (8.7, 9.2)},
            "Any violence": {"Members": (0.46, None), "Non-members": (0.34, 0.35)},
        }
    )
    words = texts(svg)
    for label in ("Depression (PHQ-9)", "Any violence", "Members", "Non-members", "Baseline"):
        assert label in words


def test_the_flow_diagram_shows_each_stage_with_suppressed_counts_as_text():
    svg = charts.flow_diagram(
        {
            "Members": {"enrolled": "273", "baseline": "273", "followed_up": "167", "lost": "106"},
            "Non-members": {"enrolled": "<5", "baseline": "<5", "followed_up": "<5", "lost": "0"},
        }
    )
    root = ET.fromstring(svg)
    title = root.find(f"{SVG}title")
    assert title is not None and title.text == "Participant flow by arm"
    words = texts(svg)
    for label in ("Members", "Non-members", "Enrolled", "Lost to follow-up", "n = <5", "n = 167"):
        assert label in words
    assert "style=" not in svg


def test_a_chart_travels_as_a_data_uri_that_decodes_to_itself():
    svg = charts.flow_diagram({"Members": {"enrolled": "12"}})
    uri = charts.data_uri(svg)
    assert uri.startswith("data:image/svg+xml;base64,")
    assert base64.b64decode(uri.split(",", 1)[1]).decode() == svg
