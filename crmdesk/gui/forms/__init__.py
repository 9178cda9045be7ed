"""Generated from ui/*.ui by crmdesk.gui.build_forms; do not edit."""
