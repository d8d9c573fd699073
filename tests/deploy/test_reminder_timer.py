"""The systemd units of the reminder job: the timer's calendar is one systemd understands, and the service runs
the command the README names."""

import configparser
import shutil
import subprocess
from pathlib import Path

import pytest

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"


def _unit(name: str) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.optionxform = str
    parser.read(DEPLOY / name, encoding="utf-8")
    return parser


def test_the_service_runs_the_reminder_command_once_per_start():
    service = _unit("masterplan-reminders.service")["Service"]
    assert service["Type"] == "oneshot"
    assert service["ExecStart"].endswith("python -m cli reminders send")


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed")
def test_the_timer_calendar_is_valid_for_systemd():
    calendar = _unit("masterplan-reminders.timer")["Timer"]["OnCalendar"]
    result = subprocess.run(["systemd-analyze", "calendar", calendar], capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    assert "Next elapse" in result.stdout
