"""Councils: the register (mySociety CC-BY-4.0 data) and identification in text and URLs."""

from productivity_plans.councils.register import (
    ATTRIBUTION,
    Council,
    CouncilType,
    Register,
    load_register,
)

__all__ = ["ATTRIBUTION", "Council", "CouncilType", "Register", "load_register"]
