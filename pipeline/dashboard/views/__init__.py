"""One module per view. Each has ``render(corpus, claims, filters, url)``: ``claims`` are the
sentences that pass the shared filters, ``url`` seeds and publishes the view's own parameters."""
