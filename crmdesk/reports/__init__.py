"""PDF documents (reportlab): account plans and review packs. Qt-free; takes
the plain data built by crmdesk.core.plan_document."""
