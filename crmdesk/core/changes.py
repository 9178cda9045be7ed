"""What an operation changed, so that a front end refreshes only what shows it.

In the spirit of Anki's ``OpChanges``: an operation says which kinds of
records it wrote and for which accounts; the window maps that onto its panes
(the portfolio rows of those accounts, the open account's tabs, the
follow-ups list, the status bar) instead of every action calling a
hand-picked list of reloads. Qt-free, so services and the command line can
return it too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum


class Kind(StrEnum):
    """A kind of record an operation may have written."""

    ACCOUNT = "account"  # an account's own fields (name, status, owner, tier …)
    OWNER = "owner"  # the set of owner names may have changed
    TIER = "tier"  # a tier change (the account's tier and its history)
    CONTACT = "contact"
    ACTIVITY = "activity"  # activities and follow-ups
    PLAN = "plan"  # account plans and their items


@dataclass(frozen=True, slots=True)
class Changes:
    """Which kinds of records changed, at which accounts.

    ``everything`` stands for a change too wide to list (an import, a
    restore, sample data): every view reloads."""

    kinds: frozenset[Kind] = field(default_factory=frozenset)
    account_ids: frozenset[int] = field(default_factory=frozenset)
    everything: bool = False

    @classmethod
    def of(cls, *kinds: Kind, accounts: Iterable[int | None] = ()) -> Changes:
        """``Changes.of(Kind.CONTACT, accounts=[7])``; None ids are dropped."""
        return cls(frozenset(kinds), frozenset(a for a in accounts if a is not None))

    @classmethod
    def all(cls) -> Changes:
        return cls(frozenset(Kind), frozenset(), everything=True)

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.kinds | other.kinds,
            self.account_ids | other.account_ids,
            self.everything or other.everything,
        )

    def __bool__(self) -> bool:
        return self.everything or bool(self.kinds)

    def touches(self, *kinds: Kind) -> bool:
        """True when any of ``kinds`` (any kind at all, without arguments) changed."""
        if self.everything:
            return True
        return bool(self.kinds & set(kinds)) if kinds else bool(self.kinds)

    def touches_account(self, account_id: int | None) -> bool:
        return account_id is not None and (self.everything or account_id in self.account_ids)
