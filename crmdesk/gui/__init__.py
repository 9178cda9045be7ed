"""The Qt front end, the only package that imports PySide6.

The shell sits here at the top: the main window (``main_window``), its menu
actions (``window_actions``), the welcome page, the start-up guards
(``instance_lock``) and the feature registry (``features``). Below it, one
package per feature (``portfolio``, ``account``, ``activity``,
``import_wizard``, ``plans``, ``safety``) and ``common`` for what they share.
Feature packages import ``common`` and ``forms`` only, never each other nor
the shell; they reach the window through :class:`common.window_api.WindowApi`.
"""
