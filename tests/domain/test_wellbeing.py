"""The WHO-5 score and its rules (server/domain/wellbeing.py) against the instrument's published
figures: raw 0-25 times four, poor wellbeing at 50 or below (raw under 13), likely depression at
28 or below (raw 7 or below), a change of 10 points meaningful, a check every two weeks."""
from datetime import date, timedelta

import pytest

from server.domain import wellbeing as who5

DAY = date(2026, 3, 9)  # a fixed day: the domain is given today, never reads it


def test_all_of_the_time_is_100_and_at_no_time_is_0():
    assert who5.score([5, 5, 5, 5, 5]) == 100
    assert who5.score([0, 0, 0, 0, 0]) == 0


def test_raw_13_is_52_the_first_score_above_the_cut_off():
    answers = [3, 3, 3, 2, 2]
    assert who5.raw_score(answers) == 13
    assert who5.score(answers) == 52
    assert who5.band(52) == "good" and not who5.is_low(52)


@pytest.mark.parametrize("raw, band", [(12, "poor"), (8, "poor"), (7, "low"), (0, "low"),
                                       (13, "good"), (25, "good")])
def test_the_bands_at_their_boundaries(raw, band):
    assert who5.band(raw * 4) == band
    assert who5.is_low(raw * 4) == (raw <= 12)


def test_the_published_cut_offs_themselves():
    assert who5.band(50) == "poor" and who5.band(51) == "good"
    assert who5.band(28) == "low" and who5.band(29) == "poor"


@pytest.mark.parametrize("answers", [[5, 5, 5, 5], [5, 5, 5, 5, 5, 5], [6, 0, 0, 0, 0],
                                     [-1, 0, 0, 0, 0]])
def test_anything_but_five_answers_from_0_to_5_is_refused(answers):
    with pytest.raises(ValueError):
        who5.score(answers)


def test_the_items_are_the_official_wording_in_order():
    assert [text for _, text in who5.ITEMS] == [
        "I have felt cheerful and in good spirits", "I have felt calm and relaxed",
        "I have felt active and vigorous", "I woke up feeling fresh and rested",
        "My daily life has been filled with things that interest me"]
    assert [v for v, _ in who5.SCALE] == [5, 4, 3, 2, 1, 0]
    assert who5.SCALE[0][1] == "All of the time" and who5.SCALE[-1][1] == "At no time"


@pytest.mark.parametrize("previous, latest, change, direction", [
    (None, 40, None, "first"), (40, 50, 10, "up"), (50, 40, -10, "down"),
    (40, 48, 8, "steady"), (48, 40, -8, "steady"), (40, 40, 0, "steady")])
def test_a_change_of_10_points_is_meaningful(previous, latest, change, direction):
    assert who5.trend(previous, latest) == who5.Trend(change, direction)


def test_due_never_checked_and_from_the_fourteenth_day():
    assert who5.is_due(True, None, DAY)
    assert not who5.is_due(True, DAY - timedelta(days=13), DAY)
    assert who5.is_due(True, DAY - timedelta(days=14), DAY)
    assert not who5.is_due(True, DAY, DAY)
    assert who5.next_due(DAY - timedelta(days=3), DAY) == DAY + timedelta(days=11)
    assert who5.next_due(None, DAY) == DAY


def test_never_due_while_off():
    assert not who5.is_due(False, None, DAY)
    assert not who5.is_due(False, DAY - timedelta(days=400), DAY)


def test_an_invitation_set_aside_comes_back_a_week_later():
    assert who5.invite(True, None, None, DAY)
    assert not who5.invite(True, None, DAY, DAY)
    assert not who5.invite(True, None, DAY - timedelta(days=6), DAY)
    assert who5.invite(True, None, DAY - timedelta(days=7), DAY)
    assert not who5.invite(True, DAY - timedelta(days=13), None, DAY)
    assert not who5.invite(False, None, None, DAY)
