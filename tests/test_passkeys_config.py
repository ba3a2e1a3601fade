"""ORBIT_PASSKEYS: on unless turned off; anything but on/off (and their usual spellings) refused
at start-up rather than guessed."""
import pytest

from server.config import from_environment


@pytest.mark.parametrize("raw, on", [(None, True), ("on", True), ("ON", True), ("1", True),
                                     ("off", False), ("0", False), ("no", False), (" off ", False)])
def test_passkeys_switch(monkeypatch, raw, on):
    if raw is None:
        monkeypatch.delenv("ORBIT_PASSKEYS", raising=False)
    else:
        monkeypatch.setenv("ORBIT_PASSKEYS", raw)
    assert from_environment()["PASSKEYS"] is on


def test_a_misspelt_switch_is_refused(monkeypatch):
    monkeypatch.setenv("ORBIT_PASSKEYS", "disabled")
    with pytest.raises(ValueError, match="ORBIT_PASSKEYS must be on or off"):
        from_environment()
