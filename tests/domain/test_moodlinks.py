"""Welch's t-test written by hand, against values SciPy computes (scipy.stats.ttest_ind with
equal_var=False, recorded here), and the rules of a mood link."""
import pytest

from server.domain.moodlinks import link_text, mood_link, welch_p_value


@pytest.mark.parametrize("a, b, expected", [
    ([4, 4, 5, 4, 5, 4, 4, 5], [3, 3, 2, 3, 3, 2, 3], 2.4531599331002425e-05),
    ([1, 2, 3, 4, 5, 3, 2], [2, 3, 4, 5, 3, 4, 4, 2, 3], 0.4503496341873791),
])
def test_welch_p_values_match_scipy(a, b, expected):
    assert welch_p_value(a, b) == pytest.approx(expected, rel=1e-9)


def test_groups_of_equal_moods_are_no_evidence_or_certain():
    assert welch_p_value([3] * 8, [3] * 9) == 1.0  # nothing differs: no link, no division by zero
    assert welch_p_value([4] * 8, [2] * 9) == 0.0


def test_a_link_needs_seven_days_in_each_group_and_p_below_five_percent():
    assert mood_link([5] * 6 + [4], [2] * 6) is None
    assert mood_link([3, 4, 3, 4, 3, 4, 3], [4, 3, 4, 3, 4, 3, 3]) is None
    link = mood_link([4, 4, 5, 4, 5, 4, 4, 5], [3, 3, 2, 3, 3, 2, 3])
    assert link == {"mood_done": 4.4, "mood_not_done": 2.7, "days_done": 8, "days_not_done": 7,
                    "p_value": 2.45e-05}
    assert link_text("Walk", False, link) == (
        "On days you did Walk, your mood averaged 4.4; on days you didn't, 2.7 (over 15 days). "
        "A link, not proof of cause.")
