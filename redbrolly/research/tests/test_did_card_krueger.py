"""The DiD engine against the textbook minimum-wage example, on any column names."""

import numpy as np
import pandas as pd
import pytest

from redbrolly.research.analysis.did import did

# Card & Krueger (1994), "Minimum Wages and Employment: A Case Study of the Fast-Food Industry
# in New Jersey and Pennsylvania", AER 84(4):772-793, Table 3, mean FTE employment per store.
PUBLISHED_MEANS = {
    ("NJ", "before"): 20.44,
    ("NJ", "after"): 21.03,
    ("PA", "before"): 23.33,
    ("PA", "after"): 21.17,
}
STORES = {"NJ": 331, "PA": 79}  # stores in the paper's sample


def card_krueger_panel() -> pd.DataFrame:
    """Stores whose FTE scatter around, and average exactly to, the published cell means."""
    rng = np.random.default_rng(1994)
    frames = []
    for (state, period), mean in PUBLISHED_MEANS.items():
        scatter = rng.normal(0.0, 9.0, STORES[state])
        frames.append(
            pd.DataFrame(
                {
                    "store": [f"{state}-{i}" for i in range(STORES[state])],
                    "state": state,
                    "period": period,
                    "fte": mean + scatter - scatter.mean(),
                }
            )
        )
    return pd.concat(frames, ignore_index=True)


def test_it_reproduces_the_card_krueger_difference_in_differences():
    """Card & Krueger (1994, AER 84(4):772-793) Table 3: (21.03 - 20.44) - (21.17 - 23.33) = 2.75
    from the rounded means printed there (2.76 in the paper, from unrounded means)."""
    panel = card_krueger_panel()
    result = did(panel, "fte", "state", "period", "store", treated="NJ")
    assert result.estimate == pytest.approx(2.75, abs=0.005)
    assert result.n_obs == 2 * (331 + 79)
    assert result.n_clusters == 331 + 79
    assert result.ci_low < 2.75 < result.ci_high


def test_it_gives_the_same_answer_whatever_the_columns_are_called():
    """Same Card & Krueger (1994) panel, renamed and recoded as a cohort export would be."""
    panel = card_krueger_panel().rename(
        columns={"store": "Store ID", "state": "état", "period": "wave #", "fte": "FTE (jobs)"}
    )
    panel["état"] = panel["état"].map({"NJ": "member", "PA": "non_member"})
    panel["wave #"] = panel["wave #"].map({"before": "baseline", "after": "followup"})
    result = did(panel, "FTE (jobs)", "état", "wave #", "Store ID")
    assert result.estimate == pytest.approx(2.75, abs=0.005)


@pytest.mark.parametrize(
    ("members", "others"),
    [(1, 0), (True, False), ("member", "non_member"), ("Member", "non_member"), ("1", "0")],
)
def test_it_treats_the_member_level_as_treated_however_arm_is_coded(members, others):
    panel = card_krueger_panel()
    panel["state"] = panel["state"].map({"NJ": members, "PA": others})
    panel["period"] = panel["period"].map({"before": 0, "after": 1})
    result = did(panel, "fte", "state", "period", "store")
    assert result.estimate == pytest.approx(2.75, abs=0.005)
