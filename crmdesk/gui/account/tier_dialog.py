"""Changing an account's tier: always with a reason, which lands in the
tier history (core.accounts.change_tier)."""

from __future__ import annotations

import getpass

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QSizePolicy, QWidget

from crmdesk.core.accounts import change_tier
from crmdesk.db.engine import Database
from crmdesk.db.enums import Tier
from crmdesk.db.models import Account
from crmdesk.errors import CrmError
from crmdesk.gui.common.style import badge_stylesheet
from crmdesk.gui.forms.ui_tier_change import Ui_TierChange


def _user_name() -> str | None:
    """Who made the change: the person logged in to this computer."""
    try:
        return getpass.getuser() or None
    except Exception:  # no login name available (some containers)
        return None


class TierChangeDialog(QDialog):
    def __init__(self, db: Database, account: Account, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.account = account
        self.ui = Ui_TierChange()
        self.ui.setupUi(self)
        self.ui.introLabel.setText(
            self.tr("Move <b>%s</b> to another tier. The reason is kept in its tier history.")
            % account.name.replace("<", "&lt;")
        )
        self.ui.currentTier.setText(account.tier.label)
        self.ui.currentTier.setStyleSheet(badge_stylesheet(account.tier))
        fixed = QSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.ui.currentTier.setSizePolicy(fixed)
        for tier in Tier:
            if tier is not account.tier:
                self.ui.newTier.addItem(tier.label, tier.value)
        self.ui.errorLabel.setStyleSheet("color: #c62828;")
        self.ok_button = self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Change tier"))
        self.ui.reason.textChanged.connect(self._update)
        self.ui.buttons.accepted.connect(self.accept)
        self.ui.buttons.rejected.connect(self.reject)
        self._update()
        self.resize(440, 300)

    def _update(self) -> None:
        self.ok_button.setEnabled(bool(self.ui.reason.toPlainText().strip()))

    def accept(self) -> None:
        """Record the change; on a refusal keep the dialog open with the reason."""
        try:
            change_tier(
                self.db,
                self.account.id,
                self.ui.newTier.currentData(),
                self.ui.reason.toPlainText(),
                changed_by=_user_name(),
            )
        except CrmError as exc:
            self.ui.errorLabel.setText(str(exc))
            return
        super().accept()
