"""The HTML report: chart specifications and the page, pure (``khobor.flows.report`` gathers the data)."""
